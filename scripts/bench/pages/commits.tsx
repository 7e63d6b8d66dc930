// React commits per keystroke in <PaymentForm>: a <Profiler> around the form root counts the
// commits that touch the form; the render counter tells whether BuyerFields (which renders
// the typed <input>) rendered in them.
import { componentRenders } from './render-counter.ts';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/profiling';
import { IamportProvider, PaymentForm, type Iamport } from 'react-iamport-jtnet';
import { expose } from './expose.ts';

let formCommits = 0;
const sdk: Iamport = { init() {}, agency() {}, request_pay() {} };

const bench = {
  // PaymentForm renders the buyer fields itself (the inputs being typed into).
  read: () => ({ form: formCommits, field: componentRenders.read('PaymentForm'), paymentForm: componentRenders.read('PaymentForm') }),
  reset() {
    formCommits = 0;
    componentRenders.reset();
  },
};
export type CommitsBench = typeof bench;
expose(bench);

createRoot(document.getElementById('root')!).render(
  <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
    <Profiler id="payment-form" onRender={() => void formCommits++}>
      <PaymentForm amount={1004} name="bench" />
    </Profiler>
  </IamportProvider>,
);
