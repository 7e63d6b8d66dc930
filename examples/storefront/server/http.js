// Small helpers between Node's http module and the kit's standard Request/Response handlers.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

/** Thrown by route handlers: answered as `{ error }` JSON with this status. */
export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {import('node:http').IncomingMessage} req @param {number} [limit] */
export async function readBody(req, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'Request body too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parse a JSON object body; anything else is a 400. @param {import('node:http').IncomingMessage} req */
export async function readJson(req) {
  const text = (await readBody(req, 8 * 1024)).toString('utf8');
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'Send a JSON object.');
}

/** Node request → standard `Request` (what createVerifyHandler and handleWebhook take). */
export async function toRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { method: req.method, headers, body: hasBody ? await readBody(req) : undefined });
}

/** Standard `Response` → Node response. @param {Response} response @param {import('node:http').ServerResponse} res */
export async function sendResponse(response, res) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
export function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serve the built frontend from `root`; paths without a file extension get index.html
 * (client-side routes such as /orders or /payments/complete).
 * @param {string} root @param {string} pathname @param {import('node:http').ServerResponse} res @param {Record<string, string>} headers
 */
export function serveStatic(root, pathname, res, headers) {
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (!file.startsWith(root)) throw new HttpError(404, 'Not found.');
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (extname(pathname)) throw new HttpError(404, 'Not found.');
    file = join(root, 'index.html');
  }
  const isAsset = pathname.startsWith('/assets/');
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
