import { sqlPool } from "~/db.server";
import type { OrderChange } from "~/domain/routing-comparison/comparison-report";
import { ReplayRun, replayOrders } from "~/domain/routing-replay/replay";
import { explainDecision } from "~/domain/routing/explain";
import type { RoutingDecision } from "~/domain/routing/types";
import { findComparison } from "~/models/routing-comparisons.server";
import { comparedRouters, loadReplay, PROGRESS_EVERY_ORDERS } from "~/services/routing-replay/replay.server";
import { listPlaces } from "~/services/routing-settings/places.server";
import { currentRoutingSettings } from "~/services/routing-settings/settings.server";

/**
 * Why a finished comparison's live and draft rules send one of its orders where they do (issue 15:
 * "differences per order can be listed and opened, the trace of both"). The replay keeps no trace
 * (ADR 037), so the order is replayed again: every order before it under each of the two rule
 * sets, untraced, then this one traced, from the same starting stock the comparison used, read
 * again now. Stock that moved since can send it elsewhere than the report says: `matchesReport`
 * tells the page, which then asks for a new comparison rather than show reasons for another outcome.
 *
 * It runs in the web process that answers the click, so the replay yields to other requests every
 * PROGRESS_EVERY_ORDERS orders, as a comparison's does (docs/operations.md).
 */

/** One rule set's decision for the order, explained. */
export interface ExplainedSide {
  readonly status: RoutingDecision["status"];
  readonly locationIds: readonly string[];
  readonly sentences: readonly string[];
}

export type OrderExplanation =
  | {
      readonly ok: true;
      readonly orderId: string;
      readonly live: ExplainedSide;
      readonly draft: ExplainedSide;
      /** Both sides go where the comparison's report says they went. */
      readonly matchesReport: boolean;
    }
  | {
      readonly ok: false;
      /**
       * NOT_FOUND: no such comparison in this shop; NOT_DONE: still running or failed; LIVE_RULES_CHANGED:
       * the live rules are no longer the ones compared; NOT_IN_COMPARISON: the order is not one of
       * its orders (or its facts were redacted since).
       */
      readonly reason: "NOT_FOUND" | "NOT_DONE" | "LIVE_RULES_CHANGED" | "NOT_IN_COMPARISON";
    };

const NOT_ROUTABLE_SENTENCE = "This order could not be given to any router: it has no destination or no lines.";

export async function explainComparedOrder(
  shop: string,
  comparisonId: string,
  orderId: string,
): Promise<OrderExplanation> {
  const comparison = await findComparison(sqlPool, shop, comparisonId);
  if (comparison === null) return { ok: false, reason: "NOT_FOUND" };
  if (comparison.status !== "DONE") return { ok: false, reason: "NOT_DONE" };
  const live = await currentRoutingSettings(shop);
  if (live.version !== comparison.liveVersion) return { ok: false, reason: "LIVE_RULES_CHANGED" };
  // Opening hours as the comparison saw them: it ran when it was asked for (or moments after, as a job).
  const [{ recorded, snapshot }, places] = await Promise.all([
    loadReplay(sqlPool, shop, { from: comparison.rangeFrom, to: comparison.rangeTo }, comparison.createdAt),
    listPlaces(shop),
  ]);
  const position = recorded.findIndex((entry) => entry.facts.orderId === orderId);
  if (position < 0) return { ok: false, reason: "NOT_IN_COMPARISON" };
  const names = new Map(places.map((place) => [place.id, place.name]));
  const asRecorded = replayOrders(recorded, snapshot, undefined);
  const [liveRouter, draftRouter] = comparedRouters(live.settings, comparison.draftSettings);
  const explain = async (router: NonNullable<typeof liveRouter>): Promise<ExplainedSide> => {
    const run = new ReplayRun(
      recorded,
      snapshot,
      router,
      { storeMinUnits: live.settings.storeMinUnits, radiusMiles: live.settings.radiusMiles },
      asRecorded,
    );
    while (run.done < position) {
      run.advance(Math.min(PROGRESS_EVERY_ORDERS, position - run.done));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const decision = run.explainNext();
    if (decision === null) return { status: "UNROUTABLE", locationIds: [], sentences: [NOT_ROUTABLE_SENTENCE] };
    return {
      status: decision.status,
      locationIds: decision.assignments.map((assignment) => assignment.locationId),
      sentences: explainDecision(decision, { names }),
    };
  };
  const liveSide = await explain(liveRouter!);
  const draftSide = await explain(draftRouter!);
  const change = comparison.report?.changedOrders.listed.find((listed) => listed.orderId === orderId);
  return {
    ok: true,
    orderId,
    live: liveSide,
    draft: draftSide,
    matchesReport:
      change === undefined || (sameLocations(liveSide, change.live) && sameLocations(draftSide, change.draft)),
  };
}

function sameLocations(side: ExplainedSide, reported: OrderChange["live"]): boolean {
  const ids = (list: readonly string[]) => [...list].sort().join("\u0000");
  return (
    side.status === reported.status && ids(side.locationIds) === ids(reported.locations.map((location) => location.id))
  );
}
