// Server Component: the product and its price come from the server; only <Checkout> (a client
// component) runs in the browser. createMerchantUid, from the package root, is a plain function here.
import { PRODUCTS, won } from '../lib/catalog';
import { createOrder } from '../lib/orders';
import { shopOrigin } from '../lib/site';
import { Checkout } from './checkout';

export default async function ProductPage() {
  const product = PRODUCTS[0]!;
  const order = createOrder(product);
  return (
    <article className="product">
      <h1>{product.name}</h1>
      <p>{product.description}</p>
      <p className="price">{won(product.price)}</p>
      <Checkout merchantUid={order.merchantUid} amount={order.amount} name={product.name} noticeUrl={`${await shopOrigin()}/api/iamport/webhook`} />
    </article>
  );
}
