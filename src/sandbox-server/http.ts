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
 * null-prototype fields. Over 1 MB → 413 (the rest is drained, unread); malformed → 400; a
 * client that hangs up → 400.
 */
export function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: ApiError) => {
      if (!settled) reject(error);
      settled = true;
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) fail(new ApiError(413, -1, 'Request body is larger than 1 MB.'));
      else chunks.push(chunk);
    });
    req.on('error', (error) => fail(new ApiError(400, -1, `The request body could not be read (${error.message}).`)));
    req.on('end', () => {
      if (settled) return;
      settled = true;
      try {
        resolve(
          parseBody(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'), String(req.headers['content-type'] ?? '')),
        );
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseBody(text: string, type: string): Body {
  if (text.trim() === '') return { body: emptyFields(), form: false };
  if (type.includes('application/x-www-form-urlencoded')) return { body: parseForm(text), form: true };
  return { body: parseJsonBody(text), form: false };
}

/** Any origin may call (a browser sandbox records its payments here). */
const ALLOW_ORIGIN = ['Access-Control-Allow-Origin', '*'];
/** What a preflight needs on top; an ordinary response carries only the origin header. */
const PREFLIGHT_HEADERS = [
  ...ALLOW_ORIGIN,
  'Access-Control-Allow-Methods',
  'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers',
  'Content-Type, Authorization, X-ImpTokenHeader',
  'Access-Control-Max-Age',
  '600',
];

export function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, [
    ...ALLOW_ORIGIN,
    'Content-Type',
    reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    'Cache-Control',
    'no-store',
    'Content-Length',
    String(Buffer.byteLength(payload)),
  ]);
  res.end(payload);
}

export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, PREFLIGHT_HEADERS);
  res.end();
}
