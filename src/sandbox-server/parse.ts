import { ApiError } from './envelope';

/**
 * Request input as data only: every object is null-prototype, so no key a client sends can
 * reach `Object.prototype` (`__proto__[notice_url]=…` must never change another request).
 */
export type Fields = { [field: string]: unknown };

/** Keys that name JavaScript internals: refused anywhere in a body or query. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;
/** `schedules[999]` is fine, `schedules[99999999]` would allocate a giant sparse array. */
const MAX_INDEX = 999;

const bad = (message: string) => new ApiError(400, -1, message);

export const emptyFields = (): Fields => Object.create(null) as Fields;

function checkKey(key: string, path: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw bad(`${path}: the key "${key}" is not allowed (it names a JavaScript internal); send only the documented fields.`);
  }
}

/** A JSON value → the same value with null-prototype objects, forbidden keys refused. */
function toData(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw bad(`${path || 'body'} is nested deeper than ${MAX_DEPTH} levels.`);
  if (Array.isArray(value)) return value.map((item, index) => toData(item, `${path}[${index}]`, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out = emptyFields();
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    checkKey(key, field);
    out[key] = toData((value as Fields)[key], field, depth + 1);
  }
  return out;
}

/**
 * A JSON body → null-prototype fields; 400 for malformed JSON, a non-object, or a forbidden key.
 *
 * @example
 * parseJsonBody('{"imp_key":"k"}').imp_key // 'k'
 */
export function parseJsonBody(text: string): Fields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw bad(
      `요청 본문을 JSON으로 해석할 수 없습니다 (malformed JSON body: ${(error as Error).message}). Send JSON with Content-Type: application/json, or a form-encoded body.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw bad('The request body must be a JSON object, e.g. {"imp_key": "...", "imp_secret": "..."}.');
  }
  return toData(parsed, '', 0) as Fields;
}

/**
 * qs-style form or query text → null-prototype fields: `a=1&b[0][c]=2&d[]=3&d[]=4` →
 * `{ a: '1', b: [{ c: '2' }], d: ['3', '4'] }`; a repeated plain key becomes a list. 400 for a
 * forbidden key, an index over 999, deeper than 16 levels, or a key used both as a value and
 * as an object.
 *
 * @example
 * parseForm('customer_uid=c1&merchant_uid[]=a').merchant_uid // ['a']
 */
export function parseForm(text: string): Fields {
  const root = emptyFields();
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.endsWith(']') && key.includes('[') ? key.slice(0, -1).split(/\]?\[/) : [key];
    if (path.length > MAX_DEPTH) throw bad(`${key} is nested deeper than ${MAX_DEPTH} levels.`);
    let node: Fields | unknown[] = root;
    path.forEach((part, index) => {
      checkKey(part, key);
      const last = index === path.length - 1;
      let slot: string | number = part;
      if (Array.isArray(node)) {
        if (part !== '' && !/^\d+$/.test(part)) throw bad(`${key}: "${part}" is not a list index.`);
        slot = part === '' ? node.length : Number(part);
        if (slot > MAX_INDEX) throw bad(`${key}: list index ${slot} is over ${MAX_INDEX}.`);
      }
      const container = node as Fields & unknown[];
      const existing = container[slot as never];
      if (last) {
        if (existing === undefined || Array.isArray(node)) container[slot as never] = value;
        else if (typeof existing === 'string') container[slot as never] = [existing, value] as never;
        else if (Array.isArray(existing) && existing.every((item) => typeof item === 'string')) existing.push(value);
        else throw bad(`${key} is given both as a value and as a list or object.`);
        return;
      }
      if (existing === undefined) {
        const child = /^\d*$/.test(path[index + 1]!) ? [] : emptyFields();
        container[slot as never] = child;
        node = child;
      } else if (typeof existing === 'object' && existing !== null) {
        node = existing as Fields;
      } else {
        throw bad(`${key} is given both as a value and as a list or object.`);
      }
    });
  }
  return root;
}

/** The request target split into a decoded path and its query text; 400 when malformed. */
export interface Target {
  path: string;
  query: string;
}

/**
 * `req.url` → path (trailing slashes dropped) + query. Origin-form (`/payments/x?y`) is split by
 * hand (the hot path); absolute-form (`http://host/path`) goes through `URL`. Anything else, or
 * an absolute URL that does not parse, is a 400.
 *
 * @example
 * parseTarget('/payments/imp_1/?include_sandbox=true') // { path: '/payments/imp_1', query: 'include_sandbox=true' }
 */
export function parseTarget(raw: string | undefined): Target {
  let target = raw ?? '/';
  if (!target.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw bad(`Malformed request target ${JSON.stringify(target.slice(0, 100))}: send a path such as /payments/imp_123456789012.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`Unsupported request target scheme ${url.protocol}; send a path.`);
    target = url.pathname + url.search;
  }
  const mark = target.indexOf('?');
  const rawPath = mark === -1 ? target : target.slice(0, mark);
  let end = rawPath.length;
  while (end > 1 && rawPath.charCodeAt(end - 1) === 47 /* / */) end--;
  return { path: rawPath.slice(0, end), query: mark === -1 ? '' : target.slice(mark + 1) };
}

/**
 * One path segment, percent-decoded; a bad escape (`%E0%A4%A`, a lone `%`) is a 400 naming the segment.
 *
 * @example
 * decodeSegment('order%201', 'merchant_uid') // 'order 1'
 */
export function decodeSegment(segment: string, name: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw bad(`${name}: malformed percent-encoding in ${JSON.stringify(segment.slice(0, 100))}; encode it with encodeURIComponent().`);
  }
}
