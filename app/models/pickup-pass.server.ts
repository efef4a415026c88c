import type { Prisma, StoreTask } from "@prisma/client";
import { readOpeningHours, type StoredOpeningHours } from "./locations.server";

type Db = Prisma.TransactionClient;

/**
 * What the shopper's pickup pass reads and writes: an order's pickup tasks, the stores they are
 * at, and the shopper's "I'm here". Every query is scoped by the shop the pass link names.
 */

export type PickupPassTask = Pick<
  StoreTask,
  | "id"
  | "fulfillmentOrderId"
  | "orderName"
  | "locationId"
  | "state"
  | "customerName"
  | "pickupCode"
  | "assignedAt"
  | "dueAt"
  | "completedAt"
  | "endedAt"
  | "endedReason"
  | "customerWaitingAt"
  | "customerWaitingSpot"
  | "updatedAt"
>;

/** The columns of PickupPassTask, as every reader of an order's pickup tasks selects them. */
export const PICKUP_PASS_TASK_FIELDS = {
  id: true,
  fulfillmentOrderId: true,
  orderName: true,
  locationId: true,
  state: true,
  customerName: true,
  pickupCode: true,
  assignedAt: true,
  dueAt: true,
  completedAt: true,
  endedAt: true,
  endedReason: true,
  customerWaitingAt: true,
  customerWaitingSpot: true,
  updatedAt: true,
} as const satisfies Record<keyof PickupPassTask, true>;

/** The order's pickup tasks at every store, oldest assignment first (ship and delivery tasks are not the pass's). */
export function pickupTasksOfOrder(db: Db, shop: string, orderId: string): Promise<PickupPassTask[]> {
  return db.storeTask.findMany({
    where: { shop, orderId, kind: "PICKUP" },
    select: PICKUP_PASS_TASK_FIELDS,
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
  });
}

export interface PickupStore {
  locationId: string;
  name: string;
  address1: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  /** null: the location has no profile (no zone, no hours to tell). */
  timeZone: string | null;
  openingHours: StoredOpeningHours;
}

/** The shop's locations among `locationIds`, by id, deleted ones too: an order once there still names them. */
export async function pickupStoresOf(
  db: Db,
  shop: string,
  locationIds: readonly string[],
): Promise<Map<string, PickupStore>> {
  const rows = await db.location.findMany({
    where: { shop, locationId: { in: [...locationIds] } },
    select: {
      locationId: true,
      name: true,
      address1: true,
      city: true,
      provinceCode: true,
      zip: true,
      profile: { select: { timeZone: true, openingHours: true } },
    },
  });
  return new Map(
    rows.map(({ profile, ...location }) => [
      location.locationId,
      {
        ...location,
        timeZone: profile?.timeZone ?? null,
        openingHours: profile ? readOpeningHours(profile.openingHours) : null,
      },
    ]),
  );
}

export type CheckInTask = Pick<StoreTask, "id" | "state" | "endedReason" | "customerWaitingAt">;

/**
 * The order's pickup tasks at the store, locked until the transaction ends, so two taps of
 * "I'm here" take turns: the second sees the first's arrival and its count towards the limit.
 */
export async function lockPickupTasksOfOrderAt(
  tx: Db,
  shop: string,
  orderId: string,
  locationId: string,
): Promise<CheckInTask[]> {
  await tx.$queryRaw`
    SELECT id FROM "StoreTask"
     WHERE shop = ${shop} AND "orderId" = ${orderId} AND "locationId" = ${locationId} AND kind = 'PICKUP'
       FOR UPDATE`;
  return tx.storeTask.findMany({
    where: { shop, orderId, locationId, kind: "PICKUP" },
    select: { id: true, state: true, endedReason: true, customerWaitingAt: true },
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
  });
}

/** How many "I'm here" the task recorded since `since`. */
export function countCustomerArrivalsSince(db: Db, shop: string, taskId: string, since: Date): Promise<number> {
  return db.storeTaskEvent.count({
    where: {
      shop,
      taskId,
      at: { gte: since },
      detail: { path: ["kind"], equals: "CUSTOMER_ARRIVED" },
    },
  });
}

/** The shopper is waiting at the store since `since`, at `spot` (null: they did not say where). */
export async function markCustomerWaiting(
  tx: Db,
  shop: string,
  taskId: string,
  { since, spot }: { since: Date; spot: string | null },
): Promise<void> {
  await tx.storeTask.update({
    where: { id: taskId, shop },
    data: { customerWaitingAt: since, customerWaitingSpot: spot },
  });
}
