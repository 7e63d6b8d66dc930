// Every project's first setup file: an unexpected console.error or console.warn fails the test
// that caused it (test/support/console.ts). Registered before any other hook on purpose.
import { guardConsole } from './console';

guardConsole();
