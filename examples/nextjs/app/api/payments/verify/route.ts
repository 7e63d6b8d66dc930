// The desktop checkout's verify call (Node runtime).
import { verifyPayment } from '../../../../lib/iamport';

export const POST = verifyPayment;
