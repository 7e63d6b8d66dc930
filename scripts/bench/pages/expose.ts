/** Hands a page's measurements to Playwright as `window.__bench`. */
export function expose(value: object): void {
  (window as unknown as { __bench: object }).__bench = value;
}
