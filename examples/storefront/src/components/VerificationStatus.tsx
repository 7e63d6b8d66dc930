/**
 * What the page says while the shop's server checks a payment, and why it refused one: a
 * spinner with `checkingText` (a status), then the problem (an alert), both as text.
 *
 * @example
 * <VerificationStatus checking={checking} checkingText="결제를 확인하고 있습니다…" problem={problem} />
 */
export function VerificationStatus({ checking, checkingText, problem }: { checking: boolean; checkingText: string; problem: string }) {
  return (
    <>
      {checking && (
        <p role="status" className="iamport-notice">
          <span className="iamport-spinner" aria-hidden="true" /> {checkingText}
        </p>
      )}
      {problem && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          {problem}
        </p>
      )}
    </>
  );
}
