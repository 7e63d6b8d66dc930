// A recurring charge must be safe to retry: one merchant_uid per charge period, so a job that
// runs twice (a crash after the charge, a timeout, a redeploy) never charges twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IamportApiError } from '../../src/server';
import { APPROVE, CARD, sandboxClient, uid, sandboxForTests } from './support/sandbox';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The argument text of every `chargeBillingKey(…)` call in a document (parentheses balanced). */
function chargeCalls(text: string): string[] {
  const calls: string[] = [];
  for (const match of text.matchAll(/chargeBillingKey\(/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    for (; depth > 0 && end < text.length; end++) depth += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
    calls.push(text.slice(match.index + match[0].length, end - 1));
  }
  return calls;
}

describe('a recurring charge is retried with the same merchant_uid', () => {
  it.each(DOCS)('%s never makes a new merchant_uid per chargeBillingKey call', (file) => {
    for (const args of chargeCalls(readFileSync(join(ROOT, file), 'utf8'))) {
      const merchantUid = /merchant_uid\s*:\s*([^,\n}]+)/.exec(args)?.[1] ?? '';
      expect(merchantUid, `${file}: chargeBillingKey(${args})`).not.toMatch(/createMerchantUid|Date\.now|randomUUID|Math\.random|new Date/);
    }
  });

  describe('against iamport-sandbox', () => {
    const sandbox = sandboxForTests();

    it("README's renew, run twice for one period, charges once: i'mport refuses a paid merchant_uid", async () => {
      const { client } = sandboxClient(sandbox());
      const subscription = { id: uid('s'), customerUid: uid('cust') };
      await client.issueBillingKey({ customer_uid: subscription.customerUid, card_number: APPROVE, ...CARD });
      const renew = (period: string) =>
        client.chargeBillingKey({ customer_uid: subscription.customerUid, merchant_uid: `sub_${subscription.id}_${period}`, amount: 9900, name: '월간 구독' });

      const first = await renew('2026-07');
      const retry = await renew('2026-07').catch((error: unknown) => error);
      expect(retry).toBeInstanceOf(IamportApiError);
      expect(retry).toMatchObject({ kind: 'api', code: 1 });
      const payments = await client.findAllPayments(first.merchant_uid);
      expect(payments.list.filter((payment) => payment.status === 'paid')).toHaveLength(1);
      await expect(renew('2026-08')).resolves.toMatchObject({ status: 'paid', amount: 9900 });
    });
  });
});
