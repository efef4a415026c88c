import crypto from "node:crypto";
import {
  Prisma,
  type ItemBinLocation,
  type StoreTask,
  type StoreTaskEndedReason,
  type StoreTaskEvent,
  type StoreTaskKind,
  type StoreTaskLine,
  type StoreTaskState,
} from "@prisma/client";
import { OPEN_STATES } from "~/domain/store-tasks/types";
import type { BinLocation } from "./item-bin-locations.server";
import { readOpeningHours, type StoredOpeningHours } from "./locations.server";
import { storeTaskEventDetailSchema, type StoreTaskEventDetail } from "./store-tasks-event-detail";
import { readStoredJson, toStoredJson } from "./stored-json";
import type { StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * Store tasks (see StoreTask in prisma/schema.prisma): one store's work on one fulfilment
 * order, its lines and its events. Every query is scoped by shop; those an associate reaches
 * are scoped by location too, so a task of another store reads as missing.
 */

/** States in which the store still has the task to work on (the migration's partial indexes use them). */
export const OPEN_TASK_STATES: readonly StoreTaskState[] = OPEN_STATES;

/**
 * The open states as an SQL list, written out (they are the code's constants) so the planner can
 * use the partial indexes kept on open tasks (open pickup codes, a fulfilment order's open task).
 */
const OPEN_STATES_SQL = `(${OPEN_TASK_STATES.map((state) => `'${state}'`).join(", ")})`;

/** A fulfilment order line item as the store picks it. */
export interface StoreTaskLineFacts {
  lineItemId: string;
  sku: string | null;
  barcode: string | null;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  /** Units Shopify holds unfulfilled. */
  quantity: number;
}

/** What a task takes from its fulfilment order, as Shopify holds it now. */
export interface StoreTaskFacts {
  /** Numeric ids. */
  fulfillmentOrderId: string;
  orderId: string;
  orderName: string;
  locationId: string;
  kind: StoreTaskKind;
  customerName: string | null;
  lines: StoreTaskLineFacts[];
}

/** A task as the fulfilment order's sync weighs it. */
export type TaskOfFulfillmentOrder = Pick<
  StoreTask,
  "id" | "locationId" | "state" | "pickupCode" | "pendingShopifyAction" | "endedAt"
>;

export type StoredStoreTaskEvent = Omit<StoreTaskEvent, "detail"> & { detail: StoreTaskEventDetail | null };

export type StoreTaskWithLines = StoreTask & { lines: StoreTaskLine[]; events: StoredStoreTaskEvent[] };

/** What a location's queue shows of a task, with how much there is to pick. */
export type QueuedStoreTask = Pick<StoreTask, (typeof QUEUE_COLUMNS)[number]> & { units: number; lineCount: number };

// Only what the queue shows and sorts by: every device polls it, and each column of hundreds of
// rows costs the read CPU on both sides (npm run bench:store).
const QUEUE_COLUMNS = [
  "id",
  "orderId",
  "orderName",
  "kind",
  "state",
  "customerName",
  "assignedAt",
  "dueAt",
  "startedAt",
  "readyAt",
  "customerWaitingAt",
  "customerWaitingSpot",
  "bin",
  "pendingShopifyAction",
] as const satisfies readonly (keyof StoreTask)[];

export interface NewStoreTaskEvent {
  taskId: string;
  fromState: StoreTaskState | null;
  toState: StoreTaskState;
  locationId: string;
  at: Date;
  staffMemberId?: string | null;
  userId?: string | null;
  /** The POS request's id: an event with one already recorded for the shop is not recorded again. */
  clientRequestId?: string | null;
  detail?: StoreTaskEventDetail | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event row with its detail read through its schema. */
export function readEvent(row: StoreTaskEvent): StoredStoreTaskEvent {
  const detail =
    row.detail === null
      ? null
      : readStoredJson(storeTaskEventDetailSchema, row.detail, {
          table: "StoreTaskEvent",
          id: row.id,
          field: "detail",
        });
  return { ...row, detail };
}

/** Whether the shop's location is a store by its profile (a warehouse's work is not a store task). */
export async function isStoreLocation(db: SqlDb, shop: string, locationId: string): Promise<boolean> {
  const rows = await sqlRows(
    db,
    `SELECT 1 AS "store" FROM "LocationProfile" p
       JOIN "Location" l ON l."shop" = p."shop" AND l."locationId" = p."locationId"
      WHERE p."shop" = $1 AND p."locationId" = $2 AND p."kind" = 'STORE' AND l."deletedAt" IS NULL`,
    [shop, locationId],
  );
  return rows.length > 0;
}

/** What a store's due times are computed from, as its profile holds them; null when it has no profile. */
export interface StoreLocationTiming {
  timeZone: string;
  openingHours: StoredOpeningHours;
  /** null: not set for the location. */
  preparationMinutes: number | null;
  /** Shopify's "Usually ready in …" as the locations sync mirrored it; null: pickup off or not read. */
  shopifyPickupTime: string | null;
  sameDayCutoff: string | null;
}

export async function storeLocationTiming(
  db: SqlDb,
  shop: string,
  locationId: string,
): Promise<StoreLocationTiming | null> {
  const [profile] = await sqlRows<Omit<StoreLocationTiming, "openingHours"> & { openingHours: Prisma.JsonValue }>(
    db,
    `SELECT p."timeZone", p."openingHours", p."preparationMinutes", p."sameDayCutoff", l."pickupTime" AS "shopifyPickupTime"
       FROM "LocationProfile" p
       JOIN "Location" l ON l."shop" = p."shop" AND l."locationId" = p."locationId"
      WHERE p."shop" = $1 AND p."locationId" = $2`,
    [shop, locationId],
  );
  if (!profile) return null;
  return { ...profile, openingHours: readOpeningHours(profile.openingHours) };
}

/** What a sync of a fulfilment order's tasks reads of its order and its location, besides its tasks. */
export interface StoreTaskSyncReads {
  /** Whether the app has recorded the order as cancelled. */
  orderCancelled: boolean;
  /** Whether the location is a live store (isStoreLocation). */
  locationIsStore: boolean;
  /** Its due times' inputs (storeLocationTiming); null when it has no profile. */
  timing: StoreLocationTiming | null;
  /** The fulfilment orders of the order's open tasks (openStoreTasksOfOrder). */
  openTaskFulfillmentOrderIds: string[];
  /** Whether the pickup code offered for a new task is an open task's already (isPickupCodeInUse); false when none was offered. */
  pickupCodeInUse: boolean;
}

/** A row when shop $1's pickup code (the parameter named) is an open task's. */
function pickupCodeInUseSql(codeParam: string): string {
  return `SELECT 1 AS "inUse" FROM "StoreTask"
      WHERE "shop" = $1 AND "pickupCode" = ${codeParam} AND "state" IN ${OPEN_STATES_SQL} LIMIT 1`;
}

/**
 * What a sync reads besides its tasks, in one statement (decision 048): isStoreLocation,
 * storeLocationTiming, openStoreTasksOfOrder's fulfilment orders, and whether the app has recorded
 * the order as cancelled (orders/cancelled). The order's row is locked until the transaction ends,
 * so a cancellation recorded meanwhile either shows here or, waiting for this transaction, finds
 * the tasks it wrote. `pickupCode`, drawn for a task the sync may create, is looked up too.
 */
export async function readForStoreTaskSync(
  tx: SqlDb,
  shop: string,
  orderId: string,
  locationId: string | null,
  pickupCode: string | null = null,
): Promise<StoreTaskSyncReads> {
  const [row] = await sqlRows<{
    cancelled: boolean;
    pickupCodeInUse: boolean;
    openTaskFulfillmentOrderIds: string[];
    hasProfile: boolean;
    isStore: boolean;
    timeZone: string | null;
    openingHours: Prisma.JsonValue;
    preparationMinutes: number | null;
    sameDayCutoff: string | null;
    shopifyPickupTime: string | null;
  }>(
    tx,
    `SELECT COALESCE((SELECT "cancelledAt" IS NOT NULL FROM "RoutedOrder"
                       WHERE "shop" = $1 AND "orderId" = $2 FOR SHARE), false) AS "cancelled",
            ARRAY(SELECT DISTINCT "fulfillmentOrderId" FROM "StoreTask"
                   WHERE "shop" = $1 AND "orderId" = $2 AND "state" IN ${OPEN_STATES_SQL}) AS "openTaskFulfillmentOrderIds",
            ($4::text IS NOT NULL AND EXISTS (${pickupCodeInUseSql("$4")})) AS "pickupCodeInUse",
            p."locationId" IS NOT NULL AS "hasProfile",
            COALESCE(p."kind" = 'STORE' AND p."deletedAt" IS NULL, false) AS "isStore",
            p."timeZone", p."openingHours", p."preparationMinutes", p."sameDayCutoff", p."shopifyPickupTime"
       FROM (SELECT 1) AS "one"
       LEFT JOIN (
         SELECT p."locationId", p."kind", l."deletedAt", p."timeZone", p."openingHours", p."preparationMinutes",
                p."sameDayCutoff", l."pickupTime" AS "shopifyPickupTime"
           FROM "LocationProfile" p
           JOIN "Location" l ON l."shop" = p."shop" AND l."locationId" = p."locationId"
          WHERE p."shop" = $1 AND p."locationId" = $3
       ) p ON true`,
    [shop, orderId, locationId, pickupCode],
  );
  if (!row) throw new Error("A store-task sync's reads came back without a row");
  return {
    orderCancelled: row.cancelled,
    locationIsStore: row.isStore,
    timing:
      row.hasProfile && row.timeZone !== null
        ? {
            timeZone: row.timeZone,
            openingHours: readOpeningHours(row.openingHours),
            preparationMinutes: row.preparationMinutes,
            sameDayCutoff: row.sameDayCutoff,
            shopifyPickupTime: row.shopifyPickupTime,
          }
        : null,
    openTaskFulfillmentOrderIds: row.openTaskFulfillmentOrderIds,
    pickupCodeInUse: row.pickupCodeInUse,
  };
}

/**
 * Every task of the fulfilment order, at any location, locked until the transaction ends, so a
 * sync and an associate's transition on the same task take turns.
 */
export function lockTasksOfFulfillmentOrder(
  tx: SqlDb,
  shop: string,
  fulfillmentOrderId: string,
): Promise<TaskOfFulfillmentOrder[]> {
  return sqlRows<TaskOfFulfillmentOrder>(
    tx,
    `SELECT "id", "locationId", "state", "pickupCode", "pendingShopifyAction", "endedAt"
       FROM "StoreTask" WHERE "shop" = $1 AND "fulfillmentOrderId" = $2
      ORDER BY "createdAt" ASC
        FOR UPDATE`,
    [shop, fulfillmentOrderId],
  );
}

/** Locks the task until the transaction ends; false when the shop has no such task at the location. */
export async function lockStoreTask(tx: Db, shop: string, locationId: string, taskId: string): Promise<boolean> {
  if (!UUID.test(taskId)) return false;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "StoreTask"
     WHERE id = ${taskId}::uuid AND shop = ${shop} AND "locationId" = ${locationId}
       FOR UPDATE`;
  return rows.length === 1;
}

/** The task with its lines (in pick-list order) and events (oldest first); null for another shop's or store's. */
export async function findStoreTask(
  db: Db,
  shop: string,
  locationId: string,
  taskId: string,
): Promise<StoreTaskWithLines | null> {
  if (!UUID.test(taskId)) return null;
  const [row] = await db.$queryRaw<
    TaskRowWithJson[]
  >`${taskWithLinesAndEvents(shop, locationId, taskId, Prisma.empty)}`;
  return row ? taskOfRow(row) : null;
}

/**
 * The task as findStoreTask reads it, with where its lines' items are kept at its store, by SKU
 * (as binLocationsFor gives them): what the associate's screen shows, in one round trip.
 */
export async function findStoreTaskWithBins(
  db: Db,
  shop: string,
  locationId: string,
  taskId: string,
): Promise<{ task: StoreTaskWithLines; bins: Map<string, BinLocation> } | null> {
  if (!UUID.test(taskId)) return null;
  // "known", not "bin": a bare name is taken for the task's own bin column first.
  const bins = Prisma.sql`, (SELECT COALESCE(json_agg(known), '[]'::json) FROM "ItemBinLocation" known
                             WHERE known.shop = t.shop AND known."locationId" = t."locationId"
                               AND known.sku IN (SELECT line.sku FROM "StoreTaskLine" line
                                                  WHERE line."taskId" = t.id AND line.shop = t.shop)) AS "binsJson"`;
  const [row] = await db.$queryRaw<(TaskRowWithJson & { binsJson: JsonBinRow[] })[]>`
    ${taskWithLinesAndEvents(shop, locationId, taskId, bins)}`;
  if (!row) return null;
  const { binsJson, ...task } = row;
  return {
    task: taskOfRow(task),
    bins: new Map(
      binsJson.map((bin) => [
        bin.sku,
        { code: bin.code, source: bin.source, confirmedAt: utcInstant(bin.confirmedAt) },
      ]),
    ),
  };
}

/**
 * The task as findStoreTask reads it, locked until the transaction ends, and the event the shop
 * recorded for the POS request `requestId` (on any task), if any: an associate's step needs both
 * before it decides, and they come in one round trip.
 */
export async function lockStoreTaskForRequest(
  tx: Db,
  shop: string,
  locationId: string,
  taskId: string,
  requestId: string,
): Promise<{ task: StoreTaskWithLines; recorded: StoredStoreTaskEvent | null } | null> {
  if (!UUID.test(taskId)) return null;
  const recorded = Prisma.sql`, (SELECT row_to_json(recorded) FROM "StoreTaskEvent" recorded
                               WHERE recorded.shop = t.shop AND recorded."clientRequestId" = ${requestId}) AS "recordedJson"`;
  const [row] = await tx.$queryRaw<(TaskRowWithJson & { recordedJson: JsonEventRow | null })[]>`
    ${taskWithLinesAndEvents(shop, locationId, taskId, recorded)} FOR UPDATE OF t`;
  if (!row) return null;
  const { recordedJson, ...task } = row;
  return { task: taskOfRow(task), recorded: recordedJson && readEvent(eventOfJson(recordedJson)) };
}

// One statement rather than three (or Prisma's relation include, which cost several times the
// CPU): every associate's step reads the task twice, to decide and to answer (npm run
// bench:store). PostgreSQL's row_to_json gives the lines' and events' columns under their own
// names; timestamps come as text without a zone, in UTC as Prisma writes them.
type JsonTimestamp = string;
type JsonLineRow = Omit<StoreTaskLine, "takenOffAt"> & { takenOffAt: JsonTimestamp | null };
type JsonEventRow = Omit<StoreTaskEvent, "at"> & { at: JsonTimestamp };
type JsonBinRow = Pick<ItemBinLocation, "sku" | "code" | "source"> & { confirmedAt: JsonTimestamp };
// The task's own columns are read as Prisma reads them (enums as their names, timestamps as Dates).
type TaskRowWithJson = StoreTask & { linesJson: JsonLineRow[]; eventsJson: JsonEventRow[] };

function taskWithLinesAndEvents(shop: string, locationId: string, taskId: string, extraColumns: Prisma.Sql) {
  return Prisma.sql`
    SELECT t.*,
           (SELECT COALESCE(json_agg(line ORDER BY line.position), '[]'::json)
              FROM "StoreTaskLine" line WHERE line."taskId" = t.id AND line.shop = t.shop) AS "linesJson",
           (SELECT COALESCE(json_agg(event ORDER BY event.at, event.id), '[]'::json)
              FROM "StoreTaskEvent" event WHERE event."taskId" = t.id AND event.shop = t.shop) AS "eventsJson"
           ${extraColumns}
      FROM "StoreTask" t
     WHERE t.id = ${taskId}::uuid AND t.shop = ${shop} AND t."locationId" = ${locationId}`;
}

const utcInstant = (text: JsonTimestamp) => new Date(`${text}Z`);

function eventOfJson(row: JsonEventRow): StoreTaskEvent {
  return { ...row, at: utcInstant(row.at) };
}

function taskOfRow({ linesJson, eventsJson, ...task }: TaskRowWithJson): StoreTaskWithLines {
  return {
    ...task,
    lines: linesJson.map((line) => ({
      ...line,
      takenOffAt: line.takenOffAt === null ? null : utcInstant(line.takenOffAt),
    })),
    events: eventsJson.map((event) => readEvent(eventOfJson(event))),
  };
}

/** A location's tasks in the given states (by default the open ones), soonest due first. */
export async function listLocationQueue(
  db: Db,
  shop: string,
  locationId: string,
  states: readonly StoreTaskState[] = OPEN_TASK_STATES,
): Promise<QueuedStoreTask[]> {
  // One query, the lines summed in PostgreSQL: every device polls this every few seconds, and
  // reading each task's lines through Prisma's relation include cost the store's POS traffic
  // most of its CPU (npm run bench:store). The columns are StoreTask's own, read as Prisma reads
  // them (enums as their names, timestamps as Dates), hence the row type; QUEUE_COLUMNS are
  // constants, never input.
  const columns = Prisma.join(QUEUE_COLUMNS.map((column) => Prisma.raw(`t."${column}"`)));
  return db.$queryRaw<QueuedStoreTask[]>`
    SELECT ${columns}, here.units, here."lineCount"
      FROM "StoreTask" t
     CROSS JOIN LATERAL (
           SELECT COALESCE(SUM(line.quantity), 0)::int AS units, COUNT(*)::int AS "lineCount"
             FROM "StoreTaskLine" line
            WHERE line."taskId" = t.id AND line."takenOffAt" IS NULL) here
     WHERE t.shop = ${shop} AND t."locationId" = ${locationId}
       AND t.state = ANY(${[...states]}::"StoreTaskState"[])
     ORDER BY t."dueAt" ASC NULLS LAST, t."assignedAt" ASC`;
}

/** The order's open tasks, wherever they are. */
export function openStoreTasksOfOrder(
  db: SqlDb,
  shop: string,
  orderId: string,
): Promise<Pick<StoreTask, "id" | "fulfillmentOrderId" | "locationId">[]> {
  return sqlRows(
    db,
    `SELECT "id", "fulfillmentOrderId", "locationId" FROM "StoreTask"
      WHERE "shop" = $1 AND "orderId" = $2 AND "state" IN ${OPEN_STATES_SQL}`,
    [shop, orderId],
  );
}

/** Whether an open task of the shop shows this pickup code. */
export async function isPickupCodeInUse(db: SqlDb, shop: string, pickupCode: string): Promise<boolean> {
  const rows = await sqlRows(db, pickupCodeInUseSql("$2"), [shop, pickupCode]);
  return rows.length > 0;
}

/** The order's name of the fulfilment order's latest task, for naming work about it; null when it has none. */
export async function orderNameOfFulfillmentOrder(
  db: Db,
  shop: string,
  fulfillmentOrderId: string,
): Promise<string | null> {
  const task = await db.storeTask.findFirst({
    where: { shop, fulfillmentOrderId },
    orderBy: { createdAt: "desc" },
    select: { orderName: true },
  });
  return task?.orderName ?? null;
}

/**
 * recordStoreTaskEvent's INSERT, alone or as a part of a larger statement (its placeholders from
 * `first`), with the row it writes. The id is made here, so a new event is answered without
 * reading it back (a round trip less per POS step). ON CONFLICT DO NOTHING: a duplicate client
 * request leaves the caller's transaction usable, and concurrent ones wait on each other's insert,
 * so exactly one creates it.
 */
function storeTaskEventInsert(shop: string, event: NewStoreTaskEvent, first: number) {
  const data = {
    shop,
    taskId: event.taskId,
    fromState: event.fromState,
    toState: event.toState,
    locationId: event.locationId,
    at: event.at,
    staffMemberId: event.staffMemberId ?? null,
    userId: event.userId ?? null,
    clientRequestId: event.clientRequestId ?? null,
    detail: event.detail
      ? toStoredJson(storeTaskEventDetailSchema, event.detail, {
          table: "StoreTaskEvent",
          id: event.clientRequestId ?? event.taskId,
          field: "detail",
        })
      : null,
  };
  const id = crypto.randomUUID();
  const $ = (n: number) => `$${first + n - 1}`;
  const part: StatementPart = {
    text: `INSERT INTO "StoreTaskEvent"
       ("id", "shop", "taskId", "fromState", "toState", "locationId", "at", "staffMemberId", "userId",
        "clientRequestId", "detail")
     VALUES (${$(1)}::uuid, ${$(2)}, ${$(3)}::uuid, ${$(4)}::"StoreTaskState", ${$(5)}::"StoreTaskState", ${$(6)},
             ${$(7)}, ${$(8)}, ${$(9)}, ${$(10)}, ${$(11)}::jsonb)
     ON CONFLICT DO NOTHING`,
    values: [
      id,
      shop,
      data.taskId,
      data.fromState,
      data.toState,
      data.locationId,
      data.at,
      data.staffMemberId,
      data.userId,
      data.clientRequestId,
      data.detail === null ? null : JSON.stringify(data.detail),
    ],
  };
  return { part, id, data };
}

/**
 * Records the event. One with a clientRequestId the shop has already recorded is not recorded
 * again: `created` is false and the first one is returned (two devices sending one request, or
 * a retry after a lost answer, have one effect). Concurrent requests with the same id wait on
 * each other's insert, so exactly one of them creates it.
 */
export async function recordStoreTaskEvent(
  db: SqlDb,
  shop: string,
  event: NewStoreTaskEvent,
): Promise<{ created: boolean; event: StoredStoreTaskEvent }> {
  const { part, id, data } = storeTaskEventInsert(shop, event, 1);
  const count = await sqlExecute(db, part.text, part.values);
  if (count === 1) return { created: true, event: { id, ...data } as StoredStoreTaskEvent };
  const [recorded] = await sqlRows<StoreTaskEvent>(
    db,
    `SELECT * FROM "StoreTaskEvent" WHERE "shop" = $1 AND "clientRequestId" = $2`,
    [shop, data.clientRequestId],
  );
  if (!recorded) throw new Error(`Store task event ${data.clientRequestId} was neither recorded nor found`);
  return { created: false, event: readEvent(recorded) };
}

/**
 * Brings the task's lines to the fulfilment order's: known lines take Shopify's values and
 * keep their picks (never more than the quantity), new lines come in unpicked, and lines that
 * left the fulfilment order stay, taken off, as the history of what was there. `restart`
 * starts picking over (a task that came back to the store).
 */
async function writeLines(
  tx: SqlDb,
  shop: string,
  taskId: string,
  lines: readonly StoreTaskLineFacts[],
  at: Date,
  restart: boolean,
): Promise<void> {
  const held = new Map(
    (
      await sqlRows<Pick<StoreTaskLine, "lineItemId" | "picked" | "takenOffAt">>(
        tx,
        `SELECT "lineItemId", "picked", "takenOffAt" FROM "StoreTaskLine" WHERE "taskId" = $1::uuid`,
        [taskId],
      )
    ).map((line) => [line.lineItemId, line] as const),
  );
  const fresh: (StoreTaskLineFacts & { position: number })[] = [];
  for (const [position, line] of lines.entries()) {
    const known = held.get(line.lineItemId);
    held.delete(line.lineItemId);
    if (!known) {
      fresh.push({ ...line, position });
      continue;
    }
    // Restarting clears the line's progress; otherwise its picks stay, never more than the quantity.
    await sqlExecute(
      tx,
      `UPDATE "StoreTaskLine"
          SET "position" = $3, "sku" = $4, "barcode" = $5, "title" = $6, "variantTitle" = $7, "imageUrl" = $8,
              "quantity" = $9, "takenOffAt" = NULL, "picked" = $10,
              "manualReason" = CASE WHEN $11 THEN NULL ELSE "manualReason" END,
              "exceptionReason" = CASE WHEN $11 THEN NULL ELSE "exceptionReason" END,
              "exceptionNote" = CASE WHEN $11 THEN NULL ELSE "exceptionNote" END
        WHERE "taskId" = $1::uuid AND "lineItemId" = $2`,
      [
        taskId,
        line.lineItemId,
        position,
        line.sku,
        line.barcode,
        line.title,
        line.variantTitle,
        line.imageUrl,
        line.quantity,
        restart ? 0 : Math.min(known.picked, line.quantity),
        restart,
      ],
    );
  }
  await insertLines(tx, shop, taskId, fresh);
  const gone = [...held.values()].filter((line) => line.takenOffAt === null).map((line) => line.lineItemId);
  if (gone.length > 0) {
    await sqlExecute(
      tx,
      `UPDATE "StoreTaskLine" SET "takenOffAt" = $3 WHERE "taskId" = $1::uuid AND "lineItemId" = ANY($2::text[])`,
      [taskId, gone, at],
    );
  }
}

/** New lines of a task, unpicked, in one statement. */
async function insertLines(
  tx: SqlDb,
  shop: string,
  taskId: string,
  lines: readonly (StoreTaskLineFacts & { position: number })[],
): Promise<void> {
  if (lines.length === 0) return;
  const { text, values } = storeTaskLinesInsert(shop, taskId, lines, 1);
  await sqlExecute(tx, text, values);
}

/** insertLines's INSERT, alone or as a part of a larger statement (its placeholders from `first`). */
function storeTaskLinesInsert(
  shop: string,
  taskId: string,
  lines: readonly (StoreTaskLineFacts & { position: number })[],
  first: number,
): StatementPart {
  const $ = (n: number) => `$${first + n - 1}`;
  return {
    text: `INSERT INTO "StoreTaskLine"
       ("shop", "taskId", "lineItemId", "position", "sku", "barcode", "title", "variantTitle", "imageUrl", "quantity")
     SELECT ${$(1)}, ${$(2)}::uuid, line.*
       FROM unnest(${$(3)}::text[], ${$(4)}::int[], ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[],
                   ${$(9)}::text[], ${$(10)}::int[])
            AS line("lineItemId", "position", "sku", "barcode", "title", "variantTitle", "imageUrl", "quantity")`,
    values: [
      shop,
      taskId,
      lines.map((line) => line.lineItemId),
      lines.map((line) => line.position),
      lines.map((line) => line.sku),
      lines.map((line) => line.barcode),
      lines.map((line) => line.title),
      lines.map((line) => line.variantTitle),
      lines.map((line) => line.imageUrl),
      lines.map((line) => line.quantity),
    ],
  };
}

/**
 * A new task (NEW) with its lines, and its ASSIGNED event, in one statement (decision 048): the
 * lines and the event refer to the task's row, which PostgreSQL checks at the statement's end.
 * Returns its id.
 */
export async function createStoreTask(
  tx: SqlDb,
  shop: string,
  facts: StoreTaskFacts,
  { pickupCode, at, dueAt = null }: { pickupCode: string; at: Date; dueAt?: Date | null },
): Promise<string> {
  const { lines, ...task } = facts;
  const id = crypto.randomUUID();
  const values: unknown[] = [
    id,
    shop,
    task.fulfillmentOrderId,
    task.orderId,
    task.orderName,
    task.locationId,
    task.kind,
    task.customerName,
    pickupCode,
    at,
    dueAt,
    new Date(),
  ];
  // A new task has no lines to bring in step: they all go in, unpicked.
  const linesPart =
    lines.length > 0
      ? storeTaskLinesInsert(
          shop,
          id,
          lines.map((line, position) => ({ ...line, position })),
          values.length + 1,
        )
      : null;
  if (linesPart) values.push(...linesPart.values);
  const assigned = storeTaskEventInsert(
    shop,
    { taskId: id, fromState: null, toState: "NEW", locationId: facts.locationId, at, detail: { kind: "ASSIGNED" } },
    values.length + 1,
  );
  values.push(...assigned.part.values);
  await sqlExecute(
    tx,
    `WITH "task" AS (
       INSERT INTO "StoreTask"
         ("id", "shop", "fulfillmentOrderId", "orderId", "orderName", "locationId", "kind", "state", "customerName",
          "pickupCode", "assignedAt", "dueAt", "createdAt", "updatedAt")
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::"StoreTaskKind", 'NEW', $8, $9, $10, $11, $12, $12)
     )${linesPart ? `, "lines" AS (${linesPart.text})` : ""}
     ${assigned.part.text}`,
    values,
  );
  return id;
}

/**
 * A task that had ended here (its fulfilment order came back to the store) starts again as
 * NEW: its work so far is cleared, its events stay.
 */
export async function reopenStoreTask(
  tx: SqlDb,
  shop: string,
  task: Pick<StoreTask, "id" | "state">,
  facts: StoreTaskFacts,
  { pickupCode, at, dueAt = null }: { pickupCode: string; at: Date; dueAt?: Date | null },
): Promise<void> {
  const { lines, ...values } = facts;
  await sqlExecute(
    tx,
    `UPDATE "StoreTask"
        SET "fulfillmentOrderId" = $3, "orderId" = $4, "orderName" = $5, "locationId" = $6,
            "kind" = $7::"StoreTaskKind", "customerName" = $8, "state" = 'NEW', "pickupCode" = $9,
            "assignedAt" = $10, "dueAt" = $11, "startedAt" = NULL, "firstScanAt" = NULL, "packedAt" = NULL,
            "stagedAt" = NULL, "readyAt" = NULL, "completedAt" = NULL, "endedAt" = NULL, "endedReason" = NULL,
            "bin" = NULL, "carrier" = NULL, "trackingNumber" = NULL, "pendingShopifyAction" = NULL,
            "customerWaitingAt" = NULL, "customerWaitingSpot" = NULL, "updatedAt" = $12
      WHERE "id" = $1::uuid AND "shop" = $2`,
    [
      task.id,
      shop,
      values.fulfillmentOrderId,
      values.orderId,
      values.orderName,
      values.locationId,
      values.kind,
      values.customerName,
      pickupCode,
      at,
      dueAt,
      new Date(),
    ],
  );
  await writeLines(tx, shop, task.id, lines, at, true);
  await recordStoreTaskEvent(tx, shop, {
    taskId: task.id,
    fromState: task.state,
    toState: "NEW",
    locationId: facts.locationId,
    at,
    detail: { kind: "ASSIGNED" },
  });
}

/** An open task takes the fulfilment order's current order facts and lines; its progress stays. */
export async function refreshStoreTask(
  tx: SqlDb,
  shop: string,
  taskId: string,
  facts: StoreTaskFacts,
  at: Date,
): Promise<void> {
  await sqlExecute(
    tx,
    `UPDATE "StoreTask" SET "orderName" = $3, "customerName" = $4, "kind" = $5::"StoreTaskKind", "updatedAt" = $6
      WHERE "id" = $1::uuid AND "shop" = $2`,
    [taskId, shop, facts.orderName, facts.customerName, facts.kind, new Date()],
  );
  await writeLines(tx, shop, taskId, facts.lines, at, false);
}

/**
 * Ends an open task because of its fulfilment order (state CANCELLED, with the reason), with an
 * ENDED event; its history stays. False when the task was not open.
 */
export async function endStoreTask(
  tx: SqlDb,
  shop: string,
  task: Pick<StoreTask, "id" | "state" | "locationId">,
  reason: StoreTaskEndedReason,
  at: Date,
): Promise<boolean> {
  const count = await sqlExecute(
    tx,
    `UPDATE "StoreTask"
        SET "state" = 'CANCELLED', "endedAt" = $3, "endedReason" = $4::"StoreTaskEndedReason",
            "pendingShopifyAction" = NULL, "updatedAt" = $5
      WHERE "id" = $1::uuid AND "shop" = $2 AND "state" IN ${OPEN_STATES_SQL}`,
    [task.id, shop, at, reason, new Date()],
  );
  if (count === 0) return false;
  await recordStoreTaskEvent(tx, shop, {
    taskId: task.id,
    fromState: task.state,
    toState: "CANCELLED",
    locationId: task.locationId,
    at,
    detail: { kind: "ENDED", reason },
  });
  return true;
}

/** A task as the Stores page counts it. */
export type StoreTaskTimes = Pick<
  StoreTask,
  | "locationId"
  | "kind"
  | "state"
  | "assignedAt"
  | "dueAt"
  | "firstScanAt"
  | "packedAt"
  | "readyAt"
  | "completedAt"
  | "endedAt"
>;

/**
 * The tasks of the locations on a day's board: every open one, and those packed, finished or
 * ended since `since`. The locations go as one array parameter: a national chain's 2,000 stores
 * as Prisma's `in` list cost 40–100 ms of CPU a call in its query compiler.
 */
export async function storeTasksOnBoardSince(
  db: SqlDb,
  shop: string,
  locationIds: readonly string[],
  since: Date,
): Promise<StoreTaskTimes[]> {
  if (locationIds.length === 0) return [];
  const rows = await sqlRows<StoreTaskTimes>(
    db,
    `SELECT "locationId", "kind"::text AS "kind", "state"::text AS "state", "assignedAt", "dueAt",
            "firstScanAt", "packedAt", "readyAt", "completedAt", "endedAt"
       FROM "StoreTask"
      WHERE "shop" = $1 AND "locationId" = ANY($2::text[])
        AND ("state" IN ${OPEN_STATES_SQL} OR "packedAt" >= $3 OR "completedAt" >= $3 OR "endedAt" >= $3)`,
    [shop, [...locationIds], since],
  );
  // Either driver: Prisma's raw queries give dates, node-postgres's may give text.
  const at = (value: Date | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({
    ...row,
    assignedAt: new Date(row.assignedAt),
    dueAt: at(row.dueAt),
    firstScanAt: at(row.firstScanAt),
    packedAt: at(row.packedAt),
    readyAt: at(row.readyAt),
    completedAt: at(row.completedAt),
    endedAt: at(row.endedAt),
  }));
}

/** An open task as its alerts weigh it, with the order it is for. */
export type StoreTaskClock = Pick<
  StoreTask,
  | "id"
  | "locationId"
  | "orderId"
  | "orderName"
  | "kind"
  | "state"
  | "assignedAt"
  | "dueAt"
  | "readyAt"
  | "customerWaitingAt"
>;

/**
 * The open tasks of the locations, oldest assignment first, for their alerts (late, not started,
 * uncollected). Plain SQL with the locations as one array: a national chain asks for 2,000
 * stores at once, which cost Prisma's query compiler about 40 ms of CPU as a list of parameters.
 */
export async function openStoreTaskClocks(
  db: SqlDb,
  shop: string,
  locationIds: readonly string[],
): Promise<StoreTaskClock[]> {
  if (locationIds.length === 0) return [];
  const rows = await sqlRows<StoreTaskClock>(
    db,
    `SELECT "id", "locationId", "orderId", "orderName", "kind"::text AS "kind", "state"::text AS "state",
            "assignedAt", "dueAt", "readyAt", "customerWaitingAt"
       FROM "StoreTask"
      WHERE "shop" = $1 AND "locationId" = ANY($2::text[]) AND "state" IN ${OPEN_STATES_SQL}
      ORDER BY "assignedAt" ASC, "id" ASC`,
    [shop, [...locationIds]],
  );
  return rows.map((row) => ({
    ...row,
    assignedAt: new Date(row.assignedAt),
    dueAt: row.dueAt === null ? null : new Date(row.dueAt),
    readyAt: row.readyAt === null ? null : new Date(row.readyAt),
    customerWaitingAt: row.customerWaitingAt === null ? null : new Date(row.customerWaitingAt),
  }));
}

/** When and where lines were reported not found or damaged since `since`. */
export function exceptionReportsSince(
  db: Db,
  shop: string,
  since: Date,
): Promise<Pick<StoreTaskEvent, "locationId" | "at">[]> {
  return db.storeTaskEvent.findMany({
    where: { shop, at: { gte: since }, detail: { path: ["kind"], equals: "EXCEPTION" } },
    select: { locationId: true, at: true },
  });
}

/** A staff member's packing or scan, with the first scan of its task. */
export type StaffStoreTaskEvent = StoredStoreTaskEvent & { staffMemberId: string; taskFirstScanAt: Date | null };

/** Events since `since` that a named staff member packed a task in, or scanned in. */
export async function staffEventsSince(db: Db, shop: string, since: Date): Promise<StaffStoreTaskEvent[]> {
  const rows = await db.storeTaskEvent.findMany({
    where: {
      shop,
      at: { gte: since },
      staffMemberId: { not: null },
      OR: [{ toState: "PACKED", NOT: { fromState: "PACKED" } }, { detail: { path: ["kind"], equals: "SCAN" } }],
    },
    include: { task: { select: { firstScanAt: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.flatMap(({ task, ...row }) =>
    row.staffMemberId === null
      ? []
      : [{ ...readEvent(row), staffMemberId: row.staffMemberId, taskFirstScanAt: task.firstScanAt }],
  );
}

/** The order's tasks at every location, oldest first, with their lines and events (oldest first). */
export async function storeTasksOfOrder(db: Db, shop: string, orderId: string): Promise<StoreTaskWithLines[]> {
  const tasks = await db.storeTask.findMany({
    where: { shop, orderId },
    include: { lines: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
  });
  return tasks.map((task) => ({ ...task, events: task.events.map(readEvent) }));
}
