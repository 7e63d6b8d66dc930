// The shop's public origin, for the absolute URLs i'mport needs (m_redirect_url, notice_url).
import { headers } from 'next/headers';

/** `SHOP_URL` when set (do set it in production), else the origin this request came to. */
export async function shopOrigin(): Promise<string> {
  if (process.env.SHOP_URL) return process.env.SHOP_URL.replace(/\/+$/, '');
  const host = (await headers()).get('host') ?? 'localhost:3000';
  return `http://${host}`;
}
