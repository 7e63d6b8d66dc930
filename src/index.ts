/**
 * `react-iamport-jtnet`: the core helpers, the provider and hooks, and the drop-in components.
 *
 * No `'use client'` here: each hook and component module carries its own directive, so in React
 * Server Components they become client references while the core helpers (`createMerchantUid`,
 * `cardFilter`, `validatePaymentRequest`, `MESSAGES`, …) stay functions a Server Component can
 * call. Every client module is re-exported BY NAME from its barrel (./react, ./components): Next.js
 * refuses `export *` across a client boundary. The stars below only join the three barrels (no
 * directive on either side); they also let bundlers keep the lazily loaded payment runtime out of
 * the hooks' first chunk, which named re-exports here would pull in (esbuild does).
 */
export * from './core';
export * from './react';
export * from './components';
