import type {
  DecisionMoveStatus,
  FulfillmentMoveStatus,
  OrderDeliveryMethod,
  Prisma,
  RoutingDecisionStatus,
} from "@prisma/client";

type Db = Prisma.TransactionClient;

/** A routing decision as stored (assignments and trace are app/domain/routing JSON). */
export interface StoredDecision {
  id: string;
  orderId: string;
  status: RoutingDecisionStatus;
  assignments: Prisma.JsonValue;
  flags: string[];
  unroutableSkus: string[];
  trace: Prisma.JsonValue;
  deliveryMethod: OrderDeliveryMethod;
  serviceLevel: string;
  settingsVersion: number | null;
  decidedAt: Date;
  moveStatus: DecisionMoveStatus;
  costRequested: number;
  costActual: number;
}

export interface NewDecision {
  orderId: string;
  status: RoutingDecisionStatus;
  assignments: Prisma.InputJsonValue;
  flags: string[];
  unroutableSkus: string[];
  trace: Prisma.InputJsonValue;
  deliveryMethod: OrderDeliveryMethod;
  serviceLevel: string;
  settingsVersion: number | null;
  decidedAt: Date;
  moveStatus: DecisionMoveStatus;
}

const DECISION_FIELDS = {
  id: true,
  orderId: true,
  status: true,
  assignments: true,
  flags: true,
  unroutableSkus: true,
  trace: true,
  deliveryMethod: true,
  serviceLevel: true,
  settingsVersion: true,
  decidedAt: true,
  moveStatus: true,
  costRequested: true,
  costActual: true,
} as const;

export function findDecision(db: Db, shop: string, orderId: string): Promise<StoredDecision | null> {
  return db.routingDecision.findUnique({ where: { shop_orderId: { shop, orderId } }, select: DECISION_FIELDS });
}

export function findDecisionsOfOrders(db: Db, shop: string, orderIds: string[]): Promise<StoredDecision[]> {
  return db.routingDecision.findMany({ where: { shop, orderId: { in: orderIds } }, select: DECISION_FIELDS });
}

/** Stores the order's one decision; the unique (shop, orderId) refuses a second. */
export function createDecision(db: Db, shop: string, decision: NewDecision): Promise<StoredDecision> {
  return db.routingDecision.create({ data: { shop, ...decision }, select: DECISION_FIELDS });
}

export async function setDecisionMoveStatus(
  db: Db,
  shop: string,
  orderId: string,
  moveStatus: DecisionMoveStatus,
): Promise<void> {
  await db.routingDecision.updateMany({ where: { shop, orderId }, data: { moveStatus } });
}

/** Adds a job attempt's Admin API cost to the order's. */
export async function addDecisionCost(
  db: Db,
  shop: string,
  orderId: string,
  cost: { requested: number; actual: number },
): Promise<void> {
  await db.routingDecision.updateMany({
    where: { shop, orderId },
    data: { costRequested: { increment: cost.requested }, costActual: { increment: cost.actual } },
  });
}

export interface DecisionListFilter {
  status?: RoutingDecisionStatus;
  flag?: string;
  moveStatus?: DecisionMoveStatus;
  take: number;
  /** The id of the last row of the previous page. */
  cursor?: string;
}

export function listDecisions(db: Db, shop: string, filter: DecisionListFilter) {
  return db.routingDecision.findMany({
    where: {
      shop,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.flag ? { flags: { has: filter.flag } } : {}),
      ...(filter.moveStatus ? { moveStatus: filter.moveStatus } : {}),
    },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: filter.take,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: DECISION_FIELDS,
  });
}

// ---------------------------------------------------------------------------
// Fulfilment-order moves
// ---------------------------------------------------------------------------

export interface StoredMove {
  id: string;
  orderId: string;
  fulfillmentOrderId: string;
  fromLocationId: string;
  toLocationId: string;
  lineItems: Prisma.JsonValue;
  status: FulfillmentMoveStatus;
  error: string | null;
  attempts: number;
  movedFulfillmentOrderId: string | null;
  updatedAt: Date;
}

export interface MoveRecord {
  orderId: string;
  fulfillmentOrderId: string;
  fromLocationId: string;
  toLocationId: string;
  lineItems: { id: string; quantity: number }[] | null;
  status: FulfillmentMoveStatus;
  error?: string | null;
  movedFulfillmentOrderId?: string | null;
  /** Whether this record is a new attempt at the mutation. */
  attempted: boolean;
}

/** Records a move's latest outcome, one row per (fulfilment order, destination). */
export async function recordMove(db: Db, shop: string, move: MoveRecord): Promise<void> {
  const values = {
    orderId: move.orderId,
    fromLocationId: move.fromLocationId,
    lineItems: move.lineItems ?? undefined,
    status: move.status,
    error: move.error ?? null,
    ...(move.movedFulfillmentOrderId ? { movedFulfillmentOrderId: move.movedFulfillmentOrderId } : {}),
  };
  await db.fulfillmentMove.upsert({
    where: {
      shop_fulfillmentOrderId_toLocationId: {
        shop,
        fulfillmentOrderId: move.fulfillmentOrderId,
        toLocationId: move.toLocationId,
      },
    },
    create: {
      shop,
      fulfillmentOrderId: move.fulfillmentOrderId,
      toLocationId: move.toLocationId,
      ...values,
      attempts: move.attempted ? 1 : 0,
    },
    update: { ...values, ...(move.attempted ? { attempts: { increment: 1 } } : {}) },
  });
}

export function listMovesOfOrder(db: Db, shop: string, orderId: string): Promise<StoredMove[]> {
  return db.fulfillmentMove.findMany({ where: { shop, orderId }, orderBy: { createdAt: "asc" } });
}

export function listMovesOfOrders(db: Db, shop: string, orderIds: string[]): Promise<StoredMove[]> {
  return db.fulfillmentMove.findMany({ where: { shop, orderId: { in: orderIds } }, orderBy: { createdAt: "asc" } });
}

/**
 * A fulfillment_orders/moved confirms a move the job recorded as pending or failed (its
 * answer lost). Returns the order it belongs to, or null when the app made no such move.
 */
export async function confirmMove(
  db: Db,
  shop: string,
  move: { fulfillmentOrderId: string; toLocationId: string; movedFulfillmentOrderId: string },
): Promise<string | null> {
  const held = await db.fulfillmentMove.findUnique({
    where: {
      shop_fulfillmentOrderId_toLocationId: {
        shop,
        fulfillmentOrderId: move.fulfillmentOrderId,
        toLocationId: move.toLocationId,
      },
    },
    select: { orderId: true, status: true },
  });
  if (!held) return null;
  if (held.status === "PENDING" || held.status === "FAILED") {
    await db.fulfillmentMove.update({
      where: {
        shop_fulfillmentOrderId_toLocationId: {
          shop,
          fulfillmentOrderId: move.fulfillmentOrderId,
          toLocationId: move.toLocationId,
        },
      },
      data: { status: "MOVED", error: null, movedFulfillmentOrderId: move.movedFulfillmentOrderId },
    });
  }
  return held.orderId;
}

/** Decisions that assigned locations since `since`, for counting the orders each took today. */
export function assignmentsDecidedSince(db: Db, shop: string, since: Date, exceptOrderId?: string) {
  return db.routingDecision.findMany({
    where: {
      shop,
      decidedAt: { gte: since },
      status: { in: ["ROUTED", "SPLIT"] },
      ...(exceptOrderId ? { orderId: { not: exceptOrderId } } : {}),
    },
    select: { decidedAt: true, assignments: true },
  });
}

/** The location ids a stored decision's assignments name, in order; none for anything malformed. */
export function assignedLocationIds(assignments: Prisma.JsonValue): string[] {
  if (!Array.isArray(assignments)) return [];
  return assignments.flatMap((assignment) =>
    typeof assignment === "object" &&
    assignment !== null &&
    "locationId" in assignment &&
    typeof assignment.locationId === "string"
      ? [assignment.locationId]
      : [],
  );
}
