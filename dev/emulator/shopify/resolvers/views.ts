import { gid } from "../ids";
import type {
  BulkOperationRecord,
  CustomerRecord,
  FulfillmentHoldRecord,
  FulfillmentOrderLineItemRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LevelRecord,
  LineItemRecord,
  LocationRecord,
  MetafieldRecord,
  OrderAddress,
  OrderRecord,
  ProductRecord,
  ShippingLineRecord,
  ShopState,
  VariantRecord,
} from "../state";

/**
 * GraphQL-shaped views of the emulator's records. A view's own string properties are the
 * schema fields it answers directly (the executor falls back to them); relations and
 * computed fields are resolvers in ./objects.ts, which reach the record through RECORD.
 * A field that is neither fails as "not emulated".
 */
export const RECORD = Symbol("record");

export interface View<R> {
  __typename: string;
  [RECORD]: R;
}

export function moneyBag(amount: string, currencyCode: string) {
  return { shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } };
}

export function count(value: number) {
  return { count: value, precision: "EXACT" };
}

export function shopView(state: ShopState) {
  const d = state.data;
  return {
    __typename: "Shop",
    [RECORD]: state,
    id: gid("Shop", 1),
    name: d.name,
    email: d.email,
    contactEmail: d.email,
    myshopifyDomain: d.domain,
    url: `https://${d.domain}`,
    ianaTimezone: d.ianaTimezone,
    currencyCode: d.currency,
    createdAt: d.createdAt,
  };
}

export function locationView(location: LocationRecord, isPrimary = false): View<LocationRecord> {
  const a = location.address;
  return {
    __typename: "Location",
    [RECORD]: location,
    id: gid("Location", location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.isActive,
    fulfillsOnlineOrders: location.fulfillsOnlineOrders,
    shipsInventory: location.fulfillsOnlineOrders,
    isFulfillmentService: false,
    fulfillmentService: null,
    isPrimary,
    activatable: !location.isActive,
    deactivatable: location.isActive,
    deletable: false,
    addressVerified: true,
    deactivatedAt: null,
    createdAt: location.createdAt,
    updatedAt: location.updatedAt,
    address: {
      address1: a.address1,
      address2: null,
      city: a.city,
      province: a.province,
      provinceCode: a.provinceCode,
      zip: a.zip,
      country: a.country,
      countryCode: a.countryCode,
      phone: a.phone ?? null,
      latitude: a.latitude,
      longitude: a.longitude,
      formatted: [a.address1, `${a.city} ${a.provinceCode} ${a.zip}`, a.country],
    },
    localPickupSettingsV2: location.pickupEnabled
      ? { pickupTime: location.pickupTime ?? "ONE_HOUR", instructions: "Collect from the customer service desk." }
      : null,
  } as View<LocationRecord>;
}

export function inventoryLevelId(level: LevelRecord): string {
  return gid("InventoryLevel", level.locationId, { inventory_item_id: level.inventoryItemId });
}

export function levelView(level: LevelRecord): View<LevelRecord> {
  return {
    __typename: "InventoryLevel",
    [RECORD]: level,
    id: inventoryLevelId(level),
    isActive: true,
    canDeactivate: level.committed === 0,
    deactivationAlert: null,
    createdAt: level.updatedAt,
    updatedAt: level.updatedAt,
  } as View<LevelRecord>;
}

export function inventoryItemView(variant: VariantRecord, createdAt: string): View<VariantRecord> {
  return {
    __typename: "InventoryItem",
    [RECORD]: variant,
    id: gid("InventoryItem", variant.inventoryItemId),
    legacyResourceId: String(variant.inventoryItemId),
    sku: variant.sku,
    tracked: true,
    requiresShipping: true,
    duplicateSkuCount: 0,
    createdAt,
    updatedAt: createdAt,
  } as View<VariantRecord>;
}

export function variantView(variant: VariantRecord, createdAt: string): View<VariantRecord> {
  return {
    __typename: "ProductVariant",
    [RECORD]: variant,
    id: gid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    title: variant.title,
    availableForSale: true,
    taxable: true,
    inventoryPolicy: "DENY",
    createdAt,
    updatedAt: createdAt,
  } as View<VariantRecord>;
}

export function productView(product: ProductRecord): View<ProductRecord> {
  return {
    __typename: "Product",
    [RECORD]: product,
    id: gid("Product", product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
    vendor: product.vendor,
    productType: product.productType,
    status: "ACTIVE",
    tags: [],
    tracksInventory: true,
    hasOnlyDefaultVariant: product.variantIds.length === 1,
    createdAt: product.createdAt,
    updatedAt: product.createdAt,
  } as View<ProductRecord>;
}

export function mailingAddressView(address: OrderAddress, id: number) {
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  return {
    __typename: "MailingAddress",
    id: gid("MailingAddress", id, { model_name: "Address" }),
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    company: null,
    country: address.country,
    countryCodeV2: address.countryCode,
    countryCode: address.countryCode,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    firstName: address.firstName,
    lastName: address.lastName,
    name: name === "" ? null : name,
    phone: address.phone,
    latitude: address.latitude,
    longitude: address.longitude,
    coordinatesValidated: address.latitude !== null,
    formattedArea: `${address.city} ${address.provinceCode}, ${address.country}`,
    formatted: [address.address1, `${address.city} ${address.provinceCode} ${address.zip}`, address.country],
    timeZone: null,
  };
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

export function orderView(order: OrderRecord, currency: string): View<OrderRecord> {
  const subtotal = order.lineItems.reduce((n, l) => n + cents(l.price) * l.quantity, 0);
  const shipping = order.shippingLine ? cents(order.shippingLine.price) : 0;
  const money = (c: number) => moneyBag((c / 100).toFixed(2), currency);
  const units = order.lineItems.reduce((n, l) => n + l.quantity, 0);
  return {
    __typename: "Order",
    [RECORD]: order,
    id: gid("Order", order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    number: order.number - 1000,
    confirmationNumber: order.confirmationNumber,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    email: order.email,
    phone: order.phone,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason ? order.cancelReason.toUpperCase() : null,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    confirmed: true,
    test: false,
    note: null,
    tags: [],
    sourceName: "web",
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    // orderCancel with a refund to the original payment methods gives the whole amount back.
    displayFinancialStatus: order.cancellation?.refund ? "REFUNDED" : "PAID",
    fullyPaid: true,
    unpaid: false,
    requiresShipping: true,
    customerAcceptsMarketing: false,
    subtotalLineItemsQuantity: units,
    currentSubtotalLineItemsQuantity: order.cancelledAt ? 0 : units,
    subtotalPriceSet: money(subtotal),
    currentSubtotalPriceSet: money(subtotal),
    totalShippingPriceSet: money(shipping),
    currentShippingPriceSet: money(shipping),
    totalPriceSet: money(subtotal + shipping),
    currentTotalPriceSet: money(subtotal + shipping),
    totalTaxSet: money(0),
    currentTotalTaxSet: money(0),
    totalDiscountsSet: money(0),
    currentTotalDiscountsSet: money(0),
    shippingAddress: order.shippingAddress ? mailingAddressView(order.shippingAddress, order.id) : null,
    billingAddress: order.shippingAddress ? mailingAddressView(order.shippingAddress, order.id + 1) : null,
    shippingLine: order.shippingLine ? shippingLineView(order.shippingLine, currency) : null,
  } as View<OrderRecord>;
}

export function shippingLineView(line: ShippingLineRecord, currency: string) {
  const price = moneyBag(line.price, currency);
  return {
    __typename: "ShippingLine",
    id: gid("ShippingLine", line.id),
    title: line.title,
    code: line.code,
    source: line.source,
    carrierIdentifier: null,
    custom: false,
    isRemoved: false,
    deliveryCategory: line.code === "Pickup" ? "pick-up" : "shipping",
    phone: null,
    shippingRateHandle: null,
    originalPriceSet: price,
    discountedPriceSet: price,
    currentDiscountedPriceSet: price,
    taxLines: [],
    discountAllocations: [],
  };
}

export function lineItemView(line: LineItemRecord, currency: string, unfulfilled: number): View<LineItemRecord> {
  const unit = moneyBag(line.price, currency);
  return {
    __typename: "LineItem",
    [RECORD]: line,
    id: gid("LineItem", line.id),
    name: `${line.title} - ${line.variantTitle}`,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: line.quantity,
    unfulfilledQuantity: unfulfilled,
    nonFulfillableQuantity: 0,
    refundableQuantity: line.quantity,
    vendor: null,
    requiresShipping: true,
    taxable: true,
    isGiftCard: false,
    merchantEditable: true,
    restockable: true,
    originalUnitPriceSet: unit,
    discountedUnitPriceSet: unit,
    discountedUnitPriceAfterAllDiscountsSet: unit,
    originalTotalSet: moneyBag(((cents(line.price) * line.quantity) / 100).toFixed(2), currency),
    totalDiscountSet: moneyBag("0.00", currency),
    customAttributes: [],
    discountAllocations: [],
  } as View<LineItemRecord>;
}

export function customerView(customer: CustomerRecord, createdAt: string): View<CustomerRecord> {
  const displayName = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || (customer.email ?? "");
  return {
    __typename: "Customer",
    [RECORD]: customer,
    id: gid("Customer", customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName,
    email: customer.email,
    phone: customer.phone,
    defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
    defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
    state: "DISABLED",
    verifiedEmail: true,
    locale: "en",
    note: null,
    tags: [],
    createdAt,
    updatedAt: createdAt,
  } as View<CustomerRecord>;
}

export function fulfillmentOrderView(fo: FulfillmentOrderRecord, order: OrderRecord): View<FulfillmentOrderRecord> {
  return {
    __typename: "FulfillmentOrder",
    [RECORD]: fo,
    id: gid("FulfillmentOrder", fo.id),
    status: fo.status,
    requestStatus: fo.requestStatus,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    fulfillAt: fo.fulfillAt,
    fulfillBy: null,
    channelId: null,
    orderId: gid("Order", fo.orderId),
    orderName: order.name,
    orderProcessedAt: order.processedAt,
    deliveryMethod: {
      __typename: "DeliveryMethod",
      id: gid("DeliveryMethod", fo.deliveryMethod.id),
      methodType: fo.deliveryMethod.methodType,
      presentedName: fo.deliveryMethod.presentedName,
      serviceCode: fo.deliveryMethod.serviceCode,
      minDeliveryDateTime: null,
      maxDeliveryDateTime: null,
      sourceReference: null,
      additionalInformation: null,
      brandedPromise: null,
    },
  } as View<FulfillmentOrderRecord>;
}

export interface FoLineSource {
  fo: FulfillmentOrderRecord;
  line: FulfillmentOrderLineItemRecord;
  lineItem: LineItemRecord;
}

export function foLineItemView(source: FoLineSource): View<FoLineSource> {
  return {
    __typename: "FulfillmentOrderLineItem",
    [RECORD]: source,
    id: gid("FulfillmentOrderLineItem", source.line.id),
    totalQuantity: source.line.totalQuantity,
    remainingQuantity: source.line.remainingQuantity,
    sku: source.lineItem.sku,
    inventoryItemId: gid("InventoryItem", source.lineItem.inventoryItemId),
    productTitle: source.lineItem.title,
    variantTitle: source.lineItem.variantTitle,
    vendor: null,
    requiresShipping: true,
    warnings: [],
    // Scenario products have no images, and Shopify answers null for an item without one.
    image: null,
  } as View<FoLineSource>;
}

const HOLD_REASONS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
  OTHER: "Other",
};

export function holdView(hold: FulfillmentHoldRecord) {
  return {
    __typename: "FulfillmentHold",
    id: gid("FulfillmentHold", hold.id),
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    handle: hold.handle,
    heldByRequestingApp: true,
    displayReason: HOLD_REASONS[hold.reason] ?? hold.reason,
  };
}

export function fulfillmentView(fulfillment: FulfillmentRecord): View<FulfillmentRecord> {
  return {
    __typename: "Fulfillment",
    [RECORD]: fulfillment,
    id: gid("Fulfillment", fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    displayStatus: fulfillment.status === "SUCCESS" ? "FULFILLED" : "CANCELED",
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.createdAt,
    deliveredAt: null,
    inTransitAt: null,
    estimatedDeliveryAt: null,
    requiresShipping: true,
    totalQuantity: fulfillment.lines.reduce((n, l) => n + l.quantity, 0),
  } as View<FulfillmentRecord>;
}

export function metafieldView(metafield: MetafieldRecord): View<MetafieldRecord> {
  let jsonValue: unknown = metafield.value;
  if (metafield.type === "json" || metafield.type.startsWith("list.")) {
    try {
      jsonValue = JSON.parse(metafield.value);
    } catch {
      jsonValue = metafield.value;
    }
  } else if (metafield.type === "number_integer" || metafield.type === "number_decimal") {
    jsonValue = Number(metafield.value);
  } else if (metafield.type === "boolean") {
    jsonValue = metafield.value === "true";
  }
  return {
    __typename: "Metafield",
    [RECORD]: metafield,
    id: gid("Metafield", metafield.id),
    legacyResourceId: String(metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue,
    compareDigest: metafieldDigest(metafield),
    ownerType: (/gid:\/\/shopify\/([A-Za-z]+)\//.exec(metafield.ownerId)?.[1] ?? "").replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(),
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
  } as View<MetafieldRecord>;
}

export function metafieldDigest(metafield: MetafieldRecord): string {
  return Buffer.from(`${metafield.id}:${metafield.updatedAt}:${metafield.value}`).toString("base64url");
}

export function bulkOperationView(operation: BulkOperationRecord, publicUrl: string, shop: string): View<BulkOperationRecord> {
  const completed = operation.status === "COMPLETED";
  return {
    __typename: "BulkOperation",
    [RECORD]: operation,
    id: gid("BulkOperation", operation.id),
    status: operation.status,
    errorCode: operation.errorCode,
    query: operation.query,
    type: "QUERY",
    createdAt: operation.createdAt,
    completedAt: operation.completedAt,
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: operation.fileSize === null ? null : String(operation.fileSize),
    url: completed && operation.objectCount > 0 ? `${publicUrl}/bulk/${shop}/${operation.id}.jsonl` : null,
    partialDataUrl: null,
  } as View<BulkOperationRecord>;
}
