/**
 * `react-iamport-jtnet/sandbox`: an offline, framework-free `IMP` for development, stories
 * and tests. See docs/sandbox.md.
 */
export { createSandboxIamport, type SandboxEvent, type SandboxIamport, type SandboxMode, type SandboxOptions } from './create-sandbox';
export type { SandboxChannel } from './engine/channels';
export type { SandboxFaults } from './engine/faults';
export { SANDBOX_CARDS, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_MERCHANT_CODE, SANDBOX_PORT } from './engine/fixtures';
