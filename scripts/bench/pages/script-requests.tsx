// SDK script requests: StrictMode, 3 providers and 10 hook users, all through the real
// loadIamport path with scriptUrl pointing at the bench server's /iamport.js.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IamportProvider, useIamport, usePayment } from 'react-iamport-jtnet';

function HookUser() {
  const { status } = useIamport();
  usePayment();
  return <span className="hook-user" data-status={status} />;
}

const users = (count: number) => Array.from({ length: count }, (_, i) => <HookUser key={i} />);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {[4, 3, 3].map((count, i) => (
      <IamportProvider key={i} merchantCode="imp00000000" pg="jtnet" scriptUrl="/iamport.js">
        {users(count)}
      </IamportProvider>
    ))}
  </StrictMode>,
);
