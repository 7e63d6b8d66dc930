import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type Reply } from './envelope';
import { emptyFields, parseForm, parseJsonBody, type Fields } from './parse';

export { ApiError, ok, refuse, type Envelope, type Reply } from './envelope';
export { parseForm } from './parse';

const MAX_BODY_BYTES = 1_000_000;

/** A parsed body: JSON or form-encoded (`form` decides whether digit strings count as numbers). */
export interface Body {
  body: Fields;
  form: boolean;
}

/**
 * Read the body: JSON, or form-encoded (qs-style brackets: `schedules[0][amount]=1`), into
 * null-prototype fields. Over 1 MB → 413; malformed → 400; a client that hangs up → 400.
 */
export async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new ApiError(413, -1, 'Request body is larger than 1 MB.');
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, -1, `The request body could not be read (${(error as Error).message}).`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { body: emptyFields(), form: false };
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return { body: parseForm(text), form: true };
  return { body: parseJsonBody(text), form: false };
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-ImpTokenHeader',
  'Access-Control-Max-Age': '600',
};

export function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...CORS_HEADERS,
    'Content-Type': reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, CORS_HEADERS);
  res.end();
}
