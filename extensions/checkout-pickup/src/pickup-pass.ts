import { postToApp } from "./app-request";
import type { PassRequest, PassStatus, PassStore, PickupPass } from "./pass-contract";

/** The pass is not urgent on the thank-you page, but a hung request must not hold the next one up. */
export const PASS_ANSWER_TIMEOUT_MS = 8_000;

/** What one ask for the pass came to; null (see fetchPickupPass) when no usable answer came. */
export type PassOutcome =
  | { state: "PASS"; pass: PickupPass }
  /** The app has not heard of the order yet (404) or its store has not taken it yet: ask again shortly. */
  | { state: "PENDING" }
  /** Delivery, or pickups that ended long ago: nothing to show. */
  | { state: "NO_PICKUP" };

/**
 * The question for the order a page shows, or null when the page does not give its confirmation
 * number (orders from before 2024): the app answers only to the id and number together.
 */
export function passRequest(orderId: string | undefined, confirmationNumber: string | undefined): PassRequest | null {
  if (!orderId || !confirmationNumber) return null;
  return { orderId, confirmationNumber };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const STATUSES: readonly string[] = ["PREPARING", "READY", "COLLECTED", "CANCELLED", "MOVED"] satisfies PassStatus[];

const textOrNull = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

function storeOf(value: unknown): PassStore | null {
  if (!isRecord(value)) return null;
  const { locationId, storeName, status, statusLabel } = value;
  if (typeof locationId !== "string" || typeof storeName !== "string" || typeof statusLabel !== "string") return null;
  if (typeof status !== "string" || !STATUSES.includes(status)) return null;
  const pickupCode = textOrNull(value.pickupCode);
  return {
    locationId,
    storeName,
    address: textOrNull(value.address),
    hoursToday: textOrNull(value.hoursToday),
    readyBy: textOrNull(value.readyBy),
    status: status as PassStatus,
    statusLabel,
    pickupCode,
    // A QR code without its code beside it would leave the shopper nothing to read out.
    qrPayload: pickupCode ? textOrNull(value.qrPayload) : null,
  };
}

/**
 * The app's answer as an outcome: a 404 ORDER_NOT_FOUND is the order not having reached the app
 * yet (a thank-you page opens seconds after paying). Null for a refusal (400, 401), another
 * error, or a shape this extension does not know; a pass with no store it can read is one too.
 */
export function passOutcomeOf(status: number, body: unknown): PassOutcome | null {
  if (!isRecord(body)) return null;
  if (status === 404) return body.code === "ORDER_NOT_FOUND" ? { state: "PENDING" } : null;
  if (status !== 200) return null;
  if (body.state === "NO_PICKUP") return { state: "NO_PICKUP" };
  if (body.state === "PENDING") return { state: "PENDING" };
  if (body.state !== "PASS" || typeof body.orderName !== "string" || !Array.isArray(body.stores)) return null;
  const passUrl = textOrNull(body.passUrl);
  const stores = body.stores.map(storeOf).filter((store): store is PassStore => store !== null);
  if (!passUrl || stores.length === 0) return null;
  return { state: "PASS", pass: { orderName: body.orderName, passUrl, stores } };
}

/**
 * Asks the app at `url` (the page's endpoint, see app-url.ts) for the order's pickup pass with
 * the page's session token. Null when no usable answer came: no network, a timeout, a refusal.
 */
export async function fetchPickupPass(
  url: string,
  request: PassRequest,
  sessionToken: () => Promise<string>,
  signal: AbortSignal,
  timeoutMs = PASS_ANSWER_TIMEOUT_MS,
): Promise<PassOutcome | null> {
  const answer = await postToApp(url, request, sessionToken, signal, timeoutMs);
  return answer && passOutcomeOf(answer.status, answer.body);
}
