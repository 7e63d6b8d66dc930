/** The REST API of api.iamport.kr as the sandbox answers it: one module per resource under api/. */
export type { RestRequest } from './api/request';
export * from './api/billing-keys';
export * from './api/charges';
export * from './api/payments';
export * from './api/prepare';
export * from './api/schedules';
