import { defineStandInElements } from "./elements";
import { isTargetName, type PosStandInHost } from "./host-api";

/**
 * One POS sandbox: the Polaris elements, POS's globals from the page around it, then the
 * extension target's own module and its default export, as POS runs a target.
 */
const target = new URLSearchParams(location.search).get("target");
const host = (window.parent as Window & { posStandIn?: PosStandInHost }).posStandIn;
if (!host || !isTargetName(target)) throw new Error("a POS sandbox runs inside the Store POS stand-in page");

defineStandInElements(customElements);
host.install(window, target);
window.addEventListener("pagehide", () => host.forget(window));
const module = (await import(`/targets/${target}.js`)) as { default: () => Promise<void> };
await module.default();
