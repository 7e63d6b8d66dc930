// Server Component: the product and its price come from the server; only <Checkout> (a client
// component) runs in the browser. The package's core helpers are plain functions here:
// createMerchantUid (lib/orders.ts, from the package root) and the card issuer table (from /core).
import { CARD_ISSUERS } from 'react-iamport-jtnet/core';
import { PRODUCTS, won } from '../lib/catalog';
import { createOrder } from '../lib/orders';
import { shopOrigin } from '../lib/site';
import { Checkout } from './checkout';

export default async function ProductPage() {
  const product = PRODUCTS[0]!;
  const order = createOrder(product);
  // The shop takes domestic cards only: overseas brands are switched off in the payment window.
  const overseas = CARD_ISSUERS.filter((issuer) => issuer.overseas).map((issuer) => issuer.code);
  return (
    <article className="product">
      <h1>{product.name}</h1>
      <p>{product.description}</p>
      <p className="price">{won(product.price)}</p>
      <Checkout
        merchantUid={order.merchantUid}
        amount={order.amount}
        name={product.name}
        cardFilter={{ exclude: overseas }}
        noticeUrl={`${await shopOrigin()}/api/iamport/webhook`}
      />
    </article>
  );
}
