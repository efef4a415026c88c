import type { DecisionMoveStatus, FulfillmentMoveStatus, RoutingDecisionStatus } from "@prisma/client";
import prisma from "~/db.server";
import { explainDecision } from "~/domain/routing";
import type { Assignment, RoutingDecision, RoutingFlag, RoutingTrace } from "~/domain/routing/types";
import { roundCents } from "~/domain/money";
import { listLiveLocations } from "~/models/locations.server";
import { findOrderFacts } from "~/models/routed-orders.server";
import { findDecision, listDecisions, listMovesOfOrder } from "~/models/routing-decisions.server";
import { enqueueRouteOrderNow } from "./routing-jobs.server";

/** The Orders page's reads: recent routing decisions, one decision with its reasons, retries. */

export interface RoutedOrderRow {
  orderId: string;
  /** "#1001"; the order id when the order's facts are gone. */
  name: string;
  placedAt: Date | null;
  decidedAt: Date;
  status: RoutingDecisionStatus;
  deliveryMethod: string;
  serviceLevel: string;
  chosenLocationIds: string[];
  chosenLocationNames: string[];
  /** Sum of the assignments' cost(L), dollars. */
  cost: number;
  flags: RoutingFlag[];
  moveStatus: DecisionMoveStatus;
  /** Admin API points the routing job spent on the order. */
  apiCostPoints: number;
}

export interface RoutedOrderPage {
  rows: RoutedOrderRow[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

export interface ListRoutedOrdersOptions {
  status?: RoutingDecisionStatus;
  flag?: RoutingFlag;
  moveStatus?: DecisionMoveStatus;
  take: number;
  cursor?: string;
}

async function locationNames(shop: string): Promise<Map<string, string>> {
  const locations = await listLiveLocations(prisma, shop);
  return new Map(locations.map((location) => [location.locationId, location.name]));
}

/** Most recent decisions first, filtered by status, flag or move status. */
export async function listRoutedOrders(shop: string, options: ListRoutedOrdersOptions): Promise<RoutedOrderPage> {
  const take = Math.max(1, Math.min(options.take, 200));
  const decisions = await listDecisions(prisma, shop, { ...options, take: take + 1 });
  const page = decisions.slice(0, take);
  const names = await locationNames(shop);
  const rows = await Promise.all(
    page.map(async (decision): Promise<RoutedOrderRow> => {
      const facts = await findOrderFacts(prisma, shop, decision.orderId);
      const assignments = decision.assignments;
      const chosenLocationIds = assignments.map((assignment) => assignment.locationId);
      return {
        orderId: decision.orderId,
        name: facts?.name ?? decision.orderId,
        placedAt: facts?.placedAt ?? null,
        decidedAt: decision.decidedAt,
        status: decision.status,
        deliveryMethod: decision.deliveryMethod,
        serviceLevel: decision.serviceLevel,
        chosenLocationIds,
        chosenLocationNames: chosenLocationIds.map((id) => names.get(id) ?? id),
        cost: roundCents(assignments.reduce((sum, assignment) => sum + assignment.cost, 0)),
        flags: decision.flags,
        moveStatus: decision.moveStatus,
        apiCostPoints: decision.costActual,
      };
    }),
  );
  return { rows, nextCursor: decisions.length > take ? (page.at(-1)?.id ?? null) : null };
}

export interface RoutedOrderMove {
  fulfillmentOrderId: string;
  fromLocationId: string;
  fromLocationName: string;
  toLocationId: string;
  toLocationName: string;
  lineItems: { id: string; quantity: number }[] | null;
  status: FulfillmentMoveStatus;
  error: string | null;
  attempts: number;
  updatedAt: Date;
}

export interface RoutedOrderDetail extends RoutedOrderRow {
  assignments: (Assignment & { locationName: string })[];
  unroutableSkus: string[];
  settingsVersion: number | null;
  trace: RoutingTrace;
  /** The trace as sentences, with location names. */
  explanation: string[];
  moves: RoutedOrderMove[];
  lines: { sku: string; quantity: number }[];
  cancelledAt: Date | null;
}

/** One order's decision with its trace explained and its moves; null when it was not routed. */
export async function getRoutedOrder(shop: string, orderId: string): Promise<RoutedOrderDetail | null> {
  const decision = await findDecision(prisma, shop, orderId);
  if (!decision) return null;
  const [facts, moves, names] = await Promise.all([
    findOrderFacts(prisma, shop, orderId),
    listMovesOfOrder(prisma, shop, orderId),
    locationNames(shop),
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const assignments = decision.assignments;
  const engineDecision: RoutingDecision = {
    orderId,
    status: decision.status,
    assignments,
    flags: decision.flags,
    unroutableSkus: decision.unroutableSkus,
    trace: { stages: decision.trace.stages },
  };
  return {
    orderId,
    name: facts?.name ?? orderId,
    placedAt: facts?.placedAt ?? null,
    decidedAt: decision.decidedAt,
    status: decision.status,
    deliveryMethod: decision.deliveryMethod,
    serviceLevel: decision.serviceLevel,
    chosenLocationIds: assignments.map((assignment) => assignment.locationId),
    chosenLocationNames: assignments.map((assignment) => nameOf(assignment.locationId)),
    cost: roundCents(assignments.reduce((sum, assignment) => sum + assignment.cost, 0)),
    flags: decision.flags,
    moveStatus: decision.moveStatus,
    apiCostPoints: decision.costActual,
    assignments: assignments.map((assignment) => ({ ...assignment, locationName: nameOf(assignment.locationId) })),
    unroutableSkus: decision.unroutableSkus,
    settingsVersion: decision.settingsVersion,
    trace: engineDecision.trace,
    // Merchants know an order by its name (#1001), not its id.
    explanation: explainDecision({ ...engineDecision, orderId: facts?.name ?? orderId }, { names }),
    moves: moves.map((move) => ({
      fulfillmentOrderId: move.fulfillmentOrderId,
      fromLocationId: move.fromLocationId,
      fromLocationName: nameOf(move.fromLocationId),
      toLocationId: move.toLocationId,
      toLocationName: nameOf(move.toLocationId),
      lineItems: move.lineItems,
      status: move.status,
      error: move.error,
      attempts: move.attempts,
      updatedAt: move.updatedAt,
    })),
    lines: facts?.lines ?? [],
    cancelledAt: facts?.cancelledAt ?? null,
  };
}

export type RetryMovesResult = "QUEUED" | "ALREADY_QUEUED" | "NOT_ROUTED";

/**
 * Runs the order's routing job again: the decision stands, its fulfilment orders are read
 * back from Shopify and whatever is not yet where it was decided is moved.
 */
export async function retryFailedMoves(shop: string, orderId: string): Promise<RetryMovesResult> {
  const decision = await findDecision(prisma, shop, orderId);
  if (!decision) return "NOT_ROUTED";
  return (await enqueueRouteOrderNow({ shop, orderId })) ? "QUEUED" : "ALREADY_QUEUED";
}
