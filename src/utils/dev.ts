/**
 * True outside production builds. Bundlers replace `process.env.NODE_ENV`, so the long
 * "how to fix" hints in error messages (`DEV && '…'`) are dropped from production bundles.
 *
 * To drop whole functions (rule sets, prop checks), test `process.env.NODE_ENV !== 'production'`
 * inline instead: esbuild folds an imported constant only after tree-shaking, so functions
 * behind `if (DEV)` would stay in the bundle.
 */
export const DEV = process.env.NODE_ENV !== 'production';
