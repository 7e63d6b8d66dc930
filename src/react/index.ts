export { IamportProvider, type IamportProviderProps } from './IamportProvider';
export { useIamport } from './useIamport';
export { usePayment, type PaymentParams, type UsePaymentResult } from './usePayment';
export { useBillingKey, type BillingKeyParams, type BillingKeyOutcome, type UseBillingKeyResult } from './useBillingKey';
export { useRedirectResult, type RedirectResult, type UseRedirectResultOptions } from './useRedirectResult';
export type { RequestStatus, RequestCallbacks, RequestState } from './useRequestMachine';
export type { IamportLocale, IamportLoadState, IamportSettings, UseIamportResult } from './context';
