import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { ServiceLevel } from "~/domain/routing/types";
import { DEFAULT_ROUTING_SETTINGS, isServiceLevel, type RoutingSettings } from "~/domain/routing-settings/settings";
import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

const serviceLevel = z.custom<ServiceLevel>(isServiceLevel, { error: "must be STANDARD, NEXT_DAY or SAME_DAY" });

/**
 * RoutingSettings as a version stores them (the settings column, JSON). A field a version
 * lacks, saved before the field existed, takes its default; a field that is there but does not
 * read makes the version unreadable, rather than routing orders on a guess.
 */
const storedRoutingSettings = z.object({
  storeMinUnits: z.number().nonnegative().default(DEFAULT_ROUTING_SETTINGS.storeMinUnits),
  radiusMiles: z.number().nonnegative().default(DEFAULT_ROUTING_SETTINGS.radiusMiles),
  maxExtraCostOverWarehouse: z.number().nonnegative().default(DEFAULT_ROUTING_SETTINGS.maxExtraCostOverWarehouse),
  allowSplit: z.boolean().default(DEFAULT_ROUTING_SETTINGS.allowSplit),
  shippingMethodRules: z
    .array(z.object({ contains: z.string(), serviceLevel }))
    .default(() => [...DEFAULT_ROUTING_SETTINGS.shippingMethodRules]),
  defaultServiceLevel: serviceLevel.default(DEFAULT_ROUTING_SETTINGS.defaultServiceLevel),
}) satisfies z.ZodType<RoutingSettings>;

/** A saved version whose settings do not read: routing and the settings page stop on it. */
export class UnreadableRoutingSettingsError extends Error {
  constructor(
    readonly shop: string,
    readonly version: number,
    readonly rowId: string,
    problems: string,
  ) {
    super(`Routing settings version ${version} of ${shop} (row ${rowId}) cannot be read: ${problems}`);
    this.name = "UnreadableRoutingSettingsError";
  }
}

/** The settings a version stored, or UnreadableRoutingSettingsError naming the version. */
export function parseStoredRoutingSettings(
  stored: Prisma.JsonValue,
  row: { shop: string; version: number; id: string },
): RoutingSettings {
  const parsed = storedRoutingSettings.safeParse(stored);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`);
    throw new UnreadableRoutingSettingsError(row.shop, row.version, row.id, problems.join("; "));
  }
  return parsed.data;
}

export interface RoutingSettingsVersion {
  version: number;
  settings: RoutingSettings;
  changedBy: string | null;
  changedAt: Date;
}

const VERSION_FIELDS = {
  id: true,
  shop: true,
  version: true,
  settings: true,
  changedBy: true,
  changedAt: true,
} as const;

export type StoredRoutingSettingsVersion = Prisma.RoutingSettingsVersionGetPayload<{ select: typeof VERSION_FIELDS }>;

/** A stored version as the app reads it; its settings through the schema. */
export function readRoutingSettingsVersion({
  id,
  shop,
  version,
  settings,
  changedBy,
  changedAt,
}: StoredRoutingSettingsVersion): RoutingSettingsVersion {
  return { version, settings: parseStoredRoutingSettings(settings, { shop, version, id }), changedBy, changedAt };
}

/** The shop's ($1) latest saved version, as a statement or a subquery of one. */
export const LATEST_ROUTING_SETTINGS_SQL = `SELECT "id", "shop", "version", "settings", "changedBy", "changedAt"
       FROM "RoutingSettingsVersion" WHERE "shop" = $1 ORDER BY "version" DESC LIMIT 1`;

/** The settings in force: the shop's latest saved version, or null before the first save. */
export async function latestRoutingSettings(db: SqlDb, shop: string): Promise<RoutingSettingsVersion | null> {
  const [latest] = await sqlRows<StoredRoutingSettingsVersion>(db, LATEST_ROUTING_SETTINGS_SQL, [shop]);
  return latest ? readRoutingSettingsVersion(latest) : null;
}

export async function listRoutingSettingsVersions(db: Db, shop: string, take = 20): Promise<RoutingSettingsVersion[]> {
  const versions = await db.routingSettingsVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take,
    select: VERSION_FIELDS,
  });
  return versions.map(readRoutingSettingsVersion);
}

/**
 * Saves a new version numbered after the latest. Two saves at once cannot both take the same
 * number (the unique (shop, version) index refuses the second, which then retries).
 */
export async function appendRoutingSettingsVersion(
  db: Db,
  shop: string,
  settings: RoutingSettings,
  changedBy: string | null,
): Promise<number> {
  // Written through the reader's schema, so what is saved is what reads back.
  const stored = JSON.stringify(storedRoutingSettings.parse(settings));
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await db.$queryRaw<{ version: number }[]>`
        INSERT INTO "RoutingSettingsVersion" ("id", "shop", "version", "settings", "changedBy")
        SELECT gen_random_uuid(), ${shop}, COALESCE(MAX("version"), 0) + 1, ${stored}::jsonb, ${changedBy}
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
