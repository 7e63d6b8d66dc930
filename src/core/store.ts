/** @internal A value that listeners can watch: the `subscribe` / `getSnapshot` pair of `useSyncExternalStore`. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/**
 * @internal The smallest external store: the value changes only through `set`, which tells
 * every listener synchronously (React batches what they schedule).
 *
 * @example
 * const store = createStore(0)
 * const stop = store.subscribe(() => console.log(store.get()))
 * store.set(1) // logs 1
 */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
