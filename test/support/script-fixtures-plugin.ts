import type { Plugin } from 'vite';

/**
 * Dev-server routes that browser tests load as SDK scripts:
 * - `/__sdk__/imp.js?tag=x`   sets a minimal window.IMP and counts executions
 * - `/__sdk__/no-imp.js`      loads fine but never sets window.IMP
 * - `/__sdk__/missing.js`     404
 * - `/__sdk__/slow.js`        answers only when the page goes away (or after 20 s)
 */
export function scriptFixtures(): Plugin {
  return {
    name: 'sdk-script-fixtures',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/__sdk__/')) return next();
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Type', 'text/javascript');
        switch (url.pathname) {
          case '/__sdk__/imp.js':
            res.end(
              'window.__sdkExecutions = (window.__sdkExecutions || 0) + 1;' +
                'window.IMP = { inits: [], init(code) { this.inits.push(code) }, agency(code, tier) { this.inits.push(code + "/" + tier) },' +
                ' request_pay(params, cb) { cb && cb({ success: true, imp_uid: "imp_000000000001", merchant_uid: params.merchant_uid }) } };',
            );
            return;
          case '/__sdk__/no-imp.js':
            res.end('window.__noImpExecuted = true;');
            return;
          case '/__sdk__/missing.js':
            res.statusCode = 404;
            res.end('// not found');
            return;
          case '/__sdk__/slow.js': {
            const timer = setTimeout(() => res.end('window.__slowArrived = true;'), 20_000);
            req.on('close', () => clearTimeout(timer));
            return;
          }
          default:
            return next();
        }
      });
    },
  };
}
