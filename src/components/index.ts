export { PaymentButton, BillingKeyButton, type PaymentButtonProps, type BillingKeyButtonProps } from './PaymentButton';
export { PaymentForm, type PaymentFormProps, type PaymentFormValues } from './PaymentForm';
export { BillingKeyForm, type BillingKeyFormProps } from './BillingKeyForm';
export { BuyerFields, type BuyerFieldsProps } from './BuyerFields';
export { PayMethodField, type PayMethodFieldProps } from './PayMethodField';
export { CardFilterField, type CardFilterFieldProps } from './CardFilterField';
export { RedirectLanding, type RedirectLandingProps, type LandingState, type LandingVerification } from './RedirectLanding';
export { buyerFieldError, BUYER_FIELD_SPECS, type BuyerField, type BuyerValues, type BuyerFieldsConfig } from './buyer-rules';
export { MESSAGES, type IamportMessages } from './messages';
