import type {
  Prisma,
  StoreTask,
  StoreTaskLineException,
  StoreTaskManualReason,
  StoreTaskShopifyAction,
  StoreTaskState,
} from "@prisma/client";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { readStoreSettings } from "./store-settings.server";
import { readEvent, type StoredStoreTaskEvent } from "./store-tasks.server";

type Db = Prisma.TransactionClient;

/**
 * The store-task queries of an associate's actions on POS (scan, confirm, transition, handover)
 * and of the Shopify calls they imply. Scoped by shop, and by location where an associate
 * reaches the task.
 */

/** The event a POS request recorded, by the request's id; null when the shop has none. */
export async function findStoreTaskEventByRequest(
  db: Db,
  shop: string,
  clientRequestId: string,
): Promise<StoredStoreTaskEvent | null> {
  const row = await db.storeTaskEvent.findUnique({ where: { shop_clientRequestId: { shop, clientRequestId } } });
  return row && readEvent(row);
}

/** What a step changes on the task; absent fields stay as they are. */
export interface StoreTaskChange {
  state?: StoreTaskState;
  startedAt?: Date;
  firstScanAt?: Date;
  packedAt?: Date;
  stagedAt?: Date;
  readyAt?: Date;
  completedAt?: Date;
  bin?: string;
  carrier?: string;
  trackingNumber?: string;
  pendingShopifyAction?: StoreTaskShopifyAction;
  /** Adds one to the right or wrong scans. */
  scan?: "RIGHT" | "WRONG";
}

export async function changeStoreTask(tx: Db, shop: string, taskId: string, change: StoreTaskChange): Promise<void> {
  const { scan, ...values } = change;
  await tx.storeTask.update({
    where: { id: taskId, shop },
    data: {
      ...values,
      ...(scan === "RIGHT" ? { rightScans: { increment: 1 } } : {}),
      ...(scan === "WRONG" ? { wrongScans: { increment: 1 } } : {}),
    },
  });
}

/** The line's picked units; a manual reason when units were confirmed without a scan. */
export async function setStoreTaskLinePicked(
  tx: Db,
  shop: string,
  taskId: string,
  lineItemId: string,
  picked: number,
  manualReason?: StoreTaskManualReason,
): Promise<void> {
  await tx.storeTaskLine.updateMany({
    where: { shop, taskId, lineItemId },
    data: { picked, ...(manualReason ? { manualReason } : {}) },
  });
}

/** The line is not found or damaged, with the associate's note. */
export async function recordStoreTaskLineException(
  tx: Db,
  shop: string,
  taskId: string,
  lineItemId: string,
  exception: { reason: StoreTaskLineException; note: string | null },
): Promise<void> {
  await tx.storeTaskLine.updateMany({
    where: { shop, taskId, lineItemId },
    data: { exceptionReason: exception.reason, exceptionNote: exception.note },
  });
}

/**
 * The item a code names among the shop's store-task lines (barcode exact, SKU in either case),
 * for telling an associate which wrong item they scanned; null when the shop has never had it.
 */
export async function itemOfCode(
  db: Db,
  shop: string,
  code: string,
): Promise<{ code: string; title: string; variantTitle: string | null } | null> {
  const line = await db.storeTaskLine.findFirst({
    where: { shop, OR: [{ barcode: code }, { sku: { equals: code, mode: "insensitive" } }] },
    select: { barcode: true, sku: true, title: true, variantTitle: true },
  });
  if (!line) return null;
  return {
    code: line.barcode === code ? code : (line.sku ?? code),
    title: line.title,
    variantTitle: line.variantTitle,
  };
}

export type StoreTaskForEffect = Pick<
  StoreTask,
  "id" | "shop" | "fulfillmentOrderId" | "locationId" | "orderName" | "kind" | "state" | "pendingShopifyAction"
>;

/** The task a Shopify call is made for (a job's, not an associate's: no location scope). */
export function findStoreTaskForEffect(db: Db, shop: string, taskId: string): Promise<StoreTaskForEffect | null> {
  return db.storeTask.findFirst({
    where: { id: taskId, shop },
    select: {
      id: true,
      shop: true,
      fulfillmentOrderId: true,
      locationId: true,
      orderName: true,
      kind: true,
      state: true,
      pendingShopifyAction: true,
    },
  });
}

/** Clears the pending Shopify call once it is done, unless a later step set another meanwhile. */
export async function clearPendingShopifyAction(
  db: Db,
  shop: string,
  taskId: string,
  action: StoreTaskShopifyAction,
): Promise<void> {
  await db.storeTask.updateMany({
    where: { id: taskId, shop, pendingShopifyAction: action },
    data: { pendingShopifyAction: null },
  });
}

/** Marks a Shopify call pending again (its dead letter was retried), unless a later step set another meanwhile. */
export async function setPendingShopifyActionIfNone(
  db: Db,
  shop: string,
  taskId: string,
  action: StoreTaskShopifyAction,
): Promise<void> {
  await db.storeTask.updateMany({
    where: { id: taskId, shop, pendingShopifyAction: null },
    data: { pendingShopifyAction: action },
  });
}

/** The task at the location in one of the states showing this pickup code; null when none. */
export async function findTaskIdByPickupCode(
  db: Db,
  shop: string,
  locationId: string,
  pickupCode: string,
  states: readonly StoreTaskState[],
): Promise<string | null> {
  const task = await db.storeTask.findFirst({
    where: { shop, locationId, pickupCode, state: { in: [...states] } },
    select: { id: true },
  });
  return task?.id ?? null;
}

/** The location's task of the order (the latest one), or null when the store has none. */
export async function findTaskIdOfOrderAt(
  db: Db,
  shop: string,
  locationId: string,
  orderId: string,
): Promise<string | null> {
  const task = await db.storeTask.findFirst({
    where: { shop, locationId, orderId },
    orderBy: { assignedAt: "desc" },
    select: { id: true },
  });
  return task?.id ?? null;
}

/**
 * The shop's store at this location with its time zone and the shop's saved store settings (null
 * before the first save); null for another shop's location, a warehouse or a deleted one.
 */
export async function findStoreLocation(
  db: Db,
  shop: string,
  locationId: string,
): Promise<{ locationId: string; timeZone: string; savedSettings: StoreSettings | null } | null> {
  // One statement for both: every POS request asks this first, and each round trip costs the
  // store's traffic CPU on both sides (npm run bench:store).
  const rows = await db.$queryRaw<{ timeZone: string; settings: Prisma.JsonValue | null }[]>`
    SELECT profile."timeZone", saved.settings
      FROM "LocationProfile" profile
      JOIN "Location" location ON location.shop = profile.shop AND location."locationId" = profile."locationId"
      LEFT JOIN "StoreSettings" saved ON saved.shop = profile.shop
     WHERE profile.shop = ${shop} AND profile."locationId" = ${locationId}
       AND profile.kind = 'STORE' AND location."deletedAt" IS NULL`;
  const store = rows[0];
  if (!store) return null;
  return {
    locationId,
    timeZone: store.timeZone,
    savedSettings: store.settings === null ? null : readStoreSettings(shop, store.settings),
  };
}

/** Picks a staff member packed at the location since `since`: when picking started and when packed. */
export async function listPicksPackedBy(
  db: Db,
  shop: string,
  locationId: string,
  staffMemberId: string,
  since: Date,
): Promise<{ firstScanAt: Date | null; startedAt: Date | null; packedAt: Date | null }[]> {
  const events = await db.storeTaskEvent.findMany({
    where: { shop, locationId, staffMemberId, toState: "PACKED", fromState: { not: "PACKED" }, at: { gte: since } },
    select: { task: { select: { id: true, firstScanAt: true, startedAt: true, packedAt: true } } },
  });
  const tasks = new Map(events.map(({ task }) => [task.id, task] as const));
  return [...tasks.values()].map(({ firstScanAt, startedAt, packedAt }) => ({ firstScanAt, startedAt, packedAt }));
}
