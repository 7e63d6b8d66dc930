/** Error codes and messages shared by the sandbox window and the sandbox server. */
export const CANCEL_CODE = 'F400';
/** Core's `toPaymentOutcome` recognises this text as "the buyer cancelled". */
export const CANCEL_MESSAGE = '[결제포기] 사용자가 결제를 취소하셨습니다';
export const PG_FAILURE_CODE = 'F400';
// Korean only, like the real PG's messages (JTNet through i'mport): a Korean shop shows them as they come.
export const DECLINED_MESSAGE = '[카드사 거절] 잔액이 부족합니다.';
export const NETWORK_MESSAGE = '[PG 통신 오류] 카드사와 통신하지 못했습니다. 잠시 후 다시 시도해 주세요.';
export const INVALID_CARD_MESSAGE =
  '[카드 오류] 샌드박스 테스트 카드가 아닙니다. 4242-4242-4242-4242(승인), 4000-0000-0000-0002(잔액부족), 4000-0000-0000-0119(통신오류) 중 하나를 쓰세요.';
export const DUPLICATE_CODE = 'F1002';
export const DUPLICATE_MESSAGE = '이미 결제가 이루어진 거래건입니다.';
export const NOT_READY_CODE = 'NOT_READY';
/** What the real SDK answers when the merchant has no channel at all (`/users/pg` lists none). */
export const NOT_READY_MESSAGE = '등록 된 PG 설정 정보를 찾을 수 없습니다.';
export const UNKNOWN_PG_CODE = 'F1001';
/** What the real SDK answers (as `error_coe`) when the merchant has channels but no payment channel. */
export const UNKNOWN_PG_MESSAGE = '등록되지 않은 PG모듈 정보입니다. 아임포트 관리자페이지에서 PG모듈 정보를 설정하신 후 다시 시도해주세요.';
export const NOT_INITIALISED_ALERT = '판매자 코드가 설정되지 않았습니다. IMP.init()함수를 먼저 호출하세요.';
export const PARAMS_MISSING_ALERT = '결제요청 파라메터가 누락되었습니다.';
