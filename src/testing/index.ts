/**
 * `react-iamport-jtnet/testing`: test your own checkout offline, in minutes. A programmable fake
 * `IMP` for unit tests, Testing Library rendering inside the provider, and Playwright helpers
 * for the sandbox's payment window and the mobile redirect. No test framework here: pass your
 * own `render` and `page`. Never imported by the other entries. Server tests:
 * `react-iamport-jtnet/testing/server`. See docs/testing.md.
 */
export {
  createFakeIamport,
  isFakeIamport,
  type FakeAnswer,
  type FakeDecline,
  type FakeIamport,
  type FakeIamportOptions,
  type FakePendingRequest,
} from './fake-iamport';
export { renderWithIamport, type RenderWithIamportOptions } from './render-with-iamport';
export {
  expectRedirectLanding,
  sandboxWindow,
  type PlaywrightLocatorLike,
  type PlaywrightPageLike,
  type RedirectLanded,
  type SandboxActionOptions,
  type SandboxCardDetails,
  type SandboxWindow,
} from './playwright';
export { SANDBOX_CARDS, SANDBOX_MERCHANT_CODE } from '../sandbox/engine/fixtures';
