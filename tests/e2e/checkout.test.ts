import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { CheckoutProduct, CheckoutStandInConfig, PickupOptionConfig } from "../../dev/checkout/config";
import { DEMO_APP } from "../../dev/demo/demo-app";
import { signSessionToken } from "../../dev/emulator/session-token";
import { DESKTOP_CHROME_USER_AGENT } from "../support/browser";
import { useDemoInChromium } from "../support/demo-browser";
import {
  appFrame,
  expectText,
  freeDemoPorts,
  pollUntil,
  pressCtrlC,
  routedStore,
  startDemo,
  type RunningDemo,
} from "../support/demo";

/**
 * A shopper's checkout through `npm run demo`: a cart of two items on the Checkout stand-in, the
 * checkout extension's real source under each pickup option, the nearest store lacking one item
 * naming the next one that has everything; the shopper picks that one and pays, and the order is
 * routed there as chosen, without "Pickup store changed", keeping the promise checkout showed; the thank-you page and then the order
 * status page show the pickup pass there: status, ready-by, the pickup code and its QR code.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("checkout");
/** Above the store minimum-units rule (3 by default), so a store with it counts as having the item. */
const PLENTY = 6;

/** Sets a store's stock of a SKU as the admin stand-in's stock panel does; the app hears it by webhook. */
async function setStock(demoUrl: string, shop: string, locationId: string, sku: string, available: number) {
  const response = await fetch(new URL(`/_emulator/shops/${encodeURIComponent(shop)}/inventory`, demoUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ locationId, sku, available }),
  });
  expect(response.status).toBe(200);
}

/**
 * What the app answers for the cart at one pickup option, asked as the extension asks: checkout's
 * token, from the stand-in's origin, in a browser (Shopify's library turns bots away).
 */
async function promiseAt(demo: RunningDemo, shop: string, variantIds: string[], option: PickupOptionConfig) {
  const token = signSessionToken({ shop, apiKey: DEMO_APP.apiKey, now: new Date() }, DEMO_APP.apiSecret);
  const response = await fetch(`${demo.appUrl}/api/checkout/pickup-availability`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "content-type": "application/json",
      origin: new URL(demo.checkoutUrl).origin,
      "user-agent": DESKTOP_CHROME_USER_AGENT,
    },
    body: JSON.stringify({
      lines: variantIds.map((variantId) => ({ variantId, quantity: 1 })),
      option: { name: option.name, address: option.address },
    }),
  });
  if (!response.ok) return null;
  const answer = (await response.json()) as { promise: { status: string; alternatives: { name: string }[] } | null };
  return answer.promise;
}

async function addToCart(checkout: Page, product: CheckoutProduct): Promise<void> {
  await checkout.getByLabel("Product").selectOption({ value: product.variantId });
  await checkout.getByLabel("Quantity", { exact: true }).fill("1");
  await checkout.getByRole("button", { name: "Add to cart" }).click();
  await checkout.getByLabel(`Quantity of ${product.sku}`).waitFor();
}

describe("the checkout in the demo", () => {
  it("names the nearest store with the whole cart under one lacking an item, and routes the order to the store chosen", async () => {
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    let checkout: Page | null = null;
    try {
      await admin.goto(demo.url);
      // The first admin page load installs the app, which mirrors the shop's stores and stock.
      await expectText(appFrame(admin).locator("h2"), /Windy City Outfitters/, 90_000);
      const config = (await (await fetch(new URL("/config.json", demo.checkoutUrl))).json()) as CheckoutStandInConfig;
      const shop = config.shopDomain;
      const [wanted, lacking] = config.products;
      if (!wanted || !lacking) throw new Error("the scenario sells at least two variants");

      // The shopper's nearest store has one item of the two; only the next nearest has both.
      checkout = await openCheckout(admin, pageErrors);
      const offered = checkout.locator("#pickup-options li");
      await offered.nth(1).waitFor();
      const names = await offered.locator("strong").allTextContents();
      const [partialName, completeName] = names;
      const partial = config.pickupOptions.find((option) => option.name === partialName);
      const complete = config.pickupOptions.find((option) => option.name === completeName);
      if (!partial || !complete) throw new Error(`the checkout offers two stores: ${names.join(", ")}`);
      for (const option of config.pickupOptions) {
        await setStock(demo.url, shop, option.locationId, lacking.sku, option === complete ? PLENTY : 0);
      }
      await setStock(demo.url, shop, partial.locationId, wanted.sku, PLENTY);
      await setStock(demo.url, shop, complete.locationId, wanted.sku, PLENTY);
      await pollUntil(async () => {
        const promise = await promiseAt(demo, shop, [wanted.variantId, lacking.variantId], partial);
        return promise?.status === "PARTIAL" && promise.alternatives[0]?.name === complete.name;
      }, "the app's mirror to have the new stock");

      // A cart of two items (a third added and removed on the way).
      const extra = config.products[2];
      if (extra) {
        await addToCart(checkout, extra);
        await checkout.getByRole("button", { name: `Remove ${extra.sku}` }).click();
      }
      await addToCart(checkout, wanted);
      await addToCart(checkout, lacking);
      expect(await checkout.locator("#cart-lines tr").count()).toBe(2);

      const shopper = checkout;
      const under = (option: PickupOptionConfig) =>
        shopper.frameLocator(`#option-frame-${option.locationId}`).locator("s-text").first();
      await expectText(
        under(partial),
        new RegExp(`^Not all items here — ${complete.name} has everything \\(\\d+\\.\\d mi\\)$`),
        30_000,
      );
      await expectText(under(complete), /in stock · Ready /, 30_000);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await checkout.screenshot({ path: path.join(SCREENSHOTS, "checkout-options.png"), fullPage: true });

      // The shopper takes the store that has everything, and pays.
      await checkout.getByRole("radio", { name: complete.name }).check();
      // Under the chosen option the extension writes the promise it showed to the cart, signed.
      await checkout.getByText("Cart metafields the extension wrote").click();
      await expectText(checkout.locator("#metafield-writes"), /"key": "pickup_promise"/, 30_000);
      await checkout.getByRole("button", { name: "Pay now" }).click();
      await expectText(
        checkout.locator("#order-placed"),
        new RegExp(`Order #1001 placed — pickup at ${complete.name}`),
      );

      // The thank-you page's block: the pickup pass at that store, once the store has the order.
      const pass = checkout.frameLocator("#order-page-frame");
      await expectText(pass.locator("s-section s-badge").first(), /^Preparing your order$/, 60_000);
      await expectText(pass.getByText(/^Ready by /), /^Ready by .*\d{1,2}:\d{2}\s[AP]M/);
      const storeLine = await pass.locator("s-text[type=strong]").first().textContent();
      expect(storeLine).toBe(complete.name);
      const code = (await pass.locator("s-heading").first().textContent()) ?? "";
      expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      const qr = pass.locator("s-qr-code");
      expect(await qr.getAttribute("content")).toBe(`omniroute:pickup:${code.replace("-", "")}`);
      await qr.locator("svg").waitFor();
      expect(await pass.locator("s-link").getAttribute("href")).toMatch(new RegExp(`^${demo.appUrl}/pickup/`));
      await checkout.screenshot({ path: path.join(SCREENSHOTS, "checkout-thank-you.png"), fullPage: true });

      // Later, the order status page shows the same pass, asked with the customer account's token.
      await checkout.getByRole("button", { name: "View the order status page" }).click();
      await expectText(checkout.locator("#order-page-heading"), /^Order status$/);
      await expectText(pass.locator("s-heading").first(), new RegExp(`^${code}$`), 30_000);

      // Routing keeps the shopper's store: the Orders page names it, without "Pickup store changed".
      expect(await routedStore(admin, "#1001", names)).toBe(complete.name);
      const row = await appFrame(admin).locator("tr", { hasText: "#1001" }).first().textContent();
      expect(row).not.toContain("Pickup store changed");
      // The order keeps the promise the shopper read at checkout (copied from the cart to the order).
      await appFrame(admin).getByRole("link", { name: "#1001" }).click();
      await expectText(appFrame(admin).getByText(/As shown at checkout/), /As shown at checkout/, 30_000);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await checkout?.screenshot({ path: path.join(SCREENSHOTS, "checkout-failure.png") }).catch(() => undefined);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "checkout-admin-failure.png") }).catch(() => undefined);
      fs.writeFileSync(path.join(SCREENSHOTS, "checkout-output.log"), demo.output());
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
    } finally {
      await checkout?.close();
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 420_000);
});

/** Opens the Checkout stand-in from the admin stand-in's panel link; `pageErrors` collects its uncaught exceptions. */
async function openCheckout(admin: Page, pageErrors: string[]): Promise<Page> {
  const [checkout] = await Promise.all([admin.waitForEvent("popup"), admin.locator("#checkout-link").click()]);
  checkout.on("pageerror", (error) => pageErrors.push(error.message));
  await checkout.setViewportSize({ width: 1000, height: 1200 });
  return checkout;
}
