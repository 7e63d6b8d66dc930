const STYLE_ID = 'imp-sandbox-style';

// Scoped, inline-injected so the window looks like a PG window with no stylesheet from the app.
const CSS = `.imp-sbx{border:0;border-radius:12px;padding:0;width:min(420px,calc(100vw - 2rem));max-height:calc(100vh - 2rem);box-shadow:0 20px 60px #0006;font:14px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
.imp-sbx::backdrop{background:#0009}.imp-sbx form{margin:0}.imp-sbx [hidden]{display:none!important}
.imp-sbx-h{display:flex;align-items:center;justify-content:space-between;background:#2f55d4;color:#fff;padding:10px 16px}
.imp-sbx h2{font-size:16px;margin:0}.imp-sbx-b{padding:16px;display:grid;gap:12px}
.imp-sbx dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}.imp-sbx dt{color:#555}.imp-sbx dd{margin:0;font-weight:600;text-align:right}
.imp-sbx fieldset{border:1px solid #ccc;border-radius:8px;padding:8px 12px 12px;margin:0;display:grid;gap:8px}.imp-sbx legend{padding:0 4px;font-weight:600}
.imp-sbx label{display:grid;gap:2px}.imp-sbx .r{display:flex;gap:6px;align-items:center}
.imp-sbx input,.imp-sbx select{font:inherit;padding:6px 8px;border:1px solid #767676;border-radius:6px;background:#fff;color:inherit}
.imp-sbx [aria-invalid=true]{border-color:#b00020}.imp-sbx .e{color:#b00020;margin:0;font-size:12px}.imp-sbx .n{margin:0;color:#444}
.imp-sbx-f{display:flex;gap:8px;justify-content:flex-end;padding:12px 16px;border-top:1px solid #e5e5e5}
.imp-sbx button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #767676;background:#fff;color:#1a1a1a;cursor:pointer}
.imp-sbx .p{background:#2f55d4;border-color:#2f55d4;color:#fff}.imp-sbx .x{background:none;border:0;color:#fff;font-size:20px;line-height:1;padding:4px 8px}
.imp-sbx :focus-visible{outline:3px solid #f5a623;outline-offset:2px}`;

/** Add the window's stylesheet once per document. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}
