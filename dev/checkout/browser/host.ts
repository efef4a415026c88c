import { MirroredState, type SignalClass, type SubscribableSignal } from "../../extension-host/mirrored-state";
import { nearestPickupOptions, type CheckoutStandInConfig, type PickupOptionConfig } from "../config";
import { addToCart, checkoutLines, setQuantity, type CartEntry, type CheckoutCartLine } from "./cart";
import type { CheckoutStandInHost } from "./host-api";
import { leaveOrderPage, showOrderPage, type PlacedOrderForPages } from "./order-page";

/**
 * The Checkout stand-in page: the shopper's cart, their address, the pickup locations checkout
 * offers nearest first, each with the extension's target rendered under it in its own sandbox
 * iframe, and Pay. Around the sandboxes the page plays checkout: cart lines, the option target,
 * whether it is selected, session tokens and metafield writes.
 */
function $<T extends HTMLElement = HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the stand-in page has no ${selector}`);
  return element;
}

// Our own server's answer (dev/checkout/config.ts builds it).
const config = (await (await fetch("/config.json")).json()) as CheckoutStandInConfig;
const EXTENSION_TARGET = "purchase.checkout.pickup-location-option-item.render-after";

let cart: CartEntry[] = [];
let chosenLocationId: string | null = null;
const lines = new MirroredState<CheckoutCartLine[]>([]);
/** Per pickup option: whether the shopper has chosen it (`shopify.isTargetSelected`). */
const selected = new Map<string, MirroredState<boolean>>();
/** What the extension asked checkout to write to the cart's metafields, in order (shown on the page). */
const metafieldWrites: unknown[] = [];
/** The cart's metafields, by namespace and key, as the extension's writes left them: sent with Pay. */
const cartMetafields = new Map<string, CartMetafield>();
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: config.currency });
const optionsByLocation = new Map(config.pickupOptions.map((option) => [option.locationId, option]));

async function getSessionToken(): Promise<string> {
  const response = await fetch("/session-token");
  if (!response.ok) throw new Error(`no session token (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

/** The option as checkout gives it to a pickup-location-option-item target. */
function pickupLocationOption(option: PickupOptionConfig) {
  return {
    type: "pickupLocation",
    handle: `pickup-${option.locationId}`,
    title: option.name,
    code: option.name,
    location: { name: option.name, address: { ...option.address } },
  };
}

// --- the sandboxes ---
function install(sandbox: Window, locationId: string): void {
  const option = optionsByLocation.get(locationId);
  if (!option) throw new Error(`no pickup option for location ${locationId}`);
  const isSelected = selected.get(locationId) ?? new MirroredState(locationId === chosenLocationId);
  selected.set(locationId, isSelected);
  const target = new MirroredState(pickupLocationOption(option));
  let Signal: SignalClass | null = null;
  const lazily = <T>(state: MirroredState<T>) => {
    let signal: SubscribableSignal<T> | undefined;
    return () => (signal ??= state.signalFor(sandbox, Signal));
  };
  const linesSignal = lazily(lines);
  const targetSignal = lazily(target);
  const selectedSignal = lazily(isSelected);
  const shopify = {
    setSignals(SignalOfTheSandbox: SignalClass) {
      Signal = SignalOfTheSandbox;
    },
    extension: { target: EXTENSION_TARGET, apiVersion: "2026-07" },
    get lines() {
      return linesSignal();
    },
    get target() {
      return targetSignal();
    },
    get isTargetSelected() {
      return selectedSignal();
    },
    sessionToken: { get: getSessionToken },
    // A checkout that lets extensions write cart metafields (an accelerated one would not).
    instructions: { value: { metafields: { canSetCartMetafields: true, canDeleteCartMetafield: true } } },
    async applyMetafieldChange(change: unknown) {
      metafieldWrites.push(change);
      $("#metafield-writes").textContent = JSON.stringify(metafieldWrites, null, 2);
      return applyToCart(change);
    },
  };
  Object.defineProperty(sandbox, "shopify", { value: shopify, configurable: true, writable: true });
}

interface CartMetafield {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** Checkout's side of applyMetafieldChange: the cart's metafields updated, or why not. */
function applyToCart(change: unknown): { type: "success" } | { type: "error"; message: string } {
  const given = (change ?? {}) as {
    type?: unknown;
    key?: unknown;
    namespace?: unknown;
    metafield?: Partial<CartMetafield>;
  };
  if (given.type === "removeCartMetafield" && typeof given.key === "string") {
    cartMetafields.delete(`${typeof given.namespace === "string" ? given.namespace : "$app"}.${given.key}`);
    return { type: "success" };
  }
  const metafield = given.metafield;
  if (
    given.type !== "updateCartMetafield" ||
    typeof metafield?.key !== "string" ||
    typeof metafield.value !== "string" ||
    typeof metafield.type !== "string"
  ) {
    return { type: "error", message: "Not a cart metafield change" };
  }
  const namespace = typeof metafield.namespace === "string" ? metafield.namespace : "$app";
  cartMetafields.set(`${namespace}.${metafield.key}`, {
    namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
  });
  return { type: "success" };
}

function forget(sandbox: Window): void {
  lines.forget(sandbox);
  for (const state of selected.values()) state.forget(sandbox);
}

function resize(sandbox: Window, height: number): void {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>("iframe.sandbox-frame")) {
    if (frame.contentWindow === sandbox) frame.style.height = `${Math.ceil(height)}px`;
  }
}

const standIn: CheckoutStandInHost = { install, forget, resize };
Object.assign(window, { checkoutStandIn: standIn });

// --- the cart ---
const productSelect = $<HTMLSelectElement>("#product");
productSelect.append(
  ...config.products.map((product) =>
    Object.assign(document.createElement("option"), {
      value: product.variantId,
      textContent: `${product.sku} · ${product.title} · ${money.format(Number(product.price))}`,
    }),
  ),
);

function showCart(): void {
  const rows = cart.map((entry) => {
    const row = document.createElement("tr");
    const quantity = Object.assign(document.createElement("input"), {
      type: "number",
      min: "0",
      value: String(entry.quantity),
    });
    quantity.setAttribute("aria-label", `Quantity of ${entry.product.sku}`);
    quantity.addEventListener("change", () =>
      changeCart(setQuantity(cart, entry.product.variantId, Number(quantity.value))),
    );
    const remove = Object.assign(document.createElement("button"), { type: "button", textContent: "Remove" });
    remove.setAttribute("aria-label", `Remove ${entry.product.sku}`);
    remove.addEventListener("click", () => changeCart(setQuantity(cart, entry.product.variantId, 0)));
    const cells = [
      `${entry.product.title} (${entry.product.sku})`,
      quantity,
      money.format(Number(entry.product.price) * entry.quantity),
      remove,
    ].map((content) => {
      const cell = document.createElement("td");
      cell.append(content);
      return cell;
    });
    row.append(...cells);
    return row;
  });
  $("#cart-lines").replaceChildren(...rows);
  $("#cart-empty").hidden = cart.length > 0;
  const total = cart.reduce((sum, entry) => sum + Number(entry.product.price) * entry.quantity, 0);
  $("#cart-total").textContent = money.format(total);
  showPayable();
}

function changeCart(next: CartEntry[]): void {
  cart = next;
  // Every option's extension sees the new cart at once, as checkout's lines signal updates.
  lines.set(checkoutLines(cart));
  showCart();
}

$("#cart-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const product = config.products.find((candidate) => candidate.variantId === productSelect.value);
  if (product) changeCart(addToCart(cart, product, Number($<HTMLInputElement>("#quantity").value)));
});

// --- the pickup options ---
const addressSelect = $<HTMLSelectElement>("#shopper-address");
addressSelect.append(
  ...config.shopperAddresses.map((address, index) =>
    Object.assign(document.createElement("option"), { value: String(index), textContent: address.label }),
  ),
);

function showPickupOptions(): void {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>("iframe.sandbox-frame")) {
    if (frame.contentWindow) forget(frame.contentWindow);
  }
  const shopper = config.shopperAddresses[Number(addressSelect.value)] ?? config.shopperAddresses[0];
  if (!shopper) throw new Error("the stand-in's config has no shopper address");
  const shown = nearestPickupOptions(config.pickupOptions, shopper);
  if (!shown.some((option) => option.locationId === chosenLocationId)) chooseOption(null);
  const items = shown.map((option) => {
    const item = document.createElement("li");
    item.className = "pickup-option";
    const radio = Object.assign(document.createElement("input"), {
      type: "radio",
      name: "pickup",
      value: option.locationId,
      checked: option.locationId === chosenLocationId,
    });
    radio.addEventListener("change", () => chooseOption(option.locationId));
    const name = Object.assign(document.createElement("strong"), { textContent: option.name });
    const label = document.createElement("label");
    label.append(radio, name);
    const where = Object.assign(document.createElement("span"), {
      className: "option-address",
      textContent: `${option.address.address1}, ${option.address.city} · ${option.distanceMiles.toFixed(1)} mi`,
    });
    const frame = Object.assign(document.createElement("iframe"), {
      className: "sandbox-frame",
      id: `option-frame-${option.locationId}`,
      title: `Omniroute under ${option.name}`,
      src: `/option.html?option=${encodeURIComponent(option.locationId)}`,
    });
    item.append(label, where, frame);
    return item;
  });
  $("#pickup-options").replaceChildren(...items);
}

function chooseOption(locationId: string | null): void {
  chosenLocationId = locationId;
  for (const [id, state] of selected) state.set(id === locationId);
  showPayable();
}

addressSelect.addEventListener("change", showPickupOptions);

// --- pay, then the thank-you page ---
function showPayable(): void {
  $<HTMLButtonElement>("#pay").disabled = cart.length === 0 || chosenLocationId === null;
}

$("#pay-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void pay();
});

async function pay(): Promise<void> {
  const option = chosenLocationId ? optionsByLocation.get(chosenLocationId) : undefined;
  if (!option || cart.length === 0) return;
  const error = $("#pay-error");
  error.textContent = "";
  $<HTMLButtonElement>("#pay").disabled = true;
  const response = await fetch("/orders", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      lines: cart.map((entry) => ({ sku: entry.product.sku, quantity: entry.quantity })),
      pickupLocationId: option.locationId,
      email: $<HTMLInputElement>("#email").value,
      cartMetafields: [...cartMetafields.values()],
    }),
  });
  // The emulator's order (dev/emulator/shopify/orders.ts PlacedOrder), or its error.
  const answer = (await response.json()) as Partial<PlacedOrderForPages> & { error?: string };
  if (!response.ok || !answer.name || !answer.id || !answer.confirmationNumber) {
    error.textContent = answer.error ?? `The order was not placed (${response.status})`;
    showPayable();
    return;
  }
  $("#checkout").hidden = true;
  $("#thank-you").hidden = false;
  $("#order-placed").textContent = `Order ${answer.name} placed — pickup at ${option.name}`;
  placedOrder = { id: answer.id, name: answer.name, confirmationNumber: answer.confirmationNumber };
  showOrderPage("thank-you", placedOrder);
}

let placedOrder: PlacedOrderForPages | null = null;

$("#order-status").addEventListener("click", () => {
  if (placedOrder) showOrderPage("order-status", placedOrder);
});

$("#new-order").addEventListener("click", () => {
  leaveOrderPage();
  placedOrder = null;
  cartMetafields.clear();
  changeCart([]);
  chooseOption(null);
  $("#thank-you").hidden = true;
  $("#checkout").hidden = false;
  showPickupOptions();
});

$("#shop-name").textContent = config.shopName;
showCart();
showPickupOptions();
