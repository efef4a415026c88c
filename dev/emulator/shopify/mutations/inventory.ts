import { gid, idOf } from "../ids";
import { adjustQuantity, isAdjustableName, quantityOf, type AdjustableName } from "../inventory";
import { inventoryItemViewOf, locationViewOf } from "../resolvers/lookup";
import { resolversFor, type ResolverContext } from "../resolvers/types";
import { idempotent } from "./idempotency";
import { RECORD } from "../resolvers/views";
import type { LevelRecord } from "../state";

/**
 * inventorySetQuantities and inventoryAdjustQuantities (2026-04): all-or-nothing, with
 * `changeFromQuantity` as a compare-and-set guard that must be passed explicitly (null opts
 * out), Shopify's userError codes, and the mandatory `@idempotent(key:)` directive
 * (./idempotency.ts: refused without it, a repeated key replays the first answer).
 */

/** Reasons Shopify accepts for inventory changes. */
export const INVENTORY_REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_created",
  "movement_updated",
  "movement_received",
  "movement_canceled",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

/** inventorySetQuantities: "The total quantity can't be higher than 1,000,000,000." */
const MAX_QUANTITY = 1_000_000_000;
/** inventoryAdjustQuantities: "The quantity can't be higher than 2,000,000,000" (and not lower than its negative). */
const MAX_ADJUSTED_QUANTITY = 2_000_000_000;

interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

interface Change {
  name: string;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: number;
  locationId: number;
  ledgerDocumentUri: string | null;
}

function isUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function adjustmentGroup(ctx: ResolverContext, reason: string, referenceDocumentUri: string | null, changes: Change[]) {
  const state = ctx.shop.state;
  return {
    __typename: "InventoryAdjustmentGroup",
    id: gid("InventoryAdjustmentGroup", state.mintId()),
    createdAt: ctx.shop.nowIso(),
    reason,
    referenceDocumentUri,
    [RECORD]: changes.map((c) => ({
      name: c.name,
      delta: c.delta,
      quantityAfterChange: c.quantityAfterChange,
      ledgerDocumentUri: c.ledgerDocumentUri,
      item: inventoryItemViewOf(state, c.inventoryItemId),
      location: locationViewOf(state, c.locationId),
      inventoryItemId: c.inventoryItemId,
      locationId: c.locationId,
    })),
  };
}

export const inventoryGroupResolvers = resolversFor<{ [RECORD]: (Change & { item: unknown; location: unknown })[] }>({
  changes: (
    source,
    args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null },
  ) =>
    source[RECORD].filter(
      (c) =>
        (!args.inventoryItemIds || args.inventoryItemIds.includes(gid("InventoryItem", c.inventoryItemId))) &&
        (!args.locationIds || args.locationIds.includes(gid("Location", c.locationId))) &&
        (!args.quantityNames || args.quantityNames.includes(c.name)),
    ),
});

/** Finds the level a change addresses, or the userError Shopify gives for the first problem. */
function locate(
  ctx: ResolverContext,
  itemGid: string,
  locationGid: string,
  field: string[],
  codes: { item: string; location: string },
): { level: LevelRecord } | { error: UserError } {
  const state = ctx.shop.state;
  const itemId = idOf(itemGid, "InventoryItem");
  if (itemId === null || !state.variantsByInventoryItem.has(itemId)) {
    return { error: { field: [...field, "inventoryItemId"], message: "The specified inventory item could not be found.", code: codes.item } };
  }
  const locationId = idOf(locationGid, "Location");
  if (locationId === null || !state.locationsById.has(locationId)) {
    return { error: { field: [...field, "locationId"], message: "The specified location could not be found.", code: codes.location } };
  }
  const level = state.level(locationId, itemId);
  if (!level) {
    return {
      error: {
        field: [...field, "locationId"],
        message: "The specified inventory item is not stocked at the location.",
        code: "ITEM_NOT_STOCKED_AT_LOCATION",
      },
    };
  }
  return { level };
}

function checkCommon(name: string, reason: string, referenceDocumentUri: string | null | undefined, nameCode: string, names: readonly string[]): UserError | null {
  if (!names.includes(name)) {
    return { field: ["input", "name"], message: `The quantity name '${name}' is not valid here.`, code: nameCode };
  }
  if (!INVENTORY_REASONS.has(reason)) {
    return { field: ["input", "reason"], message: "The specified reason is invalid.", code: "INVALID_REASON" };
  }
  if (referenceDocumentUri && !isUri(referenceDocumentUri)) {
    return { field: ["input", "referenceDocumentUri"], message: "The specified reference document is invalid.", code: "INVALID_REFERENCE_DOCUMENT" };
  }
  return null;
}

function missingChangeFrom(field: string[]): UserError {
  return {
    field: [...field, "changeFromQuantity"],
    message: "changeFromQuantity is required: pass the quantity you expect, or null to skip the check.",
    code: "COMPARE_QUANTITY_REQUIRED",
  };
}

function staleChangeFrom(field: string[], expected: number, actual: number): UserError {
  return {
    field: [...field, "changeFromQuantity"],
    message: `The changeFromQuantity (${expected}) no longer matches the persisted quantity (${actual}).`,
    code: "CHANGE_FROM_QUANTITY_STALE",
  };
}

/** What both mutations answer: the group of changes made, or why nothing was. */
interface GroupPayload {
  inventoryAdjustmentGroup: ReturnType<typeof adjustmentGroup> | null;
  userErrors: UserError[];
}

const fail = (error: UserError): GroupPayload => ({ inventoryAdjustmentGroup: null, userErrors: [error] });

const keyReusedWithOtherArguments = (message: string): GroupPayload =>
  fail({ field: null, message, code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" });

export const inventoryMutations = resolversFor<unknown>({
  inventorySetQuantities: idempotent("inventorySetQuantities", keyReusedWithOtherArguments, (
    args: {
      input: {
        name: string;
        reason: string;
        referenceDocumentUri?: string | null;
        quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[];
      };
    },
    ctx: ResolverContext,
  ): GroupPayload => {
    const { input } = args;
    const common = checkCommon(input.name, input.reason, input.referenceDocumentUri, "INVALID_NAME", ["available", "on_hand"]);
    if (common) return fail(common);
    const name = input.name as AdjustableName;
    const seen = new Set<string>();
    const plans: { level: LevelRecord; quantity: number }[] = [];
    for (const [index, q] of input.quantities.entries()) {
      const field = ["input", "quantities", String(index)];
      const found = locate(ctx, q.inventoryItemId, q.locationId, field, { item: "INVALID_INVENTORY_ITEM", location: "INVALID_LOCATION" });
      if ("error" in found) return fail(found.error);
      const key = `${q.inventoryItemId}|${q.locationId}`;
      if (seen.has(key)) {
        return fail({ field, message: "The combination of inventoryItemId and locationId must be unique.", code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR" });
      }
      seen.add(key);
      if (q.quantity < 0) return fail({ field: [...field, "quantity"], message: "The quantity can't be negative.", code: "INVALID_QUANTITY_NEGATIVE" });
      if (q.quantity > MAX_QUANTITY) return fail({ field: [...field, "quantity"], message: "The quantity is too high.", code: "INVALID_QUANTITY_TOO_HIGH" });
      if (q.changeFromQuantity === undefined) return fail(missingChangeFrom(field));
      const current = quantityOf(found.level, name);
      if (q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
        return fail(staleChangeFrom(field, q.changeFromQuantity, current));
      }
      plans.push({ level: found.level, quantity: q.quantity });
    }
    const changes: Change[] = [];
    for (const { level, quantity } of plans) {
      const delta = quantity - quantityOf(level, name);
      adjustQuantity(ctx.shop, level, name, delta);
      const base = { inventoryItemId: level.inventoryItemId, locationId: level.locationId, ledgerDocumentUri: null };
      changes.push({ ...base, name: "available", delta, quantityAfterChange: level.available });
      changes.push({ ...base, name: "on_hand", delta, quantityAfterChange: quantityOf(level, "on_hand") });
    }
    return {
      inventoryAdjustmentGroup: adjustmentGroup(ctx, input.reason, input.referenceDocumentUri ?? null, changes),
      userErrors: [],
    };
  }),

  inventoryAdjustQuantities: idempotent("inventoryAdjustQuantities", keyReusedWithOtherArguments, (
    args: {
      input: {
        name: string;
        reason: string;
        referenceDocumentUri?: string | null;
        changes: { inventoryItemId: string; locationId: string; delta: number; changeFromQuantity?: number | null; ledgerDocumentUri?: string | null }[];
      };
    },
    ctx: ResolverContext,
  ): GroupPayload => {
    const { input } = args;
    const names = ["available", "damaged", "incoming", "quality_control", "reserved", "safety_stock"];
    const common = checkCommon(input.name, input.reason, input.referenceDocumentUri, "INVALID_QUANTITY_NAME", names);
    if (common) return fail(common);
    if (!isAdjustableName(input.name)) return fail({ field: ["input", "name"], message: "Invalid quantity name.", code: "INVALID_QUANTITY_NAME" });
    const name = input.name;
    const plans: { level: LevelRecord; delta: number; ledger: string | null }[] = [];
    for (const [index, change] of input.changes.entries()) {
      const field = ["input", "changes", String(index)];
      const found = locate(ctx, change.inventoryItemId, change.locationId, field, { item: "INVALID_INVENTORY_ITEM", location: "INVALID_LOCATION" });
      if ("error" in found) return fail(found.error);
      const ledger = change.ledgerDocumentUri ?? null;
      if (name === "available" && ledger) {
        return fail({ field: [...field, "ledgerDocumentUri"], message: "A ledger document URI is not allowed when adjusting available.", code: "INVALID_AVAILABLE_DOCUMENT" });
      }
      if (name !== "available" && !ledger) {
        return fail({ field: [...field, "ledgerDocumentUri"], message: "A ledger document URI is required except when adjusting available.", code: "INVALID_QUANTITY_DOCUMENT" });
      }
      if (change.changeFromQuantity === undefined) return fail(missingChangeFrom(field));
      const current = quantityOf(found.level, name);
      if (change.changeFromQuantity !== null && change.changeFromQuantity !== current) {
        return fail(staleChangeFrom(field, change.changeFromQuantity, current));
      }
      if (Math.abs(current + change.delta) > MAX_ADJUSTED_QUANTITY) {
        return fail({ field: [...field, "delta"], message: "The quantity is out of range.", code: change.delta > 0 ? "INVALID_QUANTITY_TOO_HIGH" : "INVALID_QUANTITY_TOO_LOW" });
      }
      plans.push({ level: found.level, delta: change.delta, ledger });
    }
    const changes: Change[] = [];
    for (const { level, delta, ledger } of plans) {
      adjustQuantity(ctx.shop, level, name, delta);
      const base = { inventoryItemId: level.inventoryItemId, locationId: level.locationId, ledgerDocumentUri: ledger };
      changes.push({ ...base, name, delta, quantityAfterChange: quantityOf(level, name) });
      if (name !== "incoming") changes.push({ ...base, name: "on_hand", delta, quantityAfterChange: quantityOf(level, "on_hand") });
    }
    return {
      inventoryAdjustmentGroup: adjustmentGroup(ctx, input.reason, input.referenceDocumentUri ?? null, changes),
      userErrors: [],
    };
  }),
});
