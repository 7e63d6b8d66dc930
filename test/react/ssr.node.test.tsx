import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IamportProvider, useIamport, usePayment, useRedirectResult } from '../../src';

/** A PaymentButton-like consumer: disabled until the SDK is ready. */
function PayButton() {
  const iamport = useIamport();
  const { requestPayment, isPending } = usePayment();
  return (
    <button type="button" disabled={iamport.status !== 'ready' || isPending} onClick={() => requestPayment({ pay_method: 'card', amount: 1004 })}>
      {iamport.status === 'ready' ? 'Pay ₩1,004' : `SDK ${iamport.status}`}
    </button>
  );
}

function Landing({ url }: { url?: string }) {
  const result = useRedirectResult({ url, cleanUrl: true });
  return <p>{`${result.status} ${result.impUid ?? '-'} ${result.known}`}</p>;
}

describe('server rendering (Node, no window)', () => {
  it('renders the provider and a payment button without touching window; status stays loading', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <IamportProvider merchantCode="imp00000000" pg="jtnet" redirectUrl="https://shop.example/payments/complete">
        <PayButton />
        <Landing />
      </IamportProvider>,
    );
    expect(html).toBe('<button type="button" disabled="">SDK loading</button><p>none - false</p>');
  });

  it('the landing hook reads an explicit url on the server', () => {
    const html = renderToString(
      <IamportProvider merchantCode="imp00000000">
        <Landing url="https://shop.example/payments/complete?imp_uid=imp_1&merchant_uid=order_1&imp_success=true" />
      </IamportProvider>,
    );
    expect(html).toBe('<p>succeeded imp_1 false</p>');
  });

  it('bad provider props fail the server render with the same clear error', () => {
    expect(() => renderToString(<IamportProvider merchantCode="IMP-123" />)).toThrow(/<IamportProvider merchantCode>: must be your 가맹점 식별코드/);
  });
});
