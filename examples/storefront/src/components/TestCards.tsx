/** Sandbox help for people trying the shop by hand. */
export function TestCards() {
  return (
    <aside className="test-cards" aria-labelledby="test-cards-title">
      <h2 id="test-cards-title">테스트 결제 안내</h2>
      <p>결제창은 iamport-sandbox입니다. 실제로 청구되지 않아요.</p>
      <dl>
        <dt>승인</dt>
        <dd className="mono">4242-4242-4242-4242</dd>
        <dt>잔액 부족</dt>
        <dd className="mono">4000-0000-0000-0002</dd>
        <dt>통신 오류</dt>
        <dd className="mono">4000-0000-0000-0119</dd>
      </dl>
      <p className="hint">유효기간은 미래의 아무 날짜(MM/YY), 생년월일 6자리, 비밀번호 앞 2자리를 넣으세요.</p>
    </aside>
  );
}
