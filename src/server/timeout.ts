/** Rejects with `TIMED_OUT` when `run` has not settled within `ms`; the work itself is abandoned, not cancelled. */
export const TIMED_OUT = Symbol('timed out');

export async function withTimeout<T>(ms: number, run: () => Promise<T> | T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
