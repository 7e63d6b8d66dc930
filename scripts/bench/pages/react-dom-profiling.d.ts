// react-dom/profiling is react-dom/client with Profiler timings kept in the production build;
// @types/react-dom does not declare it.
declare module 'react-dom/profiling' {
  export * from 'react-dom/client';
}
