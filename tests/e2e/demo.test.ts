import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import {
  appFrame as app,
  expectText,
  freeDemoPorts,
  placeOrderFromPanel,
  pressCtrlC,
  startDemo,
  type DemoPorts,
  type RunningDemo,
} from "../support/demo";

/**
 * `npm run demo` as a newcomer runs it: a fresh data folder, the demo's one URL opened in
 * Chromium, the app embedded in the admin stand-in, orders placed from the shopper panel.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-demo-"));
fs.chmodSync(dataDir, 0o755);
let ports: DemoPorts;

const placePickupOrder = (page: Page) => placeOrderFromPanel(page, "Pick up in store");

const SCREENSHOTS = path.join("test-results", "e2e");

/** A page that remembers every console error and uncaught exception, in any of its frames. */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * On failure: what the browser showed and what the demo printed, under test-results/e2e, and
 * the end of the demo's output in the error itself (CI shows only the test report).
 */
async function keepEvidence(page: Page, demo: RunningDemo, name: string, error: unknown): Promise<Error> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-failure.png`) }).catch(() => undefined);
  fs.writeFileSync(path.join(SCREENSHOTS, `${name}-output.log`), demo.output());
  const frameText = await app(page)
    .locator("body")
    .innerText({ timeout: 2000 })
    .catch(() => "(no app frame)");
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `${message}\n--- the app showed ---\n${frameText.slice(0, 1500)}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`,
  );
}

let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

beforeAll(async () => {
  ports = await freeDemoPorts();
  chromium = await launchChromium();
  browser = chromium.browser;
});

afterAll(async () => {
  await chromium?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run demo", () => {
  it("embeds the app with a valid session, shows its dashboard, and an order placed in the panel reaches the app", async () => {
    const demo = await startDemo({ dataDir, ports });
    const { page, errors } = await watchedPage();
    // The panels' catalogue is held back, as a slow one would be: until it arrives, the panels
    // take no input (a click on "Place order" before then once reloaded the whole page).
    let releaseCatalog = () => {};
    const catalogHeld = new Promise<void>((resolve) => (releaseCatalog = resolve));
    await page.route(/\/catalog\?skus=/, async (route) => {
      await catalogHeld;
      await route.continue();
    });
    try {
      await page.goto(demo.url);
      await expectText(app(page).locator("h2"), /Windy City Outfitters/, 90_000);
      expect(await page.getByRole("button", { name: "Place order" }).isDisabled()).toBe(true);
      expect(await page.getByRole("tab", { name: "Outbox" }).isDisabled()).toBe(true);
      releaseCatalog();
      // The pointer entering the app's frame changes nothing inherited (Polaris's hover-coloured
      // scrollbar restyled the whole document each time: see app/styles/polaris-overrides.css).
      const rootScrollbar = () =>
        app(page)
          .locator("html")
          .evaluate((html) => getComputedStyle(html).scrollbarColor);
      await page.mouse.move(5, 5);
      const outside = await rootScrollbar();
      await app(page)
        .getByRole("heading", { name: /Windy City Outfitters/ })
        .hover();
      await page.waitForTimeout(300); // past Polaris's 100 ms transition, had it run
      expect(await rootScrollbar()).toBe(outside);
      // Cards' bevels blend normally: software raster works a luminosity blend out pixel by pixel.
      expect(
        await app(page)
          .locator(".Polaris-ShadowBevel")
          .first()
          .evaluate((card) => getComputedStyle(card, "::before").mixBlendMode),
      ).toBe("normal");
      await expectText(app(page).locator("body"), /Active locations\s*13/);
      await expectText(page.locator("#app-nav a"), /Dashboard/);
      await expectText(page.locator("#title"), /Dashboard/);
      await expectText(app(page).locator("body"), /No orders yet/);

      const placed = await placePickupOrder(page);
      expect(placed).toMatch(/Placed #1001/);

      await page.getByRole("tab", { name: "Webhooks" }).click();
      await expectText(page.locator("#webhooks li"), /delivered.*orders\/create/);
      // The merchant opens the dashboard again (App Bridge navigation, a fresh session token).
      await page.locator("#app-nav a", { hasText: "Dashboard" }).click();
      await expectText(app(page).locator("table"), /#1001/);

      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "demo-dashboard.png") });

      // The order was routed: it is on the Orders page, and its page says why it went where it did.
      await page.locator("#app-nav a", { hasText: "Orders" }).click();
      await expectText(app(page).locator("table"), /#1001/);
      await app(page).getByRole("link", { name: "#1001" }).click();
      await expectText(app(page).locator("body"), /Why it went there/);
      await expectText(app(page).locator("body"), /Customer messages/);
      await page.locator("#app-nav a", { hasText: "Notifications" }).click();
      await expectText(app(page).locator("body"), /Texts and preview|Preview/);
      await expectText(app(page).locator("body"), /Sender accounts/);
      // The first paint skips the parts below the first screen (decision 040); once the page is
      // idle they are rendered like the rest, so a jump to one does not shift the screen.
      await expect
        .poll(() =>
          app(page)
            .locator("body")
            .evaluate(
              (body) =>
                [...body.querySelectorAll("div")].filter((div) => getComputedStyle(div).contentVisibility === "auto")
                  .length,
            ),
        )
        .toBe(0);
      // A step far below the first screen is edited and saved like any other, and is there when
      // the page is opened again.
      const deliveredDelay = app(page).locator('input[name="DELIVERED_SMS.delay"]');
      await deliveredDelay.fill("10");
      await app(page).getByRole("button", { name: "Save notification settings" }).click();
      await expectText(app(page).locator("body"), /Saved \d{4}-\d\d-\d\d /);
      await page.locator("#app-nav a", { hasText: "Dashboard" }).click();
      await expectText(app(page).locator("table"), /#1001/);
      await page.locator("#app-nav a", { hasText: "Notifications" }).click();
      await expectText(app(page).locator("body"), /Saved \d{4}-\d\d-\d\d /);
      expect(await deliveredDelay.inputValue()).toBe("10");
      await page.screenshot({ path: path.join(SCREENSHOTS, "demo-order.png") });
      expect(errors).toEqual([]);
    } catch (error) {
      throw await keepEvidence(page, demo, "demo-first-run", error);
    } finally {
      await page.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);

  it("keeps its data for the next run", async () => {
    const demo = await startDemo({ dataDir, ports });
    const { page, errors } = await watchedPage();
    try {
      await page.goto(demo.url);
      await expectText(app(page).locator("h2"), /Windy City Outfitters/, 90_000);
      await expectText(app(page).locator("table"), /#1001/);
      expect(await placePickupOrder(page)).toMatch(/Placed #1002/);

      // The frame loaded again without a session token (a link that lost it): the app answers with
      // Shopify's bounce page, whose App Bridge loads the page again with a fresh token.
      const frame = page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
      if (!frame) throw new Error("the app's frame is not in the page");
      const untokened = new URL("/app/orders", demo.appUrl);
      for (const key of ["embedded", "shop", "host"])
        untokened.searchParams.set(key, new URL(frame.url()).searchParams.get(key) ?? "");
      await frame.goto(untokened.href);
      await expectText(app(page).locator("table"), /#1002/);
      expect(new URL(frame.url()).searchParams.has("id_token")).toBe(true);
      expect(errors).toEqual([]);
    } catch (error) {
      throw await keepEvidence(page, demo, "demo-second-run", error);
    } finally {
      await page.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);
});
