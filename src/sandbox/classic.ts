// Entry of the classic script `iamport-sandbox` serves at /v1/iamport.js: sets window.IMP like
// the real SDK, recording payments on the server the script came from.
import { createSandboxIamport } from './create-sandbox';
import { FAULTS_SLOT, parseFaults } from './engine/faults';
import { MERCHANT_NAME_SLOT } from './engine/fixtures';

/** Still the slot unless `iamport-sandbox --merchant-name` filled it in while serving this script. */
const MERCHANT_NAME: string = MERCHANT_NAME_SLOT;
/** Still the slot unless `iamport-sandbox --fault` filled it in. */
const SERVED_FAULTS: string = FAULTS_SLOT;

const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src ? new URL(script.src) : undefined;
window.IMP = createSandboxIamport({
  serverUrl: src?.origin,
  // Without a configured name the window shows the merchant code, as before.
  // (`startsWith`, not `===`: a minifier would fold a comparison of the slot with itself.)
  merchantName: MERCHANT_NAME.startsWith('%') ? undefined : MERCHANT_NAME,
  // The server's faults, then the page's own: `<script src="…/v1/iamport.js?fault=init:network-error" data-fault="slow-init:500">`.
  faults: parseFaults([SERVED_FAULTS.startsWith('%') ? '' : SERVED_FAULTS, ...(src?.searchParams.getAll('fault') ?? []), script?.dataset.fault ?? '']),
});
