import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

export interface StoredSettingsVersion {
  version: number;
  settings: Prisma.JsonValue;
  changedBy: string | null;
  changedAt: Date;
}

const VERSION_FIELDS = { version: true, settings: true, changedBy: true, changedAt: true } as const;

/** The settings in force: the shop's latest saved version, or null before the first save. */
export function latestRoutingSettings(db: Db, shop: string): Promise<StoredSettingsVersion | null> {
  return db.routingSettingsVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: VERSION_FIELDS });
}

export function listRoutingSettingsVersions(db: Db, shop: string, take = 20): Promise<StoredSettingsVersion[]> {
  return db.routingSettingsVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take,
    select: VERSION_FIELDS,
  });
}

/**
 * Saves a new version numbered after the latest. Two saves at once cannot both take the same
 * number (the unique (shop, version) index refuses the second, which then retries).
 */
export async function appendRoutingSettingsVersion(
  db: Db,
  shop: string,
  settings: Prisma.InputJsonValue,
  changedBy: string | null,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await db.$queryRaw<{ version: number }[]>`
        INSERT INTO "RoutingSettingsVersion" ("id", "shop", "version", "settings", "changedBy")
        SELECT gen_random_uuid(), ${shop}, COALESCE(MAX("version"), 0) + 1, ${JSON.stringify(settings)}::jsonb, ${changedBy}
          FROM "RoutingSettingsVersion" WHERE "shop" = ${shop}
        RETURNING "version"`;
      if (!row) throw new Error("saving routing settings returned no row");
      return row.version;
    } catch (error) {
      const duplicate = error instanceof Error && /RoutingSettingsVersion_shop_version_key|unique/i.test(error.message);
      if (!duplicate || attempt >= 5) throw error;
    }
  }
}
