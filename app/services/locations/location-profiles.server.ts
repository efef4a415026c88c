import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { dollarsFieldValue } from "~/domain/money";
import {
  hoursFormOf,
  readStoredOpeningHours,
  summariseOpeningHours,
  timeZoneLabel,
  timeZoneOptions,
  type TimeZoneOption,
} from "~/domain/locations/hours-form";
import { parseProfileForm, type ProfileErrors, type ProfileForm } from "~/domain/locations/profile-form";
import { preparationTimeHelp } from "~/domain/locations/shopify-pickup-time";
import {
  findLiveLocation,
  listLiveLocations,
  updateLocationProfile,
  updateLocationProfiles,
  type LocationWithProfile,
  type StoredLocationProfile,
} from "~/models/locations.server";
import {
  countLocationTableRows,
  findLocationTableRows,
  locationRowKey,
  updateMatchingLocationProfiles,
} from "~/models/locations-table.server";
import { encodeLocationsCursor, type LocationsTableQuery } from "~/domain/locations/locations-table-query";
import {
  parseBulkProfileEdit,
  type BulkProfileField,
  type BulkProfileForm,
} from "~/domain/locations/bulk-profile-edit";
import type { FieldErrors } from "~/domain/form-result";

export interface LocationProfileRow {
  locationId: string;
  name: string;
  address: string;
  routable: boolean;
  shopifyPickup: boolean;
  /** The preparation time's help, naming Shopify's "Usually ready in …" that an empty field follows. */
  preparationHelp: string;
  /** The saved hours in a line ("Mon–Fri 10:00–21:00, Sat–Sun closed", "Always open"). */
  hoursSummary: string;
  /** The saved time zone as merchants read it ("America/New York"). */
  timeZoneName: string;
  form: Required<ProfileForm>;
}

/** A live location with its profile as the profile form shows it. */
function profileRowOf(location: LocationWithProfile & { profile: StoredLocationProfile }): LocationProfileRow {
  const profile = location.profile;
  const hours = readStoredOpeningHours(profile.openingHours);
  return {
    locationId: location.locationId,
    name: location.name,
    address: [location.address1, location.city, location.provinceCode].filter(Boolean).join(", "),
    // Routing leaves out a location it cannot place, or one that does not fulfil online orders.
    routable: location.latitude !== null && location.isActive && location.fulfillsOnlineOrders,
    shopifyPickup: location.pickupEnabled,
    preparationHelp: preparationTimeHelp(location.pickupTime),
    hoursSummary: hours === undefined ? UNREADABLE_HOURS : summariseOpeningHours(hours),
    timeZoneName: timeZoneLabel(profile.timeZone),
    form: {
      kind: profile.kind,
      labourCostPerOrder: dollarsFieldValue(profile.labourCostPerOrder.toNumber()),
      shippingBaseCost: dollarsFieldValue(profile.shippingBaseCost.toNumber()),
      shippingCostPerMile: dollarsFieldValue(profile.shippingCostPerMile.toNumber()),
      dailyCapacity: profile.dailyCapacity === null ? "" : String(profile.dailyCapacity),
      pickup: profile.pickupEnabledOverride === null ? "shopify" : profile.pickupEnabledOverride ? "on" : "off",
      storeEmail: profile.storeEmail ?? "",
      preparationMinutes: profile.preparationMinutes === null ? "" : String(profile.preparationMinutes),
      pickupOrderCutoff: profile.pickupOrderCutoff ?? "",
      ...(hours === undefined
        ? { ...hoursFormOf(null, profile.timeZone), hours: "weekly" }
        : hoursFormOf(hours, profile.timeZone)),
    },
  };
}

const UNREADABLE_HOURS = "Hours unreadable: routing counts this location as closed until they are saved again";

/** Every location of the shop with its profile, as the profile form shows it. */
export async function listLocationProfiles(shop: string): Promise<LocationProfileRow[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.flatMap((location) =>
    location.profile ? [profileRowOf({ ...location, profile: location.profile })] : [],
  );
}

/** One location of the shop with its profile, as its edit page shows it; null when the shop has none such. */
export async function loadLocationProfile(shop: string, locationId: string): Promise<LocationProfileRow | null> {
  const location = await findLiveLocation(prisma, shop, locationId);
  if (location === null || location.profile === null) return null;
  return profileRowOf({ ...location, profile: location.profile });
}

/** A row of the Locations table, as the page shows it. */
export interface LocationsTableRow {
  locationId: string;
  name: string;
  /** "State St 1, Chicago, IL 60601", or empty when Shopify has no address. */
  address: string;
  kind: "STORE" | "WAREHOUSE";
  labourCostPerOrder: number;
  /** Orders a day at most; null for no limit. */
  dailyCapacity: number | null;
  /** Pickup as shoppers get it, and whether that is Shopify's setting or the profile's override. */
  pickup: boolean;
  pickupSource: "shopify" | "override";
  routesOrders: boolean;
  hoursSummary: string;
  /** The time zone the hours are in, as merchants read it ("America/New York"). */
  timeZoneName: string;
}

export interface LocationsTablePage {
  rows: LocationsTableRow[];
  /** How many locations the search and filters match, over every page. */
  total: number;
  nextCursor: string | null;
}

export const LOCATIONS_PAGE_SIZE = 50;

/** One page of the Locations table under the query. */
export async function loadLocationsTable(shop: string, query: LocationsTableQuery): Promise<LocationsTablePage> {
  const [found, total] = await Promise.all([
    // One more than a page: whether there is a next page, without a count per page.
    findLocationTableRows(prisma, shop, query, LOCATIONS_PAGE_SIZE + 1),
    countLocationTableRows(prisma, shop, query),
  ]);
  const rows = found.slice(0, LOCATIONS_PAGE_SIZE);
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => {
      const hours = readStoredOpeningHours(row.openingHours);
      return {
        locationId: row.locationId,
        name: row.name,
        address: [row.address1, row.city, [row.provinceCode, row.zip].filter(Boolean).join(" ")]
          .filter(Boolean)
          .join(", "),
        kind: row.kind,
        labourCostPerOrder: new Prisma.Decimal(row.labourCostPerOrder).toNumber(),
        dailyCapacity: row.dailyCapacity,
        pickup: row.pickupEnabledOverride ?? row.shopifyPickup,
        pickupSource: row.pickupEnabledOverride === null ? "shopify" : "override",
        routesOrders: row.routesOrders,
        hoursSummary: hours === undefined ? "Hours unreadable: save them again" : summariseOpeningHours(hours),
        timeZoneName: timeZoneLabel(row.timeZone),
      };
    }),
    total,
    nextCursor:
      found.length > LOCATIONS_PAGE_SIZE && last ? encodeLocationsCursor(query.sort, locationRowKey(last)) : null,
  };
}

export type BulkEditOutcome =
  { ok: true; updated: number } | { ok: false; errors: FieldErrors<BulkProfileField> } | { ok: false; notFound: true };

/**
 * A bulk edit from the Locations table, read by the single form's rules: applied to every
 * selected location or, when one is not the shop's, to none; or to every location the table's
 * filter matches.
 */
export async function bulkEditLocationProfiles(
  shop: string,
  form: BulkProfileForm,
  at: Date,
): Promise<BulkEditOutcome> {
  const reading = parseBulkProfileEdit(form);
  if (!reading.ok) return reading;
  const { target, change } = reading.edit;
  if (target.kind === "matching") {
    return { ok: true, updated: await updateMatchingLocationProfiles(prisma, shop, target.query, change, at) };
  }
  const updated = await updateLocationProfiles(prisma, shop, target.locationIds, change, at);
  return updated === target.locationIds.length ? { ok: true, updated } : { ok: false, notFound: true };
}

let zonesCache: { hour: string; options: TimeZoneOption[] } | undefined;

/**
 * Every time zone the runtime knows, with its UTC offset now. Worked out once an hour rather
 * than on every page load (it takes tens of milliseconds): around a clock change an offset in a
 * label may be out of date for up to an hour, which the choice of zone does not depend on.
 */
export function listTimeZoneOptions(now: Date): TimeZoneOption[] {
  const hour = now.toISOString().slice(0, 13);
  if (zonesCache?.hour !== hour) {
    zonesCache = { hour, options: timeZoneOptions([...Intl.supportedValuesOf("timeZone"), "UTC"], now) };
  }
  return zonesCache.options;
}

export type ProfileSaveOutcome = { ok: true } | { ok: false; errors: ProfileErrors } | { ok: false; notFound: true };

export async function saveLocationProfile(
  shop: string,
  locationId: string,
  form: ProfileForm,
): Promise<ProfileSaveOutcome> {
  const parsed = parseProfileForm(form);
  if (!parsed.ok) return parsed;
  const saved = await updateLocationProfile(prisma, shop, locationId, parsed.values);
  return saved ? { ok: true } : { ok: false, notFound: true };
}
