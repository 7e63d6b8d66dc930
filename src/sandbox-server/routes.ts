import { SANDBOX_MERCHANT_CODE } from '../sandbox/engine/fixtures';
import { depositVirtualAccount } from './deposit';
import { ApiError, ok, type Reply } from './envelope';
import { pick, requireString } from './fields';
import { decodeSegment } from './parse';
import * as rest from './rest';
import { receipt, recordPayment, sdkScript } from './sandbox-routes';
import { nowSeconds, type World } from './world';

/** Path parameters by name (decoded), then the parsed request. */
type Handler = (world: World, params: Record<string, string | undefined>, request: rest.RestRequest) => Reply;

export interface Route {
  method: string;
  /** The path as documented, e.g. `/payments/find/{merchant_uid}/{payment_status?}`. */
  template: string;
  pattern: RegExp;
  names: string[];
  /** Needs `Authorization` (a token from `POST /users/getToken`). */
  auth: boolean;
  handle: Handler;
}

function route(method: string, template: string, auth: boolean, handle: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/\/\{(\w+)(\?)?\}/g, (_, name: string, optional?: string) => {
    names.push(name);
    return optional ? '(?:/([^/]+))?' : '/([^/]+)';
  });
  return { method, template, pattern: new RegExp(`^${source}$`), names, auth, handle };
}

/** Decode the path parameters of a matched route; a bad `%` escape is a 400 naming the parameter. */
export function pathParams(found: Route, path: string): Record<string, string | undefined> {
  const match = found.pattern.exec(path)!;
  const params = Object.create(null) as Record<string, string | undefined>;
  found.names.forEach((name, index) => {
    const raw = match[index + 1];
    params[name] = raw === undefined ? undefined : decodeSegment(raw, name);
  });
  return params;
}

const UNAUTHORIZED = 'Unauthorized';
export const unauthorized = () => new ApiError(401, -1, UNAUTHORIZED);

function getToken(world: World, request: rest.RestRequest): Reply {
  world.stats.tokenRequests++;
  const body = pick(request.body, ['imp_key', 'imp_secret']);
  if (body.imp_key === undefined || body.imp_secret === undefined) {
    throw new ApiError(400, -1, 'imp_key, imp_secret 파라미터가 누락되었습니다. (send {"imp_key": "sandbox_key", "imp_secret": "sandbox_secret"})');
  }
  const key = requireString(body, 'imp_key');
  const secret = requireString(body, 'imp_secret');
  if (key !== world.impKey || secret !== world.impSecret)
    throw new ApiError(401, -1, '입력된 imp_key, imp_secret 정보가 올바르지 않습니다. (unknown REST API key or secret)');
  return ok(world.tokens.issue(nowSeconds()));
}

/** Every endpoint, most specific first (a path that matches with another method is a 405). */
export const ROUTES: readonly Route[] = [
  route('POST', '/users/getToken', false, (world, _p, request) => getToken(world, request)),
  route('GET', '/payments/find/{merchant_uid}/{payment_status?}', true, (world, p, request) =>
    rest.findPayment(world, p.merchant_uid!, p.payment_status, request),
  ),
  route('GET', '/payments/findAll/{merchant_uid}/{payment_status?}', true, (world, p, request) =>
    rest.findAllPayments(world, p.merchant_uid!, p.payment_status, request),
  ),
  route('GET', '/payments/status/{payment_status}', true, (world, p, request) => rest.paymentsByStatus(world, p.payment_status!, request)),
  route('POST', '/payments/prepare', true, (world, _p, request) => rest.prepare(world, request)),
  route('PUT', '/payments/prepare', true, (world, _p, request) => rest.updatePrepared(world, request)),
  route('GET', '/payments/prepare/{merchant_uid}', true, (world, p) => rest.getPrepared(world, p.merchant_uid!)),
  route('POST', '/payments/cancel', true, (world, _p, request) => rest.cancel(world, request)),
  route('GET', '/payments/{imp_uid}/balance', true, (world, p, request) => rest.paymentBalance(world, p.imp_uid!, request)),
  route('GET', '/payments/{imp_uid}', true, (world, p, request) => rest.getPayment(world, p.imp_uid!, request)),
  route('GET', '/payments', true, (world, _p, request) => rest.getPayments(world, request)),
  route('POST', '/subscribe/payments/again', true, (world, _p, request) => rest.again(world, request)),
  route('POST', '/subscribe/payments/onetime', true, (world, _p, request) => rest.onetime(world, request)),
  route('POST', '/subscribe/payments/schedule', true, (world, _p, request) => rest.schedule(world, request)),
  route('GET', '/subscribe/payments/schedule', true, (world, _p, request) => rest.schedulesInRange(world, request)),
  route('POST', '/subscribe/payments/unschedule', true, (world, _p, request) => rest.unschedule(world, request)),
  route('GET', '/subscribe/payments/schedule/customers/{customer_uid}', true, (world, p, request) => rest.schedulesOfCustomer(world, p.customer_uid!, request)),
  route('GET', '/subscribe/payments/schedule/{merchant_uid}', true, (world, p) => rest.scheduleOf(world, p.merchant_uid!)),
  route('GET', '/subscribe/customers', true, (world, _p, request) => rest.readKeys(world, request)),
  route('GET', '/subscribe/customers/{customer_uid}/payments', true, (world, p, request) => rest.customerPayments(world, p.customer_uid!, request)),
  route('GET', '/subscribe/customers/{customer_uid}/schedules', true, (world, p, request) => rest.schedulesOfCustomer(world, p.customer_uid!, request)),
  route('POST', '/subscribe/customers/{customer_uid}', true, (world, p, request) => rest.issueKey(world, p.customer_uid!, request)),
  route('GET', '/subscribe/customers/{customer_uid}', true, (world, p) => rest.readKey(world, p.customer_uid!)),
  route('DELETE', '/subscribe/customers/{customer_uid}', true, (world, p, request) => rest.deleteKey(world, p.customer_uid!, request)),
  route('GET', '/v1/iamport.js', false, (world) => sdkScript(world.merchantName, world.faults)),
  route('POST', '/__sandbox/payments', false, (world, _p, request) => recordPayment(world, request)),
  route('POST', '/__sandbox/payments/{imp_uid}/deposit', false, (world, p, request) => depositVirtualAccount(world, p.imp_uid!, request)),
  route('POST', '/__sandbox/expire-tokens', false, (world) => ok({ expired: world.tokens.expireAll() })),
  route('GET', '/__sandbox/stats', false, (world) =>
    ok({ ...world.stats, webhooksDelivered: world.webhooks.delivered, webhooksFailed: world.webhooks.failed, webhookAttempts: world.webhooks.attempts }),
  ),
  route('GET', '/__sandbox/receipts/{imp_uid}', false, (world, p) => receipt(world, p.imp_uid!)),
  route('GET', '/', false, (world) =>
    ok({ name: 'iamport-sandbox', script: `${world.url}/v1/iamport.js`, merchant_code: SANDBOX_MERCHANT_CODE, docs: 'docs/sandbox.md' }),
  ),
];

const byMethod = new Map<string, Route[]>();
for (const entry of ROUTES) byMethod.set(entry.method, [...(byMethod.get(entry.method) ?? []), entry]);

/** The route for a request, or the refusal: 405 when the path exists for other methods, else 404. */
export function findRoute(method: string, path: string): Route {
  const found = byMethod.get(method)?.find((candidate) => candidate.pattern.test(path));
  if (found) return found;
  if (ROUTES.some((candidate) => candidate.pattern.test(path))) throw new ApiError(405, -1, `Method ${method} is not allowed on ${path}.`);
  throw new ApiError(404, -1, `No such endpoint: ${method} ${path.slice(0, 200)}`);
}
