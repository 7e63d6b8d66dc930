import { randomBytes } from 'node:crypto';

interface Token {
  access_token: string;
  now: number;
  expired_at: number;
}

/** Access tokens: the same token until it expires (like the real API); expire-all for tests. */
export class Tokens {
  private current: Token | null = null;
  private readonly valid = new Set<string>();

  constructor(private readonly ttlSeconds: number) {}

  issue(nowSeconds: number): Token {
    if (!this.current || this.current.expired_at <= nowSeconds || !this.valid.has(this.current.access_token)) {
      this.current = { access_token: randomBytes(20).toString('hex'), now: nowSeconds, expired_at: nowSeconds + this.ttlSeconds };
      this.valid.add(this.current.access_token);
    }
    return { ...this.current, now: nowSeconds };
  }

  /** `Authorization: Bearer <token>` or the raw token (also the legacy `X-ImpTokenHeader`). */
  check(header: string | undefined, nowSeconds: number): boolean {
    const token = (header ?? '').replace(/^Bearer\s+/i, '').trim();
    return token !== '' && this.valid.has(token) && this.current?.access_token === token && this.current.expired_at > nowSeconds;
  }

  expireAll(): number {
    const count = this.valid.size;
    this.valid.clear();
    this.current = null;
    return count;
  }
}
