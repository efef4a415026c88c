// Omniroute's "Pickup availability" block (see ../README.md). An ES module, so it runs once
// however many blocks a page has; its pure parts are exported for tests/.

export const PROXY_PATH = "apps/omniroute/pickup-availability";
const ZIP_KEY = "omniroute:pickup-zip";

/**
 * The proxied URL for the query, under the storefront's root (a locale's "/fr" included).
 * @param {string | undefined} root
 * @param {{ variantId: string | number, quantity?: number, zip?: string, limit?: number }} query
 */
export function availabilityUrl(root, { variantId, quantity, zip, limit }) {
  const query = new URLSearchParams({ variantId: String(variantId), quantity: String(quantity || 1) });
  if (zip) query.set("zip", zip);
  if (limit) query.set("limit", String(limit));
  return `${String(root || "/").replace(/\/+$/, "")}/${PROXY_PATH}?${query}`;
}

/** A ZIP as typed ("  60614 ") as the app reads it; "" when it cannot be one. */
export function normalisedZip(text) {
  const zip = String(text || "")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
  return /^[A-Z0-9][A-Z0-9 -]{0,9}$/.test(zip) ? zip : "";
}

export function variantIdFrom(value) {
  const match = /(?:^|\/)(\d{1,20})$/.exec(String(value ?? "").trim());
  return match ? match[1] : null;
}

/**
 * The variant a theme's variant event names. Themes announce a change differently: a custom
 * `variant:change` / `variant:update` event with the variant in `detail` (`variant`, `resource`
 * or `variantId`), or a `change` on the product form's `id` input, which is read by the caller.
 */
export function variantIdOfEvent(event) {
  const detail = event && typeof event.detail === "object" && event.detail ? event.detail : {};
  const variant = detail.variant || detail.resource || null;
  return variantIdFrom(variant && typeof variant === "object" ? variant.id : detail.variantId);
}

export function milesText(miles) {
  if (typeof miles !== "number" || !Number.isFinite(miles)) return "";
  return `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} mi`;
}

export function storeLines(store) {
  const available = store.status === "AVAILABLE";
  const stock = typeof store.unitsInStock === "number" ? `${store.unitsInStock} in stock` : "In stock";
  return {
    available,
    name: store.name,
    distance: milesText(store.distanceMiles),
    promise: available ? [stock, store.headline].filter(Boolean).join(" · ") : store.shortfall || "Not available here",
    note: available ? store.note || "" : "",
    address: store.address || "",
  };
}

export function statusText(answer, messages) {
  if (answer.message) return answer.message;
  if (answer.stores.length === 0) return messages.none;
  if (answer.sortedBy === "DISTANCE") return messages.nearest.replace("{zip}", answer.zip);
  return messages.byName;
}

function element(document, tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Replaces the list's items with the answer's stores (text only: nothing from the answer is HTML). */
export function renderStores(list, stores) {
  const document = list.ownerDocument;
  list.replaceChildren(
    ...stores.map((store) => {
      const lines = storeLines(store);
      const item = element(document, "li", `omniroute-pickup__store${lines.available ? " is-available" : ""}`);
      const heading = element(document, "p", "omniroute-pickup__heading");
      heading.append(element(document, "span", "omniroute-pickup__name", lines.name));
      if (lines.distance) heading.append(" ", element(document, "span", "omniroute-pickup__distance", lines.distance));
      item.append(heading, element(document, "p", "omniroute-pickup__promise", lines.promise));
      if (lines.note) item.append(element(document, "p", "omniroute-pickup__note", lines.note));
      if (lines.address) item.append(element(document, "p", "omniroute-pickup__address", lines.address));
      return item;
    }),
  );
}

export function quantityFrom(value) {
  return Math.min(999, Math.max(1, Number.parseInt(value, 10) || 1));
}

function browserStorage() {
  try {
    return globalThis.localStorage;
  } catch {
    // Some browsers refuse storage outright when cookies are blocked.
    return null;
  }
}

function storedZip(storage) {
  try {
    return normalisedZip(storage?.getItem(ZIP_KEY));
  } catch {
    return "";
  }
}

function storeZip(storage, zip) {
  try {
    if (zip) storage?.setItem(ZIP_KEY, zip);
    else storage?.removeItem(ZIP_KEY);
  } catch {
    // Storage refused (private mode): the ZIP is asked again on the next page.
  }
}

/**
 * Wires one block: asks for the selected variant now, again when the theme changes the variant
 * or the quantity, and when the shopper sends a ZIP. Only the latest answer is shown.
 */
export function mountPickupAvailability(root, { fetch = globalThis.fetch, storage = browserStorage() } = {}) {
  const document = root.ownerDocument;
  // No <form>: themes may render app blocks inside the product form, and forms cannot nest.
  const input = root.querySelector("[data-zip]");
  const button = root.querySelector("[data-zip-button]");
  const status = root.querySelector("[role='status']");
  const list = root.querySelector("ul");
  const data = root.dataset;
  const messages = {
    loading: data.loading || "Checking stores…",
    error: data.error || "Couldn't check the stores. Try again.",
    unavailable: data.unavailable || "Pickup isn't offered for this item.",
    none: data.none || "No store offers pickup yet.",
    nearest: data.nearest || "Stores nearest {zip}",
    byName: data.byName || "Enter your ZIP code to see the nearest stores first.",
  };
  const section = root.closest(".shopify-section") || document;
  const productForm = section.querySelector("form[action*='/cart/add']");
  const state = {
    variantId: variantIdFrom(data.variantId),
    quantity: quantityFrom(productForm?.querySelector("[name='quantity']")?.value),
    zip: storedZip(storage),
  };
  let pending = null;
  if (state.zip) input.value = state.zip;

  async function refresh() {
    if (!state.variantId) return;
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    list.setAttribute("aria-busy", "true");
    status.textContent = messages.loading;
    const url = availabilityUrl(data.root, { ...state, limit: Number(data.limit) || undefined });
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal });
      if (controller !== pending) return;
      if (!response.ok) {
        list.replaceChildren();
        status.textContent = response.status === 404 ? messages.unavailable : messages.error;
        return;
      }
      const answer = await response.json();
      if (controller !== pending) return;
      renderStores(list, answer.stores);
      status.textContent = statusText(answer, messages);
    } catch (error) {
      if (controller !== pending || error?.name === "AbortError") return;
      list.replaceChildren();
      status.textContent = messages.error;
    } finally {
      if (controller === pending) list.removeAttribute("aria-busy");
    }
  }

  function setVariant(variantId) {
    // A block the theme editor re-rendered away stops listening.
    if (!root.isConnected) return controls.destroy();
    if (!variantId || variantId === state.variantId) return;
    state.variantId = variantId;
    refresh();
  }

  const onSubmit = (event) => {
    if (event.type === "keydown" && event.key !== "Enter") return;
    // Enter in the ZIP field asks for stores rather than adding to the cart.
    event.preventDefault();
    state.zip = normalisedZip(input.value);
    input.value = state.zip;
    storeZip(storage, state.zip);
    refresh();
  };
  const onFormChange = (event) => {
    const target = event.target;
    if (!productForm || !productForm.contains(target)) return;
    if (!root.isConnected) return controls.destroy();
    if (target.name === "id") setVariant(variantIdFrom(target.value));
    if (target.name === "quantity") {
      const quantity = quantityFrom(target.value);
      if (quantity !== state.quantity) {
        state.quantity = quantity;
        refresh();
      }
    }
  };
  const onVariantEvent = (event) => setVariant(variantIdOfEvent(event));

  button.addEventListener("click", onSubmit);
  input.addEventListener("keydown", onSubmit);
  document.addEventListener("change", onFormChange);
  document.addEventListener("variant:change", onVariantEvent);
  document.addEventListener("variant:update", onVariantEvent);
  refresh();

  const controls = {
    refresh,
    destroy() {
      pending?.abort();
      button.removeEventListener("click", onSubmit);
      input.removeEventListener("keydown", onSubmit);
      document.removeEventListener("change", onFormChange);
      document.removeEventListener("variant:change", onVariantEvent);
      document.removeEventListener("variant:update", onVariantEvent);
    },
  };
  return controls;
}

export function mountAll(scope) {
  for (const root of scope.querySelectorAll("[data-omniroute-pickup]")) {
    if (root.dataset.mounted) continue;
    root.dataset.mounted = "true";
    mountPickupAvailability(root);
  }
}

if (typeof document !== "undefined") {
  mountAll(document);
  // The theme editor re-renders a section when the merchant changes it.
  document.addEventListener("shopify:section:load", (event) => mountAll(event.target));
}
