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
import { listLiveLocations, updateLocationProfile } from "~/models/locations.server";

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

/** Every location of the shop with its profile, as the profile form shows it. */
export async function listLocationProfiles(shop: string): Promise<LocationProfileRow[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.flatMap((location) => {
    const profile = location.profile;
    if (!profile) return [];
    const hours = readStoredOpeningHours(profile.openingHours);
    return [
      {
        locationId: location.locationId,
        name: location.name,
        address: [location.address1, location.city, location.provinceCode].filter(Boolean).join(", "),
        // Routing leaves out a location it cannot place, or one that does not fulfil online orders.
        routable: location.latitude !== null && location.isActive && location.fulfillsOnlineOrders,
        shopifyPickup: location.pickupEnabled,
        preparationHelp: preparationTimeHelp(location.pickupTime),
        hoursSummary:
          hours === undefined
            ? "Hours unreadable: routing counts this location as closed until they are saved again"
            : summariseOpeningHours(hours),
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
      },
    ];
  });
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
