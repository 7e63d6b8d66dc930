/**
 * Anything that may be a full card number: 13 or more digits in any grouping (4-4-4-4, Amex 4-6-5,
 * none) separated by spaces, dashes or dots. Masked numbers contain '*' and do not match.
 * Over-matching (a long numeric id) is accepted: this only runs on error text.
 */
const CARD_NUMBER = /(?<![\d*])\d(?:[ .\-\u2010-\u2015]{0,3}\d){12,}(?![\d*])/g;
/**
 * A UUID (8-4-4-4-12 hex) is 32 digits, never a card number, yet its digit-only stretches match
 * CARD_NUMBER: channel keys (`channel-key-<uuid>`) are UUIDs, and an answer that names one
 * must stay readable. Tried first at each position, so a UUID is kept whole.
 */
const UUID_OR_CARD_NUMBER = new RegExp(`(?<![0-9a-f])([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?![0-9a-f])|${CARD_NUMBER.source}`, 'gi');

/** The forms a secret can be echoed in: as is, URL-encoded, JSON-escaped. */
function forms(secret: string): string[] {
  const variants = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...variants];
}

/**
 * Removes secrets from text that may end up in an error message or a log: the given values
 * (imp_key, imp_secret, access tokens) and anything shaped like a full card number.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real keys and tokens are long.
    if (!secret || secret.length < 6) continue;
    for (const form of forms(secret)) out = out.split(form).join('[redacted]');
  }
  return out.replace(UUID_OR_CARD_NUMBER, (_, uuid?: string) => uuid ?? '[card number]');
}

/**
 * A copy of `value` with every string redacted, for payloads carried by errors (the API may
 * echo a secret or a card number in any field). Depth-limited; keys are kept.
 */
export function redactDeep<T>(value: T, secrets: Iterable<string | undefined>, depth = 0): T {
  const list = [...secrets];
  if (typeof value === 'string') return redact(value, list) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8) return undefined as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => redactDeep(item, list, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A prototype-looking key in an answer must never become a prototype.
    if (key === '__proto__') continue;
    copy[key] = redactDeep(item, list, depth + 1);
  }
  return copy as T;
}
