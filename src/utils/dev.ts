/**
 * True outside production builds. Bundlers replace `process.env.NODE_ENV`, so the long
 * "how to fix" hints in error messages are dropped from production bundles (like React's).
 */
export const DEV = process.env.NODE_ENV !== 'production';
