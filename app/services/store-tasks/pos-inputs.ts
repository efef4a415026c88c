import { z } from "zod";
import {
  BIN_CODE_MAX_LENGTH,
  CARRIER_MAX_LENGTH,
  COURIER_NAME_MAX_LENGTH,
  EXCEPTION_NOTE_MAX_LENGTH,
  TRACKING_NUMBER_MAX_LENGTH,
  TRACKING_URL_MAX_LENGTH,
} from "~/domain/store-tasks/transition-fields";
import {
  EXCEPTION_REASONS,
  HANDOVER_METHODS,
  MANUAL_CONFIRM_REASONS,
  STORE_TASK_STATES,
} from "~/domain/store-tasks/types";
import { QUEUE_VIEWS } from "~/domain/store-tasks/queue";
import { PHOTO_CONTENT_TYPES, PHOTO_MAX_SIDE_PIXELS, PHOTO_PURPOSES } from "~/domain/store-tasks/task-photo";
import { ITEM_LOCATION_CODE_MAX_LENGTH, readItemLocationCode } from "./bin-locations-csv";
import { PRINT_DOCUMENTS } from "./print-documents";

/**
 * The POS API's inputs (the contract in app/routes/api.pos.*), checked before any service sees
 * them. Every text is bounded: the domain reads the values, these keep hostile sizes out.
 */

/** A Shopify numeric id: digits, at most 20 (64-bit). */
export const numericId = z.string().regex(/^\d{1,20}$/, "must be a numeric id");

/** POS gives the staff member's id as a number; a numeric string is accepted too. */
export const staffMemberId = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), numericId])
  .transform((value) => String(value));

const requestId = z.string().uuid("must be a UUID");

/** Room for a scanner's extra characters and a QR prefix, none for an essay. */
const SCANNED_CODE_MAX_LENGTH = 200;
const ORDER_NAME_MAX_LENGTH = 64;
const LAST_NAME_MAX_LENGTH = 100;

const post = { requestId, staffMemberId: staffMemberId.optional() };

export const transitionBody = z.object({
  ...post,
  to: z.enum(STORE_TASK_STATES),
  bin: z
    .string()
    .max(BIN_CODE_MAX_LENGTH * 4)
    .optional(),
  carrier: z
    .string()
    .max(CARRIER_MAX_LENGTH * 2)
    .optional(),
  trackingNumber: z
    .string()
    .max(TRACKING_NUMBER_MAX_LENGTH * 2)
    .optional(),
  courierName: z
    .string()
    .max(COURIER_NAME_MAX_LENGTH * 2)
    .optional(),
  trackingUrl: z.string().max(TRACKING_URL_MAX_LENGTH).optional(),
  handover: z
    .object({
      method: z.enum(HANDOVER_METHODS),
      idChecked: z.boolean(),
      code: z.string().max(SCANNED_CODE_MAX_LENGTH).optional(),
      orderName: z.string().max(ORDER_NAME_MAX_LENGTH).optional(),
      lastName: z.string().max(LAST_NAME_MAX_LENGTH).optional(),
    })
    .optional(),
});

export const scanBody = z.object({ ...post, code: z.string().max(SCANNED_CODE_MAX_LENGTH) });

export const confirmLineBody = z.object({
  ...post,
  lineItemId: numericId,
  quantity: z.number().int().min(1).max(100_000),
  reason: z.enum(MANUAL_CONFIRM_REASONS),
});

export const exceptionBody = z.object({
  ...post,
  lineItemId: numericId,
  reason: z.enum(EXCEPTION_REASONS),
  note: z.string().max(EXCEPTION_NOTE_MAX_LENGTH).optional(),
});

/** "Found it at …": where the picker found the line's item, read as the pick screen shows it. */
export const binLocationBody = z.object({
  ...post,
  lineItemId: numericId,
  code: z
    .string()
    .max(ITEM_LOCATION_CODE_MAX_LENGTH * 4)
    .transform((raw, context) => {
      const reading = readItemLocationCode(raw);
      if (!reading.ok) context.addIssue({ code: z.ZodIssueCode.custom, message: reading.message });
      return reading.ok ? reading.value : z.NEVER;
    }),
});

/** A code (typed or the QR text), or an order number and last name; a request id rides along. */
export const handoverLookupBody = z.union([
  z.object({ ...post, requestId: requestId.optional(), code: z.string().min(1).max(SCANNED_CODE_MAX_LENGTH) }),
  z.object({
    ...post,
    requestId: requestId.optional(),
    orderName: z.string().min(1).max(ORDER_NAME_MAX_LENGTH),
    lastName: z.string().min(1).max(LAST_NAME_MAX_LENGTH),
  }),
]);

const photoSide = z.number().int().min(1).max(PHOTO_MAX_SIDE_PIXELS);

/**
 * A photo from POS's Camera API, its base64 as the camera gives it. Its length is bounded by the
 * route's body limit, its bytes (type, decoded size) are checked by the service.
 */
export const photoBody = z.object({
  ...post,
  purpose: z.enum(PHOTO_PURPOSES),
  base64: z
    .string()
    .min(1, "is empty")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be the photo's base64, without a data: prefix"),
  width: photoSide,
  height: photoSide,
  type: z.enum(PHOTO_CONTENT_TYPES, { message: "must be image/jpeg or image/png" }),
});

export const printLinkQuery = z.object({ document: z.enum(PRINT_DOCUMENTS) });
export const queueQuery = z.object({ view: z.enum(QUEUE_VIEWS).default("TO_PICK") });
export const meQuery = z.object({ staffMemberId: numericId.optional() });
export const orderTaskQuery = z.object({ orderId: numericId });
/** A task id as the path carries it: anything longer than a UUID is no task. */
export const taskIdParam = z.string().max(64);
