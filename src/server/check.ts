import { IamportError, type ValidationIssue } from '../core/errors';

// Only process-free core modules: the server must run on edge runtimes without `process`.
import { describe as show } from '../core/validation/issues';
import { MERCHANT_UID_MAX_LENGTH, UNSAFE_ID } from '../core/validation/shapes';

type Value = unknown;

const DOT_SEGMENT = /^\.{1,2}$/;

/**
 * Collects input problems for one client method and throws one `IamportError('INVALID_PARAMS')`
 * naming the first field, before any request is sent.
 */
export class Checks {
  private readonly issues: ValidationIssue[] = [];
  constructor(private readonly method: string) {}

  add(field: string, message: string): this {
    this.issues.push({ field, message });
    return this;
  }

  object(value: Value, what: string): value is Record<string, unknown> {
    const ok = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!ok) this.add(what, `${what} must be an object; got ${show(value)}.`);
    return ok;
  }

  id(field: string, value: Value, optional = false): this {
    if (value === undefined && optional) return this;
    if (typeof value !== 'string' || value.trim() === '') this.add(field, `${field} must be a non-empty string; got ${show(value)}.`);
    else if (UNSAFE_ID.test(value)) this.add(field, `${field} must not contain spaces or control characters; got ${show(value)}.`);
    // URLs resolve '.' and '..' segments (also encoded as %2e): the id would address another endpoint.
    else if (DOT_SEGMENT.test(value))
      this.add(field, `${field} cannot be ${show(value)}: in a URL path it would address another endpoint. Use an id with other characters.`);
    return this;
  }

  merchantUid(field: string, value: Value, optional = false): this {
    this.id(field, value, optional);
    if (typeof value === 'string' && value.length > MERCHANT_UID_MAX_LENGTH) {
      this.add(field, `${field} must be at most ${MERCHANT_UID_MAX_LENGTH} characters; got ${value.length}.`);
    }
    return this;
  }

  /** Whole won as a number; `min` 1 for charges, 0 where zero means "all"/"none". */
  amount(field: string, value: Value, { min = 1, optional = false } = {}): this {
    if (value === undefined && optional) return this;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
      this.add(field, `${field} must be a number, not the string ${show(value)}; pass ${Number(value)} (no quotes).`);
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.add(field, `${field} must be ${min >= 1 ? 'a positive' : 'a non-negative'} whole number of won; got ${show(value)}.`);
    }
    return this;
  }

  text(field: string, value: Value, optional = true): this {
    if (value === undefined && optional) return this;
    if (typeof value !== 'string' || value.trim() === '') this.add(field, `${field} must be a non-empty string; got ${show(value)}.`);
    return this;
  }

  /** Card data: the message describes the expected shape, never the value. */
  card(params: Record<string, unknown>): this {
    const { card_number: number, expiry, birth, pwd_2digit: pwd } = params;
    if (typeof number !== 'string' || !/^\d{4}-\d{4}-\d{4}-\d{4}$/.test(number)) {
      this.add('card_number', "card_number must be a string of 16 digits in the form 'dddd-dddd-dddd-dddd' (value not shown).");
    }
    if (typeof expiry !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(expiry)) {
      this.add('expiry', "expiry must be a string 'YYYY-MM', e.g. '2030-12' (value not shown).");
    } else {
      const now = new Date();
      const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      if (expiry < current) this.add('expiry', 'expiry is in the past; the card has expired.');
    }
    if (typeof birth !== 'string' || !/^(\d{6}|\d{10})$/.test(birth)) {
      this.add('birth', 'birth must be the 6-digit date of birth (YYMMDD) or a 10-digit business registration number, as a string (value not shown).');
    }
    if (pwd !== undefined && (typeof pwd !== 'string' || !/^\d{2}$/.test(pwd))) {
      this.add('pwd_2digit', 'pwd_2digit must be the first 2 digits of the card password, as a string (value not shown).');
    }
    return this;
  }

  /** One of the listed values. */
  oneOf(field: string, value: Value, allowed: readonly string[], optional = true): this {
    if (value === undefined && optional) return this;
    if (typeof value !== 'string' || !allowed.includes(value))
      this.add(field, `${field} must be one of ${allowed.map((item) => `'${item}'`).join(', ')}; got ${show(value)}.`);
    return this;
  }

  /** A whole number in [min, max] (pages, limits, counts). */
  integer(field: string, value: Value, { min = 0, max = Number.MAX_SAFE_INTEGER, optional = true } = {}): this {
    if (value === undefined && optional) return this;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(field, `${field} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}; got ${show(value)}.`);
    }
    return this;
  }

  /** Unix seconds (not milliseconds), past or future. */
  unixSeconds(field: string, value: Value): this {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      this.add(field, `${field} must be unix seconds as a whole number; got ${show(value)}.`);
    else if (value > 1e11) this.add(field, `${field} looks like milliseconds (${value}); pass unix seconds: Math.floor(date.getTime() / 1000).`);
    return this;
  }

  boolean(field: string, value: Value): this {
    if (value !== undefined && typeof value !== 'boolean') this.add(field, `${field} must be true or false; got ${show(value)}.`);
    return this;
  }

  /** Unix seconds in the future (not milliseconds). */
  futureUnixSeconds(field: string, value: Value): this {
    const now = Date.now() / 1000;
    if (typeof value !== 'number' || !Number.isInteger(value)) this.add(field, `${field} must be unix seconds as a whole number; got ${show(value)}.`);
    else if (value > 1e11) this.add(field, `${field} looks like milliseconds (${value}); pass unix seconds: Math.floor(date.getTime() / 1000).`);
    else if (value <= now) this.add(field, `${field} must be in the future; got ${value}, which is ${Math.round(now - value)} s ago.`);
    return this;
  }

  done(): void {
    const [first, ...rest] = this.issues;
    if (!first) return;
    const more = rest.length ? ` (and ${rest.length} more: ${rest.map((issue) => issue.field).join(', ')})` : '';
    throw new IamportError('INVALID_PARAMS', `${this.method}: ${first.message}${more}`, { field: first.field, issues: this.issues });
  }
}
