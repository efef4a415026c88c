import type { Prisma } from "@prisma/client";
import { clearReflectedReservations } from "./inventory-reservations.server";

type Db = Prisma.TransactionClient;

/**
 * The units a store task's reroute (an exception, an escalation) holds where it sends the lines:
 * InventoryReservation rows of the order, made like a routing decision's (decision 006) under
 * the same per-SKU lock, so two reroutes at once cannot both count a store's last unit. They are
 * cleared the same ways: once the mirror shows the move (reflectedAfter, then REFLECTED), when
 * the order is cancelled, and when Shopify refuses the move (MOVE_FAILED).
 *
 * A reroute's own are told apart from the routing decision's by when they were made: after the
 * task began (`since`), for the SKUs it moves, and not yet known moved (reflectedAfter null).
 * The routing decision's are marked as moved by its move phase, which runs before a store task
 * can be worked, so by the time a task is rerouted only an earlier attempt of the reroute itself
 * leaves any unmarked.
 */

export interface RerouteReservationScope {
  orderId: string;
  skus: readonly string[];
  /** When the task began: the reroute's reservations were made after it. */
  since: Date;
}

function unmoved(shop: string, scope: RerouteReservationScope): Prisma.InventoryReservationWhereInput {
  return {
    shop,
    orderId: scope.orderId,
    sku: { in: [...scope.skus] },
    createdAt: { gte: scope.since },
    clearedAt: null,
    reflectedAfter: null,
  };
}

/**
 * An earlier attempt's reservations whose move never happened (Shopify refused it, or the
 * attempt failed before sending it) stop counting, before the reroute decides again.
 */
export async function releaseUnmovedRerouteReservations(
  db: Db,
  shop: string,
  scope: RerouteReservationScope,
): Promise<number> {
  const { count } = await db.inventoryReservation.updateMany({
    where: unmoved(shop, scope),
    data: { clearedAt: new Date(), clearedReason: "MOVE_FAILED" },
  });
  return count;
}

/**
 * The reroute's move happened (its answer, or a later read of the fulfilment order, says so):
 * Shopify committed the units from the moment the reservation was made, just before the move
 * was sent. A mirror update of the destination from then on clears them.
 */
export async function markRerouteReservationsMoved(
  db: Db,
  shop: string,
  scope: RerouteReservationScope,
): Promise<number> {
  // A handful of rows (one per destination and SKU): each takes its own creation time.
  const rows = await db.inventoryReservation.findMany({
    where: unmoved(shop, scope),
    select: { id: true, createdAt: true, locationId: true, sku: true },
  });
  // The move's own inventory_levels/update may be in flight: it updates these levels, then clears
  // the reservations they show. Locking the levels first makes the two take turns, so one of them
  // sees the other's work; otherwise each could miss the other's uncommitted change and the
  // reservation would outlive the units it stood for.
  await lockInventoryLevels(db, shop, rows);
  for (const row of rows) {
    await db.inventoryReservation.update({ where: { id: row.id }, data: { reflectedAfter: row.createdAt } });
  }
  // The move's update may already have committed (it went first, and found no reservation marked
  // to clear): the mirror shows the units, so they stop counting now, as the routing move does.
  await clearReflectedReservations(db, shop, { orderId: scope.orderId });
  return rows.length;
}

/**
 * After the transaction that marked them has committed: the move's own inventory_levels/update
 * may have waited on the levels locked there, its one statement reading the reservations as they
 * were before the mark, so it wrote the level and cleared nothing. Locking the levels again waits
 * until such an update has committed; the mirror then shows the units, and they are cleared.
 */
export async function clearRerouteReservationsOnceLevelsSettle(db: Db, shop: string, orderId: string): Promise<number> {
  const marked = await db.inventoryReservation.findMany({
    where: { shop, orderId, clearedAt: null, reflectedAfter: { not: null } },
    select: { locationId: true, sku: true },
  });
  if (marked.length === 0) return 0;
  await lockInventoryLevels(db, shop, marked);
  return clearReflectedReservations(db, shop, { orderId });
}

/** Locks the mirror's levels of these SKUs at these locations until the transaction ends. */
async function lockInventoryLevels(
  db: Db,
  shop: string,
  places: readonly { locationId: string; sku: string }[],
): Promise<void> {
  if (places.length === 0) return;
  const locationIds = [...new Set(places.map((place) => place.locationId))];
  const skus = [...new Set(places.map((place) => place.sku))];
  await db.$queryRaw`
    SELECT 1 FROM "InventoryLevel"
     WHERE shop = ${shop} AND "locationId" = ANY(${locationIds}) AND sku = ANY(${skus})
     ORDER BY "locationId", "inventoryItemId"
       FOR UPDATE`;
}
