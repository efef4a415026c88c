import { z } from "zod";
import type { OrderContactFacts } from "~/models/order-contacts.server";
import type { OrderFacts } from "~/models/routed-orders.server";
import { shopifyId } from "./shared-schemas";

/** The fields of Shopify's REST order body (orders/create, orders/cancelled) routing keeps. */
export const orderPayload = z
  .object({
    id: shopifyId,
    name: z.string(),
    created_at: z.string(),
    cancelled_at: z.string().nullish(),
    confirmation_number: z.string().max(64).nullish(),
    email: z.string().max(320).nullish(),
    contact_email: z.string().max(320).nullish(),
    phone: z.string().max(64).nullish(),
    customer: z
      .object({
        id: shopifyId,
        phone: z.string().max(64).nullish(),
        sms_marketing_consent: z.object({ state: z.string().nullish() }).passthrough().nullish(),
      })
      .passthrough()
      .nullish(),
    shipping_address: z
      .object({
        latitude: z.number().nullish(),
        longitude: z.number().nullish(),
        phone: z.string().max(64).nullish(),
      })
      .passthrough()
      .nullish(),
    billing_address: z
      .object({ phone: z.string().max(64).nullish() })
      .passthrough()
      .nullish(),
    line_items: z.array(
      z.object({ quantity: z.number().int().nonnegative(), sku: z.string().nullish() }).passthrough(),
    ),
    shipping_lines: z
      .array(z.object({ title: z.string().nullish(), code: z.string().nullish() }).passthrough())
      .default([]),
  })
  .passthrough();

export type OrderPayload = z.infer<typeof orderPayload>;

function date(value: string | null | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * The order's facts as the body gives them. The delivery method and pickup store are left
 * unknown: routing reads them from the fulfilment orders, which say so for certain.
 */
export function orderFactsOf(body: OrderPayload): OrderFacts {
  const shippingLine = body.shipping_lines[0];
  const quantities = new Map<string, number>();
  for (const line of body.line_items) {
    if (!line.sku || line.quantity === 0) continue;
    quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
  }
  return {
    orderId: body.id,
    name: body.name,
    placedAt: date(body.created_at) ?? new Date(),
    deliveryMethod: null,
    pickupLocationId: null,
    shippingLineTitle: shippingLine?.title ?? null,
    shippingLineCode: shippingLine?.code ?? null,
    latitude: body.shipping_address?.latitude ?? null,
    longitude: body.shipping_address?.longitude ?? null,
    lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
    customerId: body.customer?.id ?? null,
    confirmationNumber: body.confirmation_number ?? null,
    cancelledAt: date(body.cancelled_at),
  };
}

/**
 * What the app keeps of an order body in the webhook's record: the order's name, when it was
 * placed or cancelled, its lines' SKUs and quantities and its shipping lines (the dashboard's
 * recent orders read them). Not the rest: Shopify's body (tens of kilobytes for a large order)
 * holds the shopper's addresses, contact and payment details, which the app keeps only where it
 * uses them (the order's contact, for its messages), and storing it whole cost PostgreSQL a
 * compressed write of every order's body.
 */
export function storedOrderSummaryOf(body: OrderPayload) {
  return {
    id: body.id,
    name: body.name,
    created_at: body.created_at,
    cancelled_at: body.cancelled_at ?? null,
    line_items: body.line_items.map((line) => ({ sku: line.sku ?? null, quantity: line.quantity })),
    shipping_lines: body.shipping_lines.map((line) => ({ title: line.title ?? null, code: line.code ?? null })),
  };
}

/** How to reach the order's shopper, as the body gives it (the notification cadence's recipients). */
export function orderContactOf(body: OrderPayload): OrderContactFacts {
  return {
    orderId: body.id,
    email: body.email || body.contact_email || null,
    orderPhone: body.phone || null,
    customerPhone: body.customer?.phone || null,
    shippingPhone: body.shipping_address?.phone || null,
    billingPhone: body.billing_address?.phone || null,
    smsMarketingConsent: body.customer?.sms_marketing_consent?.state === "subscribed",
    customerId: body.customer?.id ?? null,
  };
}
