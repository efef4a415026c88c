import type { PrismaClient } from "@prisma/client";
import prisma from "~/db.server";
import { matchPickupOption } from "~/domain/locations/pickup-option-match";
import { pickupPromises, type PickupCandidate } from "~/domain/pickup-promise";
import { availableUnits, cartStockAt, itemsOfCart } from "~/domain/pickup-promise/cart-stock";
import { haversineMiles } from "~/domain/routing/geo";
import type { AvailabilityBody } from "./availability-input";
import { numericVariantId } from "./availability-input";
import { promiseJson, type AvailabilityAnswer } from "./availability-answer";
import {
  readCartInputs,
  readShopPickupLocations,
  type CartInputs,
  type CartQuantity,
  type ShopPickupLocations,
} from "./cart-inputs.server";
import { ExpiringCache } from "./expiring-cache";
import { signCheckoutPromise } from "./promise-token.server";

/**
 * The pickup promise for one checkout pickup option and the cart: the option mapped to the
 * shop's location by its address, that location's promise, and when it cannot take the cart
 * the nearest that can. Checkout renders one block per pickup option, each asking for the same
 * cart, so the cart's inputs (and each answer) are kept for a short while per shop and cart; the
 * shop's locations, which every cart shares, for the same while per shop (a national chain's
 * 2,000 locations cost most of a cart's reading time otherwise: bench:checkout).
 */

/** Short enough that stock a store just sold shows within a checkout's few seconds of looking. */
export const AVAILABILITY_CACHE_MS = 15_000;
const AVAILABILITY_CACHE_ENTRIES = 500;
const SHOP_CACHE_ENTRIES = 100;

/**
 * Alternatives are searched among the nearest stores that hold the whole cart, not all of a
 * national chain's: answering 5 locations costs ~7 ms, 2,000 ~174 ms (the promise's author).
 */
const ALTERNATIVE_CANDIDATES = 20;

export type AvailabilityOutcome =
  | { ok: true; answer: AvailabilityAnswer }
  | { ok: false; refusal: { status: 422; code: "UNKNOWN_VARIANTS"; message: string; field: "lines" } };

interface CartEntry {
  /** When the inputs were read: every option of one checkout is promised from the same instant. */
  readonly now: Date;
  readonly inputs: CartInputs;
  /** Per location id, once worked out. */
  readonly answers: Map<string, AvailabilityAnswer>;
  /** The stores that could serve the cart by stock alone, worked out on first need. */
  stocked?: readonly PickupCandidate[];
}

export interface AvailabilityCache {
  readonly carts: ExpiringCache<Promise<CartEntry>>;
  readonly shops: ExpiringCache<Promise<ShopPickupLocations>>;
}

export function createAvailabilityCache(): AvailabilityCache {
  return {
    carts: new ExpiringCache(AVAILABILITY_CACHE_MS, AVAILABILITY_CACHE_ENTRIES),
    shops: new ExpiringCache(AVAILABILITY_CACHE_MS, SHOP_CACHE_ENTRIES),
  };
}

const processCache = createAvailabilityCache();

export interface AvailabilityContext {
  now?: Date;
  db?: PrismaClient;
  cache?: AvailabilityCache;
}

/** The cart as one key: variants in order, each once with its total quantity. */
function normalisedCart(body: AvailabilityBody): CartQuantity[] {
  const totals = new Map<string, number>();
  for (const line of body.lines) {
    const variantId = numericVariantId(line.variantId);
    if (variantId !== null) totals.set(variantId, (totals.get(variantId) ?? 0) + line.quantity);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([variantId, quantity]) => ({ variantId, quantity }));
}

export async function pickupAvailability(
  shop: string,
  body: AvailabilityBody,
  { now = new Date(), db = prisma, cache = processCache }: AvailabilityContext = {},
): Promise<AvailabilityOutcome> {
  const cart = normalisedCart(body);
  const key = `${shop}\n${cart.map((line) => `${line.variantId}x${line.quantity}`).join(",")}`;
  const entry = await cached(cache.carts, key, now, async () => {
    const shopLocations = await cached(cache.shops, shop, now, () => readShopPickupLocations(db, shop, now));
    const inputs = await readCartInputs(db, shop, cart, now, shopLocations);
    return { now, inputs, answers: new Map() };
  });
  if (!entry.inputs.ok) {
    const gids = entry.inputs.unknownVariantIds.map((id) => `gid://shopify/ProductVariant/${id}`);
    return {
      ok: false,
      refusal: {
        status: 422,
        code: "UNKNOWN_VARIANTS",
        field: "lines",
        message: `The shop has no such variant (or it is not synced yet): ${gids.join(", ")}`,
      },
    };
  }
  const place = matchPickupOption(body.option, entry.inputs.places);
  if (!place) {
    return {
      ok: true,
      answer: {
        location: null,
        promise: null,
        message: "This pickup option is not one of the shop's pickup locations",
      },
    };
  }
  let answer = entry.answers.get(place.locationId);
  if (!answer) {
    answer = answerFor(shop, entry, place.locationId) ?? {
      location: { id: place.locationId, name: place.name },
      promise: null,
      message: "This location is not set up in Omniroute yet",
    };
    entry.answers.set(place.locationId, answer);
  }
  return { ok: true, answer };
}

/** The cache's value for `key`, or `read`'s, kept while it lasts; a failed read is not kept. */
function cached<Value>(
  cache: ExpiringCache<Promise<Value>>,
  key: string,
  now: Date,
  read: () => Promise<Value>,
): Promise<Value> {
  const hit = cache.get(key, now);
  if (hit) return hit;
  const pending = read();
  cache.set(key, pending, now);
  pending.catch(() => cache.delete(key));
  return pending;
}

function answerFor(shop: string, entry: CartEntry, locationId: string): AvailabilityAnswer | null {
  const { inputs } = entry;
  if (!inputs.ok) return null;
  const location = inputs.candidates.find((candidate) => candidate.id === locationId);
  if (!location) return null;
  const result = pickupPromises({
    cart: inputs.cart,
    locations: [location, ...nearestStocked(entry, location)],
    storeMinUnits: inputs.storeMinUnits,
    shopper: null,
    now: entry.now,
    only: [location.id],
  });
  const [answered] = result.ok ? result.locations : [];
  if (!answered) return null;
  const { promise } = answered;
  // Signed as of the instant it was worked out, so a cached answer's token ages with its promise.
  const promiseToken = promise
    ? signCheckoutPromise({
        shop,
        locationId: location.id,
        readyBy: promise.readyBy,
        headline: promise.headline,
        note: promise.note,
        issuedAt: entry.now,
      })
    : null;
  return {
    location: { id: location.id, name: location.name },
    promise: { ...promiseJson(answered), promiseToken },
    message: null,
  };
}

/** The pickup stores nearest `location` whose stock covers the whole cart (pickupPromises decides the rest: hours, capacity). */
function nearestStocked(entry: CartEntry, location: PickupCandidate): PickupCandidate[] {
  const { inputs } = entry;
  if (!inputs.ok || location.point === null) return [];
  if (!entry.stocked) {
    const items = itemsOfCart(inputs.cart);
    entry.stocked = inputs.candidates.filter(
      (candidate) =>
        candidate.point !== null &&
        candidate.pickupEnabled &&
        candidate.active &&
        // Most of a chain's stores lack one of the items outright: ruled out before the line rule.
        items.every((item) => availableUnits(candidate, item.inventoryItemId) >= item.quantity) &&
        cartStockAt(items, candidate, inputs.storeMinUnits).every((line) => line.enough),
    );
  }
  const from = location.point;
  return entry.stocked
    .filter((candidate) => candidate.id !== location.id)
    .map((candidate) => ({ candidate, miles: candidate.point ? haversineMiles(from, candidate.point) : Infinity }))
    .sort((a, b) => a.miles - b.miles)
    .slice(0, ALTERNATIVE_CANDIDATES)
    .map(({ candidate }) => candidate);
}
