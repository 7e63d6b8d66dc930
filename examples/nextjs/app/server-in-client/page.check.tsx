'use client';
// TEST-ONLY page (built with --checks, see next.config.ts): the mistake the package must catch. A
// client component imports the server module; the browser bundle gets the "browser" export
// condition's stub, which throws on load, so no REST client and no token call ever reach a browser.
import { createIamportClient } from 'react-iamport-jtnet/server';

export default function ServerInClient() {
  return <p>{typeof createIamportClient}</p>;
}
