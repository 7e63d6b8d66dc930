/**
 * What may separate the digit groups of a written card number, after NFKC (so NBSP, U+202F,
 * the ideographic space and full-width punctuation count): whitespace, dots, dashes, slashes,
 * underscores, commas.
 */
const SEPARATOR = '[\\s.,/_\\-\\u2010-\\u2015\\u2212]';
/** Digit groups joined by up to 3 separators; which of them form a card number is decided by {@link cardSpans}. */
const DIGIT_GROUPS = new RegExp(`\\d(?:${SEPARATOR}{0,3}\\d)*`, 'g');
/**
 * A UUID (8-4-4-4-12 hex) is 32 digits, never a card number, yet its digit stretches may look like
 * one: channel keys (`channel-key-<uuid>`) are UUIDs, and an answer that names one must stay readable.
 */
const UUID = /(?<![0-9a-f])[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}(?![0-9a-f])/gi;
const LETTER = /[A-Za-z]/;
const LETTER_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * Fields that hold identifiers, not text: i'mport's and the merchant's ids (`'merchant_' + Date.now()`
 * is i'mport's own documented pattern), PG transaction ids, approval and account numbers, receipt
 * URLs. Secrets are still removed from them; card-number redaction would only mangle them.
 */
const ID_FIELDS = new Set([
  'imp_uid',
  'merchant_uid',
  'customer_uid',
  'customer_id',
  'pg_tid',
  'pg_id',
  'apply_num',
  'vbank_num',
  'receipt_url',
  'cancel_receipt_urls',
  'cancellation_id',
  'channel_key',
]);

/** The Luhn checksum every issued card number passes (and 9 in 10 other digit runs fail). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = digits.length - 1, double = false; index >= 0; index--, double = !double) {
    let digit = digits.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** JSON escapes an API may send inside a string field such as custom_data: `\\t`, `\\/` (PHP), `\\u00a0`. */
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|([tnr/]))/y;
const ESCAPED: Record<string, string> = { t: '\t', n: '\n', r: '\r', '/': '/' };

/**
 * The text as one character per code point or JSON escape, each NFKC-normalised when that gives
 * one character (full-width `４` → `4`, NBSP → space), with `offsets[i]` = where shadow character
 * i starts in `text`.
 */
function shadowOf(text: string): { shadow: string; offsets: number[] } {
  const offsets: number[] = [];
  let shadow = '';
  let offset = 0;
  while (offset < text.length) {
    offsets.push(offset);
    JSON_ESCAPE.lastIndex = offset;
    const escape = text[offset] === '\\' ? JSON_ESCAPE.exec(text) : null;
    const char = escape ? (escape[1] ? String.fromCharCode(parseInt(escape[1], 16)) : ESCAPED[escape[2]!]!) : String.fromCodePoint(text.codePointAt(offset)!);
    const normal = char.normalize('NFKC');
    shadow += normal.length === 1 ? normal : char.length === 1 ? char : '\ufffd';
    offset += escape ? escape[0].length : char.length;
  }
  offsets.push(offset);
  return { shadow, offsets };
}

/**
 * Whether the character next to a digit group (`near`, then `beyond` it) continues an identifier:
 * a letter (`ORD2018…`, `…0011abc`), an underscore between the digits and a letter or digit
 * (`merchant_1732…`, `…_x`), or a mask (`424242******4242`).
 */
const continuesIdentifier = (near = '', beyond = '') => near === '*' || LETTER.test(near) || (near === '_' && LETTER_OR_DIGIT.test(beyond));

interface Group {
  start: number;
  end: number;
  digits: string;
  /** Part of an identifier (`ORD20180131-0000011`, `m0.4242…`) or a masked number (`424242******4242`). */
  inIdentifier: boolean;
}

/**
 * The digit groups of one match of {@link DIGIT_GROUPS}. An identifier glued to the first (or
 * last) group extends over the following (or preceding) groups up to the first whitespace.
 */
function groupsOf(shadow: string, match: RegExpExecArray | RegExpMatchArray): Group[] {
  const groups: Group[] = [...match[0].matchAll(/\d+/g)].map((group) => {
    const start = match.index! + group.index;
    return { start, end: start + group[0].length, digits: group[0], inIdentifier: false };
  });
  const joinedWithoutSpace = (left: Group, right: Group) => !/\s/.test(shadow.slice(left.end, right.start));
  groups.forEach((group, index) => {
    const previous = groups[index - 1];
    group.inIdentifier = previous
      ? previous.inIdentifier && joinedWithoutSpace(previous, group)
      : continuesIdentifier(shadow[group.start - 1], shadow[group.start - 2]);
  });
  for (let index = groups.length - 1, trailing = true; index >= 0; index--) {
    const group = groups[index]!;
    const next = groups[index + 1];
    trailing = next ? trailing && joinedWithoutSpace(group, next) : continuesIdentifier(shadow[group.end], shadow[group.end + 1]);
    if (trailing) group.inIdentifier = true;
  }
  return groups;
}

/**
 * Where card numbers are in `shadow`: within each run of digit groups, the longest run of whole
 * groups with 13–19 digits that passes Luhn and is not part of an identifier.
 */
function cardSpans(shadow: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of shadow.matchAll(DIGIT_GROUPS)) {
    const groups = groupsOf(shadow, match);
    for (let first = 0; first < groups.length; first++) {
      if (groups[first]!.inIdentifier) continue;
      let digits = '';
      let found = -1;
      for (let last = first; last < groups.length && !groups[last]!.inIdentifier && digits.length + groups[last]!.digits.length <= 19; last++) {
        digits += groups[last]!.digits;
        if (digits.length >= 13 && luhnValid(digits)) found = last;
      }
      if (found < 0) continue;
      spans.push([groups[first]!.start, groups[found]!.end]);
      first = found;
    }
  }
  return spans;
}

/** Replaces every card number in `text` (any grouping, separator or digit width) with `[card number]`. */
function redactCardNumbers(text: string): string {
  if (!/[0-9\u0080-\uffff]/.test(text)) return text;
  const { shadow, offsets } = shadowOf(text);
  const spans = cardSpans(shadow.replace(UUID, (uuid) => 'x'.repeat(uuid.length)));
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += `${text.slice(from, offsets[start])}[card number]`;
    from = offsets[end]!;
  }
  return out + text.slice(from);
}

/** The forms a secret can be echoed in: as is, URL-encoded, JSON-escaped. */
function forms(secret: string): string[] {
  const variants = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...variants];
}

function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real keys and tokens are long.
    if (!secret || secret.length < 6) continue;
    for (const form of forms(secret)) out = out.split(form).join('[redacted]');
  }
  return out;
}

/**
 * Removes secrets from text that may end up in an error message or a log: the given values
 * (imp_key, imp_secret, access tokens) and every card number: 13–19 digits passing Luhn, in any
 * grouping (4-4-4-4, Amex 4-6-5, none), separated by spaces of any kind, dots, dashes, slashes,
 * underscores or commas, in ASCII or full-width digits. Digits that are part of an identifier
 * (`ORD20180131-0000011`, `merchant_1732838400000`) and masked numbers are kept.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  return redactCardNumbers(redactSecrets(text, secrets));
}

function redactValue(value: unknown, secrets: Array<string | undefined>, depth: number, isId: boolean): unknown {
  if (typeof value === 'string') return isId ? redactSecrets(value, secrets) : redact(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, secrets, depth + 1, isId));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A prototype-looking key in an answer must never become a prototype.
    if (key === '__proto__') continue;
    copy[key] = redactValue(item, secrets, depth + 1, ID_FIELDS.has(key));
  }
  return copy;
}

/**
 * A copy of `value` with every string redacted, for payloads carried by errors (the API may
 * echo a secret or a card number in any field). Id fields (`imp_uid`, `merchant_uid`, `pg_tid`,
 * `vbank_num`…) lose secrets only. Depth-limited; keys are kept.
 */
export function redactDeep<T>(value: T, secrets: Iterable<string | undefined>): T {
  return redactValue(value, [...secrets], 0, false) as T;
}
