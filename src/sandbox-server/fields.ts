import { ApiError } from './envelope';
import { emptyFields, type Fields } from './parse';

type Body = Fields;
const bad = (message: string) => new ApiError(400, -1, message);
const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value !== null && typeof value === 'object' ? 'an object' : JSON.stringify(value));

/**
 * The endpoint's allow-list: a fresh null-prototype object with only the documented fields
 * (anything else a client sends is ignored, as i'mport ignores unknown parameters).
 *
 * @example
 * pick(body, ['imp_key', 'imp_secret'])
 */
export function pick(body: Body, allowed: readonly string[]): Fields {
  const out = emptyFields();
  for (const field of allowed) if (Object.hasOwn(body, field)) out[field] = body[field];
  return out;
}

const missing = (field: string, what: string) => bad(`${field} 파라미터가 누락되었습니다. (${field} is required: ${what})`);

/** A required non-empty string field, else 400 naming it. */
export function requireString(body: Body, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') throw missing(field, 'a non-empty string');
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${field} must be a non-empty string; got ${describe(value)}.`);
  return value;
}

export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw bad(`${field} must be a string; got ${describe(value)}.`);
  return value;
}

/**
 * An integer. JSON must carry a number (a string such as "1004" is refused, as the kit
 * teaches); form bodies and queries are all strings, so digits are accepted there.
 */
export function optionalInteger(body: Body, field: string, form: boolean, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  const number = form && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'string') {
    // Queries and form bodies have no quotes to drop: say what the text must look like.
    if (form) throw bad(`${field} must be a whole number in digits only, e.g. ${field}=1000; got ${JSON.stringify(number)}.`);
    const numeric = number.trim() !== '' && Number.isFinite(Number(number));
    throw bad(
      numeric
        ? `${field} must be a number, not the string ${JSON.stringify(number)}; send ${field}: ${Number(number)} without quotes.`
        : `${field} must be a number such as 1000; got the string ${JSON.stringify(number)}.`,
    );
  }
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < minimum || number > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER ? `≥ ${minimum}` : `from ${minimum} to ${maximum}`;
    throw bad(`${field} must be an integer ${range}; got ${describe(value)}.`);
  }
  return number;
}

export function requireInteger(body: Body, field: string, form: boolean, minimum: number, maximum?: number): number {
  const value = optionalInteger(body, field, form, minimum, maximum);
  if (value === undefined) throw missing(field, 'an integer number');
  return value;
}

/** `true`/`false` (JSON booleans, or the strings in forms and queries). */
export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw bad(`${field} must be true or false; got ${describe(value)}.`);
}

/** One of `choices`, or undefined when absent. */
export function optionalChoice<T extends string>(body: Body, field: string, choices: readonly T[]): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw bad(`${field} must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}.`);
  return value as T;
}

/** A string or a list of strings (`merchant_uid`, `imp_uid[]`), or undefined when absent. */
export function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string' && item !== '')) throw bad(`${field} must be a string or a list of strings; got ${describe(value)}.`);
  return list as string[];
}

/** `notice_url`: an absolute http(s) URL or a list of them; 400 otherwise (it is where webhooks go). */
export function noticeUrlList(body: Body, field = 'notice_url'): string[] {
  const list = stringList(body[field], field) ?? [];
  for (const url of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw bad(`${field} must be an absolute http(s) URL such as https://shop.example/iamport-webhook; got ${JSON.stringify(url.slice(0, 100))}.`);
    }
  }
  return list;
}

/** `custom_data`: stored as a JSON string, like i'mport does. */
export function customData(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
