import { IamportWebhookError } from './errors';

/** What i'mport posts to `notice_url`. `status` is a claim, never the truth: re-fetch the payment. */
export interface WebhookBody {
  imp_uid: string;
  merchant_uid: string;
  status: string;
  /** Sent with a cancel notice: which entry of the payment's `cancel_history`. */
  cancellation_id?: string;
}

const MAX_FIELD_LENGTH = 200;

function fromJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new IamportWebhookError('Webhook body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IamportWebhookError('Webhook body must be a JSON object.');
  return value as Record<string, unknown>;
}

const fromForm = (text: string) => Object.fromEntries(new URLSearchParams(text));

/**
 * Reads an i'mport webhook body, JSON or form-encoded (`application/x-www-form-urlencoded`), into
 * `{ imp_uid, merchant_uid, status }`. Without a content type the body's shape decides. Throws
 * {@link IamportWebhookError} on anything else.
 *
 * @example
 * const { imp_uid } = parseWebhook(await request.text(), request.headers.get('content-type'))
 */
export function parseWebhook(body: string | Record<string, unknown>, contentType?: string | null): WebhookBody {
  let fields: Record<string, unknown>;
  if (typeof body === 'object' && body !== null) fields = body;
  else if (typeof body !== 'string' || body.trim() === '') throw new IamportWebhookError('Webhook body is empty.');
  else {
    const type = (contentType ?? '').toLowerCase();
    if (type.includes('json')) fields = fromJson(body);
    else if (type.includes('x-www-form-urlencoded')) fields = fromForm(body);
    else if (type === '' || type.startsWith('text/plain')) fields = body.trim().startsWith('{') ? fromJson(body) : fromForm(body);
    else throw new IamportWebhookError(`Webhook content type ${JSON.stringify(type.slice(0, 60))} is not JSON or a form.`);
  }
  const result: Record<string, string> = {};
  for (const field of ['imp_uid', 'merchant_uid', 'status'] as const) {
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_FIELD_LENGTH) {
      throw new IamportWebhookError(`Webhook body needs ${field} as a non-empty string.`);
    }
    result[field] = value.trim();
  }
  const cancellation = fields.cancellation_id;
  if (typeof cancellation === 'string' && cancellation.trim() !== '' && cancellation.length <= MAX_FIELD_LENGTH) result.cancellation_id = cancellation.trim();
  return result as unknown as WebhookBody;
}
