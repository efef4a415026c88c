import { definePassElements } from "./pass-elements";

/**
 * One block sandbox on the page after paying: the thank-you page (`purchase.thank-you.block.render`,
 * given `orderConfirmation`) or the order status page (`customer-account.order-status.block.render`,
 * given `order`), as Shopify gives them to a target, then the target's own module. The query
 * names the surface and the order: `?surface=thank-you&order=<Order GID>&number=<confirmation number>&name=%231001`.
 */

interface StaticSignal<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
}

/** The order does not change under the page: a signal that holds one value. */
function staticSignal<T>(value: T): StaticSignal<T> {
  return {
    value,
    subscribe(listener) {
      listener(value);
      return () => undefined;
    },
  };
}

const query = new URLSearchParams(location.search);
const surface = query.get("surface");
const orderId = query.get("order");
const number = query.get("number") ?? undefined;
if ((surface !== "thank-you" && surface !== "order-status") || !orderId) {
  throw new Error("an order page sandbox needs ?surface=thank-you|order-status&order=<Order GID>");
}

async function getSessionToken(): Promise<string> {
  // The stand-in signs both surfaces' tokens as Shopify does: HS256 with the app's secret, the shop as `dest`.
  const response = await fetch("/session-token");
  if (!response.ok) throw new Error(`no session token (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

const surfaceApi =
  surface === "thank-you"
    ? {
        extension: { target: "purchase.thank-you.block.render", apiVersion: "2026-07" },
        orderConfirmation: staticSignal({ order: { id: orderId }, number, isFirstOrder: false }),
      }
    : {
        extension: { target: "customer-account.order-status.block.render", apiVersion: "2026-07" },
        order: staticSignal({ id: orderId, name: query.get("name") ?? "", confirmationNumber: number }),
      };
Object.defineProperty(window, "shopify", {
  value: { ...surfaceApi, setSignals() {}, sessionToken: { get: getSessionToken } },
  configurable: true,
  writable: true,
});

definePassElements(customElements);
const frame = window.frameElement as HTMLIFrameElement | null;
new ResizeObserver(() => {
  if (frame) frame.style.height = `${Math.ceil(document.body.scrollHeight)}px`;
}).observe(document.body);

// Built as a URL, so the bundler leaves the target to be loaded at run time.
const targetUrl = new URL(`/targets/${surface}-pass.js`, location.href).href;
const module = (await import(targetUrl)) as { default: () => Promise<void> };
await module.default();
