import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IamportProvider, MESSAGES, RedirectLanding, useIamport, usePayment, useRedirectResult, type RedirectSearchParams } from '../../src';

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
    // No URL on the server: the landing result is pending (not "none"), until the browser reads its address.
    expect(html).toBe('<button type="button" disabled="">SDK loading</button><p>pending - false</p>');
  });

  it('the landing hook reads an explicit url on the server; only the browser tab can flag an unknown order', () => {
    const html = renderToString(
      <IamportProvider merchantCode="imp00000000">
        <Landing url="https://shop.example/payments/complete?imp_uid=imp_1&merchant_uid=order_1&imp_success=true" />
      </IamportProvider>,
    );
    expect(html).toBe('<p>succeeded imp_1 true</p>');
  });

  it('bad provider props fail the server render with the same clear error', () => {
    expect(() => renderToString(<IamportProvider merchantCode="IMP-123" />)).toThrow(/<IamportProvider merchantCode>: must be your 가맹점 식별코드/);
  });
});

/** The landing page as a server renders it (no window, no sessionStorage). */
const landingHtml = (props: { url?: string; searchParams?: RedirectSearchParams }) =>
  renderToString(
    <IamportProvider merchantCode="imp00000000">
      <RedirectLanding verify={async () => true} {...props} />
    </IamportProvider>,
  );
const ko = MESSAGES.ko;

describe('<RedirectLanding> on the server', () => {
  it('without the URL (a prerendered page) renders the pending state, never a failure alert', () => {
    const html = landingHtml({});
    expect(html).toContain('role="status"');
    expect(html).toContain(ko.verifying);
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain(ko.noResult);
  });

  it("with Next's searchParams, a success is being checked and a failure is shown as it is (as text)", () => {
    const success = landingHtml({ searchParams: { imp_uid: 'imp_1', merchant_uid: 'order_1', imp_success: 'true' } });
    expect(success).toContain(ko.verifying);
    expect(success).not.toContain('role="alert"');

    const failure = landingHtml({ searchParams: { imp_uid: 'imp_2', merchant_uid: 'order_2', imp_success: 'false', error_msg: '<b>한도 초과</b>' } });
    expect(failure).toContain('role="alert"');
    expect(failure).toContain(ko.failed);
    expect(failure).toContain('&lt;b&gt;한도 초과&lt;/b&gt;');
    // Whether this tab sent the order is only known in the browser: not claimed on the server.
    expect(failure).not.toContain(ko.unknownOrder);
  });

  it('with a URL or searchParams without a result, says there is none', () => {
    expect(landingHtml({ searchParams: { page: '2' } })).toContain(ko.noResult);
    expect(landingHtml({ url: 'https://shop.example/payments/complete' })).toContain(ko.noResult);
  });
});
