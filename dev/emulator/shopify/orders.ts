import { createHmac } from "node:crypto";
import { copyCartMetafieldsToOrder, type CartMetafieldInput } from "./cart-to-order-metafields";
import type { ShopContext } from "./context";
import { gid } from "./ids";
import { fail, type Outcome } from "./fulfillment-orders";
import { commit, release, ship } from "./inventory";
import { routeByRank, routingCandidates, shopAvailability } from "./routing";
import type {
  DeliveryMethodType,
  FulfillmentOrderRecord,
  LineItemRecord,
  OrderAddress,
  OrderRecord,
  ShippingLineRecord,
} from "./state";
import { fulfillmentOrderStatusPayload, orderPayload } from "./webhook-payloads";

/** A checkout as a shopper completes it (the demo's and tests' way to create orders). */
export interface PlaceOrderInput {
  lines: { sku: string; quantity: number }[];
  deliveryMethod: "SHIPPING" | "PICK_UP" | "LOCAL_DELIVERY";
  /** Numeric id or gid of the store the shopper chose for pickup. */
  pickupLocationId?: number | string;
  shippingAddress?: {
    address1: string;
    city: string;
    provinceCode: string;
    zip: string;
    countryCode: string;
    latitude: number;
    longitude: number;
    province?: string;
    country?: string;
  };
  /** e.g. "Standard", "Express", "Same day". */
  shippingLineTitle?: string;
  customer?: {
    email?: string;
    phone?: string;
    firstName?: string;
    lastName?: string;
    /** Ticked "Text me with news and offers" at checkout. */
    smsMarketingConsent?: boolean;
    /**
     * How the shopper asked to hear about the order: by phone (the order's phone, Shopify texts
     * them) or by email (the order has no phone). Phone when they gave one, unless said.
     */
    checkoutContact?: "email" | "phone";
  };
  /** The cart's metafields (a checkout extension's writes): copied to the order where a definition allows. */
  cartMetafields?: CartMetafieldInput[];
}

export interface PlacedOrder {
  id: string;
  legacyResourceId: number;
  name: string;
  confirmationNumber: string;
  fulfillmentOrders: {
    id: string;
    locationId: string;
    status: string;
    deliveryMethod: DeliveryMethodType;
    lineItems: { id: string; sku: string; quantity: number }[];
  }[];
}

/** Prices a shopper pays for a shipping rate, by its title. */
const SHIPPING_PRICES: Record<string, string> = {
  Standard: "6.50",
  Express: "14.99",
  "Same day": "19.99",
  "Local Delivery": "9.99",
};

const CONFIRMATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** Keeps the emulator repeatable (the same scenario and actions give the same orders) without the number following from the id. */
const CONFIRMATION_KEY = "emulator confirmation numbers";

/** Random-looking like Shopify's: the thank-you page's proof that it shows this order, so not derivable from the id. */
function confirmationNumber(shop: string, orderId: number): string {
  const digest = createHmac("sha256", `${CONFIRMATION_KEY}:${shop}`).update(String(orderId)).digest();
  return Array.from(digest.subarray(0, 9), (byte) => CONFIRMATION_ALPHABET[byte % CONFIRMATION_ALPHABET.length]).join("");
}

function parseLocationId(value: number | string): number {
  if (typeof value === "number") return value;
  const match = /(\d+)$/.exec(value);
  if (!match?.[1]) throw new Error(`not a location id: ${value}`);
  return Number(match[1]);
}

export function placeOrder(ctx: ShopContext, input: PlaceOrderInput): PlacedOrder {
  const { state } = ctx;
  if (input.lines.length === 0) throw new Error("an order needs at least one line");
  const at = ctx.nowIso();

  const orderId = state.mintId();
  const lineItems: LineItemRecord[] = input.lines.map((line) => {
    const variant = state.variantsBySku.get(line.sku);
    if (!variant) throw new Error(`unknown SKU ${line.sku} in ${state.domain}`);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new Error(`bad quantity for ${line.sku}`);
    const product = state.productsById.get(variant.productId);
    return {
      id: state.mintId(),
      variantId: variant.id,
      productId: variant.productId,
      inventoryItemId: variant.inventoryItemId,
      sku: variant.sku,
      title: product?.title ?? variant.sku,
      variantTitle: variant.title,
      quantity: line.quantity,
      price: variant.price,
    };
  });

  let pickupLocationId: number | null = null;
  if (input.deliveryMethod === "PICK_UP") {
    if (input.pickupLocationId === undefined) throw new Error("a pickup order needs pickupLocationId");
    pickupLocationId = parseLocationId(input.pickupLocationId);
    const pickup = state.locationsById.get(pickupLocationId);
    if (!pickup?.isActive || !pickup.pickupEnabled) throw new Error(`location ${pickupLocationId} offers no pickup`);
  } else if (!input.shippingAddress) {
    throw new Error("a shipped or delivered order needs shippingAddress");
  }

  const methodType: DeliveryMethodType =
    input.deliveryMethod === "PICK_UP" ? "PICK_UP" : input.deliveryMethod === "LOCAL_DELIVERY" ? "LOCAL" : "SHIPPING";
  const shippingLine: ShippingLineRecord =
    pickupLocationId !== null
      ? {
          id: state.mintId(),
          title: state.locationsById.get(pickupLocationId)?.name ?? "Pickup",
          code: "Pickup",
          source: "shopify",
          price: "0.00",
        }
      : (() => {
          const title = input.shippingLineTitle ?? (methodType === "LOCAL" ? "Local Delivery" : "Standard");
          return { id: state.mintId(), title, code: title, source: "shopify", price: SHIPPING_PRICES[title] ?? "6.50" };
        })();

  let customerId: number | null = null;
  if (input.customer) {
    customerId = state.mintId();
    state.addCustomer({
      id: customerId,
      email: input.customer.email ?? null,
      phone: input.customer.phone ?? null,
      firstName: input.customer.firstName ?? null,
      lastName: input.customer.lastName ?? null,
      smsMarketingConsent: input.customer.smsMarketingConsent ?? false,
    });
  }

  const address = input.shippingAddress;
  const shippingAddress: OrderAddress | null = address
    ? {
        firstName: input.customer?.firstName ?? null,
        lastName: input.customer?.lastName ?? null,
        address1: address.address1,
        address2: null,
        city: address.city,
        province: address.province ?? null,
        provinceCode: address.provinceCode,
        zip: address.zip,
        country: address.country ?? (address.countryCode === "US" ? "United States" : address.countryCode),
        countryCode: address.countryCode,
        phone: input.customer?.phone ?? null,
        latitude: address.latitude,
        longitude: address.longitude,
      }
    : null;

  const number = state.data.nextOrderNumber++;
  const order: OrderRecord = {
    id: orderId,
    number,
    name: `#${number}`,
    createdAt: at,
    updatedAt: at,
    processedAt: at,
    email: input.customer?.email ?? null,
    phone: input.customer?.checkoutContact === "email" ? null : (input.customer?.phone ?? null),
    customerId,
    shippingAddress,
    shippingLine,
    deliveryMethod: methodType,
    pickupLocationId,
    lineItems,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    fulfillmentOrderIds: [],
    fulfillmentIds: [],
    token: `${orderId.toString(16)}${number.toString(16)}`.padEnd(32, "0"),
    confirmationNumber: confirmationNumber(state.domain, orderId),
  };
  state.addOrder(order);
  copyCartMetafieldsToOrder(ctx, orderId, input.cartMetafields ?? []);

  const lines = lineItems.map((l) => ({ key: l.id, inventoryItemId: l.inventoryItemId, quantity: l.quantity, line: l }));
  const groups =
    pickupLocationId !== null
      ? [{ locationId: pickupLocationId, lines }]
      : routeByRank(lines, routingCandidates(state), shopAvailability(state));

  const created: FulfillmentOrderRecord[] = groups.map((group) => {
    const fo: FulfillmentOrderRecord = {
      id: state.mintId(),
      orderId,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      assignedLocationId: group.locationId,
      deliveryMethod: {
        id: state.mintId(),
        methodType,
        presentedName: shippingLine.title,
        serviceCode: shippingLine.code,
      },
      lineItems: group.lines.map((l) => ({
        id: state.mintId(),
        lineItemId: l.line.id,
        totalQuantity: l.quantity,
        remainingQuantity: l.quantity,
      })),
      holds: [],
      fulfillAt: at,
      preparedForPickupAt: null,
      createdAt: at,
      updatedAt: at,
    };
    state.addFulfillmentOrder(fo);
    for (const l of group.lines) commit(ctx, group.locationId, l.inventoryItemId, l.quantity);
    return fo;
  });

  ctx.emit("orders/create", orderPayload(state, order));
  for (const fo of created) ctx.emit("fulfillment_orders/order_routing_complete", fulfillmentOrderStatusPayload(fo));

  return {
    id: gid("Order", order.id),
    legacyResourceId: order.id,
    name: order.name,
    confirmationNumber: order.confirmationNumber,
    fulfillmentOrders: created.map((fo) => ({
      id: gid("FulfillmentOrder", fo.id),
      locationId: gid("Location", fo.assignedLocationId),
      status: fo.status,
      deliveryMethod: fo.deliveryMethod.methodType,
      lineItems: fo.lineItems.map((l) => ({
        id: gid("FulfillmentOrderLineItem", l.id),
        sku: state.lineItem(order, l.lineItemId)?.sku ?? "",
        quantity: l.totalQuantity,
      })),
    })),
  };
}

export interface CancelOrderOptions {
  /** Shopify's OrderCancelReason, lower case as the REST payload's `cancel_reason` has it. */
  reason?: string;
  /** Committed units go back to available; otherwise they leave committed and on_hand, as shipped units do. */
  restock?: boolean;
  /** Refund to the original payment methods: the order's financial status becomes refunded. */
  refund?: boolean;
  notifyCustomer?: boolean;
  /** Staff-facing; at most 255 characters. */
  staffNote?: string | null;
}

export const STAFF_NOTE_MAX = 255;

/**
 * Cancels the order as `orderCancel` does (2026-04): refused with a userError when it is already
 * cancelled; otherwise its open fulfilment orders close, their committed units are restocked (or
 * not), the order records when, why and the staff note, and orders/cancelled is raised.
 */
export function cancelOrder(ctx: ShopContext, orderId: number, options: CancelOrderOptions = {}): Outcome<OrderRecord> {
  const { state } = ctx;
  const order = state.ordersById.get(orderId);
  if (!order) return fail(["orderId"], "Order does not exist", "NOT_FOUND");
  if (order.cancelledAt) {
    // "An order can only be cancelled if … the order hasn't already been cancelled" (orderCancel);
    // the documentation gives the code (INVALID: "The input value is invalid") but not the words.
    ctx.warn("orderCancel on a cancelled order: Shopify documents the refusal, not its message; the emulator words it");
    return fail(["orderId"], "Order has already been cancelled", "INVALID");
  }
  if ((options.staffNote ?? "").length > STAFF_NOTE_MAX) {
    return fail(["staffNote"], `Staff note is too long (maximum is ${STAFF_NOTE_MAX} characters)`, "INVALID");
  }
  const restock = options.restock ?? true;
  const at = ctx.nowIso();
  for (const fo of state.fulfillmentOrdersOf(orderId)) {
    if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
    for (const line of fo.lineItems) {
      const lineItem = state.lineItem(order, line.lineItemId);
      if (lineItem && line.remainingQuantity > 0) {
        (restock ? release : ship)(ctx, fo.assignedLocationId, lineItem.inventoryItemId, line.remainingQuantity);
      }
      line.remainingQuantity = 0;
    }
    fo.status = "CLOSED";
    fo.updatedAt = at;
  }
  order.cancelledAt = at;
  order.cancelReason = options.reason ?? "customer";
  order.closedAt = at;
  order.updatedAt = at;
  order.cancellation = {
    restock,
    refund: options.refund ?? false,
    notifyCustomer: options.notifyCustomer ?? false,
    staffNote: options.staffNote ?? null,
  };
  ctx.emit("orders/cancelled", orderPayload(state, order));
  return { ok: true, value: order };
}
