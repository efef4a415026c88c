import type { Prisma } from "@prisma/client";

import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

export type InstallationOutcome = "installed" | "reinstalled" | "already-installed";

/** Records that the shop has the app; a reinstall after an uninstall starts a new installation. */
export async function recordInstallation(
  db: Db,
  shop: string,
  scopes: string | null,
  at: Date,
): Promise<InstallationOutcome> {
  const existing = await db.shopInstallation.findUnique({ where: { shop }, select: { uninstalledAt: true } });
  if (!existing) {
    await db.shopInstallation.create({ data: { shop, installedAt: at, scopes } });
    return "installed";
  }
  if (existing.uninstalledAt) {
    await db.shopInstallation.update({ where: { shop }, data: { installedAt: at, uninstalledAt: null, scopes } });
    return "reinstalled";
  }
  return "already-installed";
}

/** Every shop that has the app now; for work done for all of them (the nightly inventory sync). */
export async function listInstalledShops(db: Db): Promise<string[]> {
  const rows = await db.shopInstallation.findMany({
    where: { uninstalledAt: null },
    select: { shop: true },
    orderBy: { shop: "asc" },
  });
  return rows.map((row) => row.shop);
}

export function findInstallation(db: Db, shop: string) {
  return db.shopInstallation.findUnique({ where: { shop } });
}

export type ShopEventOutcome = "recorded" | "stale" | "unknown-shop";

async function outcome(db: Db, shop: string, count: number): Promise<ShopEventOutcome> {
  if (count > 0) return "recorded";
  return (await findInstallation(db, shop)) ? "stale" : "unknown-shop";
}

/**
 * Marks the shop uninstalled, unless the event predates the current installation
 * (a late app/uninstalled from before a reinstall must not undo the reinstall).
 */
export async function recordUninstall(db: Db, shop: string, eventAt: Date): Promise<ShopEventOutcome> {
  const { count } = await db.shopInstallation.updateMany({
    where: { shop, installedAt: { lte: eventAt } },
    data: { uninstalledAt: eventAt },
  });
  return outcome(db, shop, count);
}

/** Applies a scopes change unless a newer one was already applied. */
export async function recordScopes(db: Db, shop: string, scopes: string, changedAt: Date): Promise<ShopEventOutcome> {
  const { count } = await db.shopInstallation.updateMany({
    where: { shop, OR: [{ scopesUpdatedAt: null }, { scopesUpdatedAt: { lt: changedAt } }] },
    data: { scopes, scopesUpdatedAt: changedAt },
  });
  return outcome(db, shop, count);
}

/** Records the shop's IANA time zone (as Shopify's shop.ianaTimezone gives it); false for a shop not installed. */
export async function saveShopTimeZone(db: Db, shop: string, timeZone: string): Promise<boolean> {
  const { count } = await db.shopInstallation.updateMany({ where: { shop }, data: { timeZone } });
  return count > 0;
}

/** The shop's IANA time zone; "UTC" until it is known. */
export async function findShopTimeZone(db: SqlDb, shop: string): Promise<string> {
  const [row] = await sqlRows<{ timeZone: string | null }>(
    db,
    `SELECT "timeZone" FROM "ShopInstallation" WHERE "shop" = $1`,
    [shop],
  );
  return row?.timeZone ?? "UTC";
}
