import { buildCatalogue } from "./catalogue";
import { randomInt, seededRandom } from "./random";
import { STORE_HOURS, WAREHOUSE_HOURS } from "./opening-hours";
import type { LocationProfile, Scenario, ScenarioLocation, ScenarioStock } from "./types";

/**
 * Windy City Outfitters: one warehouse in Bolingbrook and twelve Chicago-area stores at their
 * real positions, 300 SKUs. Stock is uneven on purpose: the warehouse holds most of
 * everything, stores hold a little, and many store SKUs sit below the seed's "only use store
 * inventory with at least 3 units" line.
 */

export const CHICAGO_SHOP_DOMAIN = "windy-city-outfitters.myshopify.com";
const TIMEZONE = "America/Chicago";
const LOCATION_ID_BASE = 70_000_000_000;

/** The seed's figures: $3.00 pick labour per store order; carrier base plus per-mile rates. */
const STORE_PROFILE: LocationProfile = {
  labourCostPerOrder: 3.0,
  shipping: { base: 5.5, perMile: 0.05 },
  dailyCapacity: 40,
  openingHours: STORE_HOURS,
  timezone: TIMEZONE,
};

const WAREHOUSE_PROFILE: LocationProfile = {
  labourCostPerOrder: 1.25,
  shipping: { base: 4.0, perMile: 0.02 },
  openingHours: WAREHOUSE_HOURS,
  timezone: TIMEZONE,
};

const SITES: {
  name: string;
  kind: "STORE" | "WAREHOUSE";
  address1: string;
  city: string;
  zip: string;
  latitude: number;
  longitude: number;
}[] = [
  {
    name: "Bolingbrook Distribution Center",
    kind: "WAREHOUSE",
    address1: "600 Remington Blvd",
    city: "Bolingbrook",
    zip: "60440",
    latitude: 41.6986,
    longitude: -88.0684,
  },
  {
    name: "Wicker Park",
    kind: "STORE",
    address1: "1520 N Milwaukee Ave",
    city: "Chicago",
    zip: "60622",
    latitude: 41.9088,
    longitude: -87.6776,
  },
  {
    name: "Lincoln Park",
    kind: "STORE",
    address1: "2240 N Clark St",
    city: "Chicago",
    zip: "60614",
    latitude: 41.9227,
    longitude: -87.64,
  },
  {
    name: "State Street",
    kind: "STORE",
    address1: "101 N State St",
    city: "Chicago",
    zip: "60602",
    latitude: 41.8835,
    longitude: -87.6278,
  },
  {
    name: "River North",
    kind: "STORE",
    address1: "40 W Hubbard St",
    city: "Chicago",
    zip: "60654",
    latitude: 41.89,
    longitude: -87.63,
  },
  {
    name: "Lakeview",
    kind: "STORE",
    address1: "3160 N Broadway",
    city: "Chicago",
    zip: "60657",
    latitude: 41.94,
    longitude: -87.644,
  },
  {
    name: "Hyde Park",
    kind: "STORE",
    address1: "1500 E 53rd St",
    city: "Chicago",
    zip: "60615",
    latitude: 41.7994,
    longitude: -87.589,
  },
  {
    name: "Evanston",
    kind: "STORE",
    address1: "1700 Sherman Ave",
    city: "Evanston",
    zip: "60201",
    latitude: 42.047,
    longitude: -87.682,
  },
  {
    name: "Oak Park",
    kind: "STORE",
    address1: "1100 Lake St",
    city: "Oak Park",
    zip: "60301",
    latitude: 41.888,
    longitude: -87.802,
  },
  {
    name: "Naperville",
    kind: "STORE",
    address1: "120 W Jefferson Ave",
    city: "Naperville",
    zip: "60540",
    latitude: 41.773,
    longitude: -88.15,
  },
  {
    name: "Schaumburg",
    kind: "STORE",
    address1: "5 Woodfield Mall",
    city: "Schaumburg",
    zip: "60173",
    latitude: 42.047,
    longitude: -88.037,
  },
  {
    name: "Old Orchard",
    kind: "STORE",
    address1: "4999 Old Orchard Center",
    city: "Skokie",
    zip: "60077",
    latitude: 42.06,
    longitude: -87.752,
  },
  {
    name: "Orland Park",
    kind: "STORE",
    address1: "288 Orland Square Dr",
    city: "Orland Park",
    zip: "60462",
    latitude: 41.62,
    longitude: -87.85,
  },
];

/** "wicker-park@windy-city-outfitters.example": a reserved domain, so nothing could ever be delivered. */
function storeEmailOf(storeName: string): string {
  const slug = storeName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug}@windy-city-outfitters.example`;
}

export function chicago(): Scenario {
  const random = seededRandom(60_601);
  const locations: ScenarioLocation[] = SITES.map((site, index) => ({
    id: LOCATION_ID_BASE + index + 1,
    name: site.name,
    kind: site.kind,
    address: {
      address1: site.address1,
      city: site.city,
      province: "Illinois",
      provinceCode: "IL",
      zip: site.zip,
      country: "United States",
      countryCode: "US",
      latitude: site.latitude,
      longitude: site.longitude,
      phone: `+1312555${String(1000 + index).slice(-4)}`,
    },
    isActive: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: site.kind === "STORE",
    // Shopify's ranked-locations default: the warehouse first, then stores in list order.
    rank: index + 1,
    profile: site.kind === "STORE" ? { ...STORE_PROFILE, storeEmail: storeEmailOf(site.name) } : WAREHOUSE_PROFILE,
  }));

  const products = buildCatalogue({ colours: 3, vendor: "Windy City Outfitters" });
  const skus = products.flatMap((p) => p.variants.map((v) => v.sku));

  const inventory: ScenarioStock[] = [];
  for (const location of locations) {
    for (const sku of skus) {
      if (location.kind === "WAREHOUSE") {
        // The warehouse stocks nearly everything, deeply.
        if (random() < 0.95) inventory.push({ locationId: location.id, sku, available: randomInt(random, 20, 200) });
        continue;
      }
      if (random() >= 0.7) continue;
      // A quarter of a store's lines sit at 0–2 units, under the seed's threshold of 3.
      const low = random() < 0.25;
      inventory.push({
        locationId: location.id,
        sku,
        available: low ? randomInt(random, 0, 2) : randomInt(random, 3, 14),
      });
    }
  }

  return {
    shop: {
      name: "Windy City Outfitters",
      domain: CHICAGO_SHOP_DOMAIN,
      currency: "USD",
      ianaTimezone: TIMEZONE,
      email: "owner@windycityoutfitters.example",
    },
    locations,
    products,
    inventory,
  };
}
