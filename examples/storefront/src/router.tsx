// A tiny History API router: enough for four pages, no dependency.
import { useEffect, useRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

/** Go to a path inside the shop (pushState) and re-render the routes. */
export function navigate(to: string) {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

/** The current pathname. */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => location.pathname,
    () => '/',
  );
}

/** Title of the tab, per page. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · 온기 커피 로스터스`;
  }, [title]);
}

/**
 * A ref for the heading of a step that just appeared: it takes the focus once, on mount, so
 * screen reader and keyboard users land on the new step (the heading needs `tabIndex={-1}`).
 *
 * @example
 * const heading = useFocusOnMount<HTMLHeadingElement>(); // <h2 ref={heading} tabIndex={-1}>
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** An `<a>` that navigates without reloading (modified clicks open a new tab as usual). */
export function Link({ href, onClick, children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  const current = usePathname() === href;
  return (
    <a href={href} onClick={handle} aria-current={current ? 'page' : undefined} {...props}>
      {children}
    </a>
  );
}
