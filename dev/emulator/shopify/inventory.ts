import type { ShopContext } from "./context";
import { onHand, type LevelRecord } from "./state";
import { inventoryLevelPayload } from "./webhook-payloads";

/**
 * Quantity states and how they move, as Shopify models them: `available` is what can be sold,
 * `committed` is reserved by unfulfilled orders, the unavailable states (damaged, reserved,
 * safety_stock, quality_control) are kept apart, and `on_hand` is their sum. Every change to
 * `available` raises inventory_levels/update, as Shopify does.
 */

export const QUANTITY_NAMES = [
  "available",
  "committed",
  "damaged",
  "incoming",
  "on_hand",
  "quality_control",
  "reserved",
  "safety_stock",
  "unavailable",
] as const;
export type QuantityName = (typeof QUANTITY_NAMES)[number];

/** States an app may set or adjust directly (committed follows orders; the rest are derived). */
export const ADJUSTABLE_NAMES = [
  "available",
  "damaged",
  "incoming",
  "on_hand",
  "quality_control",
  "reserved",
  "safety_stock",
] as const;
export type AdjustableName = (typeof ADJUSTABLE_NAMES)[number];

export function isQuantityName(name: string): name is QuantityName {
  return (QUANTITY_NAMES as readonly string[]).includes(name);
}

export function isAdjustableName(name: string): name is AdjustableName {
  return (ADJUSTABLE_NAMES as readonly string[]).includes(name);
}

export function quantityOf(level: LevelRecord, name: QuantityName): number {
  switch (name) {
    case "on_hand":
      return onHand(level);
    case "unavailable":
      return level.reserved + level.damaged + level.safety_stock + level.quality_control;
    default:
      return level[name];
  }
}

function touched(ctx: ShopContext, level: LevelRecord, availableBefore: number): void {
  level.updatedAt = ctx.nowIso();
  if (level.available !== availableBefore) {
    ctx.emit("inventory_levels/update", inventoryLevelPayload(level, ctx.state.data.ianaTimezone));
  }
}

/**
 * Adjusts one state by `delta`. Adjusting on_hand changes available (the only free state), as
 * an app's stock count does in Shopify.
 */
export function adjustQuantity(ctx: ShopContext, level: LevelRecord, name: AdjustableName, delta: number): void {
  if (delta === 0) return;
  const before = level.available;
  if (name === "on_hand") level.available += delta;
  else level[name] += delta;
  touched(ctx, level, before);
}

export function setQuantity(ctx: ShopContext, level: LevelRecord, name: AdjustableName, quantity: number): number {
  const delta = quantity - quantityOf(level, name);
  adjustQuantity(ctx, level, name, delta);
  return delta;
}

/** An order's units leave available and become committed at the location that will fulfil them. */
export function commit(ctx: ShopContext, locationId: number, inventoryItemId: number, quantity: number): void {
  const level = ctx.state.activateLevel(locationId, inventoryItemId, ctx.nowIso());
  const before = level.available;
  level.available -= quantity;
  level.committed += quantity;
  touched(ctx, level, before);
}

/** The reverse of `commit`: a move away or a cancellation gives the units back to available. */
export function release(ctx: ShopContext, locationId: number, inventoryItemId: number, quantity: number): void {
  const level = ctx.state.activateLevel(locationId, inventoryItemId, ctx.nowIso());
  const before = level.available;
  level.committed -= quantity;
  level.available += quantity;
  touched(ctx, level, before);
}

/** Fulfilled units leave the building: committed and on_hand go down, available is untouched. */
export function ship(ctx: ShopContext, locationId: number, inventoryItemId: number, quantity: number): void {
  const level = ctx.state.activateLevel(locationId, inventoryItemId, ctx.nowIso());
  level.committed -= quantity;
  level.updatedAt = ctx.nowIso();
}
