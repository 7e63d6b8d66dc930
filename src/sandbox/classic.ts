// Entry of the classic script `iamport-sandbox` serves at /v1/iamport.js: sets window.IMP like
// the real SDK, recording payments on the server the script came from.
import { createSandboxIamport } from './create-sandbox';
import { MERCHANT_NAME_SLOT } from './engine/fixtures';

/** Still the slot unless `iamport-sandbox --merchant-name` filled it in while serving this script. */
const MERCHANT_NAME: string = MERCHANT_NAME_SLOT;

const script = document.currentScript as HTMLScriptElement | null;
window.IMP = createSandboxIamport({
  serverUrl: script?.src ? new URL(script.src).origin : undefined,
  // Without a configured name the window shows the merchant code, as before.
  // (`startsWith`, not `===`: a minifier would fold a comparison of the slot with itself.)
  merchantName: MERCHANT_NAME.startsWith('%') ? undefined : MERCHANT_NAME,
});
