import type { CardCode } from './types';

/** One card issuer from the official i'mport table. */
export interface CardIssuer {
  code: CardCode;
  ko: string;
  en: string;
  overseas: boolean;
}

const domestic = (code: CardCode, ko: string, en: string): CardIssuer => ({ code, ko, en, overseas: false });
const overseas = (code: CardCode, name: string): CardIssuer => ({ code, ko: name, en: name, overseas: true });

/**
 * The official i'mport card issuer table (not the community `iamport-typings` one, which is wrong).
 *
 * @example
 * CARD_ISSUERS.find((issuer) => issuer.code === '366')?.en // 'Shinhan'
 */
export const CARD_ISSUERS: readonly CardIssuer[] = Object.freeze([
  domestic('361', 'BC', 'BC'),
  domestic('381', 'KB국민', 'KB Kookmin'),
  domestic('367', '현대', 'Hyundai'),
  domestic('365', '삼성', 'Samsung'),
  domestic('368', '롯데', 'Lotte'),
  domestic('371', 'NH농협', 'NH'),
  domestic('041', '우리', 'Woori'),
  domestic('374', '하나', 'Hana'),
  domestic('045', '새마을금고', 'MG'),
  domestic('373', '제주', 'Jeju'),
  domestic('364', '광주', 'Gwangju'),
  domestic('366', '신한', 'Shinhan'),
  domestic('002', 'KDB산업', 'KDB'),
  domestic('369', '수협', 'Suhyup'),
  domestic('048', '신협', 'Shinhyup'),
  domestic('370', '씨티', 'Citi'),
  domestic('071', '우체국', 'Post office'),
  domestic('089', 'K뱅크', 'K Bank'),
  domestic('372', '전북', 'Jeonbuk'),
  domestic('090', '카카오뱅크', 'Kakao Bank'),
  overseas('10001', 'UnionPay'),
  overseas('10002', 'Diners'),
  overseas('10003', 'Amex'),
  overseas('10004', 'Master'),
  overseas('10005', 'Visa'),
  overseas('10006', 'JCB'),
]);

const BY_CODE = new Map<string, CardIssuer>(CARD_ISSUERS.map((issuer) => [issuer.code, issuer]));

/**
 * Whether a string is a card issuer code from the official table.
 *
 * @example
 * isCardCode('366') // true
 * isCardCode('999') // false
 */
export function isCardCode(value: unknown): value is CardCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/**
 * Look up an issuer by code.
 *
 * @example
 * getCardIssuer('041')?.ko // '우리'
 */
export function getCardIssuer(code: string): CardIssuer | undefined {
  return BY_CODE.get(code);
}
