import { z } from "zod";
import type { PassStatus } from "~/domain/pickup-pass/pickup-pass";

/**
 * What the thank-you and order status pages' pickup pass block sends and is answered
 * (POST /api/checkout/pickup-pass and /api/customer-account/pickup-pass). The order is named by
 * its id and Shopify's random confirmation number together: ids are sequential and guessable,
 * the confirmation number is not, and both pages are given both. The shop is the session token's.
 */

const ORDER_GID = /^gid:\/\/shopify\/Order\/([1-9]\d{0,19})$/;

export const extensionPassBodySchema = z.object({
  orderId: z.string().regex(ORDER_GID, "must be an Order GID"),
  // Shopify's are 9 letters and digits; room for a longer format, never for markup.
  confirmationNumber: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9]+$/, "must be letters and digits"),
});

export type ExtensionPassBody = z.infer<typeof extensionPassBodySchema>;

/** The numeric order id a valid body's GID names. */
export function orderIdOfBody(body: ExtensionPassBody): string {
  return ORDER_GID.exec(body.orderId)![1]!;
}

export interface ExtensionPassStore {
  /** The store's numeric id: the pass page's "I'm here" form names the store the shopper is at. */
  locationId: string;
  storeName: string;
  address: string | null;
  /** "10:00 AM – 9:00 PM", "Closed today", "Open 24 hours". */
  hoursToday: string | null;
  /** "4:00 PM today"; null once ready, ended, or past due. */
  readyBy: string | null;
  status: PassStatus;
  /** "Preparing your order", "Ready for pickup", "Moved to Evanston" … */
  statusLabel: string;
  /** "K7M-4QX" while the order is still to collect here. */
  pickupCode: string | null;
  /** What the QR code holds ("omniroute:pickup:K7M4QX"): the store's handover screen scans it. */
  qrPayload: string | null;
}

export type ExtensionPassAnswer =
  /** The order goes to the shopper by delivery, or its pickups ended long ago: the block shows nothing. */
  | { state: "NO_PICKUP" }
  /** A pickup order whose store has not taken it yet (routing runs within seconds): ask again shortly. */
  | { state: "PENDING"; message: string }
  | {
      state: "PASS";
      orderName: string;
      /** The pass page (with "I'm here" for curbside), the same link the shopper's messages carry. */
      passUrl: string;
      /** What the shopper can still collect first. */
      stores: ExtensionPassStore[];
    };
