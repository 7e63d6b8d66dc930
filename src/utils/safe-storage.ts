/**
 * `sessionStorage` when it exists and works; `null` on the server, in sandboxed iframes and
 * in private modes that throw on access.
 */
export function getSessionStorage(): Storage | null {
  try {
    const storage = typeof window === 'undefined' ? undefined : window.sessionStorage;
    if (!storage) return null;
    const probe = '__react_iamport_jtnet__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
