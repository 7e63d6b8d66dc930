import { ApiError } from './http';

type Body = Record<string, unknown>;

/** A required non-empty string field, else 400 naming it. */
export function requireString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ApiError(400, -1, `${field} 파라미터가 누락되었습니다. (${field} is required and must be a non-empty string)`);
  }
  return value;
}

export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ApiError(400, -1, `${field} must be a string; got ${JSON.stringify(value)}.`);
  return value;
}

/**
 * An integer amount. JSON must carry a number (a string such as "1004" is refused, as the kit
 * teaches); form bodies are all strings, so digits are accepted there.
 */
export function requireInteger(body: Body, field: string, form: boolean, minimum: number): number {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    throw new ApiError(400, -1, `${field} 파라미터가 누락되었습니다. (${field} is required: an integer number)`);
  }
  const number = form && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'string') {
    throw new ApiError(400, -1, `${field} must be a number, not the string ${JSON.stringify(value)}; send ${field}: ${Number(value) || 0} without quotes.`);
  }
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < minimum) {
    throw new ApiError(400, -1, `${field} must be an integer ≥ ${minimum}; got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** `merchant_uid` as a list: a string, an array of strings, or absent (= all). */
export function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string' && item !== '')) throw new ApiError(400, -1, `${field} must be a string or an array of strings.`);
  return list as string[];
}
