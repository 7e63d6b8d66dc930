import { ApiError, ok, type Reply } from './envelope';
import { optionalInteger, pick } from './fields';
import type { RestRequest } from './rest';
import { notify, nowSeconds, type World } from './world';

const ISSUE_ONE = "issue one with POST /__sandbox/payments {merchant_uid, amount, pay_method: 'vbank'} (or the sandbox window) and deposit into its imp_uid";
const refuse = (message: string) => new ApiError(400, -1, message);

/**
 * POST /__sandbox/payments/{imp_uid}/deposit — the buyer's bank transfer into an issued virtual
 * account arrives, which only the bank can cause in the real world: the `ready` vbank payment
 * becomes `paid` (`paid_at` now; the account fields and `receipt_url` stay), is journaled, and
 * its webhook (`status: 'paid'`) goes to the notice URLs it was issued with. Body `{amount?}`:
 * JTNet accounts take exactly the issued amount, so another amount is refused. Refused: unknown
 * imp_uid (404), not a virtual account, not awaiting its deposit, past its due date (400).
 */
export function depositVirtualAccount(world: World, impUid: string, { body, form }: RestRequest): Reply {
  const amount = optionalInteger(pick(body, ['amount']), 'amount', form, 1);
  const payment = world.store.payment(impUid);
  if (!payment) throw new ApiError(404, -1, `존재하지 않는 결제정보입니다. (no payment ${JSON.stringify(impUid)} on this sandbox; ${ISSUE_ONE})`);
  const what = `${impUid} (pay_method: ${payment.pay_method}, status: ${payment.status})`;
  if (payment.pay_method !== 'vbank')
    throw refuse(`가상계좌 결제 건이 아닙니다. (${what} is not a virtual account: only pay_method 'vbank' takes a deposit; ${ISSUE_ONE})`);
  if (payment.status !== 'ready') {
    throw refuse(
      `가상계좌가 입금대기 상태(ready)가 아닙니다. (${what} is not awaiting a deposit: a virtual account is deposited into once, while it is 'ready'; issue a new one for another deposit)`,
    );
  }
  const now = nowSeconds();
  if (payment.vbank_date < now) {
    throw refuse(
      `가상계좌 입금기한이 지났습니다. (${what}: its due date vbank_date ${payment.vbank_date} has passed, the bank refuses the transfer; issue an account with a later vbank_due, e.g. no vbank_due for 3 days)`,
    );
  }
  if (amount !== undefined && amount !== payment.amount) {
    throw refuse(
      `입금 금액(${amount})이 가상계좌 발급 금액(${payment.amount})과 일치하지 않습니다. (${impUid}: JTNet virtual accounts take exactly the issued amount, no partial or extra deposit; send amount ${payment.amount} or leave amount out)`,
    );
  }
  payment.status = 'paid';
  payment.paid_at = now;
  world.store.savePayment(payment);
  notify(world, payment);
  return ok(payment);
}
