import type { Prisma } from "@prisma/client";
import { readStoredNotificationSettings, type NotificationSettings } from "~/domain/notifications";
import type { PickupOrderWaiting } from "~/domain/notifications";

import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * The shop's cadence settings as the Notifications page saves them (NotificationSettings), and
 * the pickup orders waiting in stores that an auto-cancel policy would weigh. The cadence and
 * the sending job read the settings through readNotificationSettings (notification-plans.server.ts).
 */

export interface SavedNotificationSettings {
  settings: NotificationSettings;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The saved settings, or null before the first save (the defaults apply). */
export async function findNotificationSettings(db: SqlDb, shop: string): Promise<SavedNotificationSettings | null> {
  const [row] = await sqlRows<{ settings: Prisma.JsonValue; updatedAt: Date; updatedBy: string | null }>(
    db,
    `SELECT "settings", "updatedAt", "updatedBy" FROM "NotificationSettings" WHERE "shop" = $1`,
    [shop],
  );
  if (!row) return null;
  return {
    settings: notificationSettingsOfStored(shop, row.settings),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Saved settings as they read now: leniently, a part saved under an older rule taking its default, the rest standing. */
export function notificationSettingsOfStored(shop: string, stored: Prisma.JsonValue): NotificationSettings {
  const { settings, dropped } = readStoredNotificationSettings(stored);
  if (dropped.length > 0) {
    console.warn(`notifications: ${shop}'s saved ${dropped.join(", ")} no longer read; their defaults apply`);
  }
  return settings;
}

/** Saves the settings whole, replacing what was saved. */
export async function upsertNotificationSettings(
  db: Db,
  shop: string,
  settings: NotificationSettings,
  updatedBy: string | null,
): Promise<SavedNotificationSettings> {
  // Plain JSON of a value the schema produced; it reads back through the same schema.
  const stored = JSON.parse(JSON.stringify(settings)) as Prisma.InputJsonObject;
  const row = await db.notificationSettings.upsert({
    where: { shop },
    create: { shop, settings: stored, updatedBy },
    update: { settings: stored, updatedBy },
  });
  return { settings, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

export interface ReadyPickupOrder extends PickupOrderWaiting {
  orderName: string;
  /** The store's name; its id when the app no longer knows the location. */
  storeName: string;
  readyAt: Date;
}

/** More than this many orders waiting is a list no merchant reads; the count says "at least". */
export const READY_PICKUPS_LISTED = 500;

/**
 * The shop's pickup orders ready in a store since `readySince` or earlier and not collected,
 * longest waiting first: one entry per order (its earliest ready store task).
 */
export async function readyPickupOrdersSince(db: Db, shop: string, readySince: Date): Promise<ReadyPickupOrder[]> {
  const rows = await db.storeTask.findMany({
    where: { shop, kind: "PICKUP", state: "READY", readyAt: { lte: readySince } },
    select: { orderId: true, orderName: true, locationId: true, kind: true, state: true, readyAt: true },
    orderBy: [{ readyAt: "asc" }, { orderId: "asc" }],
    take: READY_PICKUPS_LISTED,
  });
  const locations = await db.location.findMany({
    where: { shop, locationId: { in: [...new Set(rows.map((row) => row.locationId))] } },
    select: { locationId: true, name: true },
  });
  const names = new Map(locations.map((location) => [location.locationId, location.name]));
  const seen = new Set<string>();
  return rows.flatMap(({ locationId, readyAt, ...row }) => {
    if (!readyAt || seen.has(row.orderId)) return [];
    seen.add(row.orderId);
    return [{ ...row, readyAt, storeName: names.get(locationId) ?? `Location ${locationId}` }];
  });
}
