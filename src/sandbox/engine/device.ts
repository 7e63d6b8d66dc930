/** How the real SDK tells a phone from a PC: by user agent only (reference §4). DOM-free. */
export interface Device {
  mobile: boolean;
  ios: boolean;
  android: boolean;
}

/**
 * Read a user agent the way the real SDK does: iPhone / iPad / iPod / Android / "Mobile" mean
 * mobile, whatever the window's width.
 *
 * @example
 * deviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) … Mobile/15E148').ios // true
 */
export function deviceOf(userAgent: string): Device {
  const ios = /\b(iPhone|iP[ao]d)/.test(userAgent);
  const android = /Android/i.test(userAgent);
  return { mobile: ios || android || /Mobile/i.test(userAgent), ios, android };
}
