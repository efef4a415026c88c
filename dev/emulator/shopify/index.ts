import type { DocumentNode } from "graphql";
import type { Scenario } from "../../scenarios/types";
import { BulkRunCanceled, checkBulkQuery, runBulkQuery, type BulkResult } from "./bulk";
import { ShopContext } from "./context";
import { EventBus, type EventListener } from "./events";
import { runAdminGraphql } from "./execute";
import { drawFault, mutationFieldsOf, noFaults, serverErrorResponse, type Faults } from "./faults";
import { hasReportedProgress } from "./fulfillment-order-status";
import { gid, numericId } from "./ids";
import { QUANTITY_NAMES, quantityOf, setQuantity, type QuantityName } from "./inventory";
import { cancelOrder, placeOrder, type PlaceOrderInput, type PlacedOrder } from "./orders";
import { SeededRandom } from "../../seeded-random";
import type { BulkStart, ResolverContext } from "./resolvers/types";
import { ADMIN_API_VERSION, adminSchema } from "./schema";
import { ShopState, shopDataFromScenario, type BulkOperationRecord, type ShopData } from "./state";
import { CostBucket } from "./throttle";
import { graphqlTime } from "./time";
import { TokenAuthority, type TokenStoreSnapshot } from "./token-exchange";

export type { EmulatorEvent, EventListener } from "./events";
export type { Faults } from "./faults";
export type { PlaceOrderInput, PlacedOrder } from "./orders";
export type { QuantityName } from "./inventory";

/**
 * A local stand-in for the Admin API of many shops, speaking Shopify's wire protocol so the
 * app's real Shopify library runs unchanged against it: token exchange and refresh at
 * /admin/oauth/access_token, Admin GraphQL 2026-04 with validation, cost and throttling, and
 * webhook events for whoever delivers them. The HTTP server around it is elsewhere: this class
 * takes and returns plain request and response objects.
 */

export interface ShopifyEmulatorOptions {
  apiKey: string;
  apiSecret: string;
  /** Granted on token exchange; the app's `[access_scopes] scopes` from shopify.app.toml. */
  scopes?: string;
  /** Origin bulk operation result URLs point at, e.g. http://127.0.0.1:4100. */
  publicUrl?: string;
  now?: () => Date;
  /** Bucket restore rate in points per second: 100 Standard, 1000 Plus. */
  restoreRatePerSecond?: number;
  seed?: number;
  /** How long an injected timeout holds its answer back. */
  timeoutDelayMs?: number;
}

export interface EmulatorRequest {
  method: string;
  /** Path with optional query string, e.g. /admin/api/2026-04/graphql.json. */
  path: string;
  /** The shop the request was meant for; falls back to the X-Forwarded-Host header. */
  shop: string | undefined;
  headers: Record<string, string>;
  body: string;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FulfillmentOrderSummary {
  id: string;
  orderId: string;
  status: string;
  locationId: string;
  deliveryMethod: string;
  preparedForPickup: boolean;
  progressReported: boolean;
  holds: { id: string; reason: string; handle: string | null }[];
  lineItems: { id: string; sku: string; totalQuantity: number; remainingQuantity: number }[];
}

export interface FulfillmentSummary {
  id: string;
  orderId: string;
  locationId: string;
  status: string;
  trackingCompany: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  /** Whether Shopify would have sent the customer its shipping confirmation. */
  notifyCustomer: boolean;
  lineItems: { fulfillmentOrderLineItemId: string; sku: string; quantity: number }[];
}

/** An order as POS's Orders screen lists it at one location (what the demo's POS stand-in shows). */
export interface OrderAtLocation {
  /** Numeric, as POS's Order API gives it to an order-details extension. */
  id: number;
  name: string;
  createdAt: string;
  customerId: number | null;
  customerName: string | null;
  lineItems: { title: string; variantTitle: string; quantity: number }[];
  /** Its fulfilment orders' statuses at this location, e.g. ["OPEN"]. */
  fulfillmentStatuses: string[];
}

/** Where the emulator had to pick a behaviour Shopify's documentation does not settle. */
export interface EmulatorWarning {
  shop: string;
  at: Date;
  message: string;
}

/** Which Admin GraphQL answers `holdAnswers` withholds, and how many more of them (null: all). */
interface HoldRule {
  matches: (query: string) => boolean;
  remaining: number | null;
}

export interface EmulatorSnapshot {
  version: 1;
  shops: ShopData[];
  tokens: TokenStoreSnapshot;
  prngState: number;
}

const DEFAULT_SCOPES =
  "read_customers,read_locations,read_products,write_orders,write_inventory,write_merchant_managed_fulfillment_orders,write_third_party_fulfillment_orders";
const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };
const INVALID_TOKEN_BODY = JSON.stringify({
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
});

function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function json(status: number, body: unknown, extraHeaders: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { ...JSON_HEADERS, ...extraHeaders }, body: JSON.stringify(body) };
}

const notFound = () => json(404, { errors: "Not Found" });

function queryOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { query?: unknown };
    return typeof parsed.query === "string" ? parsed.query : "";
  } catch {
    return "";
  }
}

/** Warnings kept for `warnings()`; older ones are dropped. */
const WARNINGS_KEPT = 200;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class ShopifyEmulator {
  /** Settable at run time; draws come from the seeded generator. */
  faults: Faults = noFaults();
  timeoutDelayMs: number;

  private readonly now: () => Date;
  private readonly prng: SeededRandom;
  private readonly bus = new EventBus();
  private readonly tokens: TokenAuthority;
  private readonly shopStates = new Map<string, ShopState>();
  private readonly buckets = new Map<string, CostBucket>();
  /** Bulk result files by `${shop}/${id}`; kept out of snapshots (Shopify expires them too). */
  private readonly bulkFiles = new Map<string, string>();
  /** Bulk operations running in the background, by `${shop}/${id}`. */
  private readonly bulkRuns = new Map<string, Promise<void>>();
  private publicUrl: string;
  private readonly restoreRate: number;
  private requestCounter = 0;
  private holdRule: HoldRule | null = null;
  private readonly heldAnswers: (() => void)[] = [];
  private readonly warningLog: EmulatorWarning[] = [];
  private readonly warningListeners = new Set<(warning: EmulatorWarning) => void>();

  constructor(private readonly options: ShopifyEmulatorOptions) {
    this.now = options.now ?? (() => new Date());
    this.prng = new SeededRandom(options.seed ?? 1);
    this.publicUrl = (options.publicUrl ?? "http://127.0.0.1:4100").replace(/\/$/, "");
    this.restoreRate = options.restoreRatePerSecond ?? 100;
    this.timeoutDelayMs = options.timeoutDelayMs ?? 10_000;
    this.tokens = new TokenAuthority({
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      scopes: options.scopes ?? DEFAULT_SCOPES,
      now: this.now,
      prng: this.prng,
    });
  }

  loadScenario(shop: string, scenario: Scenario): void {
    const data = shopDataFromScenario(scenario, graphqlTime(this.now()));
    data.domain = shop;
    this.shopStates.set(shop, new ShopState(data));
    this.buckets.delete(shop);
  }

  shops(): string[] {
    return [...this.shopStates.keys()];
  }

  onEvent(listener: EventListener): () => void {
    return this.bus.on(listener);
  }

  private context(shop: string): ShopContext {
    const state = this.shopStates.get(shop);
    if (!state) throw new Error(`no scenario loaded for shop ${shop}`);
    return new ShopContext(state, this.now, this.bus, (message) => this.warn(shop, message));
  }

  private warn(shop: string, message: string): void {
    const warning = { shop, at: this.now(), message };
    this.warningLog.push(warning);
    if (this.warningLog.length > WARNINGS_KEPT) this.warningLog.shift();
    for (const listener of this.warningListeners) listener(warning);
  }

  /** The latest warnings: behaviours the emulator chose where Shopify's documentation is silent. */
  warnings(): EmulatorWarning[] {
    return [...this.warningLog];
  }

  onWarning(listener: (warning: EmulatorWarning) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  private bucket(shop: string): CostBucket {
    let bucket = this.buckets.get(shop);
    if (!bucket) {
      bucket = new CostBucket(this.restoreRate, this.now());
      this.buckets.set(shop, bucket);
    }
    return bucket;
  }

  // ---- wire protocol ----

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    this.requestCounter++;
    const path = request.path.split("?")[0] ?? "";
    const shop = (request.shop ?? header(request.headers, "x-forwarded-host"))?.replace(/:\d+$/, "");
    const method = request.method.toUpperCase();

    const bulkMatch = /^\/bulk\/(?:([^/]+)\/)?(\d+)\.jsonl$/.exec(path);
    if (method === "GET" && bulkMatch) {
      const file = this.bulkFiles.get(`${bulkMatch[1] ?? shop}/${bulkMatch[2]}`);
      return file === undefined ? notFound() : { status: 200, headers: { "Content-Type": "application/jsonl" }, body: file };
    }

    const isTokenRequest = path === "/admin/oauth/access_token";
    const graphqlMatch = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
    if (!isTokenRequest && !graphqlMatch) return notFound();
    if (method !== "POST") return json(405, { errors: "Method Not Allowed" });
    if (!shop || !this.shopStates.has(shop)) return notFound();
    if (graphqlMatch && graphqlMatch[1] !== ADMIN_API_VERSION) return notFound();

    const fault = drawFault(this.faults, this.prng, graphqlMatch !== null);
    if (fault === "server-error") return serverErrorResponse(this.prng);

    const response = isTokenRequest ? this.tokenRequest(shop, request) : this.graphqlRequest(shop, request, fault === "throttle");
    if (fault === "timeout") await delay(this.timeoutDelayMs);
    if (graphqlMatch && this.takesHold(queryOf(request.body))) {
      await new Promise<void>((resolve) => this.heldAnswers.push(resolve));
    }
    return response;
  }

  private takesHold(query: string): boolean {
    const rule = this.holdRule;
    if (!rule?.matches(query)) return false;
    if (rule.remaining !== null && --rule.remaining === 0) this.holdRule = null;
    return true;
  }

  /**
   * Withholds the answers of Admin GraphQL requests whose query `rule` accepts, after they have
   * taken effect, until `releaseHeldAnswers`: a client that dies meanwhile never learns the outcome.
   * With `times`, only that many answers are withheld; later requests are answered at once.
   */
  holdAnswers(rule: (query: string) => boolean, options: { times?: number } = {}): void {
    this.holdRule = { matches: rule, remaining: options.times ?? null };
  }

  /**
   * `holdAnswers` for the requests that run any of these mutations (root field names, e.g.
   * "fulfillmentOrderLineItemsPreparedForPickup"), matched on the parsed document rather than text.
   */
  holdAnswersTo(mutations: readonly string[], options: { times?: number } = {}): void {
    const wanted = new Set(mutations);
    this.holdAnswers((query) => mutationFieldsOf(query).some((field) => wanted.has(field)), options);
  }

  heldAnswerCount(): number {
    return this.heldAnswers.length;
  }

  /** Sends every withheld answer and stops withholding. */
  releaseHeldAnswers(): void {
    this.holdRule = null;
    for (const release of this.heldAnswers.splice(0)) release();
  }

  private tokenRequest(shop: string, request: EmulatorRequest): EmulatorResponse {
    const answer = this.tokens.handle(shop, request.body, header(request.headers, "content-type"));
    return json(answer.status, answer.body);
  }

  private graphqlRequest(shop: string, request: EmulatorRequest, forceThrottle: boolean): EmulatorResponse {
    if (!this.tokens.isValid(shop, header(request.headers, "x-shopify-access-token"))) {
      return { status: 401, headers: JSON_HEADERS, body: INVALID_TOKEN_BODY };
    }
    const shopContext = this.context(shop);
    const context: ResolverContext = {
      shop: shopContext,
      bulk: false,
      publicUrl: this.publicUrl,
      runBulkQuery: (query) => this.startBulkQuery(shopContext, query),
    };
    const answer = runAdminGraphql({
      schema: adminSchema(),
      rawBody: request.body,
      context,
      bucket: this.bucket(shop),
      now: this.now,
      forceThrottle,
    });
    return json(answer.status, answer.body, { "X-Request-Id": `emulator-${this.requestCounter}` });
  }

  private startBulkQuery(ctx: ShopContext, query: string): BulkStart {
    const schema = adminSchema();
    const state = ctx.state;
    // "You can run only one bulk operation of each type ... at a time per shop" (bulk operations guide).
    const running = state.data.bulkOperations.find((o) => o.status === "CREATED" || o.status === "RUNNING");
    if (running) {
      return {
        ok: false,
        code: "OPERATION_IN_PROGRESS",
        message: `A bulk query operation for this app and shop is already in progress: ${gid("BulkOperation", running.id)}.`,
      };
    }
    const checked = checkBulkQuery(schema, query);
    if (!checked.ok) return { ...checked, code: "INVALID" };
    const record: BulkOperationRecord = {
      id: state.mintId(),
      status: "CREATED",
      errorCode: null,
      query,
      createdAt: ctx.nowIso(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
    };
    state.addBulkOperation(record);
    const key = `${state.domain}/${record.id}`;
    const run = this.runBulkOperation(ctx, record, checked.document).finally(() => this.bulkRuns.delete(key));
    this.bulkRuns.set(key, run);
    return { ok: true, operationId: record.id };
  }

  /**
   * The background half of bulkOperationRunQuery: Shopify answers the mutation with the operation
   * CREATED and runs it later, RUNNING until the file is written, then COMPLETED (or FAILED) with
   * the bulk_operations/finish webhook. The run shares the event loop with every other request.
   */
  private async runBulkOperation(ctx: ShopContext, record: BulkOperationRecord, document: DocumentNode): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const state = ctx.state;
    // A restore or a new scenario replaced this shop's state meanwhile: the operation is gone with it.
    const superseded = () => this.shopStates.get(state.domain) !== state;
    if (superseded()) return;
    record.status = "RUNNING";
    let result: BulkResult;
    try {
      result = await runBulkQuery(
        adminSchema(),
        document,
        {
          shop: ctx,
          bulk: true,
          publicUrl: this.publicUrl,
          runBulkQuery: () => ({ ok: false, code: "INVALID", message: "bulk operations cannot nest" }),
        },
        {
          isCanceled: superseded,
          onProgress: (objects, roots) => {
            record.objectCount = objects;
            record.rootObjectCount = roots;
          },
        },
      );
    } catch (error) {
      if (error instanceof BulkRunCanceled) return;
      result = { jsonl: "", objectCount: 0, rootObjectCount: 0, error: error instanceof Error ? error.message : String(error) };
    }
    record.completedAt = ctx.nowIso();
    if (result.error) {
      record.status = "FAILED";
      record.errorCode = "INTERNAL_SERVER_ERROR";
    } else {
      record.status = "COMPLETED";
      record.objectCount = result.objectCount;
      record.rootObjectCount = result.rootObjectCount;
      record.fileSize = Buffer.byteLength(result.jsonl);
      this.bulkFiles.set(`${state.domain}/${record.id}`, result.jsonl);
    }
    ctx.emit("bulk_operations/finish", {
      admin_graphql_api_id: gid("BulkOperation", record.id),
      completed_at: record.completedAt,
      created_at: record.createdAt,
      error_code: record.errorCode ? record.errorCode.toLowerCase() : null,
      status: record.status.toLowerCase(),
      type: "query",
    });
  }

  /** Resolves once every bulk operation started so far has finished (tests and scripts wait on it). */
  async bulkOperationsSettled(): Promise<void> {
    while (this.bulkRuns.size > 0) await Promise.all([...this.bulkRuns.values()]);
  }

  /** Where a completed bulk operation's JSONL is served. */
  /** Where clients reach this emulator (known only once a server on port 0 is listening). */
  setPublicUrl(url: string): void {
    this.publicUrl = url.replace(/\/$/, "");
  }

  bulkResultUrl(shop: string, operationId: number): string {
    return `${this.publicUrl}/bulk/${shop}/${operationId}.jsonl`;
  }

  // ---- shopper and merchant actions (no GraphQL) ----

  placeOrder(shop: string, input: PlaceOrderInput): PlacedOrder {
    return placeOrder(this.context(shop), input);
  }

  /** An in-store sale or stock count: sets `available` of a SKU at a location (stocking it if needed). */
  setAvailable(shop: string, input: { locationId: number | string; sku: string; available: number }): void {
    const ctx = this.context(shop);
    const locationId = numericId(input.locationId, "Location");
    if (locationId === null || !ctx.state.locationsById.has(locationId)) throw new Error(`unknown location ${input.locationId}`);
    const variant = ctx.state.variantsBySku.get(input.sku);
    if (!variant) throw new Error(`unknown SKU ${input.sku}`);
    const level = ctx.state.activateLevel(locationId, variant.inventoryItemId, ctx.nowIso());
    setQuantity(ctx, level, "available", input.available);
  }

  /** The merchant changes a location's "Usually ready in …" in Shopify's local pickup settings. */
  setLocationPickupTime(shop: string, locationId: number | string, pickupTime: string): void {
    const id = numericId(locationId, "Location");
    const location = id === null ? undefined : this.context(shop).state.locationsById.get(id);
    if (!location) throw new Error(`unknown location ${locationId}`);
    location.pickupTime = pickupTime;
  }

  /** The merchant cancels the order in the admin (restocking, as the admin offers by default). */
  cancelOrder(shop: string, orderId: number | string, reason = "customer"): void {
    const cancelled = cancelOrder(this.context(shop), this.orderNumber(orderId), { reason, restock: true });
    if (!cancelled.ok) throw new Error(cancelled.errors.map((error) => error.message).join("; "));
  }

  private orderNumber(orderId: number | string): number {
    const id = numericId(orderId, "Order");
    if (id === null) throw new Error(`not an order id: ${orderId}`);
    return id;
  }

  fulfillmentOrdersOf(shop: string, orderId: number | string): FulfillmentOrderSummary[] {
    const state = this.context(shop).state;
    const order = state.ordersById.get(this.orderNumber(orderId));
    if (!order) return [];
    return state.fulfillmentOrdersOf(order.id).map((fo) => ({
      id: gid("FulfillmentOrder", fo.id),
      orderId: gid("Order", fo.orderId),
      status: fo.status,
      locationId: gid("Location", fo.assignedLocationId),
      deliveryMethod: fo.deliveryMethod.methodType,
      preparedForPickup: fo.preparedForPickupAt !== null,
      progressReported: hasReportedProgress(fo),
      holds: fo.holds.map((h) => ({ id: gid("FulfillmentHold", h.id), reason: h.reason, handle: h.handle })),
      lineItems: fo.lineItems.map((l) => ({
        id: gid("FulfillmentOrderLineItem", l.id),
        sku: state.lineItem(order, l.lineItemId)?.sku ?? "",
        totalQuantity: l.totalQuantity,
        remainingQuantity: l.remainingQuantity,
      })),
    }));
  }

  /** The orders with a fulfilment order assigned to `locationId`, newest first, at most `limit`. */
  ordersAt(shop: string, locationId: number | string, limit = 20): OrderAtLocation[] {
    const state = this.context(shop).state;
    const location = numericId(locationId, "Location");
    if (location === null) return [];
    const orders: OrderAtLocation[] = [];
    for (const order of [...state.data.orders].reverse()) {
      const here = state.fulfillmentOrdersOf(order.id).filter((fo) => fo.assignedLocationId === location);
      if (here.length === 0) continue;
      const customer = order.customerId === null ? undefined : state.customersById.get(order.customerId);
      const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(" ");
      orders.push({
        id: order.id,
        name: order.name,
        createdAt: order.createdAt,
        customerId: order.customerId,
        customerName: name || null,
        lineItems: order.lineItems.map((line) => ({
          title: line.title,
          variantTitle: line.variantTitle,
          quantity: line.quantity,
        })),
        fulfillmentStatuses: here.map((fo) => fo.status),
      });
      if (orders.length === limit) break;
    }
    return orders;
  }

  /** An order's fulfilments, oldest first, with what Shopify was asked to tell the customer. */
  fulfillmentsOf(shop: string, orderId: number | string): FulfillmentSummary[] {
    const state = this.context(shop).state;
    const order = state.ordersById.get(this.orderNumber(orderId));
    if (!order) return [];
    return order.fulfillmentIds.flatMap((id) => {
      const fulfillment = state.fulfillmentsById.get(id);
      if (!fulfillment) return [];
      return [
        {
          id: gid("Fulfillment", fulfillment.id),
          orderId: gid("Order", order.id),
          locationId: gid("Location", fulfillment.locationId),
          status: fulfillment.status,
          trackingCompany: fulfillment.trackingCompany,
          trackingNumbers: [...fulfillment.trackingNumbers],
          trackingUrls: [...fulfillment.trackingUrls],
          notifyCustomer: fulfillment.notifyCustomer ?? false,
          lineItems: fulfillment.lines.map((line) => ({
            fulfillmentOrderLineItemId: gid("FulfillmentOrderLineItem", line.fulfillmentOrderLineItemId),
            sku: state.lineItem(order, line.lineItemId)?.sku ?? "",
            quantity: line.quantity,
          })),
        },
      ];
    });
  }

  /** Every quantity state of a SKU at a location, or null when the location does not stock it. */
  inventoryOf(shop: string, locationId: number | string, sku: string): Record<QuantityName, number> | null {
    const state = this.context(shop).state;
    const location = numericId(locationId, "Location");
    const variant = state.variantsBySku.get(sku);
    if (location === null || !variant) return null;
    const level = state.level(location, variant.inventoryItemId);
    if (!level) return null;
    return Object.fromEntries(QUANTITY_NAMES.map((name) => [name, quantityOf(level, name)])) as Record<QuantityName, number>;
  }

  // ---- persistence ----

  snapshot(): EmulatorSnapshot {
    return {
      version: 1,
      shops: [...this.shopStates.values()].map((s) => structuredClone(s.data)),
      tokens: structuredClone(this.tokens.snapshot()),
      prngState: this.prng.seedState,
    };
  }

  restore(snapshot: EmulatorSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`unsupported emulator snapshot version ${String(snapshot.version)}`);
    this.shopStates.clear();
    this.buckets.clear();
    this.bulkFiles.clear();
    for (const data of structuredClone(snapshot.shops)) {
      // Result files are not kept across runs: their operations read as expired.
      for (const operation of data.bulkOperations) {
        if (operation.status === "COMPLETED") operation.status = "EXPIRED";
        // A run in progress when the snapshot was taken is not resumed; left RUNNING it would
        // refuse every later bulk query as already in progress.
        if (operation.status === "CREATED" || operation.status === "RUNNING") {
          operation.status = "FAILED";
          operation.errorCode = "INTERNAL_SERVER_ERROR";
        }
      }
      this.shopStates.set(data.domain, new ShopState(data));
    }
    this.tokens.restore(structuredClone(snapshot.tokens));
    this.prng.seedState = snapshot.prngState;
  }
}
