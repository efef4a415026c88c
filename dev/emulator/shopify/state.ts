import type { Scenario, ScenarioAddress } from "../../scenarios/types";
import type { KeptAnswer } from "./mutations/idempotency";

/**
 * One shop's data as Shopify would hold it. Everything in `ShopData` is plain JSON (it is what
 * `snapshot()` saves); `ShopState` adds the indexes the emulator needs to stay fast with
 * thousands of locations and hundreds of thousands of inventory levels.
 */

export type DeliveryMethodType = "SHIPPING" | "PICK_UP" | "LOCAL";

export type FulfillmentOrderStatus =
  | "OPEN"
  | "IN_PROGRESS"
  | "CANCELLED"
  | "INCOMPLETE"
  | "CLOSED"
  | "SCHEDULED"
  | "ON_HOLD";

export interface LocationRecord {
  id: number;
  name: string;
  address: ScenarioAddress;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  /** Shopify's "Usually ready in …" (DeliveryLocalPickupTime) while pickup is on; absent: ONE_HOUR. */
  pickupTime?: string;
  rank: number;
  createdAt: string;
  updatedAt: string;
}

export interface VariantRecord {
  id: number;
  productId: number;
  sku: string;
  barcode: string;
  price: string;
  title: string;
  inventoryItemId: number;
}

export interface ProductRecord {
  id: number;
  title: string;
  vendor: string;
  productType: string;
  variantIds: number[];
  createdAt: string;
}

/** Independent quantity states of one item at one location; on_hand is derived from them. */
export interface LevelRecord {
  locationId: number;
  inventoryItemId: number;
  available: number;
  committed: number;
  reserved: number;
  damaged: number;
  safety_stock: number;
  quality_control: number;
  incoming: number;
  updatedAt: string;
}

export interface CustomerRecord {
  id: number;
  email: string | null;
  phone: string | null;
  /** Subscribed to the shop's SMS marketing (checkout's "Text me with news and offers"). */
  smsMarketingConsent?: boolean;
  firstName: string | null;
  lastName: string | null;
}

export interface OrderAddress {
  firstName: string | null;
  lastName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string;
  zip: string;
  country: string;
  countryCode: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface LineItemRecord {
  id: number;
  variantId: number;
  productId: number;
  inventoryItemId: number;
  sku: string;
  title: string;
  variantTitle: string;
  quantity: number;
  price: string;
}

export interface ShippingLineRecord {
  id: number;
  title: string;
  code: string;
  source: string;
  price: string;
}

export interface OrderRecord {
  id: number;
  number: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  email: string | null;
  phone: string | null;
  customerId: number | null;
  shippingAddress: OrderAddress | null;
  shippingLine: ShippingLineRecord | null;
  deliveryMethod: DeliveryMethodType;
  pickupLocationId: number | null;
  lineItems: LineItemRecord[];
  cancelledAt: string | null;
  cancelReason: string | null;
  /** How `orderCancel` was asked to cancel it; absent for orders never cancelled (and in older snapshots). */
  cancellation?: { restock: boolean; refund: boolean; notifyCustomer: boolean; staffNote: string | null } | null;
  closedAt: string | null;
  fulfillmentOrderIds: number[];
  fulfillmentIds: number[];
  token: string;
  /** Shopify's random confirmation number ("XPAV284CT"), shown to the buyer; distinct from the id. */
  confirmationNumber: string;
}

export interface FulfillmentOrderLineItemRecord {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentHoldRecord {
  id: number;
  reason: string;
  reasonNotes: string | null;
  handle: string | null;
  externalId: string | null;
  lineItemIds: number[];
}

/** A merchant-managed fulfilment order's reported progress (`fulfillmentOrderReportProgress`). */
export interface ProgressReportRecord {
  reportedAt: string;
  reasonNotes: string | null;
}

export interface FulfillmentOrderRecord {
  id: number;
  orderId: number;
  status: FulfillmentOrderStatus;
  requestStatus: string;
  assignedLocationId: number;
  deliveryMethod: { id: number; methodType: DeliveryMethodType; presentedName: string; serviceCode: string };
  lineItems: FulfillmentOrderLineItemRecord[];
  holds: FulfillmentHoldRecord[];
  fulfillAt: string | null;
  preparedForPickupAt: string | null;
  /** Absent in snapshots saved before progress reports were emulated: read as none. */
  progressReport?: ProgressReportRecord | null;
  createdAt: string;
  updatedAt: string;
}

export interface FulfillmentRecord {
  id: number;
  orderId: number;
  locationId: number;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  createdAt: string;
  trackingCompany: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  /** Whether Shopify sent the customer its shipping confirmation; absent in older snapshots (false). */
  notifyCustomer?: boolean;
  lines: { fulfillmentOrderId: number; fulfillmentOrderLineItemId: number; lineItemId: number; quantity: number }[];
}

export interface MetafieldRecord {
  id: number;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface BulkOperationRecord {
  id: number;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "EXPIRED" | "CANCELED";
  errorCode: string | null;
  query: string;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
}

export interface ShopData {
  domain: string;
  name: string;
  email: string;
  currency: string;
  ianaTimezone: string;
  createdAt: string;
  locations: LocationRecord[];
  products: ProductRecord[];
  variants: VariantRecord[];
  inventoryLevels: LevelRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  fulfillmentOrders: FulfillmentOrderRecord[];
  fulfillments: FulfillmentRecord[];
  metafields: MetafieldRecord[];
  bulkOperations: BulkOperationRecord[];
  /** Ids the emulator creates come from this counter, so the same actions give the same ids. */
  nextId: number;
  nextOrderNumber: number;
  nextEventNumber: number;
}

/** Ids the emulator mints start here, well above any id a scenario uses. */
const FIRST_MINTED_ID = 10_000_000_000_001;

export function shopDataFromScenario(scenario: Scenario, createdAt: string): ShopData {
  const variants: VariantRecord[] = [];
  const products: ProductRecord[] = scenario.products.map((product) => {
    for (const variant of product.variants) variants.push({ ...variant, productId: product.id });
    return {
      id: product.id,
      title: product.title,
      vendor: product.vendor,
      productType: product.productType,
      variantIds: product.variants.map((v) => v.id),
      createdAt,
    };
  });
  const itemBySku = new Map(variants.map((v) => [v.sku, v.inventoryItemId]));
  const inventoryLevels: LevelRecord[] = scenario.inventory.map((stock) => {
    const inventoryItemId = itemBySku.get(stock.sku);
    if (inventoryItemId === undefined) throw new Error(`scenario stocks unknown SKU ${stock.sku}`);
    return {
      locationId: stock.locationId,
      inventoryItemId,
      available: stock.available,
      committed: 0,
      reserved: 0,
      damaged: 0,
      safety_stock: 0,
      quality_control: 0,
      incoming: 0,
      updatedAt: createdAt,
    };
  });
  return {
    domain: scenario.shop.domain,
    name: scenario.shop.name,
    email: scenario.shop.email,
    currency: scenario.shop.currency,
    ianaTimezone: scenario.shop.ianaTimezone,
    createdAt,
    locations: scenario.locations.map((l) => ({
      id: l.id,
      name: l.name,
      address: l.address,
      isActive: l.isActive,
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      pickupEnabled: l.pickupEnabled,
      ...(l.pickupTime ? { pickupTime: l.pickupTime } : {}),
      rank: l.rank,
      createdAt,
      updatedAt: createdAt,
    })),
    products,
    variants,
    inventoryLevels,
    customers: [],
    orders: [],
    fulfillmentOrders: [],
    fulfillments: [],
    metafields: [],
    bulkOperations: [],
    nextId: FIRST_MINTED_ID,
    nextOrderNumber: 1001,
    nextEventNumber: 1,
  };
}

function levelKey(locationId: number, inventoryItemId: number): string {
  return `${locationId}:${inventoryItemId}`;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A shop's data with its lookup indexes. Mutate records only through the methods here or in place. */
export class ShopState {
  readonly locationsById = new Map<number, LocationRecord>();
  readonly locationsByRank: LocationRecord[];
  readonly productsById = new Map<number, ProductRecord>();
  readonly variantsById = new Map<number, VariantRecord>();
  readonly variantsBySku = new Map<string, VariantRecord>();
  readonly variantsByInventoryItem = new Map<number, VariantRecord>();
  private readonly levelsByKey = new Map<string, LevelRecord>();
  private readonly levelsByLocation = new Map<number, LevelRecord[]>();
  private readonly levelsByItem = new Map<number, LevelRecord[]>();
  readonly ordersById = new Map<number, OrderRecord>();
  readonly fulfillmentOrdersById = new Map<number, FulfillmentOrderRecord>();
  readonly fulfillmentsById = new Map<number, FulfillmentRecord>();
  readonly customersById = new Map<number, CustomerRecord>();
  readonly bulkOperationsById = new Map<number, BulkOperationRecord>();
  /**
   * Answers of mutations sent with `@idempotent(key:)`, by key (mutations/idempotency.ts). Kept
   * in memory only: a snapshot does not save them.
   */
  readonly idempotentAnswers = new Map<string, KeptAnswer>();

  constructor(readonly data: ShopData) {
    for (const l of data.locations) this.locationsById.set(l.id, l);
    this.locationsByRank = [...data.locations].sort((a, b) => a.rank - b.rank || a.id - b.id);
    for (const p of data.products) this.productsById.set(p.id, p);
    for (const v of data.variants) {
      this.variantsById.set(v.id, v);
      this.variantsBySku.set(v.sku, v);
      this.variantsByInventoryItem.set(v.inventoryItemId, v);
    }
    for (const level of data.inventoryLevels) this.indexLevel(level);
    for (const o of data.orders) this.ordersById.set(o.id, o);
    for (const fo of data.fulfillmentOrders) this.fulfillmentOrdersById.set(fo.id, fo);
    for (const f of data.fulfillments) this.fulfillmentsById.set(f.id, f);
    for (const c of data.customers) this.customersById.set(c.id, c);
    for (const b of data.bulkOperations) this.bulkOperationsById.set(b.id, b);
  }

  get domain(): string {
    return this.data.domain;
  }

  mintId(): number {
    return this.data.nextId++;
  }

  private indexLevel(level: LevelRecord): void {
    this.levelsByKey.set(levelKey(level.locationId, level.inventoryItemId), level);
    pushTo(this.levelsByLocation, level.locationId, level);
    pushTo(this.levelsByItem, level.inventoryItemId, level);
  }

  level(locationId: number, inventoryItemId: number): LevelRecord | undefined {
    return this.levelsByKey.get(levelKey(locationId, inventoryItemId));
  }

  levelsAtLocation(locationId: number): readonly LevelRecord[] {
    return this.levelsByLocation.get(locationId) ?? [];
  }

  levelsOfItem(inventoryItemId: number): readonly LevelRecord[] {
    return this.levelsByItem.get(inventoryItemId) ?? [];
  }

  /** Stocks an item at a location (Shopify's "activate inventory"), with zero quantities. */
  activateLevel(locationId: number, inventoryItemId: number, at: string): LevelRecord {
    const existing = this.level(locationId, inventoryItemId);
    if (existing) return existing;
    const level: LevelRecord = {
      locationId,
      inventoryItemId,
      available: 0,
      committed: 0,
      reserved: 0,
      damaged: 0,
      safety_stock: 0,
      quality_control: 0,
      incoming: 0,
      updatedAt: at,
    };
    this.data.inventoryLevels.push(level);
    this.indexLevel(level);
    return level;
  }

  addOrder(order: OrderRecord): void {
    this.data.orders.push(order);
    this.ordersById.set(order.id, order);
  }

  addFulfillmentOrder(fo: FulfillmentOrderRecord): void {
    this.data.fulfillmentOrders.push(fo);
    this.fulfillmentOrdersById.set(fo.id, fo);
    this.ordersById.get(fo.orderId)?.fulfillmentOrderIds.push(fo.id);
  }

  addFulfillment(fulfillment: FulfillmentRecord): void {
    this.data.fulfillments.push(fulfillment);
    this.fulfillmentsById.set(fulfillment.id, fulfillment);
    this.ordersById.get(fulfillment.orderId)?.fulfillmentIds.push(fulfillment.id);
  }

  addCustomer(customer: CustomerRecord): void {
    this.data.customers.push(customer);
    this.customersById.set(customer.id, customer);
  }

  addBulkOperation(operation: BulkOperationRecord): void {
    this.data.bulkOperations.push(operation);
    this.bulkOperationsById.set(operation.id, operation);
  }

  fulfillmentOrdersOf(orderId: number): FulfillmentOrderRecord[] {
    const order = this.ordersById.get(orderId);
    if (!order) return [];
    return order.fulfillmentOrderIds.flatMap((id) => {
      const fo = this.fulfillmentOrdersById.get(id);
      return fo ? [fo] : [];
    });
  }

  lineItem(order: OrderRecord, lineItemId: number): LineItemRecord | undefined {
    return order.lineItems.find((l) => l.id === lineItemId);
  }
}

/** Shopify's derived quantity: on hand = available + committed + every unavailable state. */
export function onHand(level: LevelRecord): number {
  return level.available + level.committed + unavailable(level);
}

export function unavailable(level: LevelRecord): number {
  return level.reserved + level.damaged + level.safety_stock + level.quality_control;
}
