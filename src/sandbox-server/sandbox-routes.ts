import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyCard } from '../sandbox/engine/cards';
import { FAULTS_SLOT } from '../sandbox/engine/faults';
import { MERCHANT_NAME_SLOT, SANDBOX_CARDS } from '../sandbox/engine/fixtures';
import type { PayMethod } from '../core/types';
import { customData, noticeUrlList, optionalInteger, optionalString, pick, requireInteger, requireString } from './fields';
import { ApiError, ok, type Reply } from './http';
import type { RestRequest } from './rest';
import { checkVbankDue } from './vbank-due';
import { charge, nowSeconds, saveBillingKey, type World } from './world';

/** File name of the browser sandbox built as a classic script (IIFE) next to this module in dist/. */
export const SDK_SCRIPT_FILE = 'sandbox-sdk.js';
const PAY_METHODS: readonly string[] = ['card', 'trans', 'vbank', 'phone'];

function moduleDir(): string {
  // CJS bundles have __dirname; ESM (and the TS sources under vitest) have import.meta.url.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

let script: string | undefined;
/** The script with a merchant name and/or faults filled in, per value (a server has one; no work per request). */
const named = new Map<string, string>();
// A slot as a quoted literal; the minifier may have inlined it in more than one place.
const literal = (slot: string) => new RegExp(`(["'\`])${slot}\\1`, 'g');
const SLOT_LITERAL = literal(MERCHANT_NAME_SLOT);
const FAULTS_LITERAL = literal(FAULTS_SLOT);

/** Replace a slot with a JSON string (a function replacement: `$` in the value stays literal). */
function fillSlot(body: string, slot: string, pattern: RegExp, value: string): string {
  if (!body.includes(slot)) throw new ApiError(500, -1, `iamport-sandbox: dist/${SDK_SCRIPT_FILE} has no ${slot} slot; rebuild it with \`npm run build\`.`);
  return body.replace(pattern, () => JSON.stringify(value));
}

/**
 * GET /v1/iamport.js — the sandbox `window.IMP`, recording payments on this server. With a
 * `merchantName` its window shows that name, as the real window shows the name registered
 * for the merchant code; with `faults` (`iamport-sandbox --fault`) it reproduces the real SDK's
 * silent failures.
 */
export function sdkScript(merchantName?: string, faults?: string): Reply {
  if (script === undefined) {
    const here = moduleDir();
    // Next to the CJS bundle (dist/), two levels up from the ESM module (dist/esm/sandbox-server/), or dist/ from src/.
    const file = [join(here, SDK_SCRIPT_FILE), join(here, '../..', SDK_SCRIPT_FILE), join(here, '../../dist', SDK_SCRIPT_FILE)].find((path) =>
      existsSync(path),
    );
    if (!file) {
      return {
        status: 503,
        contentType: 'text/javascript; charset=utf-8',
        body: `console.error("iamport-sandbox: the browser sandbox script is not built; run \`npm run build\` (expected dist/${SDK_SCRIPT_FILE}).");`,
      };
    }
    script = readFileSync(file, 'utf8');
  }
  if (merchantName === undefined && !faults) return { status: 200, contentType: 'text/javascript; charset=utf-8', body: script };
  const key = JSON.stringify([merchantName ?? null, faults ?? null]);
  let body = named.get(key);
  if (body === undefined) {
    body = merchantName === undefined ? script : fillSlot(script, MERCHANT_NAME_SLOT, SLOT_LITERAL, merchantName);
    if (faults) body = fillSlot(body, FAULTS_SLOT, FAULTS_LITERAL, faults);
    named.set(key, body);
  }
  return { status: 200, contentType: 'text/javascript; charset=utf-8', body };
}

const WINDOW_FIELDS = [
  'merchant_uid',
  'amount',
  'name',
  'pay_method',
  'pg',
  'card_number',
  'card_code',
  'card_quota',
  'customer_uid',
  'vbank_due',
  'buyer_name',
  'buyer_email',
  'buyer_tel',
  'buyer_addr',
  'buyer_postcode',
  'custom_data',
  'notice_url',
] as const;
/** What the real SDK counts as a phone for `channel: 'mobile'`. */
const MOBILE_AGENT = /Mobi|Android|iPhone|iPad|iPod/;

/**
 * POST /__sandbox/payments — how the window (and tests) record a payment: the buyer's browser
 * (`User-Agent`) decides `channel` (`pc` / `mobile`) and is kept as `user_agent`.
 */
export function recordPayment(world: World, { body: raw, form, headers }: RestRequest): Reply {
  const body = pick(raw, WINDOW_FIELDS);
  const customerUid = optionalString(body, 'customer_uid');
  const payMethod = (optionalString(body, 'pay_method') ?? 'card') as PayMethod;
  if (!PAY_METHODS.includes(payMethod)) throw new ApiError(400, -1, `pay_method must be one of card, trans, vbank, phone; got ${JSON.stringify(payMethod)}.`);
  if (customerUid && payMethod !== 'card') throw new ApiError(400, -1, "Billing keys (customer_uid) are issued for pay_method 'card' only.");
  const cardNumber = optionalString(body, 'card_number') ?? SANDBOX_CARDS.approve;
  const text = (field: string) => optionalString(body, field);
  const userAgent = typeof headers['user-agent'] === 'string' ? headers['user-agent'] : undefined;
  const payment = charge(
    world,
    {
      merchant_uid: requireString(body, 'merchant_uid'),
      amount: requireInteger(body, 'amount', form, customerUid ? 0 : 1),
      name: text('name'),
      pay_method: payMethod,
      pg: text('pg'),
      channel: userAgent && MOBILE_AGENT.test(userAgent) ? 'mobile' : 'pc',
      user_agent: userAgent,
      card_number: payMethod === 'card' ? cardNumber : undefined,
      card_code: text('card_code'),
      card_quota: optionalInteger(body, 'card_quota', form, 0, 36),
      customer_uid: customerUid,
      vbank_due: payMethod === 'vbank' ? checkVbankDue(text('vbank_due'), nowSeconds()) : undefined,
      buyer_name: text('buyer_name'),
      buyer_email: text('buyer_email'),
      buyer_tel: text('buyer_tel'),
      buyer_addr: text('buyer_addr'),
      buyer_postcode: text('buyer_postcode'),
      custom_data: customData(body.custom_data),
    },
    noticeUrlList(body),
  );
  // the window issues the key only when it succeeded (a declined charge issues nothing), on the payment's channel
  if (customerUid && payment.status === 'paid' && classifyCard(cardNumber) !== 'invalid')
    saveBillingKey(world, customerUid, cardNumber, undefined, payment.card_code ?? undefined, payment.pg_id);
  return ok(payment);
}

const escapeHtml = (value: string | number | null | undefined) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /__sandbox/receipts/{imp_uid} — a plain receipt page (every value escaped). */
export function receipt(world: World, impUid: string): Reply {
  const payment = world.store.payment(impUid);
  if (!payment) throw new ApiError(404, -1, '존재하지 않는 결제정보입니다.');
  const rows = (
    ['imp_uid', 'merchant_uid', 'name', 'amount', 'cancel_amount', 'status', 'pay_method', 'card_name', 'card_number', 'apply_num', 'paid_at'] as const
  )
    .map((field) => `<tr><th scope="row">${field}</th><td>${escapeHtml(payment[field])}</td></tr>`)
    .join('');
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ko"><meta charset="utf-8"><title>영수증 ${escapeHtml(impUid)}</title><h1>Sandbox receipt</h1><table>${rows}</table></html>`,
  };
}
