import { haversineMiles } from "../../app/domain/routing/geo";
import { CHICAGO_ADDRESSES, type DemoAddress } from "../emulator/demo-addresses";
import type { Scenario } from "../scenarios/types";

/** What the Checkout stand-in page is told about the shop it stands in for (GET /config.json). */
export interface CheckoutStandInConfig {
  shopDomain: string;
  shopName: string;
  currency: string;
  /** Every variant the shop sells, as the cart offers them. */
  products: CheckoutProduct[];
  /** The shop's pickup locations, as checkout describes a pickup option (no location id reaches the extension). */
  pickupOptions: PickupOptionConfig[];
  /** Where the shopper is: checkout lists pickup locations nearest first from it. */
  shopperAddresses: DemoAddress[];
}

export interface CheckoutProduct {
  /** "gid://shopify/ProductVariant/123", as checkout's cart lines give `merchandise.id`. */
  variantId: string;
  sku: string;
  title: string;
  /** Decimal string in the shop currency. */
  price: string;
}

export interface PickupOptionConfig {
  /** The emulator's numeric location id: the order names it, the extension never sees it. */
  locationId: string;
  name: string;
  /** Checkout's MailingAddress fields for the option's location. */
  address: {
    address1: string;
    city: string;
    zip: string;
    provinceCode: string;
    countryCode: string;
  };
  latitude: number;
  longitude: number;
}

export function checkoutStandInConfig(scenario: Scenario): CheckoutStandInConfig {
  return {
    shopDomain: scenario.shop.domain,
    shopName: scenario.shop.name,
    currency: scenario.shop.currency,
    products: scenario.products.flatMap((product) =>
      product.variants.map((variant) => ({
        variantId: `gid://shopify/ProductVariant/${variant.id}`,
        sku: variant.sku,
        title:
          variant.title && variant.title !== "Default Title" ? `${product.title} — ${variant.title}` : product.title,
        price: variant.price,
      })),
    ),
    // Shopify offers pickup at the shop's active locations that have local pickup turned on.
    pickupOptions: scenario.locations
      .filter((location) => location.isActive && location.pickupEnabled)
      .map((location) => ({
        locationId: String(location.id),
        name: location.name,
        address: {
          address1: location.address.address1,
          city: location.address.city,
          zip: location.address.zip,
          provinceCode: location.address.provinceCode,
          countryCode: location.address.countryCode,
        },
        latitude: location.address.latitude,
        longitude: location.address.longitude,
      })),
    shopperAddresses: CHICAGO_ADDRESSES,
  };
}

/** How many pickup locations checkout lists, nearest first. */
export const PICKUP_OPTIONS_SHOWN = 5;

/** The pickup options checkout lists for a shopper at `from`: the nearest `count`, nearest first, with their distance. */
export function nearestPickupOptions(
  options: readonly PickupOptionConfig[],
  from: { latitude: number; longitude: number },
  count = PICKUP_OPTIONS_SHOWN,
): (PickupOptionConfig & { distanceMiles: number })[] {
  const origin = { lat: from.latitude, lng: from.longitude };
  return options
    .map((option) => ({
      ...option,
      distanceMiles: haversineMiles(origin, { lat: option.latitude, lng: option.longitude }),
    }))
    .sort((a, b) => a.distanceMiles - b.distanceMiles)
    .slice(0, count);
}
