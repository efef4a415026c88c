/**
 * A shop as the emulator (and the demo) seed it: what Shopify would hold (locations, products,
 * stock) plus each location's Omniroute profile, which is the merchant's data in the app and
 * is carried here only so the demo can seed it. The emulator ignores `profile`.
 */
export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/** Local opening time of a location, "HH:MM" 24-hour; `null` when closed all day. */
export type OpeningHours = Record<Weekday, { open: string; close: string } | null>;

export interface ScenarioAddress {
  address1: string;
  city: string;
  province: string;
  provinceCode: string;
  zip: string;
  country: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  phone?: string;
}

export interface LocationProfile {
  /** Pick and pack labour per order at this location, in the shop currency. */
  labourCostPerOrder: number;
  /** Carrier cost from this location: base plus per mile to the destination. */
  shipping: { base: number; perMile: number };
  /** Orders a day this location can take; absent means no limit. */
  dailyCapacity?: number;
  openingHours: OpeningHours;
  timezone: string;
  /** Where the store's team is emailed when an order arrives (the demo turns store emails on). */
  storeEmail?: string;
}

export interface ScenarioLocation {
  /** Numeric id; the emulator exposes it as gid://shopify/Location/<id>. */
  id: number;
  name: string;
  kind: "STORE" | "WAREHOUSE";
  address: ScenarioAddress;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  /** Shopify's "Usually ready in …" for local pickup (DeliveryLocalPickupTime); absent: ONE_HOUR. */
  pickupTime?: string;
  /** Position in the shop's ranked-locations order routing rule; 1 is tried first. */
  rank: number;
  profile: LocationProfile;
}

export interface ScenarioVariant {
  id: number;
  sku: string;
  /** EAN-13 with a valid check digit. */
  barcode: string;
  /** Decimal string in the shop currency, as the Admin API's Money scalar. */
  price: string;
  title: string;
  inventoryItemId: number;
}

export interface ScenarioProduct {
  id: number;
  title: string;
  vendor: string;
  productType: string;
  variants: ScenarioVariant[];
}

export interface ScenarioStock {
  locationId: number;
  sku: string;
  available: number;
}

export interface Scenario {
  shop: { name: string; domain: string; currency: string; ianaTimezone: string; email: string };
  locations: ScenarioLocation[];
  products: ScenarioProduct[];
  inventory: ScenarioStock[];
}
