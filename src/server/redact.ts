/** Full card numbers (13–19 digits, optionally grouped by '-' or ' '); masked ones contain '*'. */
const CARD_NUMBER = /\b\d{4}[- ]?\d{4}[- ]?\d{4}[- ]?\d{1,7}\b/g;

/**
 * Removes secrets from text that may end up in an error message or a log: the given values
 * (imp_key, imp_secret, access tokens) and anything shaped like a full card number.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real keys and tokens are long.
    if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out.replace(CARD_NUMBER, '[card number]');
}
