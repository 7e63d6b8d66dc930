import type { PaymentOutcome, PaymentUnknown } from '../core/outcome';
import type { LandingVerification } from './RedirectLanding';

/**
 * Asks YOUR server whether a request the SDK never answered (`unknown`) was paid, by
 * `outcome.merchantUid` (`impUid` is `null`). Return what your verify endpoint says
 * (`createVerifyHandler` accepts `{ merchantUid }` alone), or a boolean.
 *
 * @example
 * const verify: VerifyUnknown = (outcome) =>
 *   fetch('/api/payments/verify', { method: 'POST', body: JSON.stringify({ merchantUid: outcome.merchantUid }) }).then((r) => r.json())
 */
export type VerifyUnknown<O extends PaymentOutcome = PaymentOutcome> = (outcome: O & PaymentUnknown) => Promise<boolean | LandingVerification>;
