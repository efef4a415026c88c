import { gid } from "./ids";
import type {
  FulfillmentHoldRecord,
  FulfillmentOrderRecord,
  LevelRecord,
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

function fulfillmentStatusOf(state: ShopState, order: OrderRecord): string | null {
  const fos = state.fulfillmentOrdersOf(order.id);
  const total = fos.reduce((n, fo) => n + fo.lineItems.reduce((m, l) => m + l.totalQuantity, 0), 0);
  const remaining = fos
    .filter((fo) => fo.status !== "CANCELLED")
    .reduce((n, fo) => n + fo.lineItems.reduce((m, l) => m + l.remainingQuantity, 0), 0);
  const fulfilled = state.data.fulfillments
    .filter((f) => f.orderId === order.id && f.status === "SUCCESS")
    .reduce((n, f) => n + f.lines.reduce((m, l) => m + l.quantity, 0), 0);
  if (fulfilled === 0) return null;
  return remaining === 0 && fulfilled >= total ? "fulfilled" : "partial";
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
    confirmation_number: order.token.slice(0, 9).toUpperCase(),
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
    financial_status: "paid",
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
      currency,
      tax_exemptions: [],
      admin_graphql_api_id: gid("Customer", customer.id),
      default_address: null,
    },
    discount_applications: [],
    fulfillments: [],
    line_items: order.lineItems.map((line) => ({
      id: line.id,
      admin_graphql_api_id: gid("LineItem", line.id),
      attributed_staffs: [],
      current_quantity: order.cancelledAt ? 0 : line.quantity,
      fulfillable_quantity: order.cancelledAt ? 0 : line.quantity,
      fulfillment_service: "manual",
      fulfillment_status: null,
      gift_card: false,
      grams: 0,
      name: `${line.title} - ${line.variantTitle}`,
      price: line.price,
      price_set: money(line.price, currency),
      product_exists: true,
      product_id: line.productId,
      properties: [],
      quantity: line.quantity,
      requires_shipping: true,
      sales_line_item_group_id: null,
      sku: line.sku,
      taxable: true,
      title: line.title,
      total_discount: "0.00",
      total_discount_set: zero,
      variant_id: line.variantId,
      variant_inventory_management: "shopify",
      variant_title: line.variantTitle,
      vendor: null,
      tax_lines: [],
      duties: [],
      discount_allocations: [],
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
    held_by_app: { id: gid("App", 1) },
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

export function preparedForPickupPayload(fo: FulfillmentOrderRecord) {
  return {
    fulfillment_order: {
      ...foRef(fo),
      preparable: fo.preparedForPickupAt === null,
      delivery_method: { method_type: fo.deliveryMethod.methodType === "PICK_UP" ? "pickup" : "shipping" },
    },
  };
}
