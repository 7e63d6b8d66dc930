'use client';
// Client component: asks the shop's server (here its edge route) before it ever says "paid".
import { RedirectLanding, type RedirectSearchParams } from 'react-iamport-jtnet';

export function Landing({ searchParams }: { searchParams: RedirectSearchParams }) {
  return (
    <RedirectLanding
      searchParams={searchParams}
      verify={(result) =>
        fetch('/api/payments/verify-edge', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ impUid: result.impUid, merchantUid: result.merchantUid }),
        }).then((reply) => reply.json())
      }
    />
  );
}
