/** What {@link withTimeout} rejects with; callers turn it into their own error (IamportApiError 'timeout'). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * `run()`, or a {@link TimeoutError} when it has not settled within `ms`: then `onTimeout` runs
 * (abort the work there), else the work is abandoned, not cancelled.
 *
 * @example
 * const controller = new AbortController();
 * await withTimeout(5_000, () => fetch(url, { signal: controller.signal }), () => controller.abort());
 */
export async function withTimeout<T>(ms: number, run: () => Promise<T> | T, onTimeout?: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new TimeoutError(`did not settle within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
