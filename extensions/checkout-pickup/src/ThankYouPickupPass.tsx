import "@shopify/ui-extensions/preact";
import type { OrderConfirmationApi } from "@shopify/ui-extensions/checkout";
import { render } from "preact";
import { checkoutPassUrl } from "./app-url";
import { PickupPassBlock } from "./PickupPass";
import { passRequest } from "./pickup-pass";

/**
 * Orders from before 2024 have no confirmation number. Asked with `in` first: the extension
 * tester's stand-in for the page throws on reading a field that is absent.
 */
const numberOf = (confirmation: OrderConfirmationApi["orderConfirmation"]["value"]) =>
  "number" in confirmation ? confirmation.number : undefined;

/** `purchase.thank-you.block.render`: the pickup pass right after paying, asked with checkout's session token. */
function ThankYouPickupPass() {
  const confirmation = shopify.orderConfirmation.value;
  return (
    <PickupPassBlock
      url={checkoutPassUrl()}
      request={passRequest(confirmation.order.id, numberOf(confirmation))}
      sessionToken={() => shopify.sessionToken.get()}
    />
  );
}

export default async () => {
  render(<ThankYouPickupPass />, document.body);
};
