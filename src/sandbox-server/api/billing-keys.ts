import { classifyCard, DEFAULT_CARD_CODE } from '../../sandbox/engine/cards';
import { SANDBOX_PG_ID } from '../../sandbox/engine/fixtures';
import { INVALID_CARD_MESSAGE, NETWORK_MESSAGE } from '../../sandbox/engine/messages';
import { ApiError, ok, type Reply } from '../envelope';
import { optionalString, pick, stringList } from '../fields';
import type { BillingKey } from '../store';
import { saveBillingKey, type World } from '../world';
import { checkCard, checkChannelKey } from './charges';
import type { RestRequest } from './request';

const KEY_FIELDS = [
  'channel_key',
  'pg',
  'customer_id',
  'card_number',
  'expiry',
  'birth',
  'pwd_2digit',
  'cvc',
  'customer_name',
  'customer_tel',
  'customer_email',
  'customer_addr',
  'customer_postcode',
] as const;

const unknownCustomer = (customerUid: string) => `등록되지 않은 구매자입니다. (no billing key for customer_uid ${JSON.stringify(customerUid)})`;

/** `pg`: `jtnet` or `jtnet.{MID}` picks the channel (the MID becomes the key's `pg_id`). */
function channelMid(pg: string | undefined): string {
  if (pg === undefined) return SANDBOX_PG_ID;
  const [provider, mid] = pg.split('.');
  if (provider !== 'jtnet')
    throw new ApiError(400, -1, `pg ${JSON.stringify(pg)}: the sandbox has a JTNet channel only; send pg: 'jtnet' (or 'jtnet.{MID}') or leave it out.`);
  return mid || SANDBOX_PG_ID;
}

/**
 * POST /subscribe/customers/{customer_uid} — `channel_key` is required (2026-05-20); the
 * network card and unknown cards are refused with `code: -1`.
 */
export function issueKey(world: World, customerUid: string, request: RestRequest): Reply {
  const body = pick(request.body, KEY_FIELDS);
  const cardNumber = checkCard(body);
  optionalString(body, 'customer_id');
  const mid = channelMid(optionalString(body, 'pg'));
  checkChannelKey(body, true);
  const verdict = classifyCard(cardNumber);
  if (verdict === 'network') throw new ApiError(200, -1, NETWORK_MESSAGE);
  if (verdict === 'invalid') throw new ApiError(200, -1, INVALID_CARD_MESSAGE);
  return ok(saveBillingKey(world, customerUid, cardNumber, body, DEFAULT_CARD_CODE, mid).info);
}

function findKey(world: World, customerUid: string): BillingKey {
  const key = world.store.billingKeys.get(customerUid);
  if (!key) throw new ApiError(404, -1, unknownCustomer(customerUid));
  return key;
}

/** GET /subscribe/customers/{customer_uid} */
export function readKey(world: World, customerUid: string): Reply {
  return ok(findKey(world, customerUid).info);
}

/** GET /subscribe/customers?customer_uid[]=… — 200 when all exist, 207 with those that do, else 404. */
export function readKeys(world: World, { query }: RestRequest): Reply {
  const uids = stringList(query.customer_uid, 'customer_uid');
  if (!uids) throw new ApiError(400, -1, 'customer_uid[] 파라미터가 누락되었습니다. (send ?customer_uid[]=…)');
  const found = uids.flatMap((uid) => world.store.billingKeys.get(uid)?.info ?? []);
  if (found.length === 0) throw new ApiError(404, -1, unknownCustomer(uids.join(', ')));
  return { ...ok(found), status: found.length === uids.length ? 200 : 207 };
}

/** DELETE /subscribe/customers/{customer_uid} (`?reason=`) */
export function deleteKey(world: World, customerUid: string, { query }: RestRequest): Reply {
  optionalString(query, 'reason');
  const key = findKey(world, customerUid);
  world.store.deleteBillingKey(customerUid);
  return ok(key.info);
}
