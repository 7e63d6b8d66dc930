import type { IncomingMessage, ServerResponse } from 'node:http';

/** The i'mport REST envelope. */
export interface Envelope<T = unknown> {
  code: number;
  message: string | null;
  response: T | null;
}

/** A reply: status + envelope, or raw text (scripts, receipts). */
export interface Reply {
  status: number;
  body: Envelope | string;
  contentType?: string;
}

/** Thrown by handlers for a request the real API would refuse. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const ok = <T>(response: T): Reply => ({ status: 200, body: { code: 0, message: null, response } });
export const refuse = (status: number, code: number, message: string): Reply => ({ status, body: { code, message, response: null } });

const MAX_BODY_BYTES = 1_000_000;

/** Read the body: JSON or form-encoded (qs-style brackets: `schedules[0][amount]=1`). */
export async function readBody(req: IncomingMessage): Promise<{ body: Record<string, unknown>; form: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, -1, 'Request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = String(req.headers['content-type'] ?? '');
  if (text.trim() === '') return { body: {}, form: false };
  if (type.includes('application/x-www-form-urlencoded')) return { body: parseForm(text), form: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, -1, `요청 본문을 JSON으로 해석할 수 없습니다 (malformed JSON body: ${(error as Error).message}). Send JSON with Content-Type: application/json, or a form-encoded body.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, -1, 'The request body must be a JSON object, e.g. {"imp_key": "...", "imp_secret": "..."}.');
  }
  return { body: parsed as Record<string, unknown>, form: false };
}

/** `a=1&b[0][c]=2&d[]=3` → `{ a: '1', b: [{ c: '2' }], d: ['3'] }`. */
export function parseForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[index + 1]!);
      const slot = part === '' && Array.isArray(node) ? String((node as unknown[]).length) : part;
      if (last) node[slot] = value;
      else node = (node[slot] ??= nextIsIndex ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-ImpTokenHeader',
  'Access-Control-Max-Age': '600',
};

export function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...CORS,
    'Content-Type': reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, CORS);
  res.end();
}
