// notice_url: i'mport (here iamport-sandbox) posts here after every payment.
import { receiveWebhook } from '../../../../lib/iamport';

export const POST = receiveWebhook;
