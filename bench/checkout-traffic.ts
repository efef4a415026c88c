import type { ActionFunctionArgs } from "@remix-run/node";
import { signSessionToken } from "../dev/emulator/session-token";
import type { Scenario, ScenarioLocation } from "../dev/scenarios/types";
import { haversineMiles } from "../app/domain/routing/geo";
import { TEST_APP } from "../tests/support/shopify-app";
import { LatencySamples } from "./pipeline-stats";

/**
 * Shoppers at checkout, as the checkout extension calls the availability API: each checkout is a
 * 5-line cart and the 3–5 pickup options checkout lists for the shopper (a store and its nearest
 * neighbours), one request per option, all with the checkout's own session token. Most checkouts
 * are new carts (the first request reads the mirror: a cache miss); the rest are a cart seen a
 * few seconds before (a reload, a second tab), whose answers are all cached. The requests of one
 * checkout arrive back to back, as checkout renders its blocks together.
 */

const CART_LINES = 5;
const OPTIONS_MIN = 3;
const OPTIONS_MAX = 5;
/** Share of checkouts with a cart not asked about before (the others repeat a recent one). */
const NEW_CART_SHARE = 0.7;
/** A repeated cart is one of the last this many: seconds old at these rates, inside the 15 s cache. */
const RECENT_CARTS = 20;
/**
 * Share of new carts all from the home store's range (a shopper who looked at the store's
 * availability first); the others take 3 lines from it and 2 from the whole catalogue.
 */
const HOME_STORE_CART_SHARE = 0.5;
const MIXED_CART_HOME_LINES = 3;

type Action = (args: ActionFunctionArgs) => Promise<Response>;

interface PickupOption {
  name: string;
  address: { address1: string; city: string; zip: string; provinceCode: string; countryCode: string };
}

interface Checkout {
  token: string;
  lines: { variantId: string; quantity: number }[];
  options: PickupOption[];
}

export type RequestKind = "miss" | "hit";

export interface CheckoutRequest {
  kind: RequestKind;
  body: string;
  token: string;
}

/**
 * Latency of the requests answered, by kind, the promises answered, and the answers that were
 * not 200. Once closed, late answers are not counted: `unanswered` says how many there were.
 */
export class CheckoutTraffic {
  readonly samples = { all: new LatencySamples(), miss: new LatencySamples(), hit: new LatencySamples() };
  readonly failures: string[] = [];
  readonly answers = new Map<string, number>();
  started = 0;
  private settled = 0;
  private closed = false;

  get requests(): number {
    return this.samples.all.count;
  }

  get unanswered(): number {
    return this.started - this.settled;
  }

  close(): void {
    this.closed = true;
  }

  record(kind: RequestKind, milliseconds: number, status: number, body: string): void {
    if (this.closed) return;
    this.settled += 1;
    this.samples.all.add(milliseconds);
    this.samples[kind].add(milliseconds);
    if (status !== 200) {
      this.failures.push(`${status} ${body.slice(0, 200)}`);
      return;
    }
    const promise = (JSON.parse(body) as { promise: { status: string } | null }).promise;
    const answer = promise?.status ?? "NO_PROMISE";
    this.answers.set(answer, (this.answers.get(answer) ?? 0) + 1);
  }

  fail(message: string): void {
    if (this.closed) return;
    this.settled += 1;
    this.failures.push(message);
  }
}

function optionOf(location: ScenarioLocation): PickupOption {
  const { address1, city, zip, provinceCode, countryCode } = location.address;
  return { name: location.name, address: { address1, city, zip, provinceCode, countryCode } };
}

/** Builds checkouts from the scenario, deterministically from `random`. */
export class CheckoutMaker {
  private readonly stores: ScenarioLocation[];
  private readonly variantIdBySku: Map<string, string>;
  private readonly allVariantIds: string[];
  private readonly skusAt = new Map<number, string[]>();
  private readonly recent: Checkout[] = [];
  /** Per store, itself and its nearest pickup stores: worked out before the run, not during it. */
  private readonly nearestTo = new Map<number, ScenarioLocation[]>();

  constructor(
    private readonly scenario: Scenario,
    private readonly random: () => number,
  ) {
    this.stores = scenario.locations.filter(
      (location) => location.kind === "STORE" && location.isActive && location.pickupEnabled,
    );
    this.variantIdBySku = new Map(
      scenario.products.flatMap((product) => product.variants.map((variant) => [variant.sku, String(variant.id)])),
    );
    this.allVariantIds = [...this.variantIdBySku.values()];
    for (const stock of scenario.inventory) {
      if (stock.available <= 0) continue;
      const skus = this.skusAt.get(stock.locationId) ?? [];
      skus.push(stock.sku);
      this.skusAt.set(stock.locationId, skus);
    }
    const pointOf = (store: ScenarioLocation) => ({ lat: store.address.latitude, lng: store.address.longitude });
    for (const home of this.stores) {
      const nearest = this.stores
        .map((store) => ({ store, miles: haversineMiles(pointOf(home), pointOf(store)) }))
        .sort((a, b) => a.miles - b.miles)
        .slice(0, OPTIONS_MAX)
        .map(({ store }) => store);
      this.nearestTo.set(home.id, nearest);
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** The home store and its nearest pickup stores, as checkout lists them nearest first. */
  private optionsNear(home: ScenarioLocation): PickupOption[] {
    const count = OPTIONS_MIN + Math.floor(this.random() * (OPTIONS_MAX - OPTIONS_MIN + 1));
    return this.nearestTo.get(home.id)!.slice(0, count).map(optionOf);
  }

  private newCheckout(now: Date): Checkout {
    const home = this.pick(this.stores);
    const homeSkus = this.skusAt.get(home.id) ?? [];
    const variantIds = new Set<string>();
    const fromHome = this.random() < HOME_STORE_CART_SHARE ? CART_LINES : MIXED_CART_HOME_LINES;
    while (variantIds.size < Math.min(fromHome, homeSkus.length)) {
      variantIds.add(this.variantIdBySku.get(this.pick(homeSkus))!);
    }
    while (variantIds.size < CART_LINES) variantIds.add(this.pick(this.allVariantIds));
    return {
      token: signSessionToken({ shop: this.scenario.shop.domain, apiKey: TEST_APP.apiKey, now }, TEST_APP.apiSecret),
      lines: [...variantIds].map((variantId) => ({
        variantId: `gid://shopify/ProductVariant/${variantId}`,
        quantity: this.random() < 0.8 ? 1 : 2,
      })),
      options: this.optionsNear(home),
    };
  }

  /** The requests of the next checkout: a new cart's first one is a miss, every other a hit. */
  next(now: Date): CheckoutRequest[] {
    const isNew = this.recent.length === 0 || this.random() < NEW_CART_SHARE;
    const checkout = isNew ? this.newCheckout(now) : this.pick(this.recent);
    if (isNew) {
      this.recent.push(checkout);
      if (this.recent.length > RECENT_CARTS) this.recent.shift();
    }
    return checkout.options.map((option, index) => ({
      kind: isNew && index === 0 ? "miss" : "hit",
      token: checkout.token,
      body: JSON.stringify({ lines: checkout.lines, option }),
    }));
  }
}

/** An endless stream of checkout requests, one checkout after another. */
export function requestStream(maker: CheckoutMaker): () => CheckoutRequest {
  let queued: CheckoutRequest[] = [];
  return () => {
    if (queued.length === 0) queued = maker.next(new Date());
    return queued.shift()!;
  };
}

/** Calls the route's action in-process as the HTTP server would, timing the action alone. */
export async function sendCheckoutRequest(
  action: Action,
  request: CheckoutRequest,
  traffic: CheckoutTraffic,
): Promise<Response> {
  const httpRequest = new Request(`${TEST_APP.appUrl}/api/checkout/pickup-availability`, {
    method: "POST",
    headers: {
      Origin: "https://checkout.shopify.com",
      Authorization: `Bearer ${request.token}`,
      "Content-Type": "application/json",
    },
    body: request.body,
  });
  const startedAt = performance.now();
  const response = await action({ request: httpRequest, params: {}, context: {} });
  const body = await response.text();
  const elapsed = performance.now() - startedAt;
  traffic.record(request.kind, elapsed, response.status, body);
  return response;
}
