// The shop's browser app: a checkout page and the mobile landing page, on the offline sandbox.
import { useEffect, useState } from 'react';
import { IamportProvider, RedirectLanding } from 'react-iamport-jtnet';
import { createSandboxIamport } from 'react-iamport-jtnet/sandbox';
import { Checkout, verifyOnServer, type Order } from './Checkout';

/** Where the dev server's iamport-sandbox runs (it records the window's payments, so the server can verify them). */
declare global {
  interface Window {
    SHOP_CONFIG?: { sandboxUrl: string };
  }
}

function CheckoutPage() {
  const [order, setOrder] = useState<Order | null>(null);
  useEffect(() => {
    void fetch('/api/orders', { method: 'POST' })
      .then((response) => response.json() as Promise<Order>)
      .then(setOrder);
  }, []);
  return order ? <Checkout order={order} /> : <p>주문서를 만들고 있습니다…</p>;
}

export function App({ sandboxUrl }: { sandboxUrl: string }) {
  const [sdk] = useState(() => createSandboxIamport({ serverUrl: sandboxUrl, merchantName: '온기 커피' }));
  return (
    <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk} redirectUrl={`${location.origin}/payments/complete`}>
      {location.pathname === '/payments/complete' ? (
        <RedirectLanding verify={(result) => verifyOnServer({ impUid: result.impUid ?? undefined, merchantUid: result.merchantUid ?? '' })} />
      ) : (
        <CheckoutPage />
      )}
    </IamportProvider>
  );
}
