// Entry of the classic script `iamport-sandbox` serves at /v1/iamport.js: sets window.IMP like
// the real SDK, recording payments on the server the script came from.
import { createSandboxIamport } from './create-sandbox';

/** `iamport-sandbox --merchant-name` replaces this literal (JSON-escaped) when it serves the script. */
const MERCHANT_NAME: string = '%IAMPORT_SANDBOX_MERCHANT_NAME%';

const script = document.currentScript as HTMLScriptElement | null;
window.IMP = createSandboxIamport({
  serverUrl: script?.src ? new URL(script.src).origin : undefined,
  // Without a configured name the window shows the merchant code, as before.
  merchantName: MERCHANT_NAME.startsWith('%') ? undefined : MERCHANT_NAME,
});
