import { haversineMiles } from "../routing/geo";
import { roundMiles } from "../routing/rounding";
import { nearestOf } from "./alternatives";
import { cartStockAt, itemsOfCart, type CartItem } from "./cart-stock";
import { preparationMinutesOf } from "./preparation";
import { readyHeadline, readyNote, shortfallText } from "./promise-text";
import { isFullyBooked, opensAtAll, readySchedule } from "./ready-by";
import type {
  CartLine,
  LineStock,
  LocationPromise,
  PickupCandidate,
  PromiseRequest,
  PromiseResult,
  ReadyPromise,
} from "./types";

/**
 * The pickup promise: for a cart and the locations that might hand it over, whether each can
 * (pickup offered, open at all, every item in stock), how many more orders it takes today, and
 * when the order will be ready there, or why not and which nearby locations can. Checkout, the
 * product page and routing's PICKUP_STORE_CHANGED ask this one function, so what the shopper is
 * promised is what routing and the store work to.
 */
export function pickupPromises(request: PromiseRequest): PromiseResult {
  const refusal = refusalOf(request.cart);
  if (refusal) return refusal;
  const items = itemsOfCart(request.cart);
  const assessed = request.locations.map((location) => assess(location, items, request.storeMinUnits));
  const servers = assessed.filter((entry) => entry.canServe).map((entry) => entry.location);
  // Many stores share a zone, hours and preparation time: each such timing is worked out once.
  const promises = new Map<string, ReadyPromise | null>();
  const promiseAt = (location: PickupCandidate) => {
    const key = timingKey(location);
    if (!promises.has(key)) promises.set(key, promiseOf(location, request.now));
    return promises.get(key) ?? null;
  };
  const only = request.only ? new Set(request.only) : null;
  const answered = assessed
    .filter((entry) => !only || only.has(entry.location.id))
    .map((entry): LocationPromise => {
      const { location, lines, canServe } = entry;
      const promise = canServe ? promiseAt(location) : null;
      return {
        locationId: location.id,
        name: location.name,
        address: location.address,
        milesFromShopper:
          request.shopper && location.point ? roundMiles(haversineMiles(request.shopper, location.point)) : null,
        canServe: promise !== null,
        lines,
        capacityLeftToday:
          location.dailyCapacity === null ? null : Math.max(0, location.dailyCapacity - location.ordersTakenToday),
        promise,
        unavailable: promise ? null : entry.unavailable,
        alternatives: promise
          ? []
          : nearestOf(location, servers).flatMap(({ id, miles }) => {
              const alternative = servers.find((server) => server.id === id);
              const alternativePromise = alternative ? promiseAt(alternative) : null;
              return alternative && alternativePromise
                ? [{ locationId: id, name: alternative.name, miles, promise: alternativePromise }]
                : [];
            }),
      };
    });
  return { ok: true, locations: nearestShopperFirst(answered) };
}

function refusalOf(cart: readonly CartLine[]): PromiseResult | null {
  if (cart.length === 0) return { ok: false, refusal: "EMPTY_CART", message: "The cart has no items to pick up." };
  const bad = cart.find((line) => !Number.isInteger(line.quantity) || line.quantity < 1);
  if (bad) {
    return { ok: false, refusal: "BAD_QUANTITY", message: `"${bad.title}" needs a whole quantity of at least 1.` };
  }
  return null;
}

interface Assessed {
  readonly location: PickupCandidate;
  readonly lines: LineStock[];
  readonly canServe: boolean;
  readonly unavailable: string | null;
}

function assess(location: PickupCandidate, items: readonly CartItem[], storeMinUnits: number): Assessed {
  const lines = cartStockAt(items, location, storeMinUnits);
  const unavailable =
    !location.pickupEnabled || !location.active
      ? "Pickup is not offered here"
      : !opensAtAll(location.openingHours)
        ? "Closed every day"
        : shortfallText(lines);
  return { location, lines, canServe: unavailable === null, unavailable };
}

/** Everything a location's promise depends on besides `now`; locations with the same key get the same promise. */
function timingKey(location: PickupCandidate): string {
  return JSON.stringify([
    location.timeZone,
    location.openingHours,
    preparationMinutesOf(location.preparation),
    location.orderCutoff,
    isFullyBooked(location),
  ]);
}

function promiseOf(location: PickupCandidate, now: Date): ReadyPromise | null {
  const timing = { ...location, preparationMinutes: preparationMinutesOf(location.preparation) };
  const schedule = readySchedule(timing, now);
  if (!schedule) return null;
  const { day, headline } = readyHeadline(schedule.readyBy, now, location.timeZone);
  const note = readyNote({ ...location, day, notToday: schedule.notToday, now });
  return { ...schedule, day, headline, note };
}

/** Nearest the shopper first when their point is known; locations without a distance keep their order, last. */
function nearestShopperFirst(answered: LocationPromise[]): LocationPromise[] {
  const far = Number.POSITIVE_INFINITY;
  return answered
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.milesFromShopper ?? far) - (b.entry.milesFromShopper ?? far) || a.index - b.index)
    .map(({ entry }) => entry);
}
