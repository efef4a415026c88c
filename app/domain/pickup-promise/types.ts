import type { OpeningHours } from "../locations/opening-hours";
import type { GeoPoint, LocationKind } from "../routing/types";
import type { PreparationSettings } from "./preparation";

/** What the pickup promise is asked, and what it answers per location. */

export interface CartLine {
  /** The mirror's inventory item id of the line's variant: stock is counted by it. */
  readonly inventoryItemId: string;
  readonly sku: string | null;
  readonly title: string;
  readonly quantity: number;
}

export interface PickupCandidate {
  /** Shopify's numeric location id. */
  readonly id: string;
  readonly name: string;
  /** One line, as the shopper reads it. */
  readonly address: string;
  /** null: the location has no coordinates, so no distance to or from it is known. */
  readonly point: GeoPoint | null;
  /** The store minimum-units rule applies to stores only, as routing applies it. */
  readonly kind: LocationKind;
  readonly timeZone: string;
  /** null: always open (opening-hours.ts). */
  readonly openingHours: OpeningHours | null;
  readonly preparation: PreparationSettings;
  /** "HH:MM" in the location's zone: orders after it are prepared from the next opening. null: none. */
  readonly orderCutoff: string | null;
  /** Local pickup is on (Shopify's setting or the profile's override). */
  readonly pickupEnabled: boolean;
  /** Active and fulfils online orders. */
  readonly active: boolean;
  /** Orders a day; null: no limit. */
  readonly dailyCapacity: number | null;
  /** Orders assigned to the location since its local midnight (daily-capacity.ts assignedToday). */
  readonly ordersTakenToday: number;
  /** The mirror's available units per inventory item; an item missing has none. */
  readonly available: Readonly<Record<string, number>>;
  /** Units of each inventory item that other orders' active reservations hold here. */
  readonly reserved: Readonly<Record<string, number>>;
}

export interface PromiseRequest {
  readonly cart: readonly CartLine[];
  readonly locations: readonly PickupCandidate[];
  /** Routing's storeMinUnits: a store's stock of an item counts only from this many units. */
  readonly storeMinUnits: number;
  /** Where the shopper is, when known: locations are then listed nearest first. */
  readonly shopper: GeoPoint | null;
  readonly now: Date;
  /**
   * Answer for these location ids only (a checkout option, a routed order); every candidate is
   * still searched for alternatives. Absent: every candidate.
   */
  readonly only?: readonly string[];
}

/** Why a store does not take the order for today although it is open later today. */
export type NotTodayReason = "FULLY_BOOKED" | "PAST_CUTOFF";

export type ReadyDay = "TODAY" | "TOMORROW" | "LATER";

export interface ReadyPromise {
  /** When the order will be ready: the store task's due time for an order assigned at preparationStartsAt. */
  readonly readyBy: Date;
  /** `now`, or the next opening when the store takes no more orders today. */
  readonly preparationStartsAt: Date;
  readonly day: ReadyDay;
  readonly notToday: NotTodayReason | null;
  /** "Ready today by 4:00 PM", "Ready tomorrow from 10:00 AM", "Ready Friday from 10:00 AM". */
  readonly headline: string;
  /** Why not sooner, when the shopper would wonder: "Fully booked today", "Closed today and tomorrow". */
  readonly note: string | null;
}

export interface LineStock {
  readonly inventoryItemId: string;
  readonly title: string;
  /** The cart's units of the item, over all its lines. */
  readonly quantity: number;
  /** Mirror less other orders' reservations, never below 0. */
  readonly available: number;
  /** At least the quantity, and for a store at least the store minimum. */
  readonly enough: boolean;
}

export interface Alternative {
  readonly locationId: string;
  readonly name: string;
  /** From the location that cannot serve the cart, to the hundredth (routing's roundMiles). */
  readonly miles: number;
  readonly promise: ReadyPromise;
}

export interface LocationPromise {
  readonly locationId: string;
  readonly name: string;
  readonly address: string;
  /** null: the shopper's point or the location's is not known. */
  readonly milesFromShopper: number | null;
  /** Pickup offered, opens at all, and every item in stock: the promise below holds. */
  readonly canServe: boolean;
  /** One entry per inventory item of the cart, in cart order. */
  readonly lines: readonly LineStock[];
  /** Orders it still takes today; null: no limit. */
  readonly capacityLeftToday: number | null;
  /** null when it cannot serve the cart. */
  readonly promise: ReadyPromise | null;
  /** Why it cannot serve the cart ("Only 1 of 2 items in stock here"); null when it can. */
  readonly unavailable: string | null;
  /** When it cannot serve the cart: the nearest that can, nearest first, at most MAX_ALTERNATIVES. */
  readonly alternatives: readonly Alternative[];
}

export type PromiseRefusal = "EMPTY_CART" | "BAD_QUANTITY";

export type PromiseResult =
  | { readonly ok: true; readonly locations: readonly LocationPromise[] }
  | { readonly ok: false; readonly refusal: PromiseRefusal; readonly message: string };
