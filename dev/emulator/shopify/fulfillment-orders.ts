import type { ShopContext } from "./context";
import { gid } from "./ids";
import { commit, release, ship } from "./inventory";
import { routeByRank, routingCandidates, type Availability } from "./routing";
import type {
  FulfillmentHoldRecord,
  FulfillmentOrderLineItemRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LocationRecord,
  OrderRecord,
} from "./state";
import {
  fulfillmentOrderMovedPayload,
  fulfillmentOrderStatusPayload,
  placedOnHoldPayload,
  preparedForPickupPayload,
} from "./webhook-payloads";

/**
 * Fulfilment order life cycle: move (whole or a subset, which splits), hold and release,
 * ready for pickup, fulfil, reroute. Each returns Shopify's userErrors instead of throwing for
 * anything a caller controls, and moves committed inventory with the work.
 */

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false, errors: UserError[] };

function fail<T>(field: string[] | null, message: string, code: string | null = null): Outcome<T> {
  return { ok: false, errors: [{ field, message, code }] };
}

export interface LineRequest {
  id: number;
  quantity: number;
}

function orderOf(ctx: ShopContext, fo: FulfillmentOrderRecord): OrderRecord {
  const order = ctx.state.ordersById.get(fo.orderId);
  if (!order) throw new Error(`fulfillment order ${fo.id} has no order`);
  return order;
}

function itemOf(ctx: ShopContext, fo: FulfillmentOrderRecord, line: FulfillmentOrderLineItemRecord): number {
  const lineItem = ctx.state.lineItem(orderOf(ctx, fo), line.lineItemId);
  if (!lineItem) throw new Error(`fulfillment order line ${line.id} has no line item`);
  return lineItem.inventoryItemId;
}

/** Open statuses whose remaining units can still be moved, held or fulfilled. */
function isActive(fo: FulfillmentOrderRecord): boolean {
  return fo.status === "OPEN" || fo.status === "IN_PROGRESS" || fo.status === "SCHEDULED";
}

function remainingUnits(fo: FulfillmentOrderRecord): number {
  return fo.lineItems.reduce((n, l) => n + l.remainingQuantity, 0);
}

function hasFulfilledUnits(fo: FulfillmentOrderRecord): boolean {
  return fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity);
}

/** Resolves a requested subset into per-line quantities; absent means every remaining unit. */
function resolveLines(
  fo: FulfillmentOrderRecord,
  requested: LineRequest[] | undefined,
  fieldName: string,
): Outcome<Map<number, number>> {
  const quantities = new Map<number, number>();
  if (!requested || requested.length === 0) {
    for (const line of fo.lineItems) if (line.remainingQuantity > 0) quantities.set(line.id, line.remainingQuantity);
    return { ok: true, value: quantities };
  }
  for (const [index, request] of requested.entries()) {
    const line = fo.lineItems.find((l) => l.id === request.id);
    if (!line) {
      return fail([fieldName, String(index), "id"], "Fulfillment order line item does not exist.");
    }
    if (quantities.has(line.id)) {
      return fail([fieldName, String(index), "id"], "Fulfillment order line items must be unique.");
    }
    if (request.quantity <= 0) {
      return fail([fieldName, String(index), "quantity"], "Quantity must be greater than 0.");
    }
    if (request.quantity > line.remainingQuantity) {
      return fail(
        [fieldName, String(index), "quantity"],
        `Quantity must be less than or equal to the remaining quantity (${line.remainingQuantity}).`,
      );
    }
    quantities.set(line.id, request.quantity);
  }
  return { ok: true, value: quantities };
}

/**
 * Takes `quantities` out of `fo` into a new fulfilment order at `locationId` (same order and
 * delivery method). Lines emptied by the split leave the original.
 */
function splitOff(
  ctx: ShopContext,
  fo: FulfillmentOrderRecord,
  quantities: Map<number, number>,
  locationId: number,
): FulfillmentOrderRecord {
  const at = ctx.nowIso();
  const split: FulfillmentOrderRecord = {
    id: ctx.state.mintId(),
    orderId: fo.orderId,
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    assignedLocationId: locationId,
    deliveryMethod: { ...fo.deliveryMethod, id: ctx.state.mintId() },
    lineItems: [],
    holds: [],
    fulfillAt: fo.fulfillAt,
    preparedForPickupAt: null,
    createdAt: at,
    updatedAt: at,
  };
  for (const line of fo.lineItems) {
    const quantity = quantities.get(line.id);
    if (!quantity) continue;
    split.lineItems.push({ id: ctx.state.mintId(), lineItemId: line.lineItemId, totalQuantity: quantity, remainingQuantity: quantity });
    line.totalQuantity -= quantity;
    line.remainingQuantity -= quantity;
  }
  fo.lineItems = fo.lineItems.filter((l) => l.totalQuantity > 0);
  fo.updatedAt = at;
  ctx.state.addFulfillmentOrder(split);
  return split;
}

export interface MoveResult {
  moved: FulfillmentOrderRecord;
  original: FulfillmentOrderRecord;
  remaining: FulfillmentOrderRecord | null;
}

export function stocksAll(ctx: ShopContext, fo: FulfillmentOrderRecord, locationId: number, lineIds?: Iterable<number>): boolean {
  const wanted = lineIds ? new Set(lineIds) : null;
  return fo.lineItems.every(
    (line) => (wanted && !wanted.has(line.id)) || ctx.state.level(locationId, itemOf(ctx, fo, line)) !== undefined,
  );
}

export function moveFulfillmentOrder(
  ctx: ShopContext,
  foId: number | null,
  newLocationId: number | null,
  requested?: LineRequest[],
): Outcome<MoveResult> {
  const fo = foId === null ? undefined : ctx.state.fulfillmentOrdersById.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order does not exist.");
  const location = newLocationId === null ? undefined : ctx.state.locationsById.get(newLocationId);
  if (!location?.isActive) return fail(["newLocationId"], "Location does not exist.");
  if (fo.status === "CLOSED" || fo.status === "CANCELLED" || fo.status === "INCOMPLETE") {
    return fail(["id"], `Cannot move a fulfillment order with status ${fo.status.toLowerCase()}.`);
  }
  if (fo.status === "ON_HOLD") return fail(["id"], "Cannot move a fulfillment order that is on hold.");
  if (!["UNSUBMITTED", "REJECTED", "CLOSED", "CANCELLATION_ACCEPTED"].includes(fo.requestStatus)) {
    return fail(["id"], "Cannot move a fulfillment order that has been submitted to a fulfillment service.");
  }
  if (fo.assignedLocationId === location.id) {
    return fail(["newLocationId"], "Fulfillment order is already assigned to this location.");
  }
  const resolved = resolveLines(fo, requested, "fulfillmentOrderLineItems");
  if (!resolved.ok) return resolved;
  const quantities = resolved.value;
  if (quantities.size === 0) return fail(["id"], "Fulfillment order has no line items left to move.");
  if (!stocksAll(ctx, fo, location.id, quantities.keys())) {
    return fail(["newLocationId"], `${location.name} doesn't stock all of the items in this fulfillment order.`);
  }

  const originalLocationId = fo.assignedLocationId;
  for (const line of fo.lineItems) {
    const quantity = quantities.get(line.id);
    if (!quantity) continue;
    const item = itemOf(ctx, fo, line);
    release(ctx, originalLocationId, item, quantity);
    commit(ctx, location.id, item, quantity);
  }

  const everything = [...quantities.values()].reduce((a, b) => a + b, 0) === remainingUnits(fo);
  let result: MoveResult;
  if (everything && !hasFulfilledUnits(fo)) {
    // Shopify reassigns the fulfilment order itself.
    fo.assignedLocationId = location.id;
    fo.updatedAt = ctx.nowIso();
    result = { moved: fo, original: fo, remaining: null };
  } else {
    const moved = splitOff(ctx, fo, quantities, location.id);
    if (remainingUnits(fo) === 0) fo.status = "CLOSED";
    result = { moved, original: fo, remaining: fo.status === "CLOSED" ? null : fo };
  }
  ctx.emit(
    "fulfillment_orders/moved",
    fulfillmentOrderMovedPayload({
      original: result.original,
      originalLocationId,
      moved: result.moved,
      requested: [...quantities].map(([id, quantity]) => ({ id, quantity })),
    }),
  );
  return { ok: true, value: result };
}

export interface LocationForMove {
  location: LocationRecord;
  movable: boolean;
  message: string | null;
  availableLineItems: FulfillmentOrderLineItemRecord[];
  unavailableLineItems: FulfillmentOrderLineItemRecord[];
}

/** Where Shopify would let this fulfilment order go: every active location, the current one not movable. */
export function locationsForMove(
  ctx: ShopContext,
  fo: FulfillmentOrderRecord,
  options: { lineItemIds?: number[]; locationIds?: number[] },
): LocationForMove[] {
  const lineFilter = options.lineItemIds && options.lineItemIds.length > 0 ? new Set(options.lineItemIds) : null;
  const lines = fo.lineItems.filter((l) => l.remainingQuantity > 0 && (!lineFilter || lineFilter.has(l.id)));
  const locationFilter = options.locationIds ? new Set(options.locationIds) : null;
  return ctx.state.locationsByRank
    .filter((l) => l.isActive && (!locationFilter || locationFilter.has(l.id)))
    .map((location) => {
      const available = lines.filter((line) => ctx.state.level(location.id, itemOf(ctx, fo, line)) !== undefined);
      const unavailable = lines.filter((line) => !available.includes(line));
      const current = location.id === fo.assignedLocationId;
      const movable = !current && isActive(fo) && unavailable.length === 0 && lines.length > 0;
      const message = current
        ? "Current location."
        : unavailable.length > 0
          ? "No inventory stocked at this location for some items."
          : !isActive(fo)
            ? "This fulfillment order can't be moved."
            : null;
      return { location, movable, message, availableLineItems: available, unavailableLineItems: unavailable };
    });
}

export function holdFulfillmentOrder(
  ctx: ShopContext,
  foId: number | null,
  input: {
    reason: string;
    reasonNotes?: string | null;
    handle?: string | null;
    externalId?: string | null;
    fulfillmentOrderLineItems?: LineRequest[];
  },
): Outcome<{ fo: FulfillmentOrderRecord; hold: FulfillmentHoldRecord; remaining: FulfillmentOrderRecord | null }> {
  const fo = foId === null ? undefined : ctx.state.fulfillmentOrdersById.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND");
  if (!isActive(fo) && fo.status !== "ON_HOLD") {
    return fail(["id"], "The fulfillment order can't be placed on hold in its current state.", "FULFILLMENT_ORDER_NOT_FOUND");
  }
  if (fo.holds.length >= 10) {
    return fail(["id"], "The maximum number of fulfillment holds for this fulfillment order has been reached.", "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
  }
  const handle = input.handle ?? "";
  if (handle !== "" && fo.holds.some((h) => h.handle === handle)) {
    return fail(["fulfillmentHold", "handle"], "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", "DUPLICATE_FULFILLMENT_HOLD_HANDLE");
  }
  const resolved = resolveLines(fo, input.fulfillmentOrderLineItems, "fulfillmentOrderLineItems");
  if (!resolved.ok) {
    return { ok: false, errors: resolved.errors.map((e) => ({ ...e, field: ["fulfillmentHold", ...(e.field ?? [])], code: "INVALID_LINE_ITEM_QUANTITY" })) };
  }
  const held = resolved.value;

  // Holding a subset splits off the units that stay workable into a remaining fulfilment order.
  let remaining: FulfillmentOrderRecord | null = null;
  const rest = new Map<number, number>();
  for (const line of fo.lineItems) {
    const left = line.remainingQuantity - (held.get(line.id) ?? 0);
    if (left > 0) rest.set(line.id, left);
  }
  if (rest.size > 0 && !hasFulfilledUnits(fo)) {
    remaining = splitOff(ctx, fo, rest, fo.assignedLocationId);
  }

  const hold: FulfillmentHoldRecord = {
    id: ctx.state.mintId(),
    reason: input.reason,
    reasonNotes: input.reasonNotes ?? null,
    handle: handle === "" ? null : handle,
    externalId: input.externalId ?? null,
    lineItemIds: fo.lineItems.map((l) => l.id),
  };
  fo.holds.push(hold);
  fo.status = "ON_HOLD";
  fo.updatedAt = ctx.nowIso();
  ctx.emit(
    "fulfillment_orders/placed_on_hold",
    placedOnHoldPayload({
      fo,
      hold,
      remaining,
      heldLineItems: fo.lineItems.map((l) => ({ id: l.id, quantity: l.remainingQuantity })),
    }),
  );
  return { ok: true, value: { fo, hold, remaining } };
}

export function releaseHold(
  ctx: ShopContext,
  foId: number | null,
  holdIds?: number[],
): Outcome<FulfillmentOrderRecord> {
  const fo = foId === null ? undefined : ctx.state.fulfillmentOrdersById.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND");
  if (fo.status !== "ON_HOLD") return fail(["id"], "The fulfillment order isn't on hold.", "FULFILLMENT_ORDER_NOT_FOUND");
  const releasing = holdIds && holdIds.length > 0 ? new Set(holdIds) : null;
  if (releasing && ![...releasing].every((id) => fo.holds.some((h) => h.id === id))) {
    return fail(["holdIds"], "A fulfillment hold was not found on this fulfillment order.", "INVALID_ACCESS");
  }
  fo.holds = releasing ? fo.holds.filter((h) => !releasing.has(h.id)) : [];
  if (fo.holds.length === 0) {
    fo.status = hasFulfilledUnits(fo) ? "IN_PROGRESS" : "OPEN";
    ctx.emit("fulfillment_orders/hold_released", fulfillmentOrderStatusPayload(fo));
  }
  fo.updatedAt = ctx.nowIso();
  return { ok: true, value: fo };
}

export function prepareForPickup(ctx: ShopContext, foIds: (number | null)[]): Outcome<FulfillmentOrderRecord[]> {
  const errors: UserError[] = [];
  const fos: FulfillmentOrderRecord[] = [];
  for (const [index, id] of foIds.entries()) {
    const field = ["input", "lineItemsByFulfillmentOrder", String(index), "fulfillmentOrderId"];
    const fo = id === null ? undefined : ctx.state.fulfillmentOrdersById.get(id);
    if (!fo || fo.deliveryMethod.methodType !== "PICK_UP") {
      errors.push({ field, message: "Invalid fulfillment order.", code: "FULFILLMENT_ORDER_INVALID" });
    } else if (!isActive(fo) || fo.preparedForPickupAt !== null || remainingUnits(fo) === 0) {
      errors.push({
        field,
        message: "Fulfillment order has no line items to prepare.",
        code: "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER",
      });
    } else fos.push(fo);
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const fo of fos) {
    fo.preparedForPickupAt = ctx.nowIso();
    fo.status = "IN_PROGRESS";
    fo.updatedAt = fo.preparedForPickupAt;
    ctx.emit("fulfillment_orders/line_items_prepared_for_pickup", preparedForPickupPayload(fo));
  }
  return { ok: true, value: fos };
}

export interface FulfillmentInputRecord {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: number | null; fulfillmentOrderLineItems?: LineRequest[] }[];
  trackingInfo?: { company?: string | null; number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null };
}

export function createFulfillment(ctx: ShopContext, input: FulfillmentInputRecord): Outcome<FulfillmentRecord> {
  const groups = input.lineItemsByFulfillmentOrder;
  if (groups.length === 0) return fail(["fulfillment", "lineItemsByFulfillmentOrder"], "Line items by fulfillment order can't be blank.");
  const plans: { fo: FulfillmentOrderRecord; quantities: Map<number, number> }[] = [];
  for (const [index, group] of groups.entries()) {
    const field = ["fulfillment", "lineItemsByFulfillmentOrder", String(index)];
    const fo = group.fulfillmentOrderId === null ? undefined : ctx.state.fulfillmentOrdersById.get(group.fulfillmentOrderId);
    if (!fo) return fail([...field, "fulfillmentOrderId"], "Fulfillment order does not exist.");
    if (!isActive(fo)) return fail([...field, "fulfillmentOrderId"], `Fulfillment order ${fo.id} is not in an open state.`);
    const first = plans[0]?.fo;
    if (first && first.orderId !== fo.orderId) return fail(field, "All fulfillment orders must belong to the same order.");
    if (first && first.assignedLocationId !== fo.assignedLocationId) {
      return fail(field, "All fulfillment orders must be assigned to the same location.");
    }
    const resolved = resolveLines(fo, group.fulfillmentOrderLineItems, "fulfillmentOrderLineItems");
    if (!resolved.ok) return { ok: false, errors: resolved.errors.map((e) => ({ ...e, field: [...field, ...(e.field ?? [])] })) };
    if (resolved.value.size === 0) return fail(field, "Fulfillment order has no line items left to fulfill.");
    plans.push({ fo, quantities: resolved.value });
  }
  const firstFo = plans[0]?.fo;
  if (!firstFo) return fail(["fulfillment"], "Nothing to fulfill.");
  const order = orderOf(ctx, firstFo);
  const at = ctx.nowIso();
  const tracking = input.trackingInfo;
  const fulfillment: FulfillmentRecord = {
    id: ctx.state.mintId(),
    orderId: order.id,
    locationId: firstFo.assignedLocationId,
    name: `${order.name}-F${order.fulfillmentIds.length + 1}`,
    status: "SUCCESS",
    createdAt: at,
    trackingCompany: tracking?.company ?? null,
    trackingNumbers: [...(tracking?.numbers ?? []), ...(tracking?.number ? [tracking.number] : [])],
    trackingUrls: [...(tracking?.urls ?? []), ...(tracking?.url ? [tracking.url] : [])],
    lines: [],
  };
  for (const { fo, quantities } of plans) {
    for (const line of fo.lineItems) {
      const quantity = quantities.get(line.id);
      if (!quantity) continue;
      line.remainingQuantity -= quantity;
      ship(ctx, fo.assignedLocationId, itemOf(ctx, fo, line), quantity);
      fulfillment.lines.push({ fulfillmentOrderId: fo.id, fulfillmentOrderLineItemId: line.id, lineItemId: line.lineItemId, quantity });
    }
    fo.status = remainingUnits(fo) === 0 ? "CLOSED" : "IN_PROGRESS";
    fo.updatedAt = at;
  }
  ctx.state.addFulfillment(fulfillment);
  order.updatedAt = at;
  return { ok: true, value: fulfillment };
}

/**
 * Runs default routing again for open fulfilment orders of one order, limited to the included
 * (or not excluded) locations; lines that should go elsewhere are moved there.
 */
export function rerouteFulfillmentOrders(
  ctx: ShopContext,
  foIds: (number | null)[],
  included?: number[],
  excluded?: number[],
): Outcome<FulfillmentOrderRecord[]> {
  if (foIds.length === 0) return fail(["fulfillmentOrderIds"], "No fulfillment order ids were given.", "NO_FULFILLMENT_ORDER_IDS");
  const fos: FulfillmentOrderRecord[] = [];
  for (const id of foIds) {
    const fo = id === null ? undefined : ctx.state.fulfillmentOrdersById.get(id);
    if (!fo) return fail(["fulfillmentOrderIds"], "Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND");
    fos.push(fo);
  }
  if (new Set(fos.map((fo) => fo.orderId)).size > 1) {
    return fail(["fulfillmentOrderIds"], "Fulfillment orders must belong to the same order.", "FULFILLMENT_ORDERS_NOT_FROM_THE_SAME_ORDER");
  }
  if (fos.some((fo) => fo.status !== "OPEN" || fo.requestStatus !== "UNSUBMITTED")) {
    return fail(["fulfillmentOrderIds"], "Only open fulfillment orders can be rerouted.", "FULFILLMENT_ORDERS_STATE_NOT_SUPPORTED");
  }
  if (fos.some((fo) => fo.deliveryMethod.methodType === "PICK_UP")) {
    return fail(["fulfillmentOrderIds"], "Pickup fulfillment orders can't be rerouted.", "DELIVERY_METHOD_TYPE_NOT_SUPPORTED");
  }
  const includedSet = included && included.length > 0 ? new Set(included) : null;
  const excludedSet = new Set(excluded ?? []);
  const candidates = routingCandidates(ctx.state, (l) => (!includedSet || includedSet.has(l.id)) && !excludedSet.has(l.id));
  if (candidates.length === 0) {
    return fail(["includedLocationIds"], "No eligible location to reroute to.", "CANNOT_REASSIGN_LOCATION_FOR_FULFILLMENT_ORDERS");
  }

  const moved: FulfillmentOrderRecord[] = [];
  for (const fo of fos) {
    const lines = fo.lineItems
      .filter((l) => l.remainingQuantity > 0)
      .map((l) => ({ key: l.id, inventoryItemId: itemOf(ctx, fo, l), quantity: l.remainingQuantity }));
    // Units this fulfilment order already commits at its location count as available there.
    const availability: Availability = (locationId, itemId) => {
      const level = ctx.state.level(locationId, itemId);
      if (!level) return null;
      const own = locationId === fo.assignedLocationId ? lines.filter((l) => l.inventoryItemId === itemId).reduce((n, l) => n + l.quantity, 0) : 0;
      return level.available + own;
    };
    const groups = routeByRank(lines, candidates, availability);
    for (const group of groups) {
      if (group.locationId === fo.assignedLocationId) continue;
      const result = moveFulfillmentOrder(
        ctx,
        fo.id,
        group.locationId,
        group.lines.map((l) => ({ id: l.key, quantity: l.quantity })),
      );
      if (result.ok) moved.push(result.value.moved);
    }
  }
  return { ok: true, value: moved };
}

export const foGid = (fo: FulfillmentOrderRecord) => gid("FulfillmentOrder", fo.id);
