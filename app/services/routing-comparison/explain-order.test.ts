import { beforeAll, describe, expect, it } from "vitest";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";
import { saveRoutingSettings } from "~/services/routing-settings/settings.server";
import { seedRoutingHistory } from "../../../tests/support/routing-history";
import { uniqueShop } from "../../../tests/support/shops";
import { comparisonView, startComparison } from "./comparison.server";
import { explainComparedOrder } from "./explain-order.server";

/**
 * "Why?" on an order a draft sends elsewhere: the order replayed again under both rule sets, from
 * the comparison's starting stock, traced, over a history made by the routing job itself (thin
 * store shelves, so a store minimum of 5 moves some orders).
 */

const NOW = new Date("2026-11-27T16:00:00Z");
const LIVE_FORM: Required<SettingsForm> = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "true",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "same day => SAME_DAY",
};
const DRAFT_FORM = { ...LIVE_FORM, storeMinUnits: "5" };

let shop: string;
let comparisonId: string;

async function compare(form: SettingsForm): Promise<string> {
  const started = await startComparison({
    shop,
    form,
    currency: "USD",
    now: NOW,
    enqueue: () => Promise.reject(new Error("40 orders compare in the request")),
  });
  if (!started.ok || started.status !== "DONE") throw new Error(`not compared: ${JSON.stringify(started)}`);
  return started.comparisonId;
}

beforeAll(async () => {
  shop = uniqueShop();
  await seedRoutingHistory(shop, { orders: 40, firstOrderAt: NOW.getTime() - 3 * 86_400_000 });
  comparisonId = await compare(DRAFT_FORM);
}, 120_000);

describe("explaining an order a comparison's draft sends elsewhere", () => {
  it("gives both rule sets' reasons, each going where the report says, the draft's naming the store minimum", async () => {
    const report = (await comparisonView(shop, comparisonId))!.report!;
    expect(report.changedOrders.listed.length).toBeGreaterThan(0);
    for (const change of report.changedOrders.listed) {
      const explained = await explainComparedOrder(shop, comparisonId, change.orderId);
      if (!explained.ok) throw new Error(`not explained: ${explained.reason}`);
      expect(explained.matchesReport).toBe(true);
      expect(explained.live.locationIds).toEqual(change.live.locations.map((location) => location.id));
      expect(explained.draft.locationIds).toEqual(change.draft.locations.map((location) => location.id));
      // Each side opens with where the order goes, by the locations' names, then the stages' reasons.
      expect(explained.live.sentences[0]).toMatch(/^Order .*: (fulfilled from|split across|could not be routed)/);
      expect(explained.live.sentences.length).toBeGreaterThan(1);
      expect(explained.draft.sentences.length).toBeGreaterThan(1);
      for (const location of [...change.live.locations, ...change.draft.locations])
        expect([...explained.live.sentences, ...explained.draft.sentences].join(" ")).toContain(location.name);
    }
    // Somewhere among the moved orders the draft's reasons are the minimum it raised.
    const draftReasons = await Promise.all(
      report.changedOrders.listed.map(async (change) => {
        const explained = await explainComparedOrder(shop, comparisonId, change.orderId);
        return explained.ok ? explained.draft.sentences.join(" ") : "";
      }),
    );
    expect(draftReasons.join(" ")).toMatch(/minimum of 5/);
  });

  it("refuses an order that is not the comparison's, another id, and a comparison whose live rules have changed", async () => {
    expect(await explainComparedOrder(shop, comparisonId, "no-such-order")).toEqual({
      ok: false,
      reason: "NOT_IN_COMPARISON",
    });
    expect(await explainComparedOrder(shop, "not-a-uuid", "5000")).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await explainComparedOrder(uniqueShop(), comparisonId, "5000")).toEqual({ ok: false, reason: "NOT_FOUND" });
    const saved = await saveRoutingSettings(shop, { ...LIVE_FORM, radiusMiles: "12" }, "test");
    expect(saved.ok).toBe(true);
    expect(await explainComparedOrder(shop, comparisonId, "5000")).toEqual({ ok: false, reason: "LIVE_RULES_CHANGED" });
  });
});
