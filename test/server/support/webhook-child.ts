// A server instance that dies inside onPaid: it claims the event in Redis, reports that onPaid
// started, and hangs until the test SIGKILLs it (no finally, no release: a real crash).
// Bundled with esbuild and run with `node` by redis.node.test.ts.
import { Redis } from 'ioredis';
import { createRedisDedupe, handleWebhook, type Payment } from '../../../src/server';

async function main() {
  const [port, leaseMs, impUid, merchantUid] = process.argv.slice(2) as [string, string, string, string];
  const redis = new Redis(Number(port), '127.0.0.1');
  const payment = {
    imp_uid: impUid,
    merchant_uid: merchantUid,
    amount: 1000,
    cancel_amount: 0,
    currency: 'KRW',
    status: 'paid',
    sandbox: false,
    pay_method: 'card',
  } as Payment;
  const client = {
    mode: 'live' as const,
    getPayment: async () => payment,
    findPayment: async () => payment,
    getPreparedPayment: async () => Promise.reject(new Error('not used')),
  };
  const request = new Request('http://shop.test/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_uid: impUid, merchant_uid: merchantUid, status: 'paid' }),
  });
  await handleWebhook(request, {
    client,
    dedupe: createRedisDedupe(redis),
    leaseMs: Number(leaseMs),
    lookupOrder: () => ({ amount: 1000 }),
    onPaid: () => {
      process.stdout.write('onPaid started\n');
      return new Promise<void>(() => undefined);
    },
  });
}

void main();
