import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scenarios } from "../../dev/scenarios";
import { useDemoInChromium } from "../support/demo-browser";
import { appFrame, expectText, freeDemoPorts, openFromNav, pollUntil, pressCtrlC, startDemo } from "../support/demo";

/**
 * The Inventory page in `npm run demo`: the merchant opens it from the admin menu, searches for a
 * SKU, sees its stock at every location that holds it, exports the search as CSV, and narrows it
 * to one store found by typing part of its name.
 */
const SCREENSHOTS = path.join("test-results", "e2e");
const { dataDir, browser } = useDemoInChromium("inventory");

/** A SKU of the demo's shop, with the locations the scenario stocks it at (the mirror syncs them). */
function skuWithItsLocations(): { sku: string; locations: string[] } {
  const scenario = scenarios.chicago();
  const sku = scenario.products[3]!.variants[2]!.sku;
  const names = new Map(scenario.locations.map((location) => [location.id, location.name]));
  const locations = scenario.inventory
    .filter((stock) => stock.sku === sku)
    .map((stock) => names.get(stock.locationId)!)
    .sort();
  return { sku, locations };
}

describe("the Inventory page in the demo", () => {
  it("finds a SKU, shows its stock across the stores, exports the search as CSV, and narrows it to one store", async () => {
    const { sku, locations } = skuWithItsLocations();
    expect(locations.length).toBeGreaterThan(1);
    const demo = await startDemo({ dataDir, ports: await freeDemoPorts() });
    const admin = await browser().newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    admin.on("pageerror", (error) => pageErrors.push(error.message));
    const app = appFrame(admin);
    try {
      await admin.goto(demo.url);
      await expectText(app.locator("h2"), /Windy City Outfitters/, 90_000);
      await openFromNav(admin, "Inventory");
      await app.getByRole("columnheader", { name: "Sellable for routing" }).waitFor({ timeout: 60_000 });

      // The install's full sync fills the mirror in the background: search until it is there. The
      // search runs once typing stops and can take seconds on a loaded machine, so the page is
      // opened afresh only every 15 s, never in the middle of a search that is still answering.
      await app.getByLabel("Search", { exact: true }).fill(sku);
      const rows = app.locator("tbody tr", { hasText: sku });
      let searchedAt = Date.now();
      await pollUntil(
        async () => {
          if ((await rows.count()) === locations.length && (await app.locator("tbody tr").count()) === locations.length)
            return true;
          if (Date.now() - searchedAt < 15_000) return false;
          await admin.locator("#app-nav a", { hasText: "Inventory" }).click();
          await app.getByLabel("Search", { exact: true }).fill(sku);
          searchedAt = Date.now();
          return false;
        },
        `${locations.length} rows of ${sku}`,
        150_000,
      );
      const shown = await rows.allInnerTexts();
      for (const name of locations)
        expect(
          shown.some((row) => row.includes(name)),
          name,
        ).toBe(true);
      expect(await app.locator("tbody tr").count()).toBe(locations.length);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "inventory-search.png") });

      const [download] = await Promise.all([
        admin.waitForEvent("download", { timeout: 30_000 }),
        app.getByRole("button", { name: "Export CSV" }).click(),
      ]);
      const file = await download.path();
      const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        "SKU,Product,Variant,Barcode,Location,Location ID,Kind,Available,Reserved by open orders,Sellable for routing",
      );
      const body = lines.slice(1).map((line) => line.split(","));
      expect(body.map((cells) => cells[0])).toEqual(locations.map(() => sku));
      expect(body.map((cells) => cells[4]).sort()).toEqual(locations);
      for (const cells of body) expect(cells.slice(7).every((value) => /^-?\d+$/.test(value ?? ""))).toBe(true);

      // Narrowed to one store through the location picker: part of its name finds it.
      const store = locations[0]!;
      const picker = app.getByRole("combobox", { name: "Location" });
      await picker.click();
      await picker.fill(store.slice(0, 6));
      await app.getByRole("option", { name: store, exact: true }).click();
      await pollUntil(
        async () => (await app.locator("tbody tr").count()) === 1 && (await rows.first().innerText()).includes(store),
        `only ${store}'s row of ${sku}`,
        30_000,
      );
      expect(await picker.inputValue()).toBe(store);
      const query = await app.locator("body").evaluate(() => window.location.search);
      expect(new URLSearchParams(query).get("location")).toMatch(/^\d+$/);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await admin.screenshot({ path: path.join(SCREENSHOTS, "inventory-failure.png") }).catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- demo output (end) ---\n${demo.output().slice(-3000)}`);
    } finally {
      await admin.close();
      expect(await pressCtrlC(demo)).toEqual({ exited: true, listening: [] });
    }
  }, 300_000);
});
