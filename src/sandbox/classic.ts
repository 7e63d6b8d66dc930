// Entry of the classic script `iamport-sandbox` serves at /v1/iamport.js: sets window.IMP like
// the real SDK, recording payments on the server the script came from.
import { createSandboxIamport } from './create-sandbox';

const script = document.currentScript as HTMLScriptElement | null;
window.IMP = createSandboxIamport({ serverUrl: script?.src ? new URL(script.src).origin : undefined });
