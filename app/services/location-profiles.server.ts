import prisma from "~/db.server";
import { parseProfileForm, type ProfileErrors, type ProfileForm } from "~/domain/locations/profile-form";
import { listLiveLocations, updateLocationProfile } from "~/models/locations.server";

export interface LocationProfileRow {
  locationId: string;
  name: string;
  address: string;
  routable: boolean;
  shopifyPickup: boolean;
  form: Required<ProfileForm>;
}

/** Every location of the shop with its profile, as the profile form shows it. */
export async function listLocationProfiles(shop: string): Promise<LocationProfileRow[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.flatMap((location) => {
    const profile = location.profile;
    if (!profile) return [];
    return [
      {
        locationId: location.locationId,
        name: location.name,
        address: [location.address1, location.city, location.provinceCode].filter(Boolean).join(", "),
        // Routing leaves out a location it cannot place, or one that does not fulfil online orders.
        routable: location.latitude !== null && location.isActive && location.fulfillsOnlineOrders,
        shopifyPickup: location.pickupEnabled,
        form: {
          kind: profile.kind,
          labourCostPerOrder: profile.labourCostPerOrder.toFixed(2),
          shippingBaseCost: profile.shippingBaseCost.toFixed(2),
          shippingCostPerMile: profile.shippingCostPerMile.toFixed(2),
          dailyCapacity: profile.dailyCapacity === null ? "" : String(profile.dailyCapacity),
          pickup: profile.pickupEnabledOverride === null ? "shopify" : profile.pickupEnabledOverride ? "on" : "off",
        },
      },
    ];
  });
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
