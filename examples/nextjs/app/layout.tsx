// Server Component. <IamportProvider> is a client component; a Server Component renders it with
// plain props (strings), and the page content stays on the server.
import 'react-iamport-jtnet/styles.css';
import './shop.css';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { IamportProvider } from 'react-iamport-jtnet';
import { SANDBOX_MERCHANT_CODE } from 'react-iamport-jtnet/sandbox';
import { IAMPORT_API_URL } from '../lib/iamport';
import { shopOrigin } from '../lib/site';

export const metadata: Metadata = { title: '온기 커피 로스터스 (Next.js)' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection(); // the sandbox's address is read per request, not frozen at build time
  const origin = await shopOrigin();
  return (
    <html lang="ko">
      <body>
        <header className="site-header">
          <a href="/">온기 커피 로스터스</a>
        </header>
        <IamportProvider
          merchantCode={process.env.IMP_MERCHANT_CODE ?? SANDBOX_MERCHANT_CODE}
          pg="jtnet"
          redirectUrl={`${origin}/payments/complete`}
          scriptUrl={`${IAMPORT_API_URL}/v1/iamport.js`}
        >
          <main className="site-main">{children}</main>
        </IamportProvider>
      </body>
    </html>
  );
}
