// The same verification on the edge runtime (the mobile landing page uses this one).
import { verifyPaymentOnEdge } from '../../../../lib/iamport';

export const runtime = 'edge';
export const POST = verifyPaymentOnEdge;
