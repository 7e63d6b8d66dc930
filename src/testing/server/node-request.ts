import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Node's `IncomingMessage` → a standard `Request` (the body stays a stream), as a fetch-style
 * route handler receives it; what docs/server.md's Node `http` adapter does.
 *
 * @example
 * createServer(async (req, res) => { const response = await handleWebhook(toRequest(req), options); … })
 */
export function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
  return new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body, duplex: 'half' } as RequestInit);
}
