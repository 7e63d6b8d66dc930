export { IamportProvider, type IamportProviderProps } from './IamportProvider';
export { useIamport } from './useIamport';
export { usePayment, type UsePaymentResult } from './usePayment';
export { useBillingKey, type UseBillingKeyResult } from './useBillingKey';
export { useRedirectResult, type RedirectResult, type UseRedirectResultOptions } from './useRedirectResult';
export type { IamportLocale, IamportSettings, UseIamportResult } from './context';
export type { PaymentParams, BillingKeyParams, BillingKeyOutcome } from '../core/request-params';
export type { RequestStatus, RequestCallbacks, RequestState } from '../core/request-controller';
export type { IamportLoadState } from '../core/runtime';
