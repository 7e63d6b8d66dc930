// A minimal React DevTools hook, installed before react-dom loads (import this module first):
// after every commit it walks the fiber tree and counts the components that rendered in it.
// A function component that rendered has a new hooks list (memoizedState) in the committed
// tree; one that bailed out keeps the object it had before.
const renders = new Map<string, number>();
const seen = new WeakSet<object>();

interface Fiber {
  type: unknown;
  memoizedState: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

function nameOf(type: unknown): string | undefined {
  return typeof type === 'function' ? (type as { name?: string }).name : undefined;
}

function walk(fiber: Fiber | null): void {
  for (let node = fiber; node; node = node.sibling) {
    const name = nameOf(node.type);
    const state = node.memoizedState;
    if (name && state && typeof state === 'object' && !seen.has(state)) {
      seen.add(state);
      renders.set(name, (renders.get(name) ?? 0) + 1);
    }
    walk(node.child);
  }
}

(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
};

/** Renders per component name since the last reset (components with hooks only). */
export const componentRenders = {
  read: (name: string) => renders.get(name) ?? 0,
  reset: () => renders.clear(),
};
