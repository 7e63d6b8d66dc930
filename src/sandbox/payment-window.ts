import type { PayMethod } from '../core/types';
import { cardFieldProblems, type CardFields } from './engine/cards';
import { el } from './dom';
import { injectStyles } from './styles';

/** What the window shows. */
export interface WindowView {
  merchant: string;
  orderName: string;
  amount: number;
  method: PayMethod;
  /** Billing-key window: card only, "register card" wording. */
  billing: boolean;
  issuers: readonly { code: string; name: string }[];
  nowMs: number;
}

/** What the buyer chose when approving. */
export interface WindowChoice {
  pay_method: PayMethod;
  card_code?: string;
  card_number?: string;
  expiry?: string;
  birth?: string;
  pwd_2digit?: string;
}

export interface PaymentWindow {
  /** The buyer's choice, or `null` when they cancelled (Esc, close or cancel button). */
  result: Promise<WindowChoice | null>;
  /** Close as if the buyer cancelled. */
  close(): void;
}

const METHODS: [PayMethod, string][] = [
  ['card', '신용카드 (Card)'],
  ['trans', '실시간 계좌이체 (Bank transfer)'],
  ['vbank', '가상계좌 (Virtual account)'],
  ['phone', '휴대폰 소액결제 (Phone)'],
];
const CARD_INPUTS: [keyof CardFields, string, Record<string, string>][] = [
  ['card_number', '카드번호 (Card number)', { inputmode: 'numeric', autocomplete: 'cc-number', placeholder: '4242-4242-4242-4242' }],
  ['expiry', '유효기간 MM/YY (Expiry)', { inputmode: 'numeric', autocomplete: 'cc-exp', placeholder: 'MM/YY' }],
  ['birth', '생년월일 6자리 또는 사업자번호 10자리 (Birth date or business no.)', { inputmode: 'numeric', autocomplete: 'off' }],
  ['pwd_2digit', '비밀번호 앞 2자리 (First 2 PIN digits)', { type: 'password', inputmode: 'numeric', maxlength: '2', autocomplete: 'off' }],
];

let windows = 0;

/** `₩1,004`. */
export const won = (amount: number) => `₩${amount.toLocaleString('ko-KR')}`;

/**
 * Open the sandbox payment window: a modal `<dialog>` (focus stays inside, Esc cancels).
 * The element is removed from the page when it closes.
 */
export function openPaymentWindow(view: WindowView, container: HTMLElement): PaymentWindow {
  const doc = container.ownerDocument;
  injectStyles(doc);
  const id = `imp-sbx-${++windows}`;
  let settle!: (choice: WindowChoice | null) => void;
  const result = new Promise<WindowChoice | null>((resolve) => (settle = resolve));

  const radios = METHODS.map(([value, label]) =>
    el('label', { class: 'r' }, el('input', { type: 'radio', name: `${id}-m`, value, checked: value === view.method }), label),
  );
  const methodSet = el('fieldset', { hidden: view.billing }, el('legend', {}, '결제수단 (Pay method)'), ...radios);

  const issuer = el('select', { id: `${id}-issuer`, 'aria-describedby': `${id}-issuer-e` }, ...view.issuers.map((i) => el('option', { value: i.code }, i.name)));
  const issuerError = el('p', { id: `${id}-issuer-e`, class: 'e', hidden: true });
  const inputs = new Map<keyof CardFields, [HTMLInputElement, HTMLElement]>();
  const cardRows = CARD_INPUTS.map(([name, label, attrs]) => {
    const input = el('input', { id: `${id}-${name}`, name, ...attrs, 'aria-describedby': `${id}-${name}-e`, autofocus: name === 'card_number' && view.method === 'card' });
    const error = el('p', { id: `${id}-${name}-e`, class: 'e', hidden: true });
    inputs.set(name, [input, error]);
    return el('div', {}, el('label', { for: input.id }, label), input, error);
  });
  const cardSet = el(
    'fieldset',
    {},
    el('legend', {}, view.billing ? '정기결제 카드 (Card for billing)' : '카드 정보 (Card)'),
    el('div', {}, el('label', { for: issuer.id }, '카드사 (Card issuer)'), issuer, issuerError),
    ...cardRows,
  );
  const note = el('p', { class: 'n' }, '테스트 모드: 승인하면 바로 완료됩니다. (Sandbox: approving completes at once.)');
  const cancel = el('button', { type: 'button' }, '취소 (Cancel)');
  const close = el('button', { type: 'button', class: 'x', 'aria-label': '결제창 닫기 (Close)' }, '×');
  const approve = el('button', { type: 'submit', class: 'p', autofocus: view.method !== 'card' }, `${view.billing ? '카드 등록' : '결제'} 승인 (Approve)`);
  const form = el(
    'form',
    { novalidate: true },
    el('div', { class: 'imp-sbx-h' }, el('h2', { id: `${id}-t` }, view.billing ? '정기결제 카드 등록 (Billing key)' : "i'mport 결제 (Sandbox payment)"), close),
    el(
      'div',
      { class: 'imp-sbx-b' },
      el('dl', {}, el('dt', {}, '상점 (Merchant)'), el('dd', {}, view.merchant), el('dt', {}, '주문명 (Order)'), el('dd', {}, view.orderName), el('dt', {}, '결제금액 (Amount)'), el('dd', {}, won(view.amount))),
      methodSet,
      cardSet,
      note,
    ),
    el('div', { class: 'imp-sbx-f' }, cancel, approve),
  );
  const dialog = el('dialog', { class: 'imp-sbx', 'aria-labelledby': `${id}-t`, 'data-imp-sandbox': '' }, form);

  const method = (): PayMethod => (radios.map((r) => r.firstChild as HTMLInputElement).find((r) => r.checked)?.value as PayMethod) ?? 'card';
  const sync = () => {
    const isCard = method() === 'card';
    cardSet.hidden = !isCard;
    note.hidden = isCard;
  };
  const finish = (choice: WindowChoice | null) => {
    if (!dialog.isConnected) return;
    dialog.close();
    dialog.remove();
    settle(choice);
  };
  const showError = (input: HTMLElement, error: HTMLElement, message: string | undefined) => {
    input.setAttribute('aria-invalid', String(!!message));
    error.textContent = message ?? '';
    error.hidden = !message;
  };

  methodSet.addEventListener('change', sync);
  cancel.onclick = close.onclick = () => finish(null);
  // Esc: the buyer abandons the window (we close it ourselves so the element is removed too).
  // keydown also covers scripted Esc presses, which never fire the native `cancel`.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish(null);
  });
  dialog.addEventListener('keydown', (event) => event.key === 'Escape' && finish(null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const payMethod = method();
    if (payMethod !== 'card') return finish({ pay_method: payMethod });
    const values = Object.fromEntries([...inputs].map(([name, [input]]) => [name, input.value.trim()])) as Required<Record<keyof CardFields, string>>;
    const problems = cardFieldProblems(values, view.nowMs, true);
    showError(issuer, issuerError, issuer.value ? undefined : '선택할 수 있는 카드사가 없습니다. (No card issuer is enabled by card.detail.)');
    for (const [name, [input, error]] of inputs) showError(input, error, problems[name]);
    const invalid = dialog.querySelector<HTMLElement>('[aria-invalid=true]');
    if (invalid) return invalid.focus();
    finish({ pay_method: 'card', card_code: issuer.value, ...values });
  });

  sync();
  container.append(dialog);
  dialog.showModal();
  return { result, close: () => finish(null) };
}
