/**
 * `iamport-sandbox`: a local stand-in for api.iamport.kr and the SDK CDN (Node only, no
 * dependencies). See docs/sandbox.md.
 */
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';
export { runSandboxCli, parseSandboxArgs } from './cli';
export {
  SANDBOX_CARDS,
  SANDBOX_CHANNEL_KEY,
  SANDBOX_IMP_KEY,
  SANDBOX_IMP_SECRET,
  SANDBOX_MERCHANT_CODE,
  SANDBOX_PG_ID,
  SANDBOX_PORT,
} from '../sandbox/engine/fixtures';
