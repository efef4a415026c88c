import type { OrderPickupPromiseSource, OrderPickupPromiseStatus, Prisma } from "@prisma/client";

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
export async function recordOrderPickupPromise(db: Db, shop: string, promise: NewOrderPickupPromise): Promise<boolean> {
  const { count } = await db.orderPickupPromise.createMany({ data: [{ shop, ...promise }], skipDuplicates: true });
  return count === 1;
}

export function findOrderPickupPromise(db: Db, shop: string, orderId: string): Promise<OrderPickupPromise | null> {
  return db.orderPickupPromise.findUnique({ where: { shop_orderId: { shop, orderId } }, select: PROMISE_FIELDS });
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
