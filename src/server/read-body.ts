/** Default limit for webhook, verify and prepare bodies: they are a few ids. */
export const DEFAULT_MAX_BODY_BYTES = 16_384;

/**
 * The request body as text, read as a stream and abandoned as soon as it passes `limit` bytes
 * (a declared Content-Length over the limit is refused before reading anything). `null` = too large.
 */
export async function readLimitedText(request: Request, limit: number): Promise<string | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** A JSON object body within `limit`, or why not. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown> | 'too_large' | 'invalid'> {
  const text = await readLimitedText(request, limit).catch(() => undefined);
  if (text === null) return 'too_large';
  if (text === undefined) return 'invalid';
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
}
