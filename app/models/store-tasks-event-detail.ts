import { $Enums } from "@prisma/client";
import { z } from "zod";
import { EXCEPTION_REASONS, HANDOVER_METHODS } from "~/domain/store-tasks/types";

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
]);

export type StoreTaskEventDetail = z.infer<typeof storeTaskEventDetailSchema>;
