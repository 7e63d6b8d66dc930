// A minimal checkout on React 18 (test/react18/node_modules, aliased by the build in
// test/e2e/react18.e2e.test.ts): the kit's provider and form, paying on iamport-sandbox, whose
// address comes in the query (`?sandbox=http://127.0.0.1:PORT`).
import 'react-iamport-jtnet/styles.css';
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { createMerchantUid, IamportProvider, PaymentForm } from 'react-iamport-jtnet';

const sandboxUrl = new URLSearchParams(location.search).get('sandbox') ?? 'http://127.0.0.1:8090';

function Checkout() {
  const [merchantUid] = useState(() => createMerchantUid('react18'));
  const [impUid, setImpUid] = useState<string | null>(null);
  if (impUid) {
    return (
      <p role="status">
        결제 승인: <output>{impUid}</output> · <span className="merchant-uid">{merchantUid}</span>
      </p>
    );
  }
  return <PaymentForm amount={1004} name="React 18 원두" params={{ merchant_uid: merchantUid }} onSuccess={(outcome) => setImpUid(outcome.impUid)} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>React {version}</h1>
      <IamportProvider merchantCode="imp00000000" pg="jtnet" scriptUrl={`${sandboxUrl}/v1/iamport.js`}>
        <Checkout />
      </IamportProvider>
    </main>
  </StrictMode>,
);
