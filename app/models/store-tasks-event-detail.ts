import { $Enums } from "@prisma/client";
import { z } from "zod";
import { EXCEPTION_REASONS, HANDOVER_METHODS, SHOPIFY_EFFECTS } from "~/domain/store-tasks/types";

/**
 * StoreTaskEvent.detail: what an event records beyond its states, one shape per kind of event.
 * Written and read back through this schema only (app/models/stored-json.ts).
 */

const lineItemId = z.string().regex(/^\d+$/);

export const storeTaskEventDetailSchema = z.discriminatedUnion("kind", [
  /** Shopify assigned the fulfilment order to the store (a new task, or one that came back). */
  z.object({ kind: z.literal("ASSIGNED") }),
  /** Shopify's fulfilment order ended the task (cancelled, closed, fulfilled elsewhere, moved away). */
  z.object({ kind: z.literal("ENDED"), reason: z.enum($Enums.StoreTaskEndedReason) }),
  /** An associate moved the task on, with what the step asked for. */
  z.object({
    kind: z.literal("TRANSITION"),
    bin: z.string().optional(),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
    courierName: z.string().optional(),
    trackingUrl: z.string().optional(),
    handover: z.object({ method: z.enum(HANDOVER_METHODS), idChecked: z.boolean() }).optional(),
  }),
  /** A scan on the pick screen and what it did. */
  z.object({
    kind: z.literal("SCAN"),
    code: z.string(),
    lineItemId: lineItemId.nullable(),
    outcome: z.enum(["PICKED", "WRONG_ITEM", "OVER_PICKED"]),
  }),
  /** Units confirmed without a scan, and why. */
  z.object({
    kind: z.literal("MANUAL_CONFIRM"),
    lineItemId,
    quantity: z.number().int().positive(),
    reason: z.enum($Enums.StoreTaskManualReason),
  }),
  /** A line reported not found or damaged. */
  z.object({
    kind: z.literal("EXCEPTION"),
    lineItemId,
    reason: z.enum(EXCEPTION_REASONS),
    note: z.string().nullable(),
  }),
  /** Lines (or the whole fulfilment order) the app moved to another location, and why. */
  z.object({
    kind: z.literal("REROUTED"),
    lineItemIds: z.array(lineItemId),
    toLocationId: z.string().nullable(),
    toLocationName: z.string().nullable(),
    reason: z.string(),
  }),
  /** No location could take the lines: the app put the fulfilment order on hold in Shopify. */
  z.object({ kind: z.literal("HELD"), lineItemIds: z.array(lineItemId), reason: z.string() }),
  /** Not started in time: the app moved the fulfilment order to another location, or found none. */
  z.object({
    kind: z.literal("ESCALATED"),
    toLocationId: z.string().nullable(),
    toLocationName: z.string().nullable(),
    reason: z.string(),
  }),
  /** The app stopped retrying a Shopify call an associate's step implied, with Shopify's last answer. */
  z.object({ kind: z.literal("SHOPIFY_GAVE_UP"), effect: z.enum(SHOPIFY_EFFECTS), error: z.string() }),
  /** The merchant retried that call from the dead letters. */
  z.object({ kind: z.literal("SHOPIFY_RETRIED"), effect: z.enum(SHOPIFY_EFFECTS) }),
  /** The shopper said "I'm here" on their pickup pass, with where they are (spot or car), if they said. */
  z.object({ kind: z.literal("CUSTOMER_ARRIVED"), spot: z.string().nullable() }),
  /** SET_SHOPIFY_ZERO: the app could not set Shopify's available stock of a reported SKU to 0 at the store. */
  z.object({ kind: z.literal("STOCK_ZERO_GAVE_UP"), sku: z.string(), error: z.string() }),
  /** The merchant released the hold the app put on the fulfilment order: its reported lines are picked again. */
  z.object({ kind: z.literal("HOLD_RELEASED"), lineItemIds: z.array(lineItemId) }),
]);

export type StoreTaskEventDetail = z.infer<typeof storeTaskEventDetailSchema>;
