import { ApiError, ok, type Reply } from '../envelope';
import { optionalString, pick, requireInteger, requireString } from '../fields';
import type { Prepared } from '../store';
import type { World } from '../world';
import type { RestRequest } from './request';

function parsePrepared({ body: raw, form }: RestRequest): Prepared {
  const body = pick(raw, ['merchant_uid', 'amount', 'currency']);
  return {
    merchant_uid: requireString(body, 'merchant_uid'),
    amount: requireInteger(body, 'amount', form, 0),
    currency: optionalString(body, 'currency') ?? null,
  };
}

/**
 * POST /payments/prepare — registers the amount of an order before the window opens; a window
 * or REST payment of that merchant_uid with another amount is then refused (`code: 1`).
 * Registering the same merchant_uid twice is refused too: change it with PUT.
 */
export function prepare(world: World, request: RestRequest): Reply {
  const prepared = parsePrepared(request);
  if (world.store.prepared.has(prepared.merchant_uid)) {
    throw new ApiError(200, 1, `이미 사전등록된 merchant_uid입니다: ${prepared.merchant_uid} (change its amount with PUT /payments/prepare)`);
  }
  world.store.savePrepared(prepared);
  return ok(prepared);
}

/** PUT /payments/prepare — changes a registered amount; 404 when the merchant_uid was never prepared. */
export function updatePrepared(world: World, request: RestRequest): Reply {
  const prepared = parsePrepared(request);
  if (!world.store.prepared.has(prepared.merchant_uid))
    throw new ApiError(
      404,
      -1,
      `사전등록된 결제정보가 존재하지 않습니다. (merchant_uid ${prepared.merchant_uid} was never prepared; POST /payments/prepare first)`,
    );
  world.store.savePrepared(prepared);
  return ok(prepared);
}

/** GET /payments/prepare/{merchant_uid} — the spec lists no 404 here, so an unknown order is `code: 1` with HTTP 200. */
export function getPrepared(world: World, merchantUid: string): Reply {
  const prepared = world.store.prepared.get(merchantUid);
  if (!prepared) throw new ApiError(200, 1, `사전등록된 결제정보가 존재하지 않습니다. (merchant_uid ${merchantUid} was never prepared)`);
  return ok(prepared);
}
