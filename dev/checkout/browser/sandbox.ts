import { TARGET_MODULE_NAME, type CheckoutStandInHost } from "./host-api";

/**
 * One checkout sandbox: checkout's globals from the page around it for this pickup option, then
 * the extension target's own module and its default export, as checkout runs a target.
 */
const locationId = new URLSearchParams(location.search).get("option");
const host = (window.parent as Window & { checkoutStandIn?: CheckoutStandInHost }).checkoutStandIn;
if (!host || !locationId) throw new Error("a checkout sandbox runs inside the Checkout stand-in page");

host.install(window, locationId);
window.addEventListener("pagehide", () => host.forget(window));
new ResizeObserver(() => host.resize(window, document.body.scrollHeight)).observe(document.body);
// Built as a URL, so the bundler leaves the target to be loaded at run time.
const targetUrl = new URL(`/targets/${TARGET_MODULE_NAME}.js`, location.href).href;
const module = (await import(targetUrl)) as { default: () => Promise<void> };
await module.default();
