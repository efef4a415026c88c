import { z } from "zod";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import type { DeliveryMethod, OrderLine, RoutingOrder, ServiceLevel } from "../routing/types";

/**
 * A hand-made order for the settings page's "try it" panel: what a merchant types (every value
 * a string) into an order the engine can route, or field errors.
 */
export interface DraftOrderForm {
  deliveryMethod?: string;
  /** For shipping and same-day: the location the shopper lives near. */
  nearLocationId?: string;
  pickupLocationId?: string;
  shippingMethod?: string;
  /** One item a line: "SKU quantity", e.g. "TEE-BLK-M 2". */
  items?: string;
}

export type DraftOrderField = keyof DraftOrderForm;
export type DraftOrderErrors = FieldErrors<DraftOrderField>;

export interface PlaceOnMap {
  id: string;
  lat: number;
  lng: number;
}

export const MAX_DRAFT_ITEMS = 20;

const ITEM_LINE = /^(\S+)(?:\s+(\d+))?$/;

/** One item a line, "SKU quantity" (quantity 1 when left out), blank lines skipped. */
const itemsField = z
  .string()
  .prefault("")
  .transform((text) =>
    text
      .split("\n")
      .map((row) => row.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string())
      .min(1, "Add at least one item, one a line: SKU and quantity")
      .max(MAX_DRAFT_ITEMS, `Try at most ${MAX_DRAFT_ITEMS} items`),
  )
  .transform((rows, context) => {
    const refuse = (message: string) => {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const lines: OrderLine[] = [];
    for (const [index, row] of rows.entries()) {
      const [, sku, quantityText = "1"] = ITEM_LINE.exec(row) ?? [];
      const quantity = Number(quantityText);
      if (!sku || quantity < 1 || quantity > 10_000) {
        return refuse(`Line ${index + 1}: write a SKU and a quantity from 1, like "TEE-BLK-M 2"`);
      }
      if (lines.some((line) => line.sku === sku)) return refuse(`Line ${index + 1}: ${sku} is listed twice`);
      lines.push({ sku, quantity });
    }
    return lines;
  });

/**
 * The hand-made order's schema against the shop's places: the shopper lives near one (shipping,
 * same-day) or picks up at one. The order's service level is the shipping method's.
 */
export function draftOrderSchema(
  places: readonly PlaceOnMap[],
  serviceLevelOf: (method: DeliveryMethod, shippingMethod: string) => ServiceLevel,
  placedAt: Date,
) {
  const placeField = (message: string) =>
    z.string({ error: message }).transform((id, context) => {
      const place = places.find((candidate) => candidate.id === id);
      if (!place) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return place;
    });
  const delivery = z.discriminatedUnion(
    "deliveryMethod",
    [
      z
        .object({
          deliveryMethod: z.literal("PICK_UP"),
          pickupLocationId: placeField("Choose the store the shopper picks up from"),
        })
        .transform(({ deliveryMethod, pickupLocationId: store }) => ({
          deliveryMethod,
          pickupLocationId: store.id,
          destination: store,
        })),
      z
        .object({
          deliveryMethod: z.enum(["SHIPPING", "LOCAL_DELIVERY"]),
          nearLocationId: placeField("Choose where the shopper lives"),
        })
        .transform(({ deliveryMethod, nearLocationId: near }) => ({ deliveryMethod, destination: near })),
    ],
    { error: "Choose shipping, pickup or same-day delivery" },
  );
  return z
    .object({ shippingMethod: z.string().prefault(""), items: itemsField })
    .and(delivery)
    .transform(({ shippingMethod, items, deliveryMethod, destination, ...pickup }): RoutingOrder => ({
      id: "try-it",
      placedAt: placedAt.toISOString(),
      deliveryMethod,
      serviceLevel: serviceLevelOf(deliveryMethod, shippingMethod),
      ...pickup,
      destination: { lat: destination.lat, lng: destination.lng },
      lines: items,
    }));
}

export function parseDraftOrder(
  form: DraftOrderForm,
  places: readonly PlaceOnMap[],
  serviceLevelOf: (method: DeliveryMethod, shippingMethod: string) => ServiceLevel,
  placedAt: Date,
): FormResult<RoutingOrder, DraftOrderField> {
  return parseForm(draftOrderSchema(places, serviceLevelOf, placedAt), form);
}
