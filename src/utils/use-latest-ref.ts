import { useRef, type MutableRefObject } from 'react';

/**
 * A ref that always holds the value from the latest render, so callbacks read through it are
 * never stale and never need to be effect dependencies.
 *
 * @example
 * const onSuccessRef = useLatestRef(props.onSuccess)
 * // later, in an async callback: onSuccessRef.current?.(outcome)
 */
export function useLatestRef<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  // Written during render (not in an effect) so a handler fired right after a re-render sees it.
  ref.current = value;
  return ref;
}
