import { IamportApiError } from './errors';
import type { Payment, PreparedPayment } from './types';

/** The lookups verification needs (a client, or a stand-in in tests). */
export interface OrderLookups {
  getPayment(impUid: string): Promise<Payment>;
  findPayment(merchantUid: string, options?: { status?: Payment['status'] }): Promise<Payment>;
  getPreparedPayment(merchantUid: string): Promise<PreparedPayment>;
}

/** A 404 from i'mport: the thing does not exist (or is a test payment hidden from a live client). */
export const isNotFound = (error: unknown) => error instanceof IamportApiError && error.httpStatus === 404;

/** A definite "no such record" (404, or an envelope refusal below 500), not an outage. */
const isAbsent = (error: unknown) =>
  error instanceof IamportApiError && error.kind === 'api' && error.httpStatus !== null && error.httpStatus !== 401 && error.httpStatus < 500;

/** `null` instead of a 404. */
export async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The payment that decides an order: its `paid` payment if it has one (a later failed retry
 * must not hide it), else its latest payment of any status, else null.
 */
export async function findOrderPayment(client: Pick<OrderLookups, 'findPayment'>, merchantUid: string): Promise<Payment | null> {
  return (await orNull(client.findPayment(merchantUid, { status: 'paid' }))) ?? (await orNull(client.findPayment(merchantUid)));
}

/** The amount pre-registered for an order, or null when none was. */
export async function readPrepared(client: Pick<OrderLookups, 'getPreparedPayment'>, merchantUid: string): Promise<PreparedPayment | null> {
  try {
    return await client.getPreparedPayment(merchantUid);
  } catch (error) {
    if (isAbsent(error)) return null;
    throw error;
  }
}
