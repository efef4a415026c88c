import { Prisma, type Location, type LocationKind, type LocationProfile } from "@prisma/client";
import { z } from "zod";
import { isTimeOfDay, type OpeningHours } from "~/domain/locations/opening-hours";
import { toStoredJson } from "./stored-json";
import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

export interface LocationAddress {
  address1: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
}

/** A location as the Admin API's locations query returns it. */
export interface SyncedLocation extends LocationAddress {
  locationId: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  /** Shopify's "Usually ready in …" (localPickupSettingsV2.pickupTime); null when pickup is off. */
  pickupTime: string | null;
  sourceUpdatedAt: Date;
}

/** What a locations/create or locations/update webhook carries (no coordinates, no pickup). */
export interface LocationChange extends LocationAddress {
  locationId: string;
  name: string;
  isActive: boolean;
  sourceUpdatedAt: Date;
}

/** Locations written per statement: a national chain's 2,000 in four round trips. */
const SYNCED_LOCATIONS_PER_STATEMENT = 500;

/**
 * Writes the locations as the locations sync read them, unless what is held is newer or the
 * location was deleted; one statement per batch (a write per location took a 2,000-store shop
 * past the transaction's time limit). Returns how many were written.
 */
export async function upsertSyncedLocations(
  db: Db,
  shop: string,
  locations: readonly SyncedLocation[],
  syncedAt: Date,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < locations.length; start += SYNCED_LOCATIONS_PER_STATEMENT) {
    const batch = locations.slice(start, start + SYNCED_LOCATIONS_PER_STATEMENT);
    const column = <Value>(read: (location: SyncedLocation) => Value) => batch.map(read);
    // Timestamps go as ISO text: a timestamp without time zone keeps the UTC wall time, as Prisma writes it.
    written += await db.$executeRaw`
      INSERT INTO "Location" ("shop", "locationId", "name", "address1", "city", "provinceCode", "zip", "countryCode",
                              "latitude", "longitude", "isActive", "fulfillsOnlineOrders", "pickupEnabled",
                              "pickupTime", "sourceUpdatedAt", "syncedAt")
      SELECT ${shop}, synced.*, ${syncedAt}
        FROM unnest(${column((l) => l.locationId)}::text[], ${column((l) => l.name)}::text[],
                    ${column((l) => l.address1)}::text[], ${column((l) => l.city)}::text[],
                    ${column((l) => l.provinceCode)}::text[], ${column((l) => l.zip)}::text[],
                    ${column((l) => l.countryCode)}::text[], ${column((l) => l.latitude)}::float8[],
                    ${column((l) => l.longitude)}::float8[], ${column((l) => l.isActive)}::boolean[],
                    ${column((l) => l.fulfillsOnlineOrders)}::boolean[], ${column((l) => l.pickupEnabled)}::boolean[],
                    ${column((l) => l.pickupTime)}::text[],
                    ${column((l) => l.sourceUpdatedAt.toISOString())}::timestamp(3)[]) AS synced
      ON CONFLICT ("shop", "locationId") DO UPDATE SET
        "name" = EXCLUDED."name", "address1" = EXCLUDED."address1", "city" = EXCLUDED."city",
        "provinceCode" = EXCLUDED."provinceCode", "zip" = EXCLUDED."zip", "countryCode" = EXCLUDED."countryCode",
        "latitude" = EXCLUDED."latitude", "longitude" = EXCLUDED."longitude", "isActive" = EXCLUDED."isActive",
        "fulfillsOnlineOrders" = EXCLUDED."fulfillsOnlineOrders", "pickupEnabled" = EXCLUDED."pickupEnabled",
        "pickupTime" = EXCLUDED."pickupTime", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt",
        "syncedAt" = EXCLUDED."syncedAt"
      WHERE "Location"."deletedAt" IS NULL
        AND ("Location"."sourceUpdatedAt" IS NULL OR "Location"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt")`;
  }
  return written;
}

/**
 * Applies a locations/create or locations/update unless what is held is newer or the location
 * was deleted. A location first seen here has no coordinates (webhooks do not carry them) and
 * does not fulfil online orders until the locations sync fills them in. Local pickup (on or off,
 * and its pickup time) is left as the sync last read it: the payload does not carry it. Returns
 * whether it was written.
 */
export async function applyLocationChange(db: Db, shop: string, change: LocationChange, at: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ locationId: string }[]>`
    INSERT INTO "Location" ("shop", "locationId", "name", "address1", "city", "provinceCode", "zip", "countryCode",
                            "isActive", "fulfillsOnlineOrders", "pickupEnabled", "sourceUpdatedAt", "syncedAt")
    VALUES (${shop}, ${change.locationId}, ${change.name}, ${change.address1}, ${change.city}, ${change.provinceCode},
            ${change.zip}, ${change.countryCode}, ${change.isActive}, false, false, ${change.sourceUpdatedAt}, ${at})
    ON CONFLICT ("shop", "locationId") DO UPDATE SET
      "name" = EXCLUDED."name", "address1" = EXCLUDED."address1", "city" = EXCLUDED."city",
      "provinceCode" = EXCLUDED."provinceCode", "zip" = EXCLUDED."zip", "countryCode" = EXCLUDED."countryCode",
      "isActive" = EXCLUDED."isActive", "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt"
    WHERE "Location"."deletedAt" IS NULL
      AND ("Location"."sourceUpdatedAt" IS NULL OR "Location"."sourceUpdatedAt" <= EXCLUDED."sourceUpdatedAt")
    RETURNING "locationId"`;
  return rows.length > 0;
}

/**
 * Marks the location deleted (a tombstone, so a late create or update cannot bring it back)
 * and drops its stock. A location never seen is recorded as a tombstone too.
 */
export async function recordLocationDeleted(db: Db, shop: string, locationId: string, at: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Location" ("shop", "locationId", "name", "isActive", "fulfillsOnlineOrders", "pickupEnabled",
                            "deletedAt", "syncedAt")
    VALUES (${shop}, ${locationId}, '', false, false, false, ${at}, ${at})
    ON CONFLICT ("shop", "locationId") DO UPDATE SET "deletedAt" = EXCLUDED."deletedAt", "isActive" = false
    WHERE "Location"."deletedAt" IS NULL`;
  await db.inventoryLevel.deleteMany({ where: { shop, locationId } });
}

/**
 * Marks deleted every live location the locations query no longer returned, unless it changed
 * after the query started (created meanwhile, announced by a webhook).
 */
export async function markLocationsDeletedExcept(
  db: Db,
  shop: string,
  seenLocationIds: string[],
  queriedAt: Date,
): Promise<string[]> {
  const gone = await db.location.findMany({
    where: {
      shop,
      deletedAt: null,
      locationId: { notIn: seenLocationIds },
      OR: [{ sourceUpdatedAt: null }, { sourceUpdatedAt: { lt: queriedAt } }],
    },
    select: { locationId: true },
  });
  for (const { locationId } of gone) await recordLocationDeleted(db, shop, locationId, queriedAt);
  return gone.map((location) => location.locationId);
}

export interface NewLocationProfile {
  locationId: string;
  kind: LocationKind;
  timeZone: string;
}

/** Gives each location a profile with the defaults unless it has one (the merchant's stays). */
export async function createMissingLocationProfiles(
  db: Db,
  shop: string,
  profiles: NewLocationProfile[],
): Promise<number> {
  if (profiles.length === 0) return 0;
  const { count } = await db.locationProfile.createMany({
    data: profiles.map((profile) => ({ shop, ...profile })),
    skipDuplicates: true,
  });
  return count;
}

const openingWindow = z
  .object({ open: z.string().refine(isTimeOfDay), close: z.string().refine(isTimeOfDay) })
  .nullable();

/** LocationProfile.openingHours: per weekday a window of local times, or null when closed all day. */
export const openingHoursSchema = z.object({
  sunday: openingWindow,
  monday: openingWindow,
  tuesday: openingWindow,
  wednesday: openingWindow,
  thursday: openingWindow,
  friday: openingWindow,
  saturday: openingWindow,
}) satisfies z.ZodType<OpeningHours>;

/**
 * A profile's hours as read: null means always open; "UNREADABLE" when the stored value does
 * not parse. Unlike other stored JSON this does not throw: routing counts such a location as
 * closed, and the Locations page asks for its hours to be saved again, which it must still load
 * to do.
 */
export type StoredOpeningHours = OpeningHours | null | "UNREADABLE";

export function readOpeningHours(stored: Prisma.JsonValue): StoredOpeningHours {
  if (stored === null) return null;
  const parsed = openingHoursSchema.safeParse(stored);
  return parsed.success ? parsed.data : "UNREADABLE";
}

export type StoredLocationProfile = Omit<LocationProfile, "openingHours"> & { openingHours: StoredOpeningHours };

export type LocationWithProfile = Location & { profile: StoredLocationProfile | null };

export interface ProfileChange {
  kind: LocationKind;
  labourCostPerOrder: number;
  shippingBaseCost: number;
  shippingCostPerMile: number;
  dailyCapacity: number | null;
  pickupEnabledOverride: boolean | null;
  /** null means always open. */
  openingHours: OpeningHours | null;
  timeZone: string;
  /** Where the store is emailed when an order arrives; null for none, absent to leave it. */
  storeEmail?: string | null;
  /** Minutes of opening time a pickup order takes; null follows Shopify's pickup time; absent to leave it. */
  preparationMinutes?: number | null;
  /** "HH:MM" in timeZone after which pickup orders wait for the next opening; null for none; absent to leave it. */
  pickupOrderCutoff?: string | null;
}

/** Saves the merchant's edits to a location's profile; false when the shop has no such profile. */
export async function updateLocationProfile(
  db: Db,
  shop: string,
  locationId: string,
  change: ProfileChange,
): Promise<boolean> {
  const { openingHours, ...rest } = change;
  const { count } = await db.locationProfile.updateMany({
    where: { shop, locationId },
    data: {
      ...rest,
      // SQL NULL, as a newly mirrored location has, rather than a JSON null.
      openingHours:
        openingHours === null
          ? Prisma.DbNull
          : toStoredJson(openingHoursSchema, openingHours, {
              table: "LocationProfile",
              id: locationId,
              field: "openingHours",
            }),
    },
  });
  return count > 0;
}

/** One field set to one value at many locations (the Locations table's bulk edits). */
export type ProfilesChange = { labourCostPerOrder: number } | { pickupEnabledOverride: boolean | null };

/**
 * Applies one change to the profiles of the shop's locations `locationIds`, all of them or none:
 * one statement that writes only when every id is one of the shop's profiles, so a selection
 * holding another shop's id, or a location deleted meanwhile, changes nothing. Returns how many
 * profiles were written: the number of distinct ids, or 0.
 */
export async function updateLocationProfiles(
  db: Db,
  shop: string,
  locationIds: readonly string[],
  change: ProfilesChange,
  at: Date,
): Promise<number> {
  const ids = [...new Set(locationIds)];
  if (ids.length === 0) return 0;
  const setsLabour = "labourCostPerOrder" in change;
  const labour = setsLabour ? change.labourCostPerOrder.toFixed(4) : null;
  const pickup = setsLabour ? null : change.pickupEnabledOverride;
  // updatedAt as Prisma writes it (UTC wall time in a timestamp without time zone).
  return db.$executeRaw`
    UPDATE "LocationProfile" SET
      "labourCostPerOrder" = CASE WHEN ${setsLabour} THEN ${labour}::numeric ELSE "labourCostPerOrder" END,
      "pickupEnabledOverride" = CASE WHEN ${setsLabour} THEN "pickupEnabledOverride" ELSE ${pickup}::boolean END,
      "updatedAt" = ${at.toISOString()}::timestamp(3)
    WHERE "shop" = ${shop} AND "locationId" = ANY (${ids}::text[])
      AND (SELECT count(*) FROM "LocationProfile" mine
            WHERE mine."shop" = ${shop} AND mine."locationId" = ANY (${ids}::text[])) = ${ids.length}`;
}

/** The shop's location `locationId` with its profile, unless it was deleted or never mirrored. */
export async function findLiveLocation(db: Db, shop: string, locationId: string): Promise<LocationWithProfile | null> {
  const location = await db.location.findFirst({
    where: { shop, locationId, deletedAt: null },
    include: { profile: true },
  });
  if (location === null) return null;
  const { profile } = location;
  return { ...location, profile: profile && { ...profile, openingHours: readOpeningHours(profile.openingHours) } };
}

/**
 * The version of the shop's Location and LocationProfile rows as this statement sees them
 * (decision 046): the database's triggers give the shop a new one, from a sequence, in the
 * transaction of any insert, update or delete of those rows, by whatever path; nothing else
 * changes it. It keys listLiveLocations' snapshot, so a process never serves locations another
 * process (the locations webhooks, the locations sync, a profile save) has since changed. A
 * primary-key read, where reading the locations is every row (2,000 at a national chain, for
 * every routing decision). "none": the shop's rows were never written since the version began.
 */
export const LIVE_LOCATIONS_VERSION_SQL = `SELECT COALESCE(
       (SELECT "version"::text FROM "LocationsVersion" WHERE "shop" = $1), 'none') AS "version"`;

async function liveLocationsVersion(db: SqlDb, shop: string): Promise<string> {
  const [row] = await sqlRows<{ version: string }>(db, LIVE_LOCATIONS_VERSION_SQL, [shop]);
  return row!.version;
}

/** The last live locations read per shop, with the version they were read at (see liveLocationsVersion). */
const liveLocationsSnapshots = new Map<string, { version: string; locations: readonly LocationWithProfile[] }>();
/** Shops whose snapshots a process keeps; the least recently read is dropped beyond this. */
const LIVE_LOCATIONS_SNAPSHOT_SHOPS = 64;

/**
 * The shop's locations that exist in Shopify, with their profiles, by id. Served from this
 * process's snapshot while the rows' version is the one it was read at, so routing does not
 * read and decode every location for every order. The objects are shared between callers:
 * treat them as read-only (the array is each caller's own).
 */
export async function listLiveLocations(db: SqlDb, shop: string): Promise<LocationWithProfile[]> {
  return liveLocationsAt(db, shop, await liveLocationsVersion(db, shop));
}

/**
 * listLiveLocations, for a caller that read the rows' version (LIVE_LOCATIONS_VERSION_SQL, the
 * shop as $1) with other things in one statement.
 */
export async function liveLocationsAt(db: SqlDb, shop: string, version: string): Promise<LocationWithProfile[]> {
  return [...(await liveLocationsSnapshotAt(db, shop, version))];
}

/**
 * liveLocationsAt without the copy: the same array for every read of one version, so a caller can
 * keep what it derives from it for as long as the version lasts (routing, routing-view.server.ts).
 */
export async function liveLocationsSnapshotAt(
  db: SqlDb,
  shop: string,
  version: string,
): Promise<readonly LocationWithProfile[]> {
  const held = liveLocationsSnapshots.get(shop);
  // Re-inserted on every read, so the Map's first key is the least recently read shop.
  liveLocationsSnapshots.delete(shop);
  if (held && held.version === version) {
    liveLocationsSnapshots.set(shop, held);
    return held.locations;
  }
  // Read after the version: a change committed in between gives rows newer than the version,
  // which the next read finds out of date (its version is then not this one) and reads again.
  const locations = await readLiveLocations(db, shop);
  liveLocationsSnapshots.set(shop, { version, locations });
  const oldest = liveLocationsSnapshots.keys().next().value;
  if (liveLocationsSnapshots.size > LIVE_LOCATIONS_SNAPSHOT_SHOPS && oldest !== undefined) {
    liveLocationsSnapshots.delete(oldest);
  }
  return locations;
}

async function readLiveLocations(db: SqlDb, shop: string): Promise<LocationWithProfile[]> {
  const [locations, profiles] = await Promise.all([
    sqlRows<Location>(
      db,
      `SELECT * FROM "Location" WHERE "shop" = $1 AND "deletedAt" IS NULL ORDER BY "locationId" ASC`,
      [shop],
    ),
    sqlRows<LocationProfile>(db, `SELECT * FROM "LocationProfile" WHERE "shop" = $1`, [shop]),
  ]);
  const profileOf = new Map(profiles.map((profile) => [profile.locationId, profile]));
  return locations.map((location): LocationWithProfile => {
    const profile = profileOf.get(location.locationId);
    return {
      ...location,
      profile:
        profile === undefined
          ? null
          : {
              ...profile,
              // numeric columns: node-postgres reads them as text, Prisma as Decimal; both as Prisma does.
              labourCostPerOrder: new Prisma.Decimal(profile.labourCostPerOrder),
              shippingBaseCost: new Prisma.Decimal(profile.shippingBaseCost),
              shippingCostPerMile: new Prisma.Decimal(profile.shippingCostPerMile),
              openingHours: readOpeningHours(profile.openingHours),
            },
    };
  });
}
