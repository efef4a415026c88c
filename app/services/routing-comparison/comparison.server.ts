import crypto from "node:crypto";
import { sqlPool } from "~/db.server";
import type { Db } from "~/db/sql.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import {
  buildComparisonReport,
  MAX_LISTED_CHANGES,
  totalsOf,
  type ComparisonReport,
  type ComparisonTotals,
  type RouterRole,
} from "~/domain/routing-comparison/comparison-report";
import { lastDaysRange } from "~/domain/routing-comparison/comparison-range";
import { sameSettings } from "~/domain/routing-comparison/same-settings";
import { localDateOf } from "~/domain/local-time";
import { parseSettingsForm, type SettingsErrors } from "~/domain/routing-settings/parse-settings";
import type { RoutingSettings } from "~/domain/routing-settings/settings";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";
import {
  completeComparison,
  countActiveLocations,
  countDecisionsBetween,
  failComparison,
  findComparison,
  insertComparison,
  orderNamesOf,
  recordComparisonProgress,
  recordVersionComparison,
  type ComparisonStatus,
  type StoredComparison,
} from "~/models/routing-comparisons.server";
import { loadReplay, replayComparison } from "~/services/routing-replay/replay.server";
import { listPlaces, namesOf } from "~/services/routing-settings/places.server";
import {
  currentRoutingSettings,
  saveRoutingSettings,
  type SaveOutcome,
} from "~/services/routing-settings/settings.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";

/**
 * "Compare with the last 30 days" (issue 15): the shop's orders decided in its last 30 calendar
 * days replayed under the live rules, the draft in the form, Shopify's native routing and greedy
 * nearest-first (app/services/routing-replay), reported for the page, and recorded with the
 * version the draft becomes when it is saved unchanged.
 *
 * Within INLINE_COMPARISON_LIMIT it runs in the request; beyond, as a job whose progress
 * (loading, then each router's orders as it replays them) the page polls. Both paths run
 * `runComparison`, which replays with the same loop as compareRoutings (replayComparison).
 */

/**
 * The largest comparison run in the request; anything larger is a job the page polls. Re-derived
 * after the replay's stock became columns (docs/decisions/030-replay-stock-as-columns.md): the
 * four-router comparison costs this process about 0.26–0.33 ms of CPU per order at national scale,
 * loading included (bench:replay, measured at load 20–25 on this 2-core machine), most of it
 * native routing's own search, plus preparing four routers over the shop's stock levels (about
 * 1.6 s at 2,000 locations, so about 0.16 s at 200). To answer within about a second, a request
 * takes at most 2,000 orders and 200 locations: the bounds stand, now measured rather than inherited.
 * Operators move the orders bound with ROUTING_COMPARISON_INLINE_MAX_ORDERS (docs/operations.md).
 */
export const INLINE_COMPARISON_LIMIT = { orders: 2_000, locations: 200 } as const;

const ROLES_WITH_DRAFT: readonly RouterRole[] = ["LIVE", "DRAFT", "NATIVE", "GREEDY"];
/**
 * Progress is kept in thousandths: loading the history and the stock counts as much as one
 * router, and each router's share moves every PROGRESS_EVERY_ORDERS orders it replays.
 */
const STEPS_TOTAL = 1_000;

export type StartOutcome =
  { ok: true; comparisonId: string; status: ComparisonStatus } | { ok: false; settingsErrors: SettingsErrors };

/** Where a comparison's job is queued; the job's file passes its own enqueue (it imports this file). */
export type EnqueueComparison = (tx: Db, payload: { shop: string; comparisonId: string }) => Promise<unknown>;

/**
 * Starts comparing the draft `form` with the live rules over the last 30 days: runs it now when
 * the range is small enough, else queues `enqueue`'s job with the comparison, in one transaction.
 */
export async function startComparison(options: {
  shop: string;
  form: SettingsForm;
  currency: string;
  now: Date;
  enqueue: EnqueueComparison;
  /**
   * Overrides INLINE_COMPARISON_LIMIT.orders: the route passes ROUTING_COMPARISON_INLINE_MAX_ORDERS
   * (0 queues every comparison with orders); tests take the job path with -1.
   */
  inlineLimit?: number;
}): Promise<StartOutcome> {
  const { shop, now } = options;
  const parsed = parseSettingsForm(options.form);
  if (!parsed.ok) return { ok: false, settingsErrors: parsed.errors };
  const [live, timeZone] = await Promise.all([currentRoutingSettings(shop), shopTimeZone(shop)]);
  const range = lastDaysRange(now, timeZone);
  const [orders, locations] = await Promise.all([
    countDecisionsBetween(sqlPool, shop, range.from, range.to),
    countActiveLocations(sqlPool, shop),
  ]);
  const comparison = {
    id: crypto.randomUUID(),
    shop,
    draftSettings: parsed.values,
    liveVersion: live.version,
    rangeFrom: range.from,
    rangeTo: range.to,
    timeZone,
    currency: options.currency,
    orders,
    stepsTotal: STEPS_TOTAL,
  };
  const inline =
    orders <= (options.inlineLimit ?? INLINE_COMPARISON_LIMIT.orders) && locations <= INLINE_COMPARISON_LIMIT.locations;
  if (!inline) {
    await inSqlTransaction(async (tx) => {
      await insertComparison(tx, comparison);
      await options.enqueue(tx, { shop, comparisonId: comparison.id });
    });
    return { ok: true, comparisonId: comparison.id, status: "RUNNING" };
  }
  await insertComparison(sqlPool, comparison);
  const status = await runComparison(shop, comparison.id, now).then(
    (): ComparisonStatus => "DONE",
    async (error: unknown): Promise<ComparisonStatus> => {
      console.error(`[routing-comparison] ${shop} comparison ${comparison.id} failed`, error);
      await failComparison(sqlPool, shop, comparison.id, FAILED_MESSAGE);
      return "FAILED";
    },
  );
  return { ok: true, comparisonId: comparison.id, status };
}

/** What the merchant is told when a comparison fails (the cause goes to the log). */
export const FAILED_MESSAGE = "The comparison could not be completed. Try again; if it fails again, contact support.";

/** The live rules changed between starting a comparison and running it (a job waited): it would compare the wrong rules. */
export const LIVE_RULES_CHANGED = "The live rules were saved again while this comparison waited: compare again.";

/**
 * Runs a RUNNING comparison to the end and stores its report. Idempotent: a comparison already
 * done or failed is left as it is (a job delivered twice).
 */
export async function runComparison(shop: string, comparisonId: string, now: Date): Promise<void> {
  const comparison = await findComparison(sqlPool, shop, comparisonId);
  if (comparison === null || comparison.status !== "RUNNING") return;
  const live = await currentRoutingSettings(shop);
  if (live.version !== comparison.liveVersion) {
    await failComparison(sqlPool, shop, comparisonId, LIVE_RULES_CHANGED);
    return;
  }
  const draft = comparison.draftSettings;
  const [{ recorded, snapshot }, places] = await Promise.all([
    loadReplay(sqlPool, shop, { from: comparison.rangeFrom, to: comparison.rangeTo }, now),
    listPlaces(shop),
  ]);
  // Loading weighs as much as one router's replay; within a router, progress moves with its orders.
  const parts = 1 + ROLES_WITH_DRAFT.length;
  const record = (done: number) =>
    recordComparisonProgress(sqlPool, shop, comparisonId, Math.min(STEPS_TOTAL - 1, Math.floor(STEPS_TOTAL * done)));
  await record(1 / parts);
  const replayed = await replayComparison(recorded, snapshot, live.settings, draft, (progress) =>
    record((1 + progress.routersDone + progress.ordersDone / Math.max(1, progress.orders)) / parts),
  );
  const results = replayed.results.map((result, index) => ({ role: ROLES_WITH_DRAFT[index]!, result }));
  const listed = replayed.draftDifferences.slice(0, MAX_LISTED_CHANGES).map((difference) => difference.orderId);
  const names = await orderNamesOf(sqlPool, shop, listed);
  const report = buildComparisonReport({
    recorded,
    snapshot: snapshot.locations,
    results,
    liveMatchesRecorded: replayed.liveMatchesRecorded,
    locationName: namesOf(places),
    orderName: (id) => names.get(id) ?? id,
    timeZone: comparison.timeZone,
    firstDay: localDateOf(comparison.rangeFrom, comparison.timeZone),
    lastDay: localDateOf(comparison.rangeTo, comparison.timeZone),
  });
  await completeComparison(sqlPool, shop, comparisonId, report);
}

/** A comparison as the page shows it, while it runs and once done. */
export interface ComparisonView {
  id: string;
  status: ComparisonStatus;
  /** 0–1. */
  progress: number;
  orders: number;
  rangeFrom: string;
  rangeTo: string;
  timeZone: string;
  currency: string;
  createdAt: string;
  /** The draft it compared, so the page can tell when the form has moved on. */
  draftSettings: RoutingSettings;
  report: ComparisonReport | null;
  error: string | null;
}

/** The shop's comparison, or null when it has none by that id. */
export async function comparisonView(shop: string, comparisonId: string): Promise<ComparisonView | null> {
  const comparison = await findComparison(sqlPool, shop, comparisonId);
  if (comparison === null) return null;
  return {
    id: comparison.id,
    status: comparison.status,
    progress: comparison.status === "RUNNING" ? comparison.stepsDone / Math.max(1, comparison.stepsTotal) : 1,
    orders: comparison.orders,
    rangeFrom: comparison.rangeFrom.toISOString(),
    rangeTo: comparison.rangeTo.toISOString(),
    timeZone: comparison.timeZone,
    currency: comparison.currency,
    createdAt: comparison.createdAt.toISOString(),
    draftSettings: comparison.draftSettings,
    report: comparison.report,
    error: comparison.error,
  };
}

/**
 * What became of the comparison posted with a save:
 * - RECORDED: it compared exactly the rules saved, against the version they replace; kept with the new version.
 * - STALE: the rules saved are not the ones compared, or the live rules changed since: not kept.
 * - NOT_READY: it had not finished (or failed): not kept.
 * - NONE: no comparison was posted (or none of this shop's by that id).
 */
export type ComparisonOnSave = "RECORDED" | "STALE" | "NOT_READY" | "NONE";

export type SaveWithComparisonOutcome =
  { ok: true; version: number; comparison: ComparisonOnSave } | Extract<SaveOutcome, { ok: false }>;

/** Whether `comparison` is of exactly `settings`, against the version `replacedVersion`. */
export function comparisonOnSave(
  comparison: StoredComparison | null,
  settings: RoutingSettings,
  replacedVersion: number | null,
): Exclude<ComparisonOnSave, "RECORDED"> | "CURRENT" {
  if (comparison === null) return "NONE";
  if (comparison.status !== "DONE" || comparison.report === null) return "NOT_READY";
  if (!sameSettings(comparison.draftSettings, settings) || comparison.liveVersion !== replacedVersion) return "STALE";
  return "CURRENT";
}

/**
 * Saves the rules as a new version (saveRoutingSettings) and, when `comparisonId` names a finished
 * comparison of exactly these rules against the version they replace, records its totals with the
 * new version. A stale comparison is not recomputed: the merchant saw its figures, not new ones,
 * and the page says it was not kept.
 */
export async function saveRulesWithComparison(
  shop: string,
  form: SettingsForm,
  changedBy: string | null,
  comparisonId: string | undefined,
): Promise<SaveWithComparisonOutcome> {
  const replaced = (await currentRoutingSettings(shop)).version;
  const saved = await saveRoutingSettings(shop, form, changedBy);
  if (!saved.ok) return saved;
  const id = comparisonId?.trim() ?? "";
  if (id === "") return { ...saved, comparison: "NONE" };
  const parsed = parseSettingsForm(form);
  const comparison = await findComparison(sqlPool, shop, id);
  // Another save between reading the version in force and this one: the comparison's live column is not the replaced version.
  const replacedNow = saved.version === (replaced ?? 0) + 1 ? replaced : -1;
  const verdict = parsed.ok ? comparisonOnSave(comparison, parsed.values, replacedNow) : "STALE";
  if (verdict !== "CURRENT") return { ...saved, comparison: verdict };
  const done = comparison as StoredComparison & { report: ComparisonReport };
  await recordVersionComparison(sqlPool, shop, saved.version, done, totalsOf(done.report));
  return { ...saved, comparison: "RECORDED" };
}

export type { ComparisonTotals };
