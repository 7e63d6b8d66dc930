import { useEffect, useState, type ReactNode } from 'react';
import { IamportProvider, type IamportProviderProps } from 'react-iamport-jtnet';
import { createSandboxIamport, type SandboxOptions } from 'react-iamport-jtnet/sandbox';

/** The provider on a fresh, seeded, offline sandbox: what every component story runs on. */
export function SandboxProvider({ children, sandbox, ...props }: Partial<IamportProviderProps> & { children: ReactNode; sandbox?: SandboxOptions }) {
  const [sdk] = useState(() => createSandboxIamport({ seed: 7, mode: 'callback', merchantName: 'Beans & Co.', ...sandbox }));
  useEffect(() => () => sdk.close(), [sdk]);
  return (
    <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk} {...props}>
      {children}
    </IamportProvider>
  );
}

/** Shows what the form handed to onSuccess/onFailure, the way a merchant page would log it. */
export function OutcomeLog({ entries }: { entries: string[] }) {
  return (
    <section aria-label="Outcome log" style={{ marginTop: 24, fontFamily: 'ui-monospace, monospace', fontSize: 13 }}>
      <h2 style={{ fontSize: 14 }}>Outcome log</h2>
      <ol>
        {entries.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ol>
    </section>
  );
}
