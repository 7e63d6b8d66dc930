// Click → IMP.request_pay: a button using usePayment under an IamportProvider whose SDK is an
// injected, already-ready fake that records when request_pay is entered.
import { createRoot } from 'react-dom/client';
import { IamportProvider, useIamport, usePayment, type Iamport, type RequestPayCallback } from 'react-iamport-jtnet';
import { expose } from './expose.ts';

const samples: { fromListener: number; fromTimeStamp: number; sameTask: boolean }[] = [];
let clickAt = 0;
let inClickTask = false;
let clickStamp = 0;
let answer: RequestPayCallback | undefined;
let answered = 0;

// Capturing listener on window: runs before React's root listener sees the click.
window.addEventListener(
  'click',
  (event) => {
    clickAt = performance.now();
    clickStamp = event.timeStamp;
    // Cleared by the next task: request_pay must run before it (popup blockers need the click's task).
    inClickTask = true;
    setTimeout(() => (inClickTask = false));
  },
  true,
);

const sdk: Iamport = {
  init() {},
  agency() {},
  request_pay(params, callback) {
    const now = performance.now();
    samples.push({ fromListener: now - clickAt, fromTimeStamp: now - clickStamp, sameTask: inClickTask });
    answer = (response) => callback?.({ ...response, merchant_uid: params.merchant_uid });
  },
};

function PayButton() {
  const { status: sdkStatus } = useIamport();
  const { requestPayment, isPending, status } = usePayment({ onSuccess: () => void answered++ });
  return (
    <button
      type="button"
      data-status={status}
      disabled={sdkStatus !== 'ready' || isPending}
      onClick={() => requestPayment({ pay_method: 'card', name: 'bench', amount: 1004 })}
    >
      Pay
    </button>
  );
}

const bench = {
  samples,
  answered: () => answered,
  /** Approve the open request so the next click is allowed. */
  approve() {
    answer?.({ success: true, imp_success: true, imp_uid: `imp_${samples.length}`, merchant_uid: '' });
    answer = undefined;
  },
};
export type LatencyBench = typeof bench;
expose(bench);

createRoot(document.getElementById('root')!).render(
  <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
    <PayButton />
  </IamportProvider>,
);
