import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { withDemoAdmin } from "../support/demo-admin";
import { useDemoInChromium } from "../support/demo-browser";
import { expectText, placeOrderFromPanel, routedStore } from "../support/demo";

/**
 * The Analytics page through `npm run demo`: a pickup order placed and routed, then the page
 * opened from the admin's nav shows it in its cards, its chart and its store's row, switches to
 * the last 7 days, refuses a range that ends before it starts, and exports the figures as CSV.
 */
const { dataDir, browser } = useDemoInChromium("analytics");

describe("the Analytics page in the demo", () => {
  it("shows a routed pickup in its figures, chart and store row, and exports them as CSV", async () => {
    await withDemoAdmin(
      browser(),
      { name: "analytics", dataDir, acceptDownloads: true },
      async ({ admin, app, pageErrors, screenshot }) => {
        const card = (id: string) => app.locator(`[data-analytics-card="${id}"]`);
        expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
        const store = await routedStore(admin, "#1001", await admin.locator("#pickup-select option").allTextContents());

        await admin.locator("#app-nav a", { hasText: "Analytics" }).click();
        await expectText(card("orders"), /^1$/);
        expect(await card("bopis").textContent()).toBe("100%");
        expect(await card("unroutable").textContent()).toBe("0%");
        // Priced against shipping it from the cheapest warehouse to the store.
        expect(await card("cost").textContent()).toMatch(/^\$\d+\.\d\d$/);
        await expectText(app.locator("tbody"), new RegExp(store.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
        expect(await app.locator('svg[role="img"]').count()).toBe(2);
        await screenshot("analytics");

        await app.getByRole("link", { name: "7 days" }).click();
        await expectText(app.locator("p"), /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(7 days, /);
        await expectText(card("orders"), /^1$/);

        const [download] = await Promise.all([
          admin.waitForEvent("download", { timeout: 30_000 }),
          app.getByRole("button", { name: "Export CSV" }).click(),
        ]);
        const lines = fs
          .readFileSync(await download.path(), "utf8")
          .trimEnd()
          .split("\r\n");
        expect(lines[0]).toMatch(/^Location,Location ID,Kind,Orders,BOPIS orders,BOPIS share %,/);
        expect(lines[1]?.split(",").slice(0, 6)).toEqual(["All locations", "", "", "1", "1", "100.00"]);
        expect(lines[2]?.split(",")[0]).toBe(store);

        await app.getByLabel("From", { exact: true }).fill("2026-01-10");
        await app.getByLabel("To", { exact: true }).fill("2026-01-01");
        await app.getByRole("button", { name: "Apply" }).click();
        await expectText(app.locator("body"), /The start date must be on or before the end date/);
        expect(pageErrors).toEqual([]);
      },
    );
  }, 420_000);
});
