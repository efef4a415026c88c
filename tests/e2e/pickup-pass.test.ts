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
  routedStore,
  startDemo,
} from "../support/demo";
import { openStorePos, posScreen, posTile, waitForScreen } from "../support/store-pos";

/**
 * Curbside through `npm run demo`: a pickup order placed in the admin stand-in's panel, its
 * pickup pass opened from the merchant's order page, the shopper's "I'm here" with their spot,
 * and the store's POS queue (the extension's real source) showing them waiting, first.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("pickup-pass");

describe("the pickup pass in the demo", () => {
  it("tells the store's POS a curbside shopper is here, at their spot, first in the queue", async () => {
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    let pass: Page | null = null;
    let pos: Page | null = null;
    try {
      await admin.goto(demo.url);
      await expectText(appFrame(admin).locator("h2"), /Windy City Outfitters/, 90_000);
      // Two pickup orders for the same store: the one whose shopper arrives goes first.
      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1002/);
      const pickupStores = await admin.locator("#pickup-select option").allTextContents();
      const store = await routedStore(admin, "#1001", pickupStores);
      expect(await routedStore(admin, "#1002", pickupStores)).toBe(store);

      // The merchant's order page links to the shopper's pass, once the store has the order.
      await pollUntil(async () => {
        await admin.locator("#app-nav a", { hasText: "Orders" }).click();
        await appFrame(admin).getByRole("link", { name: "#1002" }).click();
        return appFrame(admin)
          .getByRole("link", { name: "Open pickup pass" })
          .waitFor({ timeout: 5_000 })
          .then(
            () => true,
            () => false,
          );
      }, "the order page's pickup pass");
      const [popup] = await Promise.all([
        admin.waitForEvent("popup"),
        appFrame(admin).getByRole("link", { name: "Open pickup pass" }).click(),
      ]);
      pass = popup;
      pass.on("pageerror", (error) => pageErrors.push(error.message));
      await pass.setViewportSize({ width: 390, height: 844 });
      await pass.getByRole("heading", { name: /your order #1002/ }).waitFor({ timeout: 30_000 });
      // The shopper chose the panel's first pickup store, which lacks the panel's first product, so
      // routing moved the order; the pass follows the store tasks, which follow the move a moment
      // later (the first task was the chosen store's). A shopper reloading the pass sees the store.
      const passPage = pass;
      await pollUntil(async () => {
        const shown = await passPage
          .getByRole("heading", { name: store })
          .waitFor({ timeout: 5_000 })
          .then(
            () => true,
            () => false,
          );
        if (!shown) await passPage.reload();
        return shown;
      }, `the pass to show ${store}`);
      expect(await pass.getByLabel("Pickup code", { exact: true }).textContent()).toMatch(
        /^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/,
      );
      expect(await pass.getByRole("img", { name: "QR code of your pickup code" }).locator("svg").count()).toBe(1);

      // The shopper is at the curb.
      await pass.getByLabel(/Tell the store where you parked/).fill("Spot 4");
      await pass.getByRole("button", { name: "I'm here" }).click();
      await pass.getByText("The store knows you are here — spot 4.").waitFor({ timeout: 30_000 });
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await pass.screenshot({ path: path.join(SCREENSHOTS, "pickup-pass.png"), fullPage: true });

      // The store's tablet: the tile says a customer is waiting; the queue shows them first.
      pos = await openStorePos(admin, pageErrors);
      await pos.locator("#location").selectOption({ label: store });
      await expectText(posTile(pos), /1 customer waiting/, 60_000);
      await posTile(pos).click();
      await waitForScreen(pos, "Online orders");
      const first = posScreen(pos).locator("s-clickable").first();
      await expectText(first, /#1002/, 60_000);
      await expectText(first, /Customer waiting — spot 4/, 10_000);
      await posScreen(pos).locator("s-clickable", { hasText: "#1001" }).waitFor({ timeout: 10_000 });
      await pos.screenshot({ path: path.join(SCREENSHOTS, "pickup-pass-pos-queue.png") });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await pass?.screenshot({ path: path.join(SCREENSHOTS, "pickup-pass-failure.png") }).catch(() => undefined);
      await pos?.screenshot({ path: path.join(SCREENSHOTS, "pickup-pass-pos-failure.png") }).catch(() => undefined);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "pickup-pass-admin-failure.png") }).catch(() => undefined);
      fs.writeFileSync(path.join(SCREENSHOTS, "pickup-pass-output.log"), demo.output());
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
    } finally {
      await pass?.close();
      await pos?.close();
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 420_000);
});
