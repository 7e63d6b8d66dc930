// One rule for which cards the shop takes, used by the checkout and the subscription window alike.
import { CARD_ISSUERS, type CardFilterOption } from 'react-iamport-jtnet';

/** Cards issued in Korea only: every overseas brand is switched off in the window (`card.detail`). */
export const DOMESTIC_CARDS: CardFilterOption = { exclude: CARD_ISSUERS.filter((issuer) => issuer.overseas).map((issuer) => issuer.code) };

/** What the buyer reads next to both forms. */
export const DOMESTIC_CARDS_NOTE = '국내 발급 카드만 사용할 수 있어요. 해외 카드(비자, 마스터카드 등)는 결제창에 나오지 않습니다.';
