import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { ComparisonView } from "~/services/routing-comparison/comparison.server";
import type { action as settingsAction, loader as settingsLoader } from "./route";
import type { loader as comparisonLoader } from "../app.routing-comparisons.$comparisonId";

/**
 * "Compare with the last 30 days" on the Routing rules page: the compare action, the comparison
 * the page polls, and saving the rules with the comparison made of them.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof settingsLoader;
let action: typeof settingsAction;
let pollComparison: typeof comparisonLoader;

const RULES = {
  storeMinUnits: "3",
  radiusMiles: "10",
  maxExtraCostOverWarehouse: "2.50",
  allowSplit: "true",
  defaultServiceLevel: "STANDARD",
  shippingMethodRules: "same day => SAME_DAY",
};
const ORDERS = 30;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ loader: pollComparison } = await import("../app.routing-comparisons.$comparisonId"));
  ({ prisma } = await import("~/db.server"));
  const { seedRoutingHistory } = await import("../../../tests/support/routing-history");
  // Orders of the last two days, decided under the defaults (a minimum of 3 units).
  await seedRoutingHistory(emulator.shop, { orders: ORDERS, firstOrderAt: Date.now() - 2 * 86_400_000 });
}, 120_000);

afterAll(async () => {
  await emulator.close();
});

function post(fields: Record<string, string>): Request {
  return new Request(`${TEST_APP.appUrl}/app/settings`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    body: new URLSearchParams(fields),
  });
}

async function compare(fields: Record<string, string>) {
  const answer = await action({ request: post({ intent: "compare", ...fields }), params: {}, context: {} });
  if (answer.intent !== "compare") throw new Error(`expected a comparison, got ${answer.intent}`);
  return answer;
}

async function poll(comparisonId: string): Promise<Response> {
  const request = new Request(`${TEST_APP.appUrl}/app/routing-comparisons/${encodeURIComponent(comparisonId)}`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
  });
  try {
    return (await pollComparison({ request, params: { comparisonId }, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A finished comparison of another shop (of the same draft, so only the shop differs). */
async function anotherShopsComparison(): Promise<string> {
  const { startComparison } = await import("~/services/routing-comparison/comparison.server");
  const started = await startComparison({
    shop: uniqueShop(),
    form: { ...RULES, storeMinUnits: "5" },
    currency: "USD",
    now: new Date(),
    enqueue: () => Promise.reject(new Error("a shop without orders compares in the request")),
  });
  if (!started.ok) throw new Error("refused");
  return started.comparisonId;
}

const comparisons = () => prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "RoutingComparison"`;

describe("comparing the draft rules with the last 30 days", () => {
  it("replays the shop's orders under the live and draft rules, in the shop's currency", async () => {
    const answer = await compare({ ...RULES, storeMinUnits: "5" });
    expect(answer.outcome.ok).toBe(true);
    const comparison = answer.comparison!;
    expect(comparison).toMatchObject({ status: "DONE", orders: ORDERS, currency: "USD", progress: 1 });
    const [live, draft] = comparison.report!.columns;
    expect(draft!.storeShipments).toBeLessThan(live!.storeShipments);
    expect(draft!.thresholdViolations).toBe(0);
  });

  it("refuses rules that do not parse, with the field's error, and stores no comparison", async () => {
    const before = await comparisons();
    const answer = await compare({ ...RULES, storeMinUnits: "-1" });
    expect(answer.outcome).toMatchObject({ ok: false, settingsErrors: { storeMinUnits: expect.any(String) } });
    expect(answer.comparison).toBeNull();
    expect(await comparisons()).toEqual(before);
  });

  it("answers the page's poll with the shop's own comparison, and 404 for another shop's or a made-up id", async () => {
    const answer = await compare({ ...RULES, storeMinUnits: "5" });
    if (!answer.outcome.ok) throw new Error("refused");
    const own = await poll(answer.outcome.comparisonId);
    expect(own.status).toBe(200);
    const { comparison } = (await own.json()) as { comparison: ComparisonView };
    expect(comparison.id).toBe(answer.outcome.comparisonId);
    expect(comparison.report!.orders).toBe(ORDERS);

    // Another shop's comparison, asked for with this shop's credentials.
    const foreign = await poll(await anotherShopsComparison());
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("report");
    const madeUp = await poll("00000000-0000-4000-8000-000000000000");
    expect(madeUp.status).toBe(404);
    for (const hostile of ["garbage", "'; DROP TABLE x;--", "\u0000", "9".repeat(5000)]) {
      expect((await poll(hostile)).status).toBe(404);
    }
  });
});

describe("saving the rules after comparing them", () => {
  it("records the comparison with the version saved and shows it in the history", async () => {
    const answer = await compare({ ...RULES, storeMinUnits: "5" });
    if (!answer.outcome.ok) throw new Error("refused");
    const saved = await action({
      request: post({ intent: "save", ...RULES, storeMinUnits: "5", comparisonId: answer.outcome.comparisonId }),
      params: {},
      context: {},
    });
    expect(saved).toEqual({ intent: "save", outcome: { ok: true, version: 1, comparison: "RECORDED" } });

    const page = await loader({
      request: new Request(`${TEST_APP.appUrl}/app/settings`, {
        headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
      }),
      params: {},
      context: {},
    });
    const [latest] = page.history;
    expect(latest!.version).toBe(1);
    expect(latest!.comparison).toMatchObject({ orders: ORDERS, currency: "USD" });
    expect(latest!.comparison!.draft!.storeShipments).toBe(answer.comparison!.report!.columns[1]!.storeShipments);
  });

  it("does not keep a comparison of other rules with the version, and says it is stale", async () => {
    // Compared against version 1 (minimum 5), then the form changed to 4 before saving.
    const answer = await compare({ ...RULES, storeMinUnits: "6" });
    if (!answer.outcome.ok) throw new Error("refused");
    const saved = await action({
      request: post({ intent: "save", ...RULES, storeMinUnits: "4", comparisonId: answer.outcome.comparisonId }),
      params: {},
      context: {},
    });
    expect(saved).toEqual({ intent: "save", outcome: { ok: true, version: 2, comparison: "STALE" } });
    const kept = await prisma.$queryRaw<{ version: number }[]>`
      SELECT "version" FROM "RoutingSettingsComparison" WHERE "shop" = ${emulator.shop} ORDER BY "version"`;
    expect(kept.map((row) => row.version)).toEqual([1]);
  });

  it("ignores another shop's comparison posted with a save", async () => {
    const foreignId = await anotherShopsComparison();
    const saved = await action({
      request: post({ intent: "save", ...RULES, storeMinUnits: "5", comparisonId: foreignId }),
      params: {},
      context: {},
    });
    expect(saved).toMatchObject({ intent: "save", outcome: { ok: true, comparison: "NONE" } });
    const kept = await prisma.$queryRaw<{ shop: string }[]>`
      SELECT "shop" FROM "RoutingSettingsComparison" WHERE "comparisonId" = ${foreignId}::uuid`;
    expect(kept).toEqual([]);
  });
});
