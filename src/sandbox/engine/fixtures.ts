/**
 * Sandbox fixtures: fixed values every test, story and example uses. DOM-free, shared by the
 * browser sandbox and `iamport-sandbox` (one source of truth).
 */

/** Merchant code (`IMP.init`) the sandbox expects in examples. */
export const SANDBOX_MERCHANT_CODE = 'imp00000000';
/** REST credentials `iamport-sandbox` accepts by default. */
export const SANDBOX_IMP_KEY = 'sandbox_key';
export const SANDBOX_IMP_SECRET = 'sandbox_secret';
/** Default port of `iamport-sandbox`. */
export const SANDBOX_PORT = 8090;

/**
 * The sandbox's one payment channel (a JTNet test channel): its key is what
 * `POST /subscribe/customers/{customer_uid}` requires as `channel_key` since 2026-05-20, and its
 * MID is the `pg_id` of every payment, billing key and schedule made on it (unless a request
 * names another MID with `pg: 'jtnet.{MID}'`).
 *
 * @example
 * await iamport.issueBillingKey({ customer_uid, channel_key: SANDBOX_CHANNEL_KEY, ...card })
 */
export const SANDBOX_CHANNEL_KEY = 'channel-key-00000000-0000-4000-8000-000000000000';
/** MID (`pg_id`) of the sandbox channel. */
export const SANDBOX_PG_ID = 'tpaytest0m';

/**
 * The string literal in the classic script (`/v1/iamport.js`) that `iamport-sandbox
 * --merchant-name` replaces, JSON-escaped, when it serves the script.
 */
export const MERCHANT_NAME_SLOT = '%IAMPORT_SANDBOX_MERCHANT_NAME%';

/**
 * Test cards: one approves, one is declined (insufficient funds), one fails at the network/PG.
 *
 * @example
 * request_pay(...) // then type SANDBOX_CARDS.approve in the sandbox window
 */
export const SANDBOX_CARDS = Object.freeze({
  approve: '4242-4242-4242-4242',
  decline: '4000-0000-0000-0002',
  network: '4000-0000-0000-0119',
});
