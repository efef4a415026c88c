import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useDemoInChromium } from "../support/demo-browser";
import {
  appFrame,
  expectText,
  freeDemoPorts,
  placeOrderFromPanel,
  pollUntil,
  pressCtrlC,
  startDemo,
  webhookTopics,
} from "../support/demo";
import {
  openPosAtRoutedStore,
  bannerText,
  posFailureEvidence,
  posScreen,
  scanWith,
  tapButton,
  typeInto,
  waitForScreen,
} from "../support/store-pos";

/**
 * A pickup order worked at the store through `npm run demo`: placed in the admin stand-in's
 * panel, then on the Store POS stand-in (the POS extension's real source) picked by scanning,
 * packed, staged and marked ready; opened on POS's own order screen, whose Omniroute block leads
 * to the handover with the shopper's pickup code; Shopify (the emulator) hears of each step.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("store-pos");

describe("the Store POS in the demo", () => {
  it("works a pickup order from the queue to the customer's hands", async () => {
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    let pos: Page | null = null;
    try {
      await admin.goto(demo.url);
      await expectText(appFrame(admin).locator("h2"), /Windy City Outfitters/, 90_000);
      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
      // The admin stand-in's panel links to the Store POS; the tablet is at the store routing chose.
      const opened = await openPosAtRoutedStore(admin, "#1001", pageErrors);
      pos = opened.pos;
      const { store } = opened;
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await pos.screenshot({ path: path.join(SCREENSHOTS, "store-pos-queue.png") });

      // Pick: a wrong item is refused in the associate's words, the right one is picked.
      await posScreen(pos).locator("s-clickable", { hasText: "#1001" }).click();
      await waitForScreen(pos, "Pick #1001");
      await scanWith(pos, "Scan a wrong item");
      expect(await bannerText(pos, "Wrong item")).toMatch(/not on this order/);
      await pos.screenshot({ path: path.join(SCREENSHOTS, "store-pos-pick.png") });
      await pos.locator("#scan-buttons button.scan").filter({ hasNotText: "wrong item" }).first().click();
      await posScreen(pos).locator("s-badge", { hasText: "1 of 1 picked" }).waitFor({ timeout: 30_000 });
      await pos.locator(".toast", { hasText: "Picked" }).first().waitFor({ timeout: 10_000 });

      await tapButton(pos, "Continue to packing");
      await waitForScreen(pos, "Pack #1001");
      await tapButton(pos, "Items packed");

      // Stage: the bin label is scanned into the field.
      await waitForScreen(pos, "Stage #1001");
      await scanWith(pos, "Scan bin label A3");
      await expect
        .poll(() => posScreen(pos!).locator('s-text-field[label="Bin or shelf"] input').inputValue())
        .toBe("A3");
      await tapButton(pos, "Stage here");

      // Ready: Omniroute tells Shopify, whose fulfilment order is prepared for pickup.
      await waitForScreen(pos, "Ready #1001");
      expect(await posScreen(pos).locator("s-text", { hasText: "Staged in bin A3" }).count()).toBe(1);
      await tapButton(pos, "Mark ready for pickup");
      await bannerText(pos, "Ready for pickup", 60_000);
      await pollUntil(
        async () => (await webhookTopics(demo.url)).includes("fulfillment_orders/line_items_prepared_for_pickup"),
        "Shopify's fulfilment order to be prepared for pickup",
      );

      // POS's own order screen: Omniroute's block shows the order ready in its bin, and its button
      // opens the handover (the extension's order action) over the order.
      await pos.locator("#modal-close").click();
      await pos.locator("#tab-orders").click();
      await pos.locator("#order-list .order-row", { hasText: "#1001" }).click();
      const block = pos.frameLocator("#order-block-frame");
      await block.locator("s-text", { hasText: "Pickup: Ready for pickup" }).waitFor({ timeout: 30_000 });
      expect(await block.locator("s-text", { hasText: "Bin A3" }).textContent()).toBe("Bin A3");
      await pos.screenshot({ path: path.join(SCREENSHOTS, "store-pos-order-block.png") });
      await block.getByRole("button", { name: "Hand over" }).click();
      await waitForScreen(pos, "Hand over");
      await posScreen(pos).locator("s-text", { hasText: "Handing over #1001" }).waitFor({ timeout: 30_000 });

      // Handover: the customer at the counter gives their pickup code.
      const customer = pos.locator("#customer .pickup-code", { hasText: "#1001" });
      await customer.waitFor({ timeout: 30_000 });
      const code = /pickup code (\w+)/.exec((await customer.textContent()) ?? "")?.[1] ?? "";
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
      await typeInto(pos, "Pickup code", code.toLowerCase());
      await tapButton(pos, "Find by code");
      await waitForScreen(pos, "Hand over #1001");
      await tapButton(pos, /^Hand over$/);
      await bannerText(pos, "Handed over", 60_000);
      await pollUntil(
        async () => (await webhookTopics(demo.url)).includes("orders/fulfilled"),
        "Shopify's order to be fulfilled",
      );

      // The merchant's Stores page counts the pick and shows its time against the target.
      await admin.locator("#app-nav a", { hasText: "Stores" }).click();
      const storeRow = appFrame(admin).locator("tr", { hasText: store });
      await expectText(storeRow, /\d+ (s|min).*\(1 pick\)/, 60_000);
      await expectText(storeRow, /1 picked up/, 10_000);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "store-pos-stores-page.png") });

      // The shopper's messages followed the store: the reminders planned at Ready were cancelled by
      // the handover, and the feedback email waits its day; Shopify's ready email is its own.
      await admin.locator("#app-nav a", { hasText: "Messages" }).click();
      const messages = appFrame(admin).locator("tr", { hasText: "#1001" });
      await expectText(messages.filter({ hasText: "How was your pickup" }).first(), /Scheduled for/, 30_000);
      await expectText(messages.filter({ hasText: "still waiting (day 2)" }).first(), /Cancelled/, 10_000);
      await expectText(
        messages.filter({ hasText: "Sent by Shopify" }).first(),
        /Ready for pickup|Order confirmation/,
        10_000,
      );
      await admin.screenshot({ path: path.join(SCREENSHOTS, "store-pos-messages-page.png") });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      throw await posFailureEvidence("store-pos", { admin, pos }, demo, error);
    } finally {
      await pos?.close();
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 420_000);
});
