/**
 * What POST /api/checkout/pickup-pass (thank-you page) and /api/customer-account/pickup-pass
 * (order status page) take and answer, as this extension reads it. The app's own definition is
 * app/services/pickup-pass/extension-pass-answer.ts; this bundle cannot import it (it pulls in
 * zod and the app's domain), so the fields used are restated here, checked on arrival
 * (src/pickup-pass.ts) and kept in step by src/contract-matches-app.ts.
 */

export interface PassRequest {
  /** "gid://shopify/Order/123" */
  orderId: string;
  /** Shopify's random confirmation number ("XPAV284CT"): with the id, it proves the page shows the order. */
  confirmationNumber: string;
}

export type PassStatus = "PREPARING" | "READY" | "COLLECTED" | "CANCELLED" | "MOVED";

export interface PassStore {
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
  /** What the QR code holds: the store's handover screen scans it. */
  qrPayload: string | null;
}

export interface PickupPass {
  orderName: string;
  /** The pass page (with "I'm here" for curbside), the link the shopper's messages carry. */
  passUrl: string;
  /** What the shopper can still collect first, then where the order has been. */
  stores: PassStore[];
}

export type PassState = "NO_PICKUP" | "PENDING" | "PASS";
