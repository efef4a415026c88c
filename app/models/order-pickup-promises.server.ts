import type { OrderPickupPromiseSource, OrderPickupPromiseStatus, Prisma } from "@prisma/client";

import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/** The pickup promise an order was given at its chosen store (see OrderPickupPromise in prisma/schema.prisma). */
export interface OrderPickupPromise {
  orderId: string;
  locationId: string;
  locationName: string;
  status: OrderPickupPromiseStatus;
  readyBy: Date | null;
  headline: string | null;
  note: string | null;
  reason: string | null;
  promisedAt: Date;
  /** CHECKOUT: as the checkout extension showed it (signed); ORDER_PLACED: worked out when the order arrived. */
  source: OrderPickupPromiseSource;
  recordedAt: Date;
}

export type NewOrderPickupPromise = Omit<OrderPickupPromise, "recordedAt">;

const PROMISE_FIELDS = {
  orderId: true,
  locationId: true,
  locationName: true,
  status: true,
  readyBy: true,
  headline: true,
  note: true,
  reason: true,
  promisedAt: true,
  source: true,
  recordedAt: true,
} as const;

/**
 * Records the order's promise unless one is already held: the first one stands, so a re-run
 * or a late duplicate can neither record it twice nor rewrite what the shopper was told.
 * Returns whether this call recorded it.
 */
export async function recordOrderPickupPromise(
  db: SqlDb,
  shop: string,
  promise: NewOrderPickupPromise,
): Promise<boolean> {
  const count = await sqlExecute(
    db,
    `INSERT INTO "OrderPickupPromise"
       ("shop", "orderId", "locationId", "locationName", "status", "readyBy", "headline", "note", "reason",
        "promisedAt", "source", "recordedAt")
     VALUES ($1, $2, $3, $4, $5::"OrderPickupPromiseStatus", $6, $7, $8, $9, $10, $11::"OrderPickupPromiseSource", $12)
     ON CONFLICT DO NOTHING`,
    [
      shop,
      promise.orderId,
      promise.locationId,
      promise.locationName,
      promise.status,
      promise.readyBy,
      promise.headline,
      promise.note,
      promise.reason,
      promise.promisedAt,
      promise.source,
      new Date(),
    ],
  );
  return count === 1;
}

const PROMISE_COLUMNS = Object.keys(PROMISE_FIELDS)
  .map((field) => `"${field}"`)
  .join(", ");

export async function findOrderPickupPromise(
  db: SqlDb,
  shop: string,
  orderId: string,
): Promise<OrderPickupPromise | null> {
  const [row] = await sqlRows<OrderPickupPromise>(
    db,
    `SELECT ${PROMISE_COLUMNS} FROM "OrderPickupPromise" WHERE "shop" = $1 AND "orderId" = $2`,
    [shop, orderId],
  );
  return row ?? null;
}

export async function eraseOrderPickupPromisesOfShop(db: Db, shop: string): Promise<number> {
  return (await db.orderPickupPromise.deleteMany({ where: { shop } })).count;
}

export async function deleteOrderPickupPromisesOfOrders(db: Db, shop: string, orderIds: string[]): Promise<number> {
  return (await db.orderPickupPromise.deleteMany({ where: { shop, orderId: { in: orderIds } } })).count;
}

/** What the customer was promised for their orders, as they would be shown it. */
export function exportOrderPickupPromisesOfOrders(db: Db, shop: string, orderIds: string[]): Promise<unknown[]> {
  return db.orderPickupPromise.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { orderId: true, locationName: true, status: true, readyBy: true, headline: true, promisedAt: true },
    orderBy: { promisedAt: "asc" },
  });
}
