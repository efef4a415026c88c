/**
 * After Pay: the thank-you page, and the order status page a shopper opens later, each with
 * Omniroute's block rendered in its sandbox (order-page-sandbox.ts) for the order just placed.
 */

export interface PlacedOrderForPages {
  /** "gid://shopify/Order/123" */
  id: string;
  name: string;
  confirmationNumber: string;
}

export type OrderPageSurface = "thank-you" | "order-status";

const TARGETS: Record<OrderPageSurface, string> = {
  "thank-you": "purchase.thank-you.block.render",
  "order-status": "customer-account.order-status.block.render",
};

const HEADINGS: Record<OrderPageSurface, string> = {
  "thank-you": "Thank you!",
  "order-status": "Order status",
};

function element<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`the stand-in page has no ${selector}`);
  return found;
}

export function showOrderPage(surface: OrderPageSurface, order: PlacedOrderForPages): void {
  const query = new URLSearchParams({
    surface,
    order: order.id,
    number: order.confirmationNumber,
    name: order.name,
  });
  element("#order-page-heading").textContent = HEADINGS[surface];
  element("#order-page-target").textContent = TARGETS[surface];
  const frame = element<HTMLIFrameElement>("#order-page-frame");
  frame.style.height = "0";
  frame.src = `/order-page.html?${query.toString()}`;
  element<HTMLButtonElement>("#order-status").hidden = surface === "order-status";
}

export function leaveOrderPage(): void {
  element<HTMLIFrameElement>("#order-page-frame").src = "about:blank";
}
