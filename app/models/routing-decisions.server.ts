import type {
  DecisionMoveStatus,
  FulfillmentMoveStatus,
  OrderDeliveryMethod,
  Prisma,
  RoutingDecisionStatus,
} from "@prisma/client";
import type { Assignment, RoutingFlag } from "~/domain/routing/types";
import {
  assignmentsSchema,
  flagsSchema,
  moveLineItemsSchema,
  traceSchema,
  type MoveLineItems,
  type StoredTrace,
} from "./routing-decision-json";
import { readStoredJson, toStoredJson } from "./stored-json";
import { sideWriteCtes, type SideWrite, type StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db } from "~/db/sql.server";

/** A routing decision as stored, its JSON read back (see routing-decision-json.ts). */
export interface StoredDecision {
  id: string;
  orderId: string;
  status: RoutingDecisionStatus;
  assignments: Assignment[];
  flags: RoutingFlag[];
  unroutableSkus: string[];
  trace: StoredTrace;
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
  assignments: readonly Assignment[];
  flags: readonly RoutingFlag[];
  unroutableSkus: readonly string[];
  trace: StoredTrace;
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

type DecisionRow = Prisma.RoutingDecisionGetPayload<{ select: typeof DECISION_FIELDS }>;

/** Throws UnreadableRowError, naming the decision, when its assignments, flags or trace do not parse. */
function readDecision(row: DecisionRow): StoredDecision {
  const of = (field: string) => ({ table: "RoutingDecision" as const, id: row.id, field });
  return {
    ...row,
    assignments: readStoredJson(assignmentsSchema, row.assignments, of("assignments")),
    flags: readStoredJson(flagsSchema, row.flags, of("flags")),
    trace: readStoredJson(traceSchema, row.trace, of("trace")),
  };
}

/** The decision's columns as DECISION_FIELDS names them, for the statements written in SQL. */
const DECISION_COLUMNS = Object.keys(DECISION_FIELDS)
  .map((field) => `"${field}"`)
  .join(", ");

/**
 * The order's decision ($1 shop, $2 order), its columns prefixed `decision.` so that it can join
 * another statement's row (claimOrderForRouting); read back with {@link readDecisionJoined}.
 */
export const DECISION_OF_ORDER_JOINED_SQL = `SELECT ${Object.keys(DECISION_FIELDS)
  .map((field) => `"${field}" AS "decision.${field}"`)
  .join(", ")} FROM "RoutingDecision" WHERE "shop" = $1 AND "orderId" = $2`;

export type JoinedDecisionColumns = { [Field in keyof DecisionRow as `decision.${Field}`]: DecisionRow[Field] | null };

/** The decision a row joined with DECISION_OF_ORDER_JOINED_SQL carries; null when the order has none. */
export function readDecisionJoined(row: JoinedDecisionColumns): StoredDecision | null {
  if (row["decision.id"] === null) return null;
  const decision = Object.fromEntries(
    Object.keys(DECISION_FIELDS).map((field) => [field, row[`decision.${field}` as keyof JoinedDecisionColumns]]),
  );
  // Every column of DecisionRow, and the id says the row is there: the others are as stored.
  return readDecision(decision as DecisionRow);
}

export async function findDecision(db: Db, shop: string, orderId: string): Promise<StoredDecision | null> {
  const [row] = await sqlRows<DecisionRow>(
    db,
    `SELECT ${DECISION_COLUMNS} FROM "RoutingDecision" WHERE "shop" = $1 AND "orderId" = $2`,
    [shop, orderId],
  );
  return row ? readDecision(row) : null;
}

export async function findDecisionsOfOrders(
  db: Prisma.TransactionClient,
  shop: string,
  orderIds: string[],
): Promise<StoredDecision[]> {
  const rows = await db.routingDecision.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: DECISION_FIELDS,
  });
  return rows.map(readDecision);
}

/** A write made in the decision's statement, its placeholders numbered from `first`; null for none. */
export type DecisionSideWrite = (first: number) => StatementPart | null;

/**
 * Stores the order's one decision; the unique (shop, orderId) refuses a second, and with it the
 * writes `alongside`, which go in the same statement (decision 047): what routing learnt of the
 * order, the reservations and the day's counts a decision makes cost no round trips of their own.
 */
export async function createDecision(
  db: Db,
  shop: string,
  decision: NewDecision,
  alongside: readonly DecisionSideWrite[] = [],
): Promise<StoredDecision> {
  const of = (field: string) => ({ table: "RoutingDecision" as const, id: `of order ${decision.orderId}`, field });
  const values: unknown[] = [
    shop,
    decision.orderId,
    decision.status,
    JSON.stringify(toStoredJson(assignmentsSchema, decision.assignments, of("assignments"))),
    toStoredJson(flagsSchema, decision.flags, of("flags")),
    [...decision.unroutableSkus],
    JSON.stringify(toStoredJson(traceSchema, decision.trace, of("trace"))),
    decision.deliveryMethod,
    decision.serviceLevel,
    decision.settingsVersion,
    decision.decidedAt,
    decision.moveStatus,
    new Date(),
  ];
  const sideWrites = await sideWriteCtes(values, alongside);
  const [row] = await sqlRows<DecisionRow>(
    db,
    `WITH "decision" AS (INSERT INTO "RoutingDecision"
       ("id", "shop", "orderId", "status", "assignments", "flags", "unroutableSkus", "trace", "deliveryMethod",
        "serviceLevel", "settingsVersion", "decidedAt", "moveStatus", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3::"RoutingDecisionStatus", $4::jsonb, $5::text[], $6::text[], $7::jsonb,
             $8::"OrderDeliveryMethod", $9, $10, $11, $12::"DecisionMoveStatus", $13)
     RETURNING ${DECISION_COLUMNS})${sideWrites}
     SELECT ${DECISION_COLUMNS} FROM "decision"`,
    values,
  );
  if (!row) throw new Error(`The decision of order ${decision.orderId} was not stored`);
  return readDecision(row);
}

export async function setDecisionMoveStatus(
  db: Db,
  shop: string,
  orderId: string,
  moveStatus: DecisionMoveStatus,
): Promise<void> {
  await sqlExecute(
    db,
    `UPDATE "RoutingDecision" SET "moveStatus" = $3::"DecisionMoveStatus", "updatedAt" = $4
      WHERE "shop" = $1 AND "orderId" = $2`,
    [shop, orderId, moveStatus, new Date()],
  );
}

/**
 * A routing job attempt's end in one statement: the decision's move status when the attempt
 * settled it, and the Admin API cost it spent (added to the order's). Either may be absent.
 * `leaseHolder`'s claim on the order (decision 043) is given back by the same statement.
 * `whenSettled` writes are made too when routing has settled that fulfilment order (moved it or
 * found it in place: isSettledByRouting), gated on the CTE {@link SETTLED_GATE}.
 */
export async function finishDecisionAttempt(
  db: Db,
  shop: string,
  orderId: string,
  end: { moveStatus?: DecisionMoveStatus; cost?: { requested: number; actual: number } },
  leaseHolder: string | null = null,
  whenSettled?: { fulfillmentOrderId: string; writes: readonly SideWrite[] },
): Promise<void> {
  const { moveStatus, cost } = end;
  if (moveStatus === undefined && cost === undefined && leaseHolder === null) return;
  const values: unknown[] = [
    shop,
    orderId,
    moveStatus ?? null,
    cost?.requested ?? 0,
    cost?.actual ?? 0,
    new Date(),
    leaseHolder,
    cost !== undefined,
  ];
  let settledCtes = "";
  if (whenSettled) {
    values.push(whenSettled.fulfillmentOrderId);
    settledCtes = `, ${SETTLED_GATE} AS (${settledByRoutingSql(`$${values.length}`)})${await sideWriteCtes(values, whenSettled.writes)}`;
  }
  await sqlExecute(
    db,
    `WITH released AS (
       DELETE FROM "RoutingLease" WHERE "shop" = $1 AND "orderId" = $2 AND "holder" = $7::uuid
     )${settledCtes}
     UPDATE "RoutingDecision"
        SET "moveStatus" = COALESCE($3::"DecisionMoveStatus", "moveStatus"),
            "costRequested" = "costRequested" + $4, "costActual" = "costActual" + $5, "updatedAt" = $6
      WHERE "shop" = $1 AND "orderId" = $2 AND ($3::"DecisionMoveStatus" IS NOT NULL OR $8::boolean)`,
    values,
  );
}

export interface DecisionListFilter {
  status?: RoutingDecisionStatus;
  flag?: string;
  moveStatus?: DecisionMoveStatus;
  take: number;
  /** The id of the last row of the previous page. */
  cursor?: string;
}

export async function listDecisions(
  db: Prisma.TransactionClient,
  shop: string,
  filter: DecisionListFilter,
): Promise<StoredDecision[]> {
  const rows = await db.routingDecision.findMany({
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
  return rows.map(readDecision);
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
  lineItems: MoveLineItems | null;
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
  lineItems: MoveLineItems | null;
  status: FulfillmentMoveStatus;
  error?: string | null;
  movedFulfillmentOrderId?: string | null;
  /** Whether this record is a new attempt at the mutation. */
  attempted: boolean;
}

/** Records a move's latest outcome, one row per (fulfilment order, destination). */
export async function recordMove(db: Db, shop: string, move: MoveRecord): Promise<void> {
  // Null (the whole fulfilment order) is SQL NULL in a new row and leaves an existing row's as it was;
  // so does a moved fulfilment order's id that is not given.
  const lineItems =
    move.lineItems === null
      ? null
      : JSON.stringify(
          toStoredJson(moveLineItemsSchema, move.lineItems, {
            table: "FulfillmentMove",
            id: `of fulfillment order ${move.fulfillmentOrderId}`,
            field: "lineItems",
          }),
        );
  const now = new Date();
  await sqlExecute(
    db,
    `INSERT INTO "FulfillmentMove"
       ("id", "shop", "orderId", "fulfillmentOrderId", "fromLocationId", "toLocationId", "lineItems", "status",
        "error", "attempts", "movedFulfillmentOrderId", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::jsonb, $7::"FulfillmentMoveStatus", $8, $9, $10, $11, $11)
     ON CONFLICT ("shop", "fulfillmentOrderId", "toLocationId") DO UPDATE
        SET "orderId" = EXCLUDED."orderId", "fromLocationId" = EXCLUDED."fromLocationId",
            "lineItems" = COALESCE(EXCLUDED."lineItems", "FulfillmentMove"."lineItems"),
            "status" = EXCLUDED."status", "error" = EXCLUDED."error",
            "attempts" = "FulfillmentMove"."attempts" + EXCLUDED."attempts",
            "movedFulfillmentOrderId" = COALESCE(EXCLUDED."movedFulfillmentOrderId", "FulfillmentMove"."movedFulfillmentOrderId"),
            "updatedAt" = EXCLUDED."updatedAt"`,
    [
      shop,
      move.orderId,
      move.fulfillmentOrderId,
      move.fromLocationId,
      move.toLocationId,
      lineItems,
      move.status,
      move.error ?? null,
      move.attempted ? 1 : 0,
      move.movedFulfillmentOrderId || null,
      now,
    ],
  );
}

export async function listMovesOfOrder(
  db: Prisma.TransactionClient,
  shop: string,
  orderId: string,
): Promise<StoredMove[]> {
  const rows = await db.fulfillmentMove.findMany({
    where: { shop, orderId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      orderId: true,
      fulfillmentOrderId: true,
      fromLocationId: true,
      toLocationId: true,
      lineItems: true,
      status: true,
      error: true,
      attempts: true,
      movedFulfillmentOrderId: true,
      updatedAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    lineItems: readStoredJson(moveLineItemsSchema.nullable(), row.lineItems, {
      table: "FulfillmentMove",
      id: row.id,
      field: "lineItems",
    }),
  }));
}

/**
 * A fulfillment_orders/moved confirms a move the job recorded as pending or failed (its
 * answer lost, or not yet come). Returns the order it belongs to, or null when the app made no
 * such move; `recordedAlready` when the job had recorded this very move as done (with its moved
 * order); `routingUnderWay` when it was pending and a routing run holds the order now: that run
 * records the move's outcome, or its next run finds it made (decision 045). A move from another
 * location than the app's (`fromLocationId`, when the webhook names it) is not the app's: a
 * merchant sending the fulfilment order back to the store routing chose, from another one.
 */
export async function confirmMove(
  db: Db,
  shop: string,
  move: {
    fulfillmentOrderId: string;
    fromLocationId: string | null;
    toLocationId: string;
    movedFulfillmentOrderId: string;
  },
  at: Date = new Date(),
): Promise<{ orderId: string; recordedAlready: boolean; routingUnderWay: boolean } | null> {
  const [held] = await sqlRows<{ orderId: string; recordedAlready: boolean; routingUnderWay: boolean }>(
    db,
    `WITH held AS (
       SELECT "id", "orderId", "status", "movedFulfillmentOrderId" FROM "FulfillmentMove"
        WHERE "shop" = $1 AND "fulfillmentOrderId" = $2 AND "toLocationId" = $3
          AND ($6::text IS NULL OR "fromLocationId" = $6)
     ), confirmed AS (
       UPDATE "FulfillmentMove" m
          SET "status" = 'MOVED', "error" = NULL, "movedFulfillmentOrderId" = $4, "updatedAt" = $5
         FROM held
        WHERE m."id" = held."id" AND held."status" IN ('PENDING', 'FAILED')
     )
     SELECT "orderId", ("status" = 'MOVED' AND "movedFulfillmentOrderId" = $4) AS "recordedAlready",
            ("status" = 'PENDING' AND EXISTS (
              SELECT 1 FROM "RoutingLease" l
               WHERE l."shop" = $1 AND l."orderId" = held."orderId" AND l."expiresAt" > $5
            )) AS "routingUnderWay"
       FROM held`,
    [shop, move.fulfillmentOrderId, move.toLocationId, move.movedFulfillmentOrderId, at, move.fromLocationId],
  );
  return held ?? null;
}

/**
 * Whether routing settled the fulfilment order (a gid): moved it, or found it already where the
 * decision sends it. Each of those records queued the fulfilment order's store-task sync.
 */
export async function isSettledByRouting(db: Db, shop: string, fulfillmentOrderId: string): Promise<boolean> {
  const rows = await sqlRows<{ settled: number }>(db, settledByRoutingSql("$2"), [shop, fulfillmentOrderId]);
  return rows.length > 0;
}

/** The CTE of finishDecisionAttempt's statement that has a row when routing settled the fulfilment order. */
export const SETTLED_GATE = "settled";

/** A row when routing settled shop $1's fulfilment order (its gid the parameter named) by a move or in place. */
function settledByRoutingSql(fulfillmentOrderParam: string): string {
  return `SELECT 1 AS "settled" FROM "FulfillmentMove"
      WHERE "shop" = $1 AND "fulfillmentOrderId" = ${fulfillmentOrderParam} AND "status" IN ('MOVED', 'ALREADY_THERE')
      LIMIT 1`;
}

/** The location ids a decision's assignments name, in order. */
export function assignedLocationIds(assignments: readonly Assignment[]): string[] {
  return assignments.map((assignment) => assignment.locationId);
}
