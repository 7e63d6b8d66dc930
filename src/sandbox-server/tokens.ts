import { randomBytes } from 'node:crypto';

interface Token {
  access_token: string;
  now: number;
  expired_at: number;
}

/** Asked with less than this left, the token is extended instead of left to expire. */
const LAST_MINUTE = 60;
const EXTENSION = 300;

/**
 * Access tokens as the 2026 API issues them: asking again returns the same token until it
 * expires; asked in its last minute it comes back the same, `expired_at` 5 minutes later.
 * Tokens are never revoked early (only the test hook `expireAll` does that).
 */
export class Tokens {
  private current: Token | null = null;
  /** token → expired_at (unix s). */
  private readonly valid = new Map<string, number>();

  constructor(private readonly ttlSeconds: number) {}

  issue(nowSeconds: number): Token {
    const current = this.current;
    if (current && current.expired_at > nowSeconds && this.valid.has(current.access_token)) {
      if (current.expired_at - nowSeconds < LAST_MINUTE) {
        current.expired_at += EXTENSION;
        this.valid.set(current.access_token, current.expired_at);
      }
      return { ...current, now: nowSeconds };
    }
    for (const [token, expiredAt] of this.valid) if (expiredAt <= nowSeconds) this.valid.delete(token);
    this.current = { access_token: randomBytes(20).toString('hex'), now: nowSeconds, expired_at: nowSeconds + this.ttlSeconds };
    this.valid.set(this.current.access_token, this.current.expired_at);
    return { ...this.current };
  }

  /** `Authorization: Bearer <token>` or the raw token (also the legacy `X-ImpTokenHeader`). */
  check(header: string | undefined, nowSeconds: number): boolean {
    if (!header) return false;
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : header.replace(/^Bearer\s+/i, '').trim();
    const expiredAt = this.valid.get(token);
    return expiredAt !== undefined && expiredAt > nowSeconds;
  }

  /** Test hook (`POST /__sandbox/expire-tokens`): every issued token stops working now. */
  expireAll(): number {
    const count = this.valid.size;
    this.valid.clear();
    this.current = null;
    return count;
  }
}
