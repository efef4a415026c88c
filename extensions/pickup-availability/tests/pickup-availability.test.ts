// @vitest-environment jsdom
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProductPickupAnswer, ProductPickupStore } from "~/services/product-pickup/product-pickup-answer";
import {
  availabilityUrl,
  milesText,
  mountPickupAvailability,
  normalisedZip,
  quantityFrom,
  renderStores,
  storeLines,
  variantIdOfEvent,
} from "../assets/pickup-availability.js";

/**
 * The block's script as the theme runs it: the request it builds, what it shows for the app's
 * answers (typed with the app's own ProductPickupAnswer), and how it follows the theme's variant
 * changes and the shopper's ZIP, in jsdom with Shopify's proxy stood in for by a fetch stub.
 */

const EXTENSION = path.resolve(import.meta.dirname, "..");
const SCRIPT = path.join(EXTENSION, "assets/pickup-availability.js");
const BLOCK = fs.readFileSync(path.join(EXTENSION, "blocks/pickup-availability.liquid"), "utf8");

function store(overrides: Partial<ProductPickupStore> = {}): ProductPickupStore {
  return {
    id: "2",
    name: "Lincoln Park",
    address: "2240 N Clark St, Chicago",
    distanceMiles: 0.42,
    status: "AVAILABLE",
    readyBy: "2026-11-30T22:00:00.000Z",
    headline: "Ready today by 4:00 PM",
    note: null,
    unitsInStock: 3,
    shortfall: null,
    ...overrides,
  };
}

const wickerParkOut = store({
  id: "1",
  name: "Wicker Park",
  address: "1425 N Milwaukee Ave, Chicago",
  distanceMiles: 2.1,
  status: "UNAVAILABLE",
  readyBy: null,
  headline: null,
  unitsInStock: null,
  shortfall: "Out of stock here",
});

function answer(overrides: Partial<ProductPickupAnswer> = {}): ProductPickupAnswer {
  return { zip: "60614", sortedBy: "DISTANCE", message: null, stores: [store(), wickerParkOut], ...overrides };
}

describe("the request and the text", () => {
  it("asks the proxy under the storefront's root, with the variant, quantity, ZIP and store count", () => {
    const url = new URL(
      availabilityUrl("/fr/", { variantId: "101", quantity: 2, zip: "60614", limit: 5 }),
      "https://shop.example",
    );

    expect(url.pathname).toBe("/fr/apps/omniroute/pickup-availability");
    expect(Object.fromEntries(url.searchParams)).toEqual({ variantId: "101", quantity: "2", zip: "60614", limit: "5" });
    expect(availabilityUrl("/", { variantId: "101", quantity: 1, zip: "" })).toBe(
      "/apps/omniroute/pickup-availability?variantId=101&quantity=1",
    );
  });

  it("reads a ZIP as typed, and nothing that cannot be one", () => {
    expect(normalisedZip("  60614 ")).toBe("60614");
    expect(normalisedZip("m5v  3l9")).toBe("M5V 3L9");
    expect(normalisedZip("<script>")).toBe("");
    expect(normalisedZip(null)).toBe("");
  });

  it("reads a quantity as the app takes it", () => {
    expect(quantityFrom("3")).toBe(3);
    expect(quantityFrom("")).toBe(1);
    expect(quantityFrom("0")).toBe(1);
    expect(quantityFrom("5000")).toBe(999);
    expect(quantityFrom(undefined)).toBe(1);
  });

  it("reads the variant from the events themes send", () => {
    const event = (detail: unknown) => new CustomEvent("variant:change", { detail });

    expect(variantIdOfEvent(event({ variant: { id: 202 } }))).toBe("202");
    expect(variantIdOfEvent(event({ resource: { id: "gid://shopify/ProductVariant/303" } }))).toBe("303");
    expect(variantIdOfEvent(event({ variantId: "404" }))).toBe("404");
    expect(variantIdOfEvent(event(null))).toBeNull();
    expect(variantIdOfEvent(event({ variant: { id: "not-a-variant" } }))).toBeNull();
  });

  it("says a store's stock and ready-by, or why not, and its distance", () => {
    expect(storeLines(store())).toMatchObject({
      available: true,
      distance: "0.4 mi",
      promise: "3 in stock · Ready today by 4:00 PM",
    });
    expect(storeLines(store({ note: "Fully booked today" })).note).toBe("Fully booked today");
    expect(storeLines(wickerParkOut)).toMatchObject({ available: false, promise: "Out of stock here", note: "" });
    expect(milesText(12.4)).toBe("12 mi");
    expect(milesText(null)).toBe("");
  });

  it("renders names and addresses as text, never as HTML", () => {
    const list = document.createElement("ul");
    renderStores(list, [store({ name: '<img src=x onerror="alert(1)">' })]);

    expect(list.querySelector("img")).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});

/** The product section as a theme renders it: the product form with its variant input, and the block. */
function productSection(): HTMLElement {
  document.body.innerHTML = `
    <div class="shopify-section">
      <form action="/cart/add" method="post">
        <select name="id"><option value="101" selected>M</option><option value="102">L</option></select>
        <input name="quantity" type="number" value="1">
      </form>
      <div data-omniroute-pickup data-variant-id="101" data-root="/" data-limit="3">
        <input data-zip>
        <button type="button" data-zip-button>Find stores</button>
        <p role="status" aria-live="polite"></p>
        <ul></ul>
      </div>
    </div>`;
  return document.querySelector<HTMLElement>("[data-omniroute-pickup]")!;
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const requested = (fetch: ReturnType<typeof vi.fn>, call: number) =>
  new URL(String(fetch.mock.calls[call]?.[0]), "https://shop.example").searchParams;

describe("the block on a product page", () => {
  let unmount: (() => void) | undefined;
  afterEach(() => {
    unmount?.();
    document.body.innerHTML = "";
  });

  it("lists the stores for the selected variant, announcing the answer politely", async () => {
    const root = productSection();
    const fetch = vi.fn(async () => jsonResponse(answer({ zip: null, sortedBy: "NAME" })));
    unmount = mountPickupAvailability(root, { fetch, storage: memoryStorage() }).destroy;
    await settle();

    expect(Object.fromEntries(requested(fetch, 0))).toEqual({ variantId: "101", quantity: "1", limit: "3" });
    const items = [...root.querySelectorAll("li")].map((item) => item.textContent);
    expect(items[0]).toContain("Lincoln Park");
    expect(items[0]).toContain("3 in stock · Ready today by 4:00 PM");
    expect(items[1]).toContain("Out of stock here");
    expect(root.querySelector("[role='status']")?.textContent).toMatch(/Enter your ZIP code/);
    expect(root.querySelector("ul")?.hasAttribute("aria-busy")).toBe(false);
  });

  it("asks again when the theme changes the variant or the quantity", async () => {
    const root = productSection();
    const fetch = vi.fn(async () => jsonResponse(answer()));
    unmount = mountPickupAvailability(root, { fetch, storage: memoryStorage() }).destroy;
    await settle();

    const select = document.querySelector("select")!;
    select.value = "102";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    document.dispatchEvent(new CustomEvent("variant:change", { detail: { variant: { id: 303 } } }));
    const quantity = document.querySelector<HTMLInputElement>("input[name='quantity']")!;
    quantity.value = "4";
    quantity.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    expect(fetch).toHaveBeenCalledTimes(4);
    expect(requested(fetch, 1).get("variantId")).toBe("102");
    expect(requested(fetch, 2).get("variantId")).toBe("303");
    expect(Object.fromEntries(requested(fetch, 3))).toMatchObject({ variantId: "303", quantity: "4" });
  });

  it("sorts by the ZIP the shopper enters (Enter does not add to the cart), and remembers it", async () => {
    const root = productSection();
    const storage = memoryStorage();
    const fetch = vi.fn(async () => jsonResponse(answer()));
    unmount = mountPickupAvailability(root, { fetch, storage }).destroy;
    await settle();

    const zip = root.querySelector<HTMLInputElement>("[data-zip]")!;
    zip.value = " 60614 ";
    const enter = new KeyboardEvent("keydown", { key: "Enter", cancelable: true });
    zip.dispatchEvent(enter);
    await settle();

    expect(enter.defaultPrevented).toBe(true);
    expect(requested(fetch, 1).get("zip")).toBe("60614");
    expect(root.querySelector("[role='status']")?.textContent).toBe("Stores nearest 60614");
    expect(storage.getItem("omniroute:pickup-zip")).toBe("60614");

    unmount();
    const again = vi.fn(async () => jsonResponse(answer()));
    unmount = mountPickupAvailability(productSection(), { fetch: again, storage }).destroy;
    expect(requested(again, 0).get("zip")).toBe("60614");
  });

  it("shows only the latest answer when an earlier one arrives late", async () => {
    const root = productSection();
    let releaseFirst: (response: Response) => void = () => undefined;
    const fetch = vi
      .fn()
      .mockImplementationOnce(() => new Promise<Response>((resolve) => (releaseFirst = resolve)))
      .mockImplementationOnce(async () => jsonResponse(answer({ stores: [wickerParkOut] })));
    unmount = mountPickupAvailability(root, { fetch, storage: memoryStorage() }).destroy;
    root.querySelector<HTMLButtonElement>("[data-zip-button]")!.click();
    await settle();
    releaseFirst(jsonResponse(answer()));
    await settle();

    expect([...root.querySelectorAll("li")].map((item) => item.textContent)).toEqual([
      expect.stringContaining("Wicker Park"),
    ]);
  });

  it("says pickup is not offered for an item the app does not know, and asks to try again on failure", async () => {
    const unknown = productSection();
    unmount = mountPickupAvailability(unknown, {
      fetch: async () => jsonResponse({ code: "UNKNOWN_VARIANT" }, 404),
      storage: memoryStorage(),
    }).destroy;
    await settle();
    expect(unknown.querySelector("[role='status']")?.textContent).toMatch(/isn't offered/);
    unmount();

    const offline = productSection();
    unmount = mountPickupAvailability(offline, {
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
      storage: memoryStorage(),
    }).destroy;
    await settle();
    expect(offline.querySelector("[role='status']")?.textContent).toMatch(/Try again/);
    expect(offline.querySelectorAll("li")).toHaveLength(0);
  });
});

describe("the extension's files", () => {
  it("keeps the script within 10 KB, as the theme serves it (unminified)", () => {
    expect(fs.statSync(SCRIPT).size).toBeLessThanOrEqual(10 * 1024);
  });

  it("has the markup the script looks for, and a schema with the heading and store count settings", () => {
    for (const hook of [
      "data-omniroute-pickup",
      "data-variant-id",
      "data-zip\n",
      "data-zip-button",
      'role="status"',
      "<ul",
    ]) {
      expect(BLOCK, hook).toContain(hook);
    }
    const schema = JSON.parse(/{% schema %}([\s\S]*){% endschema %}/.exec(BLOCK)?.[1] ?? "null") as {
      target: string;
      settings: { id: string; max?: number }[];
    };
    expect(schema.target).toBe("section");
    expect(schema.settings.map((setting) => setting.id)).toEqual(["heading", "store_count"]);
    expect(schema.settings.find((setting) => setting.id === "store_count")?.max).toBe(10);
  });

  it("has a storefront string for every key the block translates", () => {
    const strings = JSON.parse(fs.readFileSync(path.join(EXTENSION, "locales/en.default.json"), "utf8")) as {
      pickup_availability: Record<string, string>;
    };
    const keys = [...BLOCK.matchAll(/'pickup_availability\.(\w+)' \| t/g)].map((match) => match[1] ?? "");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(strings.pickup_availability[key], key).toBeTruthy();
  });
});
