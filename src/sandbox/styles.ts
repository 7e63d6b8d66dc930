const STYLE_ID = 'imp-sandbox-style';

// Scoped, inline-injected so the window looks like a PG window with no stylesheet from the app.
// A flex column: header and footer stay put, the body scrolls, so Approve and Cancel are always
// on screen; on a phone the window fills the screen like the real mobile window.
const CSS = `.imp-sbx{border:0;border-radius:12px;padding:0;width:min(420px,calc(100vw - 2rem));max-width:none;max-height:calc(100vh - 2rem);max-height:calc(100dvh - 2rem);overflow:hidden;box-shadow:0 20px 60px #0006;font:14px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
.imp-sbx[open]{display:flex;flex-direction:column}.imp-sbx::backdrop{background:#0009}.imp-sbx [hidden]{display:none!important}
.imp-sbx form{margin:0;display:flex;flex-direction:column;flex:1;min-height:0}
.imp-sbx-h{flex:none;display:flex;align-items:center;justify-content:space-between;background:#2f55d4;color:#fff;padding:8px 8px 8px 16px}
.imp-sbx h2{font-size:16px;margin:0}.imp-sbx-b{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px;display:grid;gap:12px;align-content:start}
.imp-sbx dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}.imp-sbx dt{color:#555}.imp-sbx dd{margin:0;font-weight:600;text-align:right;overflow-wrap:anywhere}
.imp-sbx fieldset{border:1px solid #ccc;border-radius:8px;padding:8px 12px 12px;margin:0;display:grid;gap:8px;min-width:0}.imp-sbx legend{padding:0 4px;font-weight:600}
.imp-sbx label{display:grid;gap:2px}.imp-sbx .r{display:flex;gap:6px;align-items:center}
.imp-sbx input,.imp-sbx select{font:inherit;padding:6px 8px;border:1px solid #767676;border-radius:6px;background:#fff;color:inherit;min-width:0}
.imp-sbx [aria-invalid=true]{border-color:#b00020}.imp-sbx .e{color:#b00020;margin:0;font-size:12px}.imp-sbx .n{margin:0;color:#444}
.imp-sbx-f{flex:none;display:flex;gap:8px;justify-content:flex-end;align-items:center;padding:12px 16px;border-top:1px solid #e5e5e5;background:#fff}
.imp-sbx-f [role=status]{margin:0 auto 0 0;color:#444}
.imp-sbx button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #767676;background:#fff;color:#1a1a1a;cursor:pointer}
.imp-sbx button:disabled{cursor:progress;opacity:.6}
.imp-sbx .p{background:#2f55d4;border-color:#2f55d4;color:#fff}.imp-sbx .x{background:none;border:0;color:#fff;font-size:22px;line-height:1;padding:6px 12px}
.imp-sbx :focus-visible{outline:3px solid #f5a623;outline-offset:2px}
@media (max-width:480px){.imp-sbx{width:100%;height:100%;max-height:none;border-radius:0;margin:0}.imp-sbx-f button{flex:1;min-height:44px}.imp-sbx-f [role=status]{flex-basis:100%}.imp-sbx-f{flex-wrap:wrap}}`;

/** Add the window's stylesheet once per document. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}

// The real SDK's page-level rules (reference §4): the dialog is a hidden full-screen layer at
// z-index 99999 until a request, and on a phone everything but the dialog is hidden.
const SDK_CSS = `body.imp-payment-progress{position:static}body.imp-payment-progress>:not(.imp-dialog){display:none}
.imp-dialog{display:none;position:fixed;top:0;bottom:0;left:0;right:0;width:100%;height:100%;z-index:99999}.imp-dialog.mobile.ios{position:absolute}`;

/**
 * Add the SDK's own stylesheet, as the real SDK does at `init` (one per SDK); returns its removal.
 *
 * @example
 * const remove = injectSdkStyles(document) // … later, IMP.deinit(): remove()
 */
export function injectSdkStyles(doc: Document): () => void {
  const style = doc.createElement('style');
  style.textContent = SDK_CSS;
  doc.head.append(style);
  return () => style.remove();
}
