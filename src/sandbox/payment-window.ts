import type { PayMethod } from '../core/types';
import { cardFieldProblems, formatCardNumberInput, formatExpiryInput, normaliseCardNumber, type CardFields } from './engine/cards';
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
  /**
   * The buyer's choice, or `null` when they cancelled (Esc, × or Cancel). From then on the window
   * shows that it is processing, until it is removed.
   */
  result: Promise<WindowChoice | null>;
  /** Take the window out of the page (its frame closed); focus returns where it was. */
  remove(): void;
}

const METHODS: [PayMethod, string][] = [
  ['card', '신용카드 (Card)'],
  ['trans', '실시간 계좌이체 (Bank transfer)'],
  ['vbank', '가상계좌 (Virtual account)'],
  ['phone', '휴대폰 소액결제 (Phone)'],
];
const CARD_INPUTS: [keyof CardFields, string, Record<string, string>, ((value: string) => string)?][] = [
  ['card_number', '카드번호 (Card number)', { inputmode: 'numeric', autocomplete: 'cc-number', placeholder: '4242 4242 4242 4242' }, formatCardNumberInput],
  ['expiry', '유효기간 MM/YY (Expiry)', { inputmode: 'numeric', autocomplete: 'cc-exp', placeholder: 'MM/YY' }, formatExpiryInput],
  ['birth', '생년월일 6자리 또는 사업자번호 10자리 (Birth date or business no.)', { inputmode: 'numeric', autocomplete: 'off' }],
  ['pwd_2digit', '비밀번호 앞 2자리 (First 2 PIN digits)', { type: 'password', inputmode: 'numeric', maxlength: '2', autocomplete: 'off' }],
];
const NOTES: Partial<Record<PayMethod, string>> = {
  vbank:
    '승인하면 가상계좌가 발급되고 입금을 기다립니다. 입금되어야 결제가 완료됩니다. (Approving issues a virtual account that awaits the deposit; the payment completes when it arrives.)',
};
const INSTANT_NOTE = '테스트 모드: 승인하면 바로 완료됩니다. (Sandbox: approving completes at once.)';

let windows = 0;

/** `₩1,004`. */
export const won = (amount: number) => `₩${amount.toLocaleString('ko-KR')}`;

/** Re-format a field as the buyer types, keeping the caret after the same digit. */
function formatAsTyped(input: HTMLInputElement, format: (value: string) => string) {
  input.addEventListener('input', () => {
    const raw = input.value;
    const formatted = format(raw);
    if (formatted === raw) return;
    const digitsBefore = raw.slice(0, input.selectionStart ?? raw.length).replace(/\D/g, '').length;
    input.value = formatted;
    // When digits were added or refused the caret goes to the end; else after the same digit.
    let caret = formatted.length;
    if (formatted.replace(/\D/g, '') === raw.replace(/\D/g, '')) {
      let seen = 0;
      for (caret = 0; caret < formatted.length && seen < digitsBefore; caret++) if (/\d/.test(formatted[caret]!)) seen++;
    }
    input.setSelectionRange(caret, caret);
  });
}

/**
 * Open the sandbox payment window in `container`: a modal `<dialog>` (focus stays inside, Esc
 * cancels). Header and footer stay on screen; the body scrolls.
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

  const issuer = el(
    'select',
    { id: `${id}-issuer`, 'aria-describedby': `${id}-issuer-e` },
    ...view.issuers.map((i) => el('option', { value: i.code }, i.name)),
  );
  const issuerError = el('p', { id: `${id}-issuer-e`, class: 'e', hidden: true });
  const inputs = new Map<keyof CardFields, [HTMLInputElement, HTMLElement]>();
  const cardRows = CARD_INPUTS.map(([name, label, attrs, format]) => {
    const input = el('input', {
      id: `${id}-${name}`,
      name,
      ...attrs,
      'aria-describedby': `${id}-${name}-e`,
      autofocus: name === 'card_number' && view.method === 'card',
    });
    if (format) formatAsTyped(input, format);
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
  const note = el('p', { class: 'n' });
  const status = el('p', { role: 'status' });
  const cancel = el('button', { type: 'button' }, '취소 (Cancel)');
  const close = el('button', { type: 'button', class: 'x', 'aria-label': '결제창 닫기 (Close)' }, '×');
  const approve = el('button', { type: 'submit', class: 'p', autofocus: view.method !== 'card' });
  const form = el(
    'form',
    { novalidate: true },
    el('div', { class: 'imp-sbx-h' }, el('h2', { id: `${id}-t` }, view.billing ? '정기결제 카드 등록 (Billing key)' : "i'mport 결제 (Sandbox payment)"), close),
    el(
      'div',
      { class: 'imp-sbx-b' },
      el(
        'dl',
        {},
        el('dt', {}, '상점 (Merchant)'),
        el('dd', {}, view.merchant),
        el('dt', {}, '주문명 (Order)'),
        el('dd', {}, view.orderName),
        el('dt', {}, '결제금액 (Amount)'),
        el('dd', {}, won(view.amount)),
      ),
      methodSet,
      cardSet,
      note,
    ),
    el('div', { class: 'imp-sbx-f' }, status, cancel, approve),
  );
  const dialog = el('dialog', { class: 'imp-sbx', 'aria-labelledby': `${id}-t`, 'data-imp-sandbox': '' }, form);

  const method = (): PayMethod => (radios.map((r) => r.firstChild as HTMLInputElement).find((r) => r.checked)?.value as PayMethod) ?? 'card';
  const sync = () => {
    const chosen = method();
    cardSet.hidden = chosen !== 'card';
    note.hidden = chosen === 'card';
    note.textContent = NOTES[chosen] ?? INSTANT_NOTE;
    approve.textContent = view.billing ? '카드 등록 승인 (Approve)' : chosen === 'vbank' ? '계좌 발급 승인 (Approve)' : '결제 승인 (Approve)';
  };
  let decided = false;
  // The buyer decided: like a PG page, the window now waits for its answer (it is removed when
  // the SDK closes its frame; a window that never answers stays like this).
  const decide = (choice: WindowChoice | null) => {
    if (decided) return;
    decided = true;
    dialog.setAttribute('aria-busy', 'true');
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('input, select, button')) control.disabled = true;
    status.textContent = choice ? '결제를 처리하고 있습니다… (Processing…)' : '결제를 취소하고 있습니다… (Cancelling…)';
    settle(choice);
  };
  const showError = (input: HTMLElement, error: HTMLElement, message: string | undefined) => {
    input.setAttribute('aria-invalid', String(!!message));
    error.textContent = message ?? '';
    error.hidden = !message;
  };

  methodSet.addEventListener('change', sync);
  cancel.onclick = close.onclick = () => decide(null);
  // Esc: the buyer abandons the window. The dialog closes only when the SDK closes its frame.
  // keydown also covers scripted Esc presses, which never fire the native `cancel`.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    decide(null);
  });
  dialog.addEventListener('keydown', (event) => event.key === 'Escape' && decide(null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (decided) return;
    const payMethod = method();
    if (payMethod !== 'card') return decide({ pay_method: payMethod });
    const values = Object.fromEntries([...inputs].map(([name, [input]]) => [name, input.value.trim()])) as Required<Record<keyof CardFields, string>>;
    const problems = cardFieldProblems(values, view.nowMs, true);
    showError(issuer, issuerError, issuer.value ? undefined : '선택할 수 있는 카드사가 없습니다. (No card issuer is enabled by card.detail.)');
    for (const [name, [input, error]] of inputs) showError(input, error, problems[name]);
    const invalid = dialog.querySelector<HTMLElement>('[aria-invalid=true]');
    if (invalid) return invalid.focus();
    decide({ pay_method: 'card', card_code: issuer.value, ...values, card_number: normaliseCardNumber(values.card_number) ?? values.card_number });
  });

  sync();
  container.append(dialog);
  dialog.showModal();
  return {
    result,
    remove() {
      if (!dialog.isConnected) return;
      dialog.close();
      dialog.remove();
    },
  };
}
