import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";
import { findComparison, listVersionComparisons } from "~/models/routing-comparisons.server";
import { saveRoutingSettings } from "~/services/routing-settings/settings.server";
import { seedRoutingHistory } from "../../../tests/support/routing-history";
import { uniqueShop } from "../../../tests/support/shops";
import { routingCompareRulesJob } from "./compare-rules.job.server";
import { seedMirror } from "../../../tests/support/mirror";
import {
  comparisonView,
  INLINE_COMPARISON_LIMIT,
  LIVE_RULES_CHANGED,
  runComparison,
  saveRulesWithComparison,
  startComparison,
  type EnqueueComparison,
} from "./comparison.server";

/**
 * "Compare with the last 30 days" over a small history made by the routing job itself: orders
 * routed one after another through decideOrder (thin store shelves, so the store minimum decides
 * where later orders go), then compared under a draft with a higher store minimum.
 */

const NOW = new Date("2026-11-27T16:00:00Z");
const ORDERS = 40;

const LIVE_FORM: Required<SettingsForm> = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "true",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "same day => SAME_DAY",
};
const DRAFT_FORM = { ...LIVE_FORM, storeMinUnits: "5" };

/** Three days before NOW: inside the last 30 days. */
const seedHistory = (shop: string) =>
  seedRoutingHistory(shop, { orders: ORDERS, firstOrderAt: NOW.getTime() - 3 * 86_400_000 });

const enqueue: EnqueueComparison = (tx, payload) => routingCompareRulesJob.enqueue(tx, payload);

let shop: string;

beforeAll(async () => {
  shop = uniqueShop();
  await seedHistory(shop);
}, 120_000);

afterAll(async () => {
  await stopJobQueue();
});

async function compared(form: SettingsForm, onShop = shop) {
  const started = await startComparison({ shop: onShop, form, currency: "CAD", now: NOW, enqueue });
  if (!started.ok) throw new Error(`refused: ${JSON.stringify(started.settingsErrors)}`);
  const view = await comparisonView(onShop, started.comparisonId);
  return { started, view: view! };
}

describe("comparing draft rules with the last 30 days", () => {
  it("shows a higher store minimum sending fewer store shipments, at a cost, with no threshold broken", async () => {
    const { started, view } = await compared(DRAFT_FORM);
    expect(started.status).toBe("DONE");
    expect(view).toMatchObject({ status: "DONE", progress: 1, orders: ORDERS, currency: "CAD" });
    const report = view.report!;
    const [live, draft, native, greedy] = report.columns;
    expect(report.columns.map((column) => column.role)).toEqual(["LIVE", "DRAFT", "NATIVE", "GREEDY"]);
    expect([native!.router, greedy!.router]).toEqual(["Shopify native routing", "Nearest location first"]);
    // Replayed with the rules and stock that were live, every order goes where it went.
    expect(report.liveMatchesRecorded).toBe(ORDERS);
    expect(draft!.storeShipments).toBeLessThan(live!.storeShipments);
    expect(draft!.thresholdViolations).toBe(0);
    expect(live!.thresholdViolations).toBe(0);
    expect(draft!.totalCost).not.toBe(live!.totalCost);
    expect(live!.distanceMiles).toBeGreaterThan(0);
  });

  it("lists the orders the draft moves with both decisions, and each location's load under both", async () => {
    const { view } = await compared(DRAFT_FORM);
    const report = view.report!;
    const [live, draft] = report.columns;
    expect(report.changedOrders.total).toBeGreaterThan(0);
    expect(report.changedOrders.listed).toHaveLength(report.changedOrders.total);
    for (const change of report.changedOrders.listed) {
      expect(change.name).toMatch(/^#20\d\d$/);
      expect(change.costChange).toBeCloseTo(change.draft.cost - change.live.cost, 9);
      expect(JSON.stringify(change.live)).not.toBe(JSON.stringify(change.draft));
    }
    // Moved off the stores: the warehouse takes more orders under the draft.
    const warehouse = report.locations.find((location) => location.locationId === "9")!;
    expect(warehouse).toMatchObject({ name: "Bolingbrook warehouse", kind: "WAREHOUSE" });
    expect(warehouse.draft.orders).toBeGreaterThan(warehouse.live.orders);
    const ordersAt = (side: "live" | "draft") =>
      report.locations.reduce((sum, location) => sum + location[side].orders, 0);
    expect(ordersAt("live")).toBe(live!.parcels);
    expect(ordersAt("draft")).toBe(draft!.parcels);
  });

  it("draws 30 days of the shop's calendar whose figures add up to the totals", async () => {
    const { view } = await compared(DRAFT_FORM);
    const report = view.report!;
    const [live, draft] = report.columns;
    expect(report.days).toHaveLength(30);
    expect(report.days.at(-1)!.date).toBe("2026-11-27");
    const sum = (pick: (day: (typeof report.days)[number]) => number) => report.days.reduce((s, d) => s + pick(d), 0);
    expect(sum((day) => day.orders)).toBe(ORDERS);
    expect(sum((day) => day.liveStoreShipments)).toBe(live!.storeShipments);
    expect(sum((day) => day.draftStoreShipments)).toBe(draft!.storeShipments);
    expect(sum((day) => day.draftCost)).toBeCloseTo(draft!.totalCost, 6);
  });

  it("refuses draft rules that do not parse, and stores nothing", async () => {
    const started = await startComparison({
      shop,
      form: { ...DRAFT_FORM, storeMinUnits: "lots" },
      currency: "USD",
      now: NOW,
      enqueue,
    });
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.settingsErrors.storeMinUnits).toBeDefined();
  });

  it("says there is nothing to compare for a shop without orders in the last 30 days", async () => {
    const { view } = await compared(DRAFT_FORM, uniqueShop());
    expect(view.status).toBe("DONE");
    expect(view.report!.orders).toBe(0);
    expect(view.report!.changedOrders.total).toBe(0);
  });

  it("shows one shop's comparison to that shop only", async () => {
    const { started } = await compared(DRAFT_FORM);
    if (!started.ok) throw new Error("refused");
    expect(await comparisonView(uniqueShop(), started.comparisonId)).toBeNull();
    expect(await comparisonView(shop, "not-a-uuid")).toBeNull();
  });
});

describe("a comparison too large to run in the request", () => {
  it("is queued as a job, reports its progress, and ends with the same report as inline", async () => {
    const started = await startComparison({
      shop,
      form: DRAFT_FORM,
      currency: "USD",
      now: NOW,
      enqueue,
      inlineLimit: 10,
    });
    if (!started.ok) throw new Error("refused");
    expect(started.status).toBe("RUNNING");
    const queued = await prisma.$queryRaw<{ data: { shop: string; comparisonId: string } }[]>`
      SELECT data FROM pgboss.job WHERE name = ${routingCompareRulesJob.queue} AND data->>'comparisonId' = ${started.comparisonId}`;
    expect(queued.map((row) => row.data)).toEqual([{ shop, comparisonId: started.comparisonId }]);
    expect(await comparisonView(shop, started.comparisonId)).toMatchObject({
      status: "RUNNING",
      progress: 0,
      report: null,
    });

    // The worker runs the stored job; progress is written step by step as each router finishes.
    const progress: number[] = [];
    const watching = (async () => {
      for (;;) {
        const view = await comparisonView(shop, started.comparisonId);
        if (!view || view.status !== "RUNNING") return;
        progress.push(view.progress);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await routingCompareRulesJob.runStored(queued[0]!.data, "job-1");
    await watching;
    const done = (await comparisonView(shop, started.comparisonId))!;
    expect(done).toMatchObject({ status: "DONE", progress: 1 });
    expect(progress.every((value, index) => index === 0 || value >= progress[index - 1]!)).toBe(true);
    const stored = await findComparison(sqlPool, shop, started.comparisonId);
    expect(stored!.stepsDone).toBe(stored!.stepsTotal);

    const inline = await compared(DRAFT_FORM);
    expect(JSON.stringify(done.report)).toBe(JSON.stringify(inline.view.report));
    // Delivered again (at least once): nothing changes.
    await routingCompareRulesJob.runStored(queued[0]!.data, "job-1");
    expect(JSON.stringify((await comparisonView(shop, started.comparisonId))!.report)).toBe(
      JSON.stringify(done.report),
    );
  });

  it("is queued as a job for a shop with many locations, however few its orders", async () => {
    const chain = uniqueShop();
    await seedMirror(
      prisma,
      chain,
      Array.from({ length: INLINE_COMPARISON_LIMIT.locations + 1 }, (_, n) => ({
        locationId: String(100 + n),
        name: `Store ${n}`,
        kind: "STORE" as const,
        lat: 41 + n / 1000,
        lng: -87,
        stock: {},
      })),
    );
    const started = await startComparison({ shop: chain, form: DRAFT_FORM, currency: "USD", now: NOW, enqueue });
    expect(started).toMatchObject({ ok: true, status: "RUNNING" });
  });

  it("fails, saying why, when the live rules were saved again while it waited", async () => {
    const other = uniqueShop();
    const started = await startComparison({
      shop: other,
      form: DRAFT_FORM,
      currency: "USD",
      now: NOW,
      enqueue,
      inlineLimit: -1,
    });
    if (!started.ok) throw new Error("refused");
    await saveRoutingSettings(other, LIVE_FORM, null);
    await runComparison(other, started.comparisonId, NOW);
    expect(await comparisonView(other, started.comparisonId)).toMatchObject({
      status: "FAILED",
      error: LIVE_RULES_CHANGED,
    });
  });
});

describe("saving the rules after comparing them", () => {
  it("records the comparison with the version saved when the rules saved are the ones compared", async () => {
    const saver = uniqueShop();
    await seedHistory(saver);
    const { started, view } = await compared(DRAFT_FORM, saver);
    if (!started.ok) throw new Error("refused");
    const saved = await saveRulesWithComparison(saver, DRAFT_FORM, "Staff member 7", started.comparisonId);
    expect(saved).toEqual({ ok: true, version: 1, comparison: "RECORDED" });
    const [kept] = await listVersionComparisons(sqlPool, saver, [1]);
    expect(kept).toMatchObject({ version: 1, comparisonId: started.comparisonId, currency: "CAD" });
    expect(kept!.totals.columns).toEqual(view.report!.columns);
  }, 120_000);

  it("does not record a comparison of other rules, or one that has not finished, and says so", async () => {
    const saver = uniqueShop();
    const { started } = await compared(DRAFT_FORM, saver);
    if (!started.ok) throw new Error("refused");
    const changedSince = await saveRulesWithComparison(
      saver,
      { ...DRAFT_FORM, storeMinUnits: "6" },
      null,
      started.comparisonId,
    );
    expect(changedSince).toEqual({ ok: true, version: 1, comparison: "STALE" });
    // Compared against the defaults, but version 1 is in force now.
    const againstOld = await saveRulesWithComparison(saver, DRAFT_FORM, null, started.comparisonId);
    expect(againstOld).toEqual({ ok: true, version: 2, comparison: "STALE" });
    const queued = await startComparison({
      shop: saver,
      form: DRAFT_FORM,
      currency: "USD",
      now: NOW,
      enqueue,
      inlineLimit: -1,
    });
    if (!queued.ok) throw new Error("refused");
    const unfinished = await saveRulesWithComparison(saver, DRAFT_FORM, null, queued.comparisonId);
    expect(unfinished).toEqual({ ok: true, version: 3, comparison: "NOT_READY" });
    const anotherShops = await saveRulesWithComparison(uniqueShop(), DRAFT_FORM, null, started.comparisonId);
    expect(anotherShops).toEqual({ ok: true, version: 1, comparison: "NONE" });
    expect(await listVersionComparisons(sqlPool, saver, [1, 2, 3])).toEqual([]);
  });
});
