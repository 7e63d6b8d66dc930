// The shop's price list. Amounts live here, on the server: the browser only sends ids and
// quantities, so a buyer cannot change what an order costs.

/** @typedef {{ id: string, name: string, description: string, price: number, tag: string }} Product */
/** @typedef {{ id: string, name: string, description: string, price: number }} Plan */

/** @type {readonly Product[]} */
export const PRODUCTS = Object.freeze([
  { id: 'yirgacheffe', name: '에티오피아 예가체프 200g', description: '자스민 향과 레몬 같은 산미. 라이트 로스팅.', price: 15_000, tag: '싱글 오리진' },
  { id: 'house-blend', name: '하우스 블렌드 드립백 10개입', description: '고소한 견과류와 다크 초콜릿. 사무실에서도 간편하게.', price: 12_000, tag: '베스트' },
  { id: 'cold-brew', name: '콜드브루 원액 500ml', description: '18시간 저온 추출. 물이나 우유에 1:3으로.', price: 9_800, tag: '여름 한정' },
]);

/** @type {readonly Plan[]} */
export const PLANS = Object.freeze([
  { id: 'monthly-beans', name: '월간 원두 정기배송', description: '매달 로스터가 고른 원두 200g 두 봉지를 보내 드려요.', price: 19_800 },
]);

export const MAX_QUANTITY = 10;

/** @param {string} id */
export const findProduct = (id) => PRODUCTS.find((product) => product.id === id);
/** @param {string} id */
export const findPlan = (id) => PLANS.find((plan) => plan.id === id);
