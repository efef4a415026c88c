import { gid } from "./ids";
import { isActive } from "./fulfillment-order-status";
import type {
  FulfillmentHoldRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LevelRecord,
  LineItemRecord,
  OrderAddress,
  OrderRecord,
  ShopState,
} from "./state";
import { restTime } from "./time";

/**
 * Webhook bodies in the shapes of Shopify's documented examples
 * (shopify/webhooks-2026-04/metadatas/<topic>.json): REST field names, numeric ids with
 * `admin_graphql_api_id`, money as decimal strings, times in the shop's zone.
 */

function money(amount: string, currency: string) {
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  };
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function decimal(centsValue: number): string {
  return (centsValue / 100).toFixed(2);
}

function address(a: OrderAddress | null) {
  if (!a) return null;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  return {
    first_name: a.firstName,
    address1: a.address1,
    phone: a.phone,
    city: a.city,
    zip: a.zip,
    province: a.province,
    country: a.country,
    last_name: a.lastName,
    address2: a.address2,
    company: null,
    latitude: a.latitude,
    longitude: a.longitude,
    name,
    country_code: a.countryCode,
    province_code: a.provinceCode,
  };
}

/** Units of each order line that successful fulfilments have taken, by line item id. */
function fulfilledByLine(state: ShopState, order: OrderRecord): Map<number, number> {
  const fulfilled = new Map<number, number>();
  for (const id of order.fulfillmentIds) {
    const fulfillment = state.fulfillmentsById.get(id);
    if (fulfillment?.status !== "SUCCESS") continue;
    for (const line of fulfillment.lines) fulfilled.set(line.lineItemId, (fulfilled.get(line.lineItemId) ?? 0) + line.quantity);
  }
  return fulfilled;
}

/** REST `fulfillment_status` of an order line or a whole order: null, "partial" or "fulfilled". */
function fulfillmentStatus(fulfilled: number, quantity: number): string | null {
  if (fulfilled === 0) return null;
  return fulfilled >= quantity ? "fulfilled" : "partial";
}

function fulfillmentStatusOf(state: ShopState, order: OrderRecord): string | null {
  const fulfilled = fulfilledByLine(state, order);
  if (fulfilled.size === 0) return null;
  return order.lineItems.every((line) => (fulfilled.get(line.id) ?? 0) >= line.quantity) ? "fulfilled" : "partial";
}

/** Units of an order line still to fulfil: what its open fulfilment orders hold. */
function fulfillableQuantity(state: ShopState, order: OrderRecord, line: LineItemRecord): number {
  if (order.cancelledAt) return 0;
  return state
    .fulfillmentOrdersOf(order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED")
    .flatMap((fo) => fo.lineItems)
    .filter((l) => l.lineItemId === line.id)
    .reduce((n, l) => n + l.remainingQuantity, 0);
}

/** An order line as webhook bodies show it, with `quantity` this body is about (a fulfilment's share). */
function lineItemPayload(
  state: ShopState,
  order: OrderRecord,
  line: LineItemRecord,
  fulfilled: ReadonlyMap<number, number>,
  quantity = line.quantity,
) {
  const currency = state.data.currency;
  return {
    id: line.id,
    admin_graphql_api_id: gid("LineItem", line.id),
    fulfillable_quantity: fulfillableQuantity(state, order, line),
    fulfillment_service: "manual",
    fulfillment_status: fulfillmentStatus(fulfilled.get(line.id) ?? 0, line.quantity),
    gift_card: false,
    grams: 0,
    name: `${line.title} - ${line.variantTitle}`,
    price: line.price,
    price_set: money(line.price, currency),
    product_exists: true,
    product_id: line.productId,
    properties: [],
    quantity,
    requires_shipping: true,
    sku: line.sku,
    taxable: true,
    title: line.title,
    total_discount: "0.00",
    total_discount_set: money("0.00", currency),
    variant_id: line.variantId,
    variant_inventory_management: "shopify",
    variant_title: line.variantTitle,
    vendor: null,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

export function orderPayload(state: ShopState, order: OrderRecord) {
  const tz = state.data.ianaTimezone;
  const currency = state.data.currency;
  const customer = order.customerId === null ? null : (state.customersById.get(order.customerId) ?? null);
  const subtotal = order.lineItems.reduce((n, l) => n + cents(l.price) * l.quantity, 0);
  const shipping = order.shippingLine ? cents(order.shippingLine.price) : 0;
  const total = decimal(subtotal + shipping);
  const created = restTime(order.createdAt, tz);
  const zero = money("0.00", currency);
  const fulfilled = fulfilledByLine(state, order);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason,
    cancelled_at: order.cancelledAt ? restTime(order.cancelledAt, tz) : null,
    cart_token: null,
    checkout_token: null,
    client_details: null,
    closed_at: order.closedAt ? restTime(order.closedAt, tz) : null,
    confirmation_number: order.confirmationNumber,
    confirmed: true,
    contact_email: order.email ?? "",
    created_at: created,
    currency,
    current_shipping_price_set: money(decimal(shipping), currency),
    current_subtotal_price: decimal(subtotal),
    current_subtotal_price_set: money(decimal(subtotal), currency),
    current_total_additional_fees_set: null,
    current_total_discounts: "0.00",
    current_total_discounts_set: zero,
    current_total_duties_set: null,
    current_total_price: total,
    current_total_price_set: money(total, currency),
    current_total_tax: "0.00",
    current_total_tax_set: zero,
    customer_locale: "en",
    device_id: null,
    discount_codes: [],
    duties_included: false,
    email: order.email ?? "",
    estimated_taxes: false,
    financial_status: order.cancellation?.refund ? "refunded" : "paid",
    fulfillment_status: fulfillmentStatusOf(state, order),
    landing_site: null,
    landing_site_ref: null,
    location_id: null,
    merchant_business_entity_id: "MTAwMDAwMDAwMQ",
    merchant_of_record_app_id: null,
    name: order.name,
    note: null,
    note_attributes: [],
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: `https://${state.domain}/${order.id}/orders/${order.token}/authenticate?key=${order.token}`,
    original_total_additional_fees_set: null,
    original_total_duties_set: null,
    payment_gateway_names: ["shopify_payments"],
    phone: order.phone,
    po_number: null,
    presentment_currency: currency,
    processed_at: restTime(order.processedAt, tz),
    reference: null,
    referring_site: null,
    source_identifier: null,
    source_name: "web",
    source_url: null,
    subtotal_price: decimal(subtotal),
    subtotal_price_set: money(decimal(subtotal), currency),
    tags: "",
    tax_exempt: false,
    tax_lines: [],
    taxes_included: false,
    test: false,
    token: order.token,
    total_cash_rounding_payment_adjustment_set: zero,
    total_cash_rounding_refund_adjustment_set: zero,
    total_discounts: "0.00",
    total_discounts_set: zero,
    total_line_items_price: decimal(subtotal),
    total_line_items_price_set: money(decimal(subtotal), currency),
    total_outstanding: "0.00",
    total_price: total,
    total_price_set: money(total, currency),
    total_shipping_price_set: money(decimal(shipping), currency),
    total_tax: "0.00",
    total_tax_set: zero,
    total_tip_received: "0.00",
    total_weight: 0,
    updated_at: restTime(order.updatedAt, tz),
    user_id: null,
    billing_address: address(order.shippingAddress),
    customer: customer && {
      id: customer.id,
      created_at: created,
      updated_at: created,
      first_name: customer.firstName,
      last_name: customer.lastName,
      state: "disabled",
      note: null,
      verified_email: true,
      multipass_identifier: null,
      tax_exempt: false,
      email: customer.email,
      phone: customer.phone,
      sms_marketing_consent: customer.phone
        ? {
            state: customer.smsMarketingConsent ? "subscribed" : "not_subscribed",
            opt_in_level: "single_opt_in",
            consent_updated_at: null,
            consent_collected_from: "OTHER",
          }
        : null,
      currency,
      tax_exemptions: [],
      admin_graphql_api_id: gid("Customer", customer.id),
      default_address: null,
    },
    discount_applications: [],
    fulfillments: order.fulfillmentIds.flatMap((id) => {
      const fulfillment = state.fulfillmentsById.get(id);
      return fulfillment ? [fulfillmentPayload(state, fulfillment)] : [];
    }),
    line_items: order.lineItems.map((line) => ({
      ...lineItemPayload(state, order, line, fulfilled),
      // An order's lines say these; a fulfilment's do not (the documented examples).
      attributed_staffs: [],
      current_quantity: order.cancelledAt ? 0 : line.quantity,
      sales_line_item_group_id: null,
    })),
    payment_terms: null,
    refunds: [],
    shipping_address: address(order.shippingAddress),
    shipping_lines: order.shippingLine
      ? [
          {
            id: order.shippingLine.id,
            carrier_identifier: null,
            code: order.shippingLine.code,
            current_discounted_price_set: money(order.shippingLine.price, currency),
            discounted_price: order.shippingLine.price,
            discounted_price_set: money(order.shippingLine.price, currency),
            is_removed: false,
            phone: null,
            price: order.shippingLine.price,
            price_set: money(order.shippingLine.price, currency),
            requested_fulfillment_service_id: null,
            source: order.shippingLine.source,
            title: order.shippingLine.title,
            tax_lines: [],
            discount_allocations: [],
          },
        ]
      : [],
    returns: [],
    line_item_groups: [],
  };
}

export function inventoryLevelPayload(level: LevelRecord, timeZone: string) {
  return {
    inventory_item_id: level.inventoryItemId,
    location_id: level.locationId,
    available: level.available,
    updated_at: restTime(level.updatedAt, timeZone),
    admin_graphql_api_id: gid("InventoryLevel", level.locationId, { inventory_item_id: level.inventoryItemId }),
  };
}

/** The app the emulator's tokens belong to, as webhook bodies name it. */
const EMULATED_APP_ID = gid("App", 1);

/** Webhook bodies for fulfillment orders use gids and lower-case statuses, as Shopify's examples do. */
function foRef(fo: FulfillmentOrderRecord) {
  return { id: gid("FulfillmentOrder", fo.id), status: fo.status.toLowerCase() };
}

export function fulfillmentOrderStatusPayload(fo: FulfillmentOrderRecord) {
  return { fulfillment_order: foRef(fo) };
}

export function fulfillmentOrderMovedPayload(input: {
  original: FulfillmentOrderRecord;
  originalLocationId: number;
  moved: FulfillmentOrderRecord;
  requested: { id: number; quantity: number }[];
}) {
  return {
    original_fulfillment_order: {
      ...foRef(input.original),
      assigned_location_id: gid("Location", input.original.assignedLocationId),
    },
    moved_fulfillment_order: {
      ...foRef(input.moved),
      assigned_location_id: gid("Location", input.moved.assignedLocationId),
    },
    destination_location_id: gid("Location", input.moved.assignedLocationId),
    fulfillment_order_line_items_requested: input.requested.map((r) => ({
      id: gid("FulfillmentOrderLineItem", r.id),
      quantity: r.quantity,
    })),
    source_location: { id: gid("Location", input.originalLocationId) },
  };
}

function holdPayload(hold: FulfillmentHoldRecord) {
  return {
    id: gid("FulfillmentHold", hold.id),
    reason: hold.reason.toLowerCase(),
    reason_notes: hold.reasonNotes,
    held_by_requesting_app: true,
    handle: hold.handle,
    held_by_app: { id: EMULATED_APP_ID },
  };
}

export function placedOnHoldPayload(input: {
  fo: FulfillmentOrderRecord;
  hold: FulfillmentHoldRecord;
  remaining: FulfillmentOrderRecord | null;
  heldLineItems: { id: number; quantity: number }[];
}) {
  return {
    fulfillment_order: { ...foRef(input.fo), fulfillment_holds: input.fo.holds.map(holdPayload) },
    remaining_fulfillment_order: input.remaining ? foRef(input.remaining) : null,
    held_fulfillment_order_line_items: input.heldLineItems.map((l) => ({
      id: gid("FulfillmentOrderLineItem", l.id),
      quantity: l.quantity,
    })),
    created_fulfillment_hold: holdPayload(input.hold),
  };
}

/**
 * The documented example of this topic shows the fulfilment order `"open"` and `preparable: true`
 * right after it was prepared: preparing does not change the status, and the docs do not define
 * `preparable`, so it is read here as "a pickup fulfilment order Shopify lets be marked prepared"
 * (an active one with a pickup delivery method), which the example's order is.
 */
export function preparedForPickupPayload(fo: FulfillmentOrderRecord) {
  return {
    fulfillment_order: {
      ...foRef(fo),
      preparable: fo.deliveryMethod.methodType === "PICK_UP" && isActive(fo),
      delivery_method: { method_type: fo.deliveryMethod.methodType === "PICK_UP" ? "pickup" : "shipping" },
    },
  };
}

/**
 * `fulfillment_orders/progress_reported`, as its documented example. The emulator's app acts with
 * an offline token, so no staff member reported the progress: `progress_reported_by_user` is null.
 */
export function progressReportedPayload(fo: FulfillmentOrderRecord, initialStatus: FulfillmentOrderRecord["status"]) {
  return {
    fulfillment_order: foRef(fo),
    progress_report: {
      reason_notes: fo.progressReport?.reasonNotes ?? null,
      progress_reported_by_app: { id: EMULATED_APP_ID },
      progress_reported_by_user: null,
    },
    initial_status: initialStatus.toLowerCase(),
  };
}

/** `fulfillment_orders/manually_reported_progress_stopped`: progress cleared by `fulfillmentOrderOpen`. */
export function progressStoppedPayload(fo: FulfillmentOrderRecord) {
  return {
    fulfillment_order: foRef(fo),
    progress_stopped_by_app: { id: EMULATED_APP_ID },
    progress_stopped_by_user: null,
  };
}

/**
 * `fulfillments/create` (and each entry of an order's `fulfillments`), as the documented example:
 * the order's lines with the quantities this fulfilment took. REST names a fulfilment
 * `#1001.1` where GraphQL says `#1001-F1`.
 */
export function fulfillmentPayload(state: ShopState, fulfillment: FulfillmentRecord) {
  const tz = state.data.ianaTimezone;
  const order = state.ordersById.get(fulfillment.orderId);
  if (!order) throw new Error(`fulfillment ${fulfillment.id} has no order`);
  const fulfilled = fulfilledByLine(state, order);
  const quantities = new Map<number, number>();
  for (const line of fulfillment.lines) quantities.set(line.lineItemId, (quantities.get(line.lineItemId) ?? 0) + line.quantity);
  const created = restTime(fulfillment.createdAt, tz);
  return {
    id: fulfillment.id,
    order_id: order.id,
    status: fulfillment.status.toLowerCase(),
    created_at: created,
    service: "manual",
    updated_at: created,
    tracking_company: fulfillment.trackingCompany,
    shipment_status: null,
    location_id: fulfillment.locationId,
    origin_address: null,
    email: order.email ?? "",
    destination: address(order.shippingAddress),
    line_items: order.lineItems.flatMap((line) => {
      const quantity = quantities.get(line.id);
      return quantity ? [lineItemPayload(state, order, line, fulfilled, quantity)] : [];
    }),
    tracking_number: fulfillment.trackingNumbers[0] ?? null,
    tracking_numbers: fulfillment.trackingNumbers,
    tracking_url: fulfillment.trackingUrls[0] ?? null,
    tracking_urls: fulfillment.trackingUrls,
    receipt: {},
    name: fulfillment.name.replace(/-F(\d+)$/, ".$1"),
    admin_graphql_api_id: gid("Fulfillment", fulfillment.id),
  };
}
