import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useDemoInChromium } from "../support/demo-browser";
import {
  appFrame,
  expectText,
  freeDemoPorts,
  openFromNav,
  placeOrderFromPanel,
  pressCtrlC,
  routedStore,
  startDemo,
} from "../support/demo";

/**
 * The ROI page through `npm run demo`: opened from the admin's nav, the seed's example shown
 * ($900 net a month, $3,600 of upsell), an input changed and the result following it, and the
 * "from your data" mode answering for the demo shop.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("roi");

describe("the ROI page in the demo", () => {
  it("shows the seed's $900 and $3,600, recalculates when an input changes, and fills from the shop's orders", async () => {
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    admin.on("pageerror", (error) => pageErrors.push(error.message));
    const app = appFrame(admin);
    const line = (id: string) => app.locator(`[data-roi-line="${id}"]`);
    try {
      await admin.goto(demo.url);
      await expectText(app.locator("h2"), /Windy City Outfitters/, 90_000);
      await openFromNav(admin, "ROI");

      await expectText(line("netMonthlySavings"), /^\$900\.00$/);
      expect(await line("upsellRevenue").textContent()).toBe("$3,600.00");
      await expectText(app.locator("p"), /600 BOPIS orders × \$6\.50 = \$3,900\.00/);
      await expectText(app.locator("p"), /of which 10% is profit/);

      // Half the orders: 300 × $6.50 − 300 × $3.00 − $1,200 = −$150; upsell 300 × 20% × $30 = $1,800.
      await app.getByLabel("Online orders a month").fill("1000");
      await app.getByRole("button", { name: "Calculate" }).click();
      await expectText(line("netMonthlySavings"), /^-\$150\.00$/);
      expect(await line("upsellRevenue").textContent()).toBe("$1,800.00");
      expect(await app.getByLabel("Online orders a month").inputValue()).toBe("1000");

      // A refused input says why beside the field and shows no figures.
      await app.getByLabel("Orders collected in store (BOPIS share)").fill("150");
      await app.getByRole("button", { name: "Calculate" }).click();
      await expectText(app.locator("body"), /Enter a percentage from 0 to 100/);
      expect(await line("netMonthlySavings").count()).toBe(0);

      // One pickup order, routed to a store: 1 order a month, all of it collected in store.
      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
      await routedStore(admin, "#1001", await admin.locator("#pickup-select option").allTextContents());
      await admin.locator("#app-nav a", { hasText: "ROI" }).click();
      await app.getByRole("link", { name: "Fill from your last 30 days" }).click();
      await expectText(app.locator("h2"), /^Filled from your last 30 days: 1 routed order$/);
      expect(await app.getByLabel("Online orders a month").inputValue()).toBe("1");
      expect(await app.getByLabel("Orders collected in store (BOPIS share)").inputValue()).toBe("100");
      // 1 BOPIS order: $6.50 of shipping saved less the store's labour and $1,200 of technology.
      await expectText(line("netMonthlySavings"), /^-\$1,19\d\.\d\d$/);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "roi.png"), fullPage: true });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "roi-failure.png") }).catch(() => undefined);
      fs.writeFileSync(path.join(SCREENSHOTS, "roi-output.log"), demo.output());
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
    } finally {
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 420_000);
});
