/**
 * `react-iamport-jtnet/testing/server`: `iamport-sandbox` for your server tests, Node only. A
 * subpath of its own because it starts a Node server and holds the REST client: `./testing` is
 * loaded by jsdom unit tests, browser-mode tests and Playwright specs, and must stay free of both.
 * See docs/testing.md.
 */
export { startTestSandbox, withSandboxServer, type SandboxPaymentInput, type TestSandbox, type TestSandboxOptions } from './sandbox-fixture';
export type { WebhookDelivery, WebhookEndpoint, WebhookRoute } from './webhook-endpoint';
export { SANDBOX_CARDS, SANDBOX_CHANNEL_KEY, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_MERCHANT_CODE } from '../../sandbox/engine/fixtures';
