// The checkout calls this before the payment window can open: the order's amount is registered
// with i'mport (createPrepareHandler), so a window with another amount is refused by i'mport itself.
import { prepareOrderAmount } from '../../../../lib/iamport';

export const POST = prepareOrderAmount;
