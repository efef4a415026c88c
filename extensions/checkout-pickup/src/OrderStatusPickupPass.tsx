import "@shopify/ui-extensions/preact";
import type { Order } from "@shopify/ui-extensions/customer-account";
import { render } from "preact";
import { customerAccountPassUrl } from "./app-url";
import { PickupPassBlock } from "./PickupPass";
import { passRequest } from "./pickup-pass";

/**
 * Orders from before 2024 have no confirmation number. Asked with `in` first: the extension
 * tester's stand-in for the page throws on reading a field that is absent.
 */
const confirmationNumberOf = (order: Order) => ("confirmationNumber" in order ? order.confirmationNumber : undefined);

/**
 * `customer-account.order-status.block.render`: the pickup pass on the order status page, asked
 * with the customer account's session token. The order is absent until Shopify has processed it.
 */
function OrderStatusPickupPass() {
  const order = shopify.order.value;
  return (
    <PickupPassBlock
      url={customerAccountPassUrl()}
      request={passRequest(order?.id, order && confirmationNumberOf(order))}
      sessionToken={() => shopify.sessionToken.get()}
    />
  );
}

export default async () => {
  render(<OrderStatusPickupPass />, document.body);
};
