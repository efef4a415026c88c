import type { Scenario } from "../scenarios/types";

/** What the POS stand-in page is told about the shop it stands in for (GET /config.json). */
export interface PosStandInConfig {
  shopDomain: string;
  shopName: string;
  /** The emulator gives its shops no numeric id; POS's `shopId` only has to be a number here. */
  shopId: number;
  currency: string;
  posVersion: string;
  /** Where the app answers: the extension's relative `/api/pos/…` URLs resolve against it, as in POS. */
  appUrl: string;
  /** The user logged in to POS: the session token names them, whoever is pinned as staff. */
  userId: number;
  locations: { id: number; name: string }[];
  staff: { id: number; name: string }[];
  /** Every barcode the shop sells, so the stand-in can offer a wrong item to scan. */
  catalogue: { barcode: string; title: string }[];
}

export const DEMO_STAFF = [
  { id: 7001, name: "Alex Rivera" },
  { id: 7002, name: "Sam Okafor" },
  { id: 7003, name: "Jo Kowalski" },
] as const;

export function posStandInConfig(scenario: Scenario, appUrl: string): PosStandInConfig {
  return {
    shopDomain: scenario.shop.domain,
    shopName: scenario.shop.name,
    shopId: 1,
    currency: scenario.shop.currency,
    posVersion: "10.12.0",
    appUrl,
    userId: DEMO_STAFF[0].id,
    // POS runs in stores: the shop's active retail locations, as POS would offer them.
    locations: scenario.locations
      .filter((location) => location.kind === "STORE" && location.isActive)
      .map((location) => ({ id: location.id, name: location.name })),
    staff: DEMO_STAFF.map((member) => ({ ...member })),
    catalogue: scenario.products.flatMap((product) =>
      product.variants.map((variant) => ({
        barcode: variant.barcode,
        title:
          variant.title && variant.title !== "Default Title" ? `${product.title} — ${variant.title}` : product.title,
      })),
    ),
  };
}
