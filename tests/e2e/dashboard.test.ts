import { describe, expect, it } from "vitest";
import { withDemoAdmin } from "../support/demo-admin";
import { useDemoInChromium } from "../support/demo-browser";
import { expectText, placeOrderFromPanel, routedStore } from "../support/demo";

/**
 * The Dashboard through `npm run demo`: empty on first open, then, once a pickup order placed in
 * the shopper panel is routed, it counts the order today (all of it BOPIS, priced against the
 * warehouse), shows it in the 30-day chart, and links on to Orders.
 */
const { dataDir, browser } = useDemoInChromium("dashboard");

describe("the Dashboard in the demo", () => {
  it("counts a routed pickup order in today's figures and its chart", async () => {
    await withDemoAdmin(browser(), { name: "dashboard", dataDir }, async ({ admin, app, pageErrors, screenshot }) => {
      const card = (id: string) => app.locator(`[data-dashboard-card="${id}"]`);
      await expectText(card("orders"), /^0$/);
      expect(await card("bopis").textContent()).toBe("—");
      await expectText(app.locator("body"), /No orders routed in the last 30 days/);

      expect(await placeOrderFromPanel(admin, "Pick up in store")).toMatch(/Placed #1001/);
      await routedStore(admin, "#1001", await admin.locator("#pickup-select option").allTextContents());

      await admin.locator("#app-nav a", { hasText: "Dashboard" }).click();
      await expectText(card("orders"), /^1$/);
      expect(await card("bopis").textContent()).toBe("100%");
      expect(await card("shipFromStore").textContent()).toBe("0%");
      // Priced against shipping it from the cheapest warehouse to the store.
      expect(await card("saved").textContent()).toMatch(/^\$\d+\.\d\d$/);
      expect(await app.locator('[data-dashboard-route="pickup"]').textContent()).toBe("1");
      expect(await app.locator('[data-dashboard-route="unroutable"]').textContent()).toBe("0");
      expect(await card("deadLetters").textContent()).toBe("0");
      expect(await app.locator('svg[role="img"]').getAttribute("aria-label")).toMatch(
        /^Orders by how they were fulfilled\. 1 order over 30 days, 1 of them today\.$/,
      );
      await screenshot("dashboard");

      await app.getByRole("link", { name: "See every order" }).click();
      await expectText(app.locator("table"), /#1001/);
      expect(pageErrors).toEqual([]);
    });
  }, 420_000);
});
