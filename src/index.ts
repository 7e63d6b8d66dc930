export * from './core';
export * from './react';
export * from './components';
