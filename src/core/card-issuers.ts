import { CARD_CODES } from './card-codes';
import type { CardCode } from './types';

/** One card issuer from the official i'mport table. */
export interface CardIssuer {
  code: CardCode;
  ko: string;
  en: string;
  overseas: boolean;
}

const KO = 'BC|KB국민|현대|삼성|롯데|NH농협|우리|하나|새마을금고|제주|광주|신한|KDB산업|수협|신협|씨티|우체국|K뱅크|전북|카카오뱅크'.split('|');
const EN =
  'BC|KB Kookmin|Hyundai|Samsung|Lotte|NH|Woori|Hana|MG|Jeju|Gwangju|Shinhan|KDB|Suhyup|Shinhyup|Citi|Post office|K Bank|Jeonbuk|Kakao Bank|UnionPay|Diners|Amex|Master|Visa|JCB'.split(
    '|',
  );

/**
 * The official i'mport card issuer table with Korean and English names (not the community
 * `iamport-typings` table, which is wrong: '361' is BC, Woori is '041').
 *
 * @example
 * CARD_ISSUERS.find((issuer) => issuer.code === '366')?.en // 'Shinhan'
 */
export const CARD_ISSUERS: readonly CardIssuer[] = Object.freeze(
  CARD_CODES.map((code, index) => ({ code, ko: KO[index] ?? EN[index]!, en: EN[index]!, overseas: index >= KO.length })),
);

/**
 * Look up an issuer by code.
 *
 * @example
 * getCardIssuer('041')?.ko // '우리'
 */
export function getCardIssuer(code: string): CardIssuer | undefined {
  return CARD_ISSUERS.find((issuer) => issuer.code === code);
}
