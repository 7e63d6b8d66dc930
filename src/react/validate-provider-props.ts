import { IamportError } from '../core/errors';
import { isAbsoluteHttpUrl } from '../core/validation/shapes';

function invalid(field: string, message: string, value: unknown): never {
  throw new IamportError('INVALID_PARAMS', `<IamportProvider ${field}>: ${message}; got ${JSON.stringify(value)}.`, { field });
}

/**
 * Check the provider's props at render, before the SDK is loaded; throws
 * `IamportError('INVALID_PARAMS')` naming the prop and the fix.
 *
 * @example
 * validateProviderProps({ merchantCode: 'imp00000000', redirectUrl: 'https://shop.example/done' })
 */
export function validateProviderProps(props: { merchantCode: unknown; tierCode?: unknown; redirectUrl?: unknown; locale?: unknown }): void {
  const { merchantCode, tierCode, redirectUrl, locale } = props;
  if (typeof merchantCode !== 'string' || !/^imp\d{8}$/.test(merchantCode)) {
    invalid('merchantCode', 'must be your 가맹점 식별코드, "imp" + 8 digits (sandbox: "imp00000000")', merchantCode);
  }
  if (tierCode !== undefined && (typeof tierCode !== 'string' || !/^[A-Za-z0-9]{3}$/.test(tierCode))) {
    invalid('tierCode', 'must be the 3-character agency tier code (omit it unless you are an agency)', tierCode);
  }
  if (redirectUrl !== undefined && (typeof redirectUrl !== 'string' || !isAbsoluteHttpUrl(redirectUrl))) {
    invalid('redirectUrl', 'must be an absolute http(s) URL like "https://shop.example/payments/complete"', redirectUrl);
  }
  if (locale !== undefined && locale !== 'ko' && locale !== 'en') invalid('locale', 'must be "ko" or "en"', locale);
}
