import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/** How a shipped order travels, as the store that shipped it recorded it: what its tracking link is built from. */
export interface OrderShipment {
  orderId: string;
  carrier: string | null;
  trackingNumber: string | null;
}

/** The latest shipment of each of `orderIds` that has a tracking number, by order id. */
export async function latestShipmentsOf(
  db: Db,
  shop: string,
  orderIds: readonly string[],
): Promise<Map<string, OrderShipment>> {
  const shipped = await db.storeTask.findMany({
    where: { shop, orderId: { in: [...orderIds] }, kind: "SHIP", trackingNumber: { not: null } },
    select: { orderId: true, carrier: true, trackingNumber: true },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
  });
  // Later rows overwrite earlier ones: the latest shipment wins.
  return new Map(shipped.map((task) => [task.orderId, task]));
}
