import { randomUUID } from "node:crypto";
import type { OrderDeliveryMethod } from "@prisma/client";
import prisma, { sqlPool } from "~/db.server";
import type { Db } from "~/db/sql.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { routeOrder } from "~/domain/routing";
import type { Assignment, RoutingDecision } from "~/domain/routing/types";
import { requireNumericId, shopifyGid } from "~/domain/shopify-ids";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { engineRules } from "~/domain/routing-settings/settings";
import {
  clearReflectedReservations,
  reservationsPart,
  lockSkusForRouting,
  markReflectedAfterAndClear,
  markReservationsReflectedAfter,
  releaseReservations,
  type ReservationLine,
} from "~/models/inventory-reservations.server";
import {
  completeOrderFacts,
  findOrderFacts,
  orderFactsCompletionPart,
  upsertOrderFacts,
  type LearntOrderFacts,
  type OrderFacts,
} from "~/models/routed-orders.server";
import { releaseRoutingLease } from "~/models/routing-leases.server";
import { claimOrderForRouting } from "~/models/routing-run-start.server";
import {
  assignedLocationIds,
  createDecision,
  findDecision,
  finishDecisionAttempt,
  SETTLED_GATE,
  recordMove,
  setDecisionMoveStatus,
  type StoredDecision,
} from "~/models/routing-decisions.server";
import { AdminApiUnavailableError, AdminApiUserError } from "~/shopify/admin-api-errors";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { CostMeter } from "~/shopify/cost-meter";
import { moveFulfillmentOrder, type FulfillmentOrderMoved } from "~/shopify/operations/fulfillment-order-move.server";
import type { StoreTaskFulfillmentOrder } from "~/shopify/operations/fulfillment-order-for-store-task.server";
import {
  fetchFulfillmentOrdersForRouting,
  type RoutingFulfillmentOrder,
} from "~/shopify/operations/fulfillment-orders-for-routing.server";
import {
  fetchOrderFactsForRouting,
  fetchOrderIdOfFulfillmentOrder,
} from "~/shopify/operations/order-for-routing.server";
import { planMoves, type CurrentFulfillmentOrder, type PlannedMove } from "./plan-moves";
import { orderTakenByLocationsWrite } from "./orders-taken-today.server";
import { routingViewFor } from "./routing-view.server";
import { ROUTING_QUEUE_POLICY } from "./routing-queue-policy.server";
import {
  enqueueRouteOrder,
  enqueueRouteOrderLater,
  type RouteOrderJob,
  type RoutingTriggerJob,
} from "./routing-jobs.server";
import { isInventoryMirrorKnownReady, isInventoryMirrorReady } from "~/services/inventory/mirror-ready.server";
import { recordPickupOrderPromise } from "~/services/checkout-pickup/order-promise.server";
import {
  currentRoutingSettings,
  routingSettingsInForce,
  type CurrentRoutingSettings,
} from "~/services/routing-settings/settings.server";
import { enqueueStoreTaskSync, storeTaskSyncAfterRoutingCancelPart } from "~/services/store-tasks/sync-triggers.server";
import { syncTasksToAnswer, type AnsweredAt } from "~/services/store-tasks/sync-fulfillment-order.server";
import { storeSettingsInForce } from "~/services/store-tasks/store-settings.server";
import type { StoreSettings } from "~/domain/store-tasks/settings";

/**
 * The routing job: an order's facts, the mirror and the shop's settings go into the routing
 * engine once; the decision is stored with the units it reserves in one transaction; then
 * the order's fulfilment orders, read back from Shopify on every run, are moved where the
 * decision says. A re-run (retry, redelivery) finds the decision and the fulfilment orders
 * already in place, so nothing is decided or moved twice.
 */

export interface RoutingDependencies {
  client(shop: string, costMeter: CostMeter): AdminClient;
  now(): Date;
}

export const defaultRoutingDependencies: RoutingDependencies = {
  client: (shop, costMeter) => adminClientForShop(shop, { costMeter }),
  now: () => new Date(),
};

const CLOSED_STATUSES = new Set(["CLOSED", "CANCELLED", "INCOMPLETE"]);

function costOf(meter: CostMeter): { requested: number; actual: number } {
  const total = meter.total();
  return { requested: total.requested, actual: total.actual };
}

/** What this attempt spent, with what the runs before it (the trigger's lookup) carried over. */
function costSoFar(job: RouteOrderJob, meter: CostMeter): { requested: number; actual: number } {
  const cost = costOf(meter);
  return {
    requested: cost.requested + (job.triggerCost?.requested ?? 0),
    actual: cost.actual + (job.triggerCost?.actual ?? 0),
  };
}

/**
 * routing.resolve-trigger: finds the order of the assigned fulfilment order and routes it in this
 * job when no other run of that order is under way; otherwise queues its routing
 * (routing.route-order), which runs once the other has finished (decision 043). Returns the order's
 * id, or null when Shopify does not know the fulfilment order.
 */
export async function resolveRoutingTrigger(
  job: RoutingTriggerJob,
  deps: RoutingDependencies = defaultRoutingDependencies,
): Promise<string | null> {
  const meter = new CostMeter();
  const orderGidValue = await fetchOrderIdOfFulfillmentOrder(deps.client(job.shop, meter), job.fulfillmentOrderId);
  if (orderGidValue === null) return null;
  const orderId = requireNumericId(orderGidValue, "Order");
  const routed = await routeOrderIfFree({ shop: job.shop, orderId }, meter, deps, job.fulfillmentOrderId);
  if (routed === null) {
    await inSqlTransaction((tx) => enqueueRouteOrder(tx, { shop: job.shop, orderId, triggerCost: costOf(meter) }));
  }
  return orderId;
}

export type RouteOrderOutcome =
  | { kind: "UNKNOWN_ORDER" }
  | { kind: "CANCELLED" }
  | { kind: "NOTHING_TO_ROUTE" }
  /** The shop's first inventory sync has not finished: the order is queued again to be decided after it. */
  | { kind: "DEFERRED"; until: "INVENTORY_SYNCED" }
  /** Another run is routing the order: this one is queued again to look once it has finished. */
  | { kind: "BUSY" }
  | { kind: "ROUTED"; decision: StoredDecision; moveStatus: StoredDecision["moveStatus"] };

/**
 * How long a run's claim on its order lasts: as long as a routing job may run before pg-boss
 * fails it and retries, so a dead worker's claim has lapsed when its job comes round again.
 */
const ROUTING_LEASE_SECONDS = ROUTING_QUEUE_POLICY.expireInSeconds ?? 60;
/** How long a queued run waits for the run that holds its order before it looks again. */
const ROUTING_LEASE_RECHECK_SECONDS = 1;

/** routing.route-order. Throws AdminApiUnavailableError to be retried by pg-boss. */
export async function routeOrderJob(
  job: RouteOrderJob,
  deps: RoutingDependencies = defaultRoutingDependencies,
): Promise<RouteOrderOutcome> {
  const outcome = await routeOrderIfFree(job, new CostMeter(), deps);
  if (outcome) return outcome;
  // Another run (a trigger's, or a dead worker's until its claim lapses) holds the order: this
  // one looks again shortly, as a routing job queued behind a running one would have.
  await inSqlTransaction((tx) => enqueueRouteOrderLater(tx, job, ROUTING_LEASE_RECHECK_SECONDS));
  return { kind: "BUSY" };
}

/**
 * Routes the order unless another run holds it (null then). Two triggers of one order (one per
 * fulfilment order) must not move the same fulfilment order at once: the loser's error would
 * release the winner's reservations. The claim is given back with the attempt's last write.
 * `triggeredBy`, the fulfilment order a trigger names: the store-task sync queued with the trigger
 * to run after routing's turn is cancelled by that write when routing settled it (it would find
 * nothing to do).
 */
async function routeOrderIfFree(
  job: RouteOrderJob,
  meter: CostMeter,
  deps: RoutingDependencies,
  triggeredBy?: string,
): Promise<RouteOrderOutcome | null> {
  const holder = randomUUID();
  const start = await claimOrderForRouting(sqlPool, job.shop, job.orderId, {
    holder,
    now: deps.now(),
    seconds: ROUTING_LEASE_SECONDS,
  });
  if (!start) return null;
  const client = deps.client(job.shop, meter);
  let outcome: RouteOrderOutcome | undefined;
  try {
    // An order put off carries what was spent on it so far (the trigger's lookup) to its next run.
    outcome =
      (await deferredUntilMirrorSynced({ ...job, triggerCost: costSoFar(job, meter) }, deps)) ??
      (await routeAndMove(job.shop, job.orderId, client, deps, {
        facts: start.facts,
        decision: start.decision,
        routingSettings: routingSettingsInForce(start.routingSettings),
        storeSettings: storeSettingsInForce(start.storeSettings),
      }));
    return outcome;
  } finally {
    // Whatever happened, the points this attempt spent count against the order; written with
    // the move status the attempt settled, when it did, and the claim given back, in one statement.
    const cost = costSoFar(job, meter);
    const end = {
      ...(outcome?.kind === "ROUTED" ? { moveStatus: outcome.moveStatus } : {}),
      ...(cost.requested > 0 || cost.actual > 0 ? { cost } : {}),
    };
    const whenSettled = triggeredBy
      ? {
          fulfillmentOrderId: shopifyGid("FulfillmentOrder", triggeredBy),
          writes: [
            (first: number) =>
              storeTaskSyncAfterRoutingCancelPart(job.shop, triggeredBy, { first, gate: SETTLED_GATE }),
          ],
        }
      : undefined;
    await finishDecisionAttempt(sqlPool, job.shop, job.orderId, end, holder, whenSettled).catch(
      async (error: unknown) => {
        // The claim must not outlive the attempt for want of that statement: the next run would
        // wait for it to lapse.
        await releaseRoutingLease(sqlPool, job.shop, job.orderId, holder).catch(() => undefined);
        throw error;
      },
    );
  }
}

/** How often an order waiting for the shop's first inventory sync looks again. */
export const MIRROR_WAIT_RECHECK_SECONDS = 5;
/**
 * How long an order waits for it at most: longer than a national first sync takes, shorter than
 * a merchant would leave orders unrouted. A sync failing past it (its job dead-lettered) leaves the
 * orders decided over what the mirror holds, unroutable ones flagged, rather than silently stuck.
 */
export const MIRROR_WAIT_LIMIT_MS = 60 * 60_000;

/**
 * Orders that arrive during the shop's first inventory sync (the install's) are not decided over
 * the empty or half-written mirror: the job queues the order again a few seconds later, carrying
 * when it first waited and the trigger's cost, until the sync has finished. An order already
 * decided never waits (its retry only carries out the decision). Once the shop's mirror is known
 * synced, this costs nothing.
 */
async function deferredUntilMirrorSynced(
  job: RouteOrderJob,
  deps: RoutingDependencies,
): Promise<RouteOrderOutcome | null> {
  const { shop, orderId } = job;
  if (isInventoryMirrorKnownReady(shop) || (await isInventoryMirrorReady(shop))) return null;
  if (await findDecision(sqlPool, shop, orderId)) return null;
  const now = deps.now();
  const since = job.deferredSince ? new Date(job.deferredSince) : now;
  if (now.getTime() - since.getTime() >= MIRROR_WAIT_LIMIT_MS) {
    console.warn(
      `[routing] ${shop} order ${orderId}: the inventory mirror is still not synced after ${MIRROR_WAIT_LIMIT_MS / 60_000} min; deciding over what it holds`,
    );
    return null;
  }
  await inSqlTransaction((tx) =>
    enqueueRouteOrderLater(tx, { ...job, deferredSince: since.toISOString() }, MIRROR_WAIT_RECHECK_SECONDS),
  );
  return { kind: "DEFERRED", until: "INVENTORY_SYNCED" };
}

/** What a run read as it claimed its order (claimOrderForRouting), the settings' defaults filled in. */
interface RunStart {
  facts: OrderFacts | null;
  /** The decision an earlier run made, read with the claim. */
  decision: StoredDecision | null;
  routingSettings: CurrentRoutingSettings;
  storeSettings: StoreSettings;
}

async function routeAndMove(
  shop: string,
  orderId: string,
  client: AdminClient,
  deps: RoutingDependencies,
  start: RunStart,
): Promise<RouteOrderOutcome> {
  const facts = start.facts ?? (await fetchOrderFacts(shop, orderId, client));
  if (!facts) return { kind: "UNKNOWN_ORDER" };
  if (facts.cancelledAt) {
    await inSqlTransaction(async (tx) => {
      await releaseReservations(tx, shop, orderId, "CANCELLED");
      await setDecisionMoveStatus(tx, shop, orderId, "NONE");
    });
    return { kind: "CANCELLED" };
  }

  // Read back on every run: what Shopify holds now is what the moves start from.
  const read = await fetchFulfillmentOrdersForRouting(client, shopifyGid("Order", orderId), {
    expectedLineItems: facts.lines.length,
  });
  if (!read) return { kind: "UNKNOWN_ORDER" };
  const open = read.fulfillmentOrders.filter(
    (fo) => !CLOSED_STATUSES.has(fo.status) && fo.lineItems.some((line) => line.remainingQuantity > 0),
  );

  // Decided once: a later run (a retry, a second trigger) gets the decision made. With nothing
  // left open, only a decision made before is carried out.
  const decision =
    open.length > 0
      ? await decideOrder(
          shop,
          facts,
          deps.now(),
          read.checkoutPromise,
          learntFromFulfillmentOrders(facts, open),
          start.routingSettings,
          { decision: start.decision },
        )
      : start.decision;
  if (!decision) return { kind: "NOTHING_TO_ROUTE" };
  // The move status an outcome ROUTED carries is written by routeOrderJob, with the attempt's cost.
  if (decision.status === "UNROUTABLE") return { kind: "ROUTED", decision, moveStatus: "NONE" };
  const moveStatus = await carryOut(shop, orderId, facts, decision, open, client, deps, start.storeSettings);
  return { kind: "ROUTED", decision, moveStatus };
}

/** The order's facts from the Admin API, kept, when orders/create has not brought them. */
async function fetchOrderFacts(shop: string, orderId: string, client: AdminClient): Promise<OrderFacts | null> {
  const fetched = await fetchOrderFactsForRouting(client, orderId);
  if (!fetched) return null;
  const facts: OrderFacts = {
    orderId: fetched.orderId,
    name: fetched.name,
    placedAt: fetched.placedAt,
    deliveryMethod: null,
    pickupLocationId: null,
    shippingLineTitle: fetched.shippingLine?.title ?? null,
    shippingLineCode: fetched.shippingLine?.code ?? null,
    latitude: fetched.latitude,
    longitude: fetched.longitude,
    lines: fetched.lines,
    customerId: fetched.customerId,
    confirmationNumber: fetched.confirmationNumber,
    cancelledAt: fetched.cancelledAt,
  };
  await upsertOrderFacts(prisma, shop, facts, "ADMIN_API");
  return (await findOrderFacts(prisma, shop, orderId)) ?? facts;
}

/**
 * The delivery method and pickup store, as the fulfilment orders say before routing moves
 * them: a pickup order's fulfilment order is at the store the shopper chose. Null when the facts
 * already hold them (orders/create's, or an earlier run's).
 */
function learntFromFulfillmentOrders(
  facts: OrderFacts,
  fulfillmentOrders: readonly RoutingFulfillmentOrder[],
): LearntOrderFacts | null {
  if (facts.deliveryMethod !== null) return null;
  const methods = fulfillmentOrders.map((fo) => fo.deliveryMethod);
  const pickup = fulfillmentOrders.find((fo) => fo.deliveryMethod === "PICK_UP");
  const deliveryMethod: OrderDeliveryMethod = pickup
    ? "PICK_UP"
    : methods.includes("LOCAL")
      ? "LOCAL_DELIVERY"
      : "SHIPPING";
  const pickupLocationId = pickup?.locationId ? requireNumericId(pickup.locationId, "Location") : null;
  return { deliveryMethod, pickupLocationId, latitude: facts.latitude, longitude: facts.longitude };
}

function reservationsOf(assignments: readonly Assignment[]): ReservationLine[] {
  return assignments.flatMap((assignment) =>
    assignment.lines.map((line) => ({ locationId: assignment.locationId, sku: line.sku, quantity: line.quantity })),
  );
}

/**
 * Decides the order once. Decisions taking the same SKUs serialise on their (shop, SKU)
 * locks, so each reads the mirror and the reservations of those before it: concurrent orders
 * for a store's last units cannot all be sent there. `checkoutPromise` is the order's
 * pickup_promise metafield (the promise checkout showed, signed), which the promise recorded
 * with a pickup order keeps when it holds. `learnt` is what routing read of the order from its
 * fulfilment orders, decided on and recorded with the decision. `routingSettings` are the ones in
 * force, read with the run's claim; read here when not given. `claimed` is given by a run that
 * holds the order's claim (claimOrderForRouting), with the decision it read as it took it: only
 * such a run decides the order, so none made since. Without it the decision is looked for under
 * the locks, for callers that decide without a claim.
 */
export async function decideOrder(
  shop: string,
  recordedFacts: OrderFacts,
  now: Date,
  checkoutPromise: string | null = null,
  learnt: LearntOrderFacts | null = null,
  routingSettings?: CurrentRoutingSettings,
  claimed?: { decision: StoredDecision | null },
): Promise<StoredDecision> {
  const facts = learnt ? { ...recordedFacts, ...learnt } : recordedFacts;
  if (claimed?.decision) {
    if (learnt) await completeOrderFacts(sqlPool, shop, facts.orderId, learnt);
    return claimed.decision;
  }
  const { settings, version } = routingSettings ?? (await currentRoutingSettings(shop));
  const skus = [...new Set(facts.lines.map((line) => line.sku))];
  return inSqlTransaction(async (tx) => {
    await lockSkusForRouting(tx, shop, skus);
    const existing = claimed ? null : await findDecision(tx, shop, facts.orderId);
    if (existing) {
      if (learnt) await completeOrderFacts(tx, shop, facts.orderId, learnt);
      return existing;
    }
    const { locations, timeZones } = await routingViewFor(tx, shop, skus, now);
    // Decided once, so recorded once: the promise the shopper's chosen store gave at checkout.
    await recordPickupOrderPromise(tx, shop, facts, locations, settings.storeMinUnits, checkoutPromise);
    const { deliveryMethod, serviceLevel, order } = engineOrderOfRecorded(facts, settings, locations);
    const decision: RoutingDecision | null =
      order === null ? null : routeOrder({ order, locations, rules: engineRules(settings) });
    const assignments = decision?.assignments ?? [];
    return createDecision(
      tx,
      shop,
      {
        orderId: facts.orderId,
        status: decision?.status ?? "UNROUTABLE",
        assignments,
        flags: decision?.flags ?? ["OUT_OF_STOCK"],
        unroutableSkus: decision?.unroutableSkus ?? skus,
        trace: decision?.trace ?? { stages: [], problem: "The order has no destination or no lines with a SKU." },
        deliveryMethod,
        serviceLevel,
        settingsVersion: version,
        decidedAt: now,
        moveStatus: decision && decision.status !== "UNROUTABLE" ? "PENDING" : "NONE",
      },
      // What routing learnt of the order, its reservations and the day's counts go in the
      // decision's own statement (decision 047).
      [
        (first) => (learnt ? orderFactsCompletionPart(shop, facts.orderId, learnt, first) : null),
        (first) => reservationsPart(shop, facts.orderId, reservationsOf(assignments), first),
        orderTakenByLocationsWrite(shop, assignedLocationIds(assignments), now, timeZones),
      ],
    );
  });
}

function currentFulfillmentOrders(fulfillmentOrders: readonly RoutingFulfillmentOrder[]): CurrentFulfillmentOrder[] {
  return fulfillmentOrders.map((fo) => ({
    id: fo.id,
    locationId: fo.locationId ? requireNumericId(fo.locationId, "Location") : null,
    movable: fo.supportedActions.includes("MOVE"),
    lineItems: fo.lineItems.map((line) => ({ id: line.id, sku: line.sku, remainingQuantity: line.remainingQuantity })),
  }));
}

function isAlreadyThere(error: AdminApiUserError): boolean {
  return error.userErrors.some((userError) => /already assigned/i.test(userError.message));
}

/** Moves what is not where the decision says; returns the decision's move status, for the caller to store. */
async function carryOut(
  shop: string,
  orderId: string,
  facts: OrderFacts,
  decision: StoredDecision,
  open: readonly RoutingFulfillmentOrder[],
  client: AdminClient,
  deps: RoutingDependencies,
  storeSettings: StoreSettings,
): Promise<StoredDecision["moveStatus"]> {
  const plan = planMoves(currentFulfillmentOrders(open), decision.assignments);

  // Without stays there is nothing to mark here, and each move clears what it reflects itself:
  // no transaction (three round trips) for nothing.
  if (plan.stays.length > 0) {
    const answered = { at: deps.now(), storeSettings };
    await inSqlTransaction(async (tx) => {
      for (const stay of plan.stays) {
        // Shopify committed these units here when the order was placed (or by an earlier move).
        await markReservationsReflectedAfter(tx, shop, orderId, stay.locationId, facts.placedAt);
        await recordMove(tx, shop, {
          orderId,
          fulfillmentOrderId: stay.fulfillmentOrderId,
          fromLocationId: stay.locationId,
          toLocationId: stay.locationId,
          lineItems: null,
          status: "ALREADY_THERE",
          attempted: false,
        });
        // Settled here: the store there (if it is one) gets its task, from this run's read.
        const read = open.find((fo) => fo.id === stay.fulfillmentOrderId)?.asStoreTask ?? null;
        await syncTasksOf(tx, shop, stay.fulfillmentOrderId, read, answered);
      }
      await clearReflectedReservations(tx, shop, { orderId });
    });
  }

  let failed = false;
  for (const move of plan.moves) {
    // A whole fulfilment order moved keeps every line item it had.
    const lineItems = move.lineItems ?? open.find((fo) => fo.id === move.fulfillmentOrderId)?.lineItems;
    const ok = await performMove(shop, orderId, move, lineItems?.length, client, deps, storeSettings);
    if (!ok) failed = true;
  }
  return failed ? "FAILED" : "DONE";
}

/**
 * Brings a fulfilment order routing settled in step with its store tasks, in the transaction
 * recording it: from what Shopify answered this run (decision 045), which saves a sync job reading
 * it back; by that job when the answer did not hold all its line items.
 */
async function syncTasksOf(
  tx: Db,
  shop: string,
  fulfillmentOrderId: string,
  read: StoreTaskFulfillmentOrder | null,
  answered: AnsweredAt,
): Promise<void> {
  if (read) await syncTasksToAnswer(tx, shop, read, answered);
  else await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
}

/**
 * The store tasks of a move's fulfilment orders: the moved one's from the move's own answer; the
 * one it left, when the move split it, by a sync job.
 */
async function syncTasksOfMove(
  tx: Db,
  shop: string,
  move: PlannedMove,
  moved: FulfillmentOrderMoved["moved"],
  answered: AnsweredAt,
): Promise<void> {
  if (
    requireNumericId(moved.id, "FulfillmentOrder") !== requireNumericId(move.fulfillmentOrderId, "FulfillmentOrder")
  ) {
    await enqueueStoreTaskSync(tx, shop, move.fulfillmentOrderId);
  }
  await syncTasksOf(tx, shop, moved.id, moved.asStoreTask, answered);
}

async function performMove(
  shop: string,
  orderId: string,
  move: PlannedMove,
  expectedMovedLineItems: number | undefined,
  client: AdminClient,
  deps: RoutingDependencies,
  storeSettings: StoreSettings,
): Promise<boolean> {
  const base = {
    orderId,
    fulfillmentOrderId: move.fulfillmentOrderId,
    fromLocationId: move.fromLocationId,
    toLocationId: move.toLocationId,
    lineItems: move.lineItems,
  };
  if (!move.movable) {
    await inSqlTransaction(async (tx) => {
      await recordMove(tx, shop, {
        ...base,
        status: "FAILED",
        error: "Shopify does not offer to move this fulfilment order (it may be in progress or on hold).",
        attempted: false,
      });
      await releaseReservations(tx, shop, orderId, "MOVE_FAILED", move.toLocationId);
    });
    return false;
  }
  const startedAt = deps.now();
  // Recorded as under way before it is sent: a fulfillment_orders/moved that overtakes the answer
  // finds it, and while this run holds the order leaves its store tasks to it (decision 045).
  await recordMove(sqlPool, shop, { ...base, status: "PENDING", attempted: true });
  try {
    const result = await moveFulfillmentOrder(client, {
      fulfillmentOrderId: move.fulfillmentOrderId,
      newLocationId: shopifyGid("Location", move.toLocationId),
      ...(move.lineItems ? { lineItems: move.lineItems } : {}),
      ...(expectedMovedLineItems ? { expectedMovedLineItems } : {}),
    });
    const answered: AnsweredAt = { at: deps.now(), storeSettings };
    await inSqlTransaction(async (tx) => {
      await recordMove(tx, shop, {
        ...base,
        status: "MOVED",
        movedFulfillmentOrderId: result.moved.id,
        attempted: false,
      });
      // The destination's task, and the origin's (ended, or left with the lines that stayed).
      await syncTasksOfMove(tx, shop, move, result.moved, answered);
      await markReflectedAfterAndClear(tx, shop, orderId, move.toLocationId, startedAt);
    });
    return true;
  } catch (error) {
    if (error instanceof AdminApiUserError) {
      const already = isAlreadyThere(error);
      await inSqlTransaction(async (tx) => {
        await recordMove(tx, shop, {
          ...base,
          status: already ? "ALREADY_THERE" : "FAILED",
          error: already ? null : error.message,
          attempted: false,
        });
        if (already) {
          await markReservationsReflectedAfter(tx, shop, orderId, move.toLocationId, startedAt);
          await enqueueStoreTaskSync(tx, shop, move.fulfillmentOrderId);
        } else await releaseReservations(tx, shop, orderId, "MOVE_FAILED", move.toLocationId);
      });
      return already;
    }
    if (error instanceof AdminApiUnavailableError) {
      // Pending: the job fails and pg-boss retries it; the retry reads back where it is.
      await recordMove(sqlPool, shop, { ...base, status: "PENDING", error: error.message, attempted: false });
    }
    throw error;
  }
}
