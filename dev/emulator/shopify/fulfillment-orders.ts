import type { ShopContext } from "./context";
import { hasFulfilledUnits, hasReportedProgress, isActive, remainingUnits, workingStatus } from "./fulfillment-order-status";
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
  fulfillmentPayload,
  orderPayload,
  placedOnHoldPayload,
  preparedForPickupPayload,
} from "./webhook-payloads";

/**
 * Fulfilment order life cycle: move (whole or a subset, which splits or merges), hold and release,
 * ready for pickup, fulfil, reroute; progress reports are in ./fulfillment-order-progress.ts. Each
 * returns Shopify's userErrors instead of throwing for anything a caller controls, and moves
 * committed inventory with the work.
 */

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export function fail<T>(field: string[] | null, message: string, code: string | null = null): Outcome<T> {
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

/** The userError codes a mutation gives for each way a requested line can be wrong (none by default). */
interface LineErrorCodes {
  missing: string | null;
  duplicate: string | null;
  notPositive: string | null;
  tooMany: string | null;
}

const NO_LINE_ERROR_CODES: LineErrorCodes = { missing: null, duplicate: null, notPositive: null, tooMany: null };

/** Resolves a requested subset into per-line quantities; absent means every remaining unit. */
function resolveLines(
  fo: FulfillmentOrderRecord,
  requested: LineRequest[] | undefined,
  fieldName: string,
  codes: LineErrorCodes = NO_LINE_ERROR_CODES,
): Outcome<Map<number, number>> {
  const quantities = new Map<number, number>();
  if (!requested || requested.length === 0) {
    for (const line of fo.lineItems) if (line.remainingQuantity > 0) quantities.set(line.id, line.remainingQuantity);
    return { ok: true, value: quantities };
  }
  for (const [index, request] of requested.entries()) {
    const line = fo.lineItems.find((l) => l.id === request.id);
    if (!line) {
      return fail([fieldName, String(index), "id"], "Fulfillment order line item does not exist.", codes.missing);
    }
    if (quantities.has(line.id)) {
      return fail([fieldName, String(index), "id"], "Fulfillment order line items must be unique.", codes.duplicate);
    }
    if (request.quantity <= 0) {
      return fail([fieldName, String(index), "quantity"], "Quantity must be greater than 0.", codes.notPositive);
    }
    if (request.quantity > line.remainingQuantity) {
      return fail(
        [fieldName, String(index), "quantity"],
        `Quantity must be less than or equal to the remaining quantity (${line.remainingQuantity}).`,
        codes.tooMany,
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
    progressReport: null,
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

/**
 * The active fulfilment order of the same order, delivered the same way, that a move into
 * `locationId` merges with (admin-graphql `fulfillmentOrderMove`, 2026-04, second scenario: "If the
 * new location is already assigned to another active fulfillment order, on the same order, then a
 * new fulfillment order is created. The existing fulfillment order is closed and line items are
 * recreated in a new fulfillment order."). The docs do not say whether a different delivery method
 * merges; the emulator never merges a pickup with a shipment.
 */
function mergeTargetAt(ctx: ShopContext, fo: FulfillmentOrderRecord, locationId: number): FulfillmentOrderRecord | undefined {
  return ctx.state
    .fulfillmentOrdersOf(fo.orderId)
    .find(
      (other) =>
        other.id !== fo.id &&
        other.assignedLocationId === locationId &&
        (other.status === "OPEN" || other.status === "IN_PROGRESS") &&
        other.deliveryMethod.methodType === fo.deliveryMethod.methodType &&
        remainingUnits(other) > 0,
    );
}

/**
 * Closes `existing` and recreates its unfulfilled lines, together with `quantities` taken out of
 * `fo`, in a new open fulfilment order at `existing`'s location: one line per order line.
 */
function recreateMerged(
  ctx: ShopContext,
  existing: FulfillmentOrderRecord,
  fo: FulfillmentOrderRecord,
  quantities: Map<number, number>,
): FulfillmentOrderRecord {
  const at = ctx.nowIso();
  if (hasReportedProgress(existing) || existing.preparedForPickupAt !== null) {
    ctx.warn(
      `fulfillment order ${existing.id} had ${hasReportedProgress(existing) ? "reported progress" : "been prepared for pickup"} ` +
        `when a move merged into it: the docs do not say whether that carries over to the recreated fulfillment order; ` +
        `the emulator starts the recreated one open and not prepared.`,
    );
  }
  const recreated: FulfillmentOrderRecord = {
    id: ctx.state.mintId(),
    orderId: existing.orderId,
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    assignedLocationId: existing.assignedLocationId,
    deliveryMethod: { ...existing.deliveryMethod, id: ctx.state.mintId() },
    lineItems: [],
    holds: [],
    fulfillAt: existing.fulfillAt,
    preparedForPickupAt: null,
    progressReport: null,
    createdAt: at,
    updatedAt: at,
  };
  const add = (lineItemId: number, quantity: number) => {
    const line = recreated.lineItems.find((l) => l.lineItemId === lineItemId);
    if (line) {
      line.totalQuantity += quantity;
      line.remainingQuantity += quantity;
    } else {
      recreated.lineItems.push({ id: ctx.state.mintId(), lineItemId, totalQuantity: quantity, remainingQuantity: quantity });
    }
  };
  for (const line of existing.lineItems) {
    if (line.remainingQuantity === 0) continue;
    add(line.lineItemId, line.remainingQuantity);
    line.totalQuantity -= line.remainingQuantity;
    line.remainingQuantity = 0;
  }
  existing.lineItems = existing.lineItems.filter((l) => l.totalQuantity > 0);
  existing.status = "CLOSED";
  existing.updatedAt = at;
  for (const line of fo.lineItems) {
    const quantity = quantities.get(line.id);
    if (!quantity) continue;
    add(line.lineItemId, quantity);
    line.totalQuantity -= quantity;
    line.remainingQuantity -= quantity;
  }
  fo.lineItems = fo.lineItems.filter((l) => l.totalQuantity > 0);
  fo.updatedAt = at;
  ctx.state.addFulfillmentOrder(recreated);
  return recreated;
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

/**
 * admin-graphql `fulfillmentOrderMove` (2026-04). First scenario (every unfulfilled unit of a
 * fulfilment order with nothing fulfilled): the fulfilment order itself is reassigned, even where
 * another of the order's fulfilment orders already is, since the docs describe a merge only for
 * the second scenario. Second scenario (a subset, or an original with fulfilled units): the units
 * go to a new fulfilment order there, or merge with the active one already there.
 */
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
  if (hasReportedProgress(fo)) {
    // "To move a fulfillment order that has had progress manually reported, the fulfillment order
    // must first be marked as open" (fulfillmentOrderMove); the code is the only value of
    // FulfillmentOrderMoveFulfillmentOrderMoveUserErrorCode, its message that value's description.
    return fail(["id"], "Cannot move a fulfillment order that has progress reported.", "CANNOT_MOVE_FULFILLMENT_ORDER_WITH_REPORTED_PROGRESS");
  }
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
  const wasPrepared = fo.preparedForPickupAt !== null;
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
    fo.assignedLocationId = location.id;
    fo.preparedForPickupAt = null;
    fo.updatedAt = ctx.nowIso();
    result = { moved: fo, original: fo, remaining: null };
  } else {
    const existing = mergeTargetAt(ctx, fo, location.id);
    const moved = existing ? recreateMerged(ctx, existing, fo, quantities) : splitOff(ctx, fo, quantities, location.id);
    if (remainingUnits(fo) === 0) fo.status = "CLOSED";
    result = { moved, original: fo, remaining: fo.status === "CLOSED" ? null : fo };
  }
  if (wasPrepared) {
    ctx.warn(
      `fulfillment order ${fo.id} was prepared for pickup at location ${originalLocationId} and moved to ${location.id}: ` +
        `the docs do not say what a move does to a prepared pickup order; the emulator moves it, the moved ` +
        `fulfillment order is no longer prepared and its pickup location becomes ${location.name}.`,
    );
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
      const canMove = isActive(fo) && !hasReportedProgress(fo);
      const movable = !current && canMove && unavailable.length === 0 && lines.length > 0;
      const message = current
        ? "Current location."
        : unavailable.length > 0
          ? "No inventory stocked at this location for some items."
          : !canMove
            ? "This fulfillment order can't be moved."
            : null;
      return { location, movable, message, availableLineItems: available, unavailableLineItems: unavailable };
    });
}

const MAX_HOLDS_PER_APP = 10;
const MAX_HOLD_HANDLE_LENGTH = 64;

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
  // Up to 10 active holds per app (admin-graphql `fulfillmentOrderHold`); every hold in the
  // emulator is placed by its one app.
  if (fo.holds.length >= MAX_HOLDS_PER_APP) {
    return fail(
      ["id"],
      "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
      "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
    );
  }
  // The handle defaults to "", which is a handle like any other: a second hold needs a different one
  // (FulfillmentOrderHoldInput.handle).
  const handle = input.handle ?? "";
  if (handle.length > MAX_HOLD_HANDLE_LENGTH) {
    return fail(["fulfillmentHold", "handle"], `Handle is too long (maximum is ${MAX_HOLD_HANDLE_LENGTH} characters).`);
  }
  if (fo.holds.some((h) => (h.handle ?? "") === handle)) {
    return fail(["fulfillmentHold", "handle"], "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", "DUPLICATE_FULFILLMENT_HOLD_HANDLE");
  }
  const someLines = (input.fulfillmentOrderLineItems ?? []).length > 0;
  if (fo.status === "ON_HOLD" && someLines) {
    // FulfillmentOrderHoldInput.fulfillmentOrderLineItems: "Not supported when placing a hold on a
    // fulfillment order that is already held."
    return fail(["fulfillmentHold", "fulfillmentOrderLineItems"], "The fulfillment order is not in a splittable state.", "FULFILLMENT_ORDER_NOT_SPLITTABLE");
  }
  const resolved = resolveLines(fo, input.fulfillmentOrderLineItems, "fulfillmentOrderLineItems", {
    missing: "INVALID_LINE_ITEM_QUANTITY",
    duplicate: "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS",
    notPositive: "GREATER_THAN_ZERO",
    tooMany: "INVALID_LINE_ITEM_QUANTITY",
  });
  if (!resolved.ok) {
    return { ok: false, errors: resolved.errors.map((e) => ({ ...e, field: ["fulfillmentHold", ...(e.field ?? [])] })) };
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
  const wasHeld = fo.status === "ON_HOLD";
  fo.status = "ON_HOLD";
  fo.updatedAt = ctx.nowIso();
  // "this webhook will only trigger once when the first hold is applied and the fulfillment order
  // status changes to ON_HOLD" (fulfillment_orders/placed_on_hold).
  if (!wasHeld) {
    ctx.emit(
      "fulfillment_orders/placed_on_hold",
      placedOnHoldPayload({
        fo,
        hold,
        remaining,
        heldLineItems: fo.lineItems.map((l) => ({ id: l.id, quantity: l.remainingQuantity })),
      }),
    );
  }
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
    fo.status = workingStatus(fo);
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
  // The status stays what it was: the documented example of the webhook shows a just-prepared
  // fulfilment order "open".
  for (const fo of fos) {
    fo.preparedForPickupAt = ctx.nowIso();
    fo.updatedAt = fo.preparedForPickupAt;
    ctx.emit("fulfillment_orders/line_items_prepared_for_pickup", preparedForPickupPayload(fo));
  }
  return { ok: true, value: fos };
}

export interface FulfillmentInputRecord {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: number | null; fulfillmentOrderLineItems?: LineRequest[] }[];
  trackingInfo?: { company?: string | null; number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null };
  /** FulfillmentInput.notifyCustomer: whether Shopify emails its shipping confirmation (default false). */
  notifyCustomer?: boolean | null;
}

/** `number` and `numbers` (or `url` and `urls`) together, the single one first, each once. */
function oneList(single: string | null | undefined, many: string[] | null | undefined): string[] {
  return [...new Set([...(single ? [single] : []), ...(many ?? [])])];
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
    trackingNumbers: oneList(tracking?.number, tracking?.numbers),
    trackingUrls: oneList(tracking?.url, tracking?.urls),
    notifyCustomer: input.notifyCustomer ?? false,
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
  // WebhookSubscriptionTopic: FULFILLMENTS_CREATE, ORDERS_FULFILLED / ORDERS_PARTIALLY_FULFILLED and
  // ORDERS_UPDATED; the dispatcher delivers each only where shopify.app.toml subscribes to it.
  ctx.emit("fulfillments/create", fulfillmentPayload(ctx.state, fulfillment));
  const updated = orderPayload(ctx.state, order);
  ctx.emit(updated.fulfillment_status === "fulfilled" ? "orders/fulfilled" : "orders/partially_fulfilled", updated);
  ctx.emit("orders/updated", updated);
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
