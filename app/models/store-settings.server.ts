import type { Prisma } from "@prisma/client";
import { storeSettingsSchema, type StoreSettings } from "~/domain/store-tasks/settings";
import { readStoredJson, toStoredJson } from "./stored-json";

import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/**
 * The shop's store settings (StoreSettings in prisma/schema.prisma), read and written through
 * the domain's storeSettingsSchema: a key saved before it existed takes its default, and a value
 * that does not read names the row rather than alerting stores on a guess.
 */

export interface SavedStoreSettings {
  settings: StoreSettings;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The shop's saved settings, or null before the first save (the defaults apply). */
/** The shop's ($1) saved settings, as a statement or a subquery of one. */
export const STORE_SETTINGS_SQL = `SELECT "settings", "updatedAt", "updatedBy" FROM "StoreSettings" WHERE "shop" = $1`;

export async function findStoreSettings(db: SqlDb, shop: string): Promise<SavedStoreSettings | null> {
  const [row] = await sqlRows<{ settings: Prisma.JsonValue; updatedAt: Date; updatedBy: string | null }>(
    db,
    STORE_SETTINGS_SQL,
    [shop],
  );
  if (!row) return null;
  return { settings: readStoreSettings(shop, row.settings), updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/** The shop's stored settings JSON, read through the schema. */
export function readStoreSettings(shop: string, stored: Prisma.JsonValue): StoreSettings {
  return readStoredJson(storeSettingsSchema, stored, { table: "StoreSettings", id: shop, field: "settings" });
}

/** Saves the shop's settings whole, replacing what was saved. */
export async function upsertStoreSettings(
  db: Db,
  shop: string,
  settings: StoreSettings,
  updatedBy: string | null,
): Promise<SavedStoreSettings> {
  const stored = toStoredJson(storeSettingsSchema, settings, { table: "StoreSettings", id: shop, field: "settings" });
  const row = await db.storeSettings.upsert({
    where: { shop },
    create: { shop, settings: stored, updatedBy },
    update: { settings: stored, updatedBy },
  });
  return { settings: stored, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}
