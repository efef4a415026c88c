import type { DeliveryMethod, RoutingOrder, ServiceLevel } from "../routing/types";

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

export type DraftOrderErrors = Partial<Record<keyof DraftOrderForm, string>>;

export interface PlaceOnMap {
  id: string;
  lat: number;
  lng: number;
}

const METHODS: readonly DeliveryMethod[] = ["SHIPPING", "PICK_UP", "LOCAL_DELIVERY"];
export const MAX_DRAFT_ITEMS = 20;

function parseItems(text: string | undefined): { lines: { sku: string; quantity: number }[] } | { error: string } {
  const rows = (text ?? "")
    .split("\n")
    .map((row) => row.trim())
    .filter(Boolean);
  if (rows.length === 0) return { error: "Add at least one item, one a line: SKU and quantity" };
  if (rows.length > MAX_DRAFT_ITEMS) return { error: `Try at most ${MAX_DRAFT_ITEMS} items` };
  const lines: { sku: string; quantity: number }[] = [];
  for (const [index, row] of rows.entries()) {
    const match = /^(\S+)(?:\s+(\d+))?$/.exec(row);
    const quantity = Number(match?.[2] ?? "1");
    if (!match?.[1] || quantity < 1 || quantity > 10_000) {
      return { error: `Line ${index + 1}: write a SKU and a quantity from 1, like "TEE-BLK-M 2"` };
    }
    if (lines.some((line) => line.sku === match[1])) return { error: `Line ${index + 1}: ${match[1]} is listed twice` };
    lines.push({ sku: match[1], quantity });
  }
  return { lines };
}

export function parseDraftOrder(
  form: DraftOrderForm,
  places: readonly PlaceOnMap[],
  serviceLevelOf: (method: DeliveryMethod, shippingMethod: string) => ServiceLevel,
  placedAt: Date,
): { ok: true; order: RoutingOrder } | { ok: false; errors: DraftOrderErrors } {
  const errors: DraftOrderErrors = {};
  const method = METHODS.find((candidate) => candidate === form.deliveryMethod);
  if (!method) errors.deliveryMethod = "Choose shipping, pickup or same-day delivery";
  const placeId = method === "PICK_UP" ? form.pickupLocationId : form.nearLocationId;
  const place = places.find((candidate) => candidate.id === placeId);
  if (method && !place) {
    if (method === "PICK_UP") errors.pickupLocationId = "Choose the store the shopper picks up from";
    else errors.nearLocationId = "Choose where the shopper lives";
  }
  const items = parseItems(form.items);
  if ("error" in items) errors.items = items.error;
  if (!method || !place || "error" in items || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    order: {
      id: "try-it",
      placedAt: placedAt.toISOString(),
      deliveryMethod: method,
      serviceLevel: serviceLevelOf(method, form.shippingMethod ?? ""),
      ...(method === "PICK_UP" ? { pickupLocationId: place.id } : {}),
      destination: { lat: place.lat, lng: place.lng },
      lines: items.lines,
    },
  };
}
