import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scenarios } from "../../dev/scenarios";
import { useDemoInChromium } from "../support/demo-browser";
import { appFrame, expectText, freeDemoPorts, openFromNav, pollUntil, pressCtrlC, startDemo } from "../support/demo";

/**
 * The Locations page in `npm run demo`: the merchant finds a store in the table, sets the pick and
 * pack cost of two selected locations at once, and opens one location's page to give it opening
 * hours, which the table then shows.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("locations");

describe("the Locations page in the demo", () => {
  it("searches the table, bulk-sets a cost, and edits one location's hours on its page", async () => {
    const locations = scenarios.chicago().locations;
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    admin.on("pageerror", (error) => pageErrors.push(error.message));
    const app = appFrame(admin);
    const rows = app.locator("tbody tr");
    try {
      await admin.goto(demo.url);
      await expectText(app.locator("h2"), /Windy City Outfitters/, 90_000);
      await openFromNav(admin, "Locations");
      await app.getByRole("columnheader", { name: "Opening hours" }).waitFor({ timeout: 60_000 });
      // The install's locations sync fills the table in the background.
      await pollUntil(
        async () => {
          if ((await rows.count()) === locations.length) return true;
          await admin.locator("#app-nav a", { hasText: "Locations" }).click();
          await admin.waitForTimeout(1_500);
          return (await rows.count()) === locations.length;
        },
        `${locations.length} locations`,
        90_000,
      );

      await app.getByLabel("Search", { exact: true }).fill("Wicker");
      await pollUntil(async () => (await rows.count()) === 1, "one row for Wicker", 10_000);
      await expectText(rows.first(), /Wicker Park/);
      await app.getByLabel("Search", { exact: true }).fill("");
      await pollUntil(async () => (await rows.count()) === locations.length, "every location again", 10_000);

      // Select the first two rows (their first cell is the checkbox) and set their cost at once.
      const firstTwo = [
        (await rows.nth(0).innerText()).split("\n")[0]!,
        (await rows.nth(1).innerText()).split("\n")[0]!,
      ];
      // The second with shift held, as a range: it selects the rows, not the text between them.
      await rows.nth(0).locator("td").first().click();
      await rows
        .nth(1)
        .locator("td")
        .first()
        .click({ modifiers: ["Shift"] });
      expect(await app.locator("body").evaluate(() => String(window.getSelection()))).toBe("");
      await app.getByRole("button", { name: "Set pick and pack cost" }).click();
      await app.getByLabel("Pick and pack, per order", { exact: true }).fill("2.40");
      await app.getByRole("button", { name: "Apply to 2 selected locations" }).click();
      await expectText(app.locator("body"), /Pick and pack cost set at 2 locations/);
      for (const name of firstTwo) await expectText(rows.filter({ hasText: name }), /\$2\.40/);
      expect(await rows.filter({ hasText: "$2.40" }).count()).toBe(2);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "locations-bulk-edit.png") });

      // One location's page: open on set hours (every day 10:00–21:00 to start with) and save.
      await app.getByRole("link", { name: "Wicker Park" }).click();
      await app.getByRole("button", { name: "Edit hours" }).click();
      await app.getByText("Open on set hours", { exact: true }).click();
      await app.getByRole("button", { name: "Copy Monday to Tuesday–Friday" }).waitFor();
      await app.getByRole("button", { name: "Save" }).click();
      await expectText(admin.locator("body"), /Wicker Park saved/);
      await admin.screenshot({ path: path.join(SCREENSHOTS, "locations-edit-page.png") });

      await app.getByRole("link", { name: "Locations" }).first().click();
      await app.getByLabel("Search", { exact: true }).fill("Wicker");
      await pollUntil(async () => (await rows.count()) === 1, "one row for Wicker", 10_000);
      await expectText(rows.first(), /Every day 10:00–21:00/);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "locations-failure.png") }).catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
    } finally {
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);
});
