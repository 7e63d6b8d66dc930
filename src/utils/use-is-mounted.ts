import { useEffect, useRef, type MutableRefObject } from 'react';

/**
 * `ref.current` is `true` while the component is mounted; async work checks it before setting
 * state. Follows StrictMode's unmount/remount (false in between, true again after).
 *
 * @example
 * const mounted = useIsMounted()
 * promise.then((value) => mounted.current && setValue(value))
 */
export function useIsMounted(): MutableRefObject<boolean> {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
