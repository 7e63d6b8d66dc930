// The shop's price list, on the server: the browser never says what something costs.

export interface Product {
  id: string;
  name: string;
  description: string;
  /** KRW, integer. */
  price: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'yirgacheffe', name: '에티오피아 예가체프 200g', description: '자스민 향과 레몬 같은 산미. 라이트 로스팅.', price: 15_000 },
  { id: 'house-blend', name: '하우스 블렌드 드립백 10개입', description: '고소한 견과류와 다크 초콜릿. 사무실에서도 간편하게.', price: 12_000 },
];

export const findProduct = (id: string): Product | undefined => PRODUCTS.find((product) => product.id === id);

/** `15,000원` */
export const won = (amount: number): string => `${amount.toLocaleString('ko-KR')}원`;
