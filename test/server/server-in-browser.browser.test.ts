import { describe, expect, it } from 'vitest';

describe('react-iamport-jtnet/server in a browser', () => {
  it('refuses to load: importing it throws the documented error', async () => {
    expect(typeof window).toBe('object');
    const error = await import('../../src/server').then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'react-iamport-jtnet/server must not run in a browser: it holds your imp_secret. Import it only in server code (API routes, route handlers).',
    );
  });
});
