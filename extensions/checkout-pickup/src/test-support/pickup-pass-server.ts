import { askedRequest, replyWith, type AskedRequest, type Reply } from "./fake-app";

/**
 * The app's POST /api/checkout/pickup-pass and /api/customer-account/pickup-pass as the pickup
 * pass blocks meet them: records what each request asked and answers the replies the test gives,
 * in turn, then the last one again for every later request.
 */

export const ORDER_ID = "gid://shopify/Order/123";
export const CONFIRMATION_NUMBER = "XPAV284CT";
export const PASS_URL = "https://omniroute.example.com/pickup/pass/signed-token";

export type AskedPassRequest = AskedRequest;
export type { Reply };

export const unreachable: Reply = { kind: "unreachable" };
export const stalls: Reply = { kind: "stall" };

export function reply(body: unknown, status = 200): Reply {
  return { kind: "answer", status, body };
}

export const pending = reply({
  state: "PENDING",
  message: "Your pickup pass will appear here once the store has your order",
});
export const noPickup = reply({ state: "NO_PICKUP" });
export const orderNotFound = reply(
  { code: "ORDER_NOT_FOUND", message: "No order with this id and confirmation number has reached the app yet" },
  404,
);
export const unauthorized = reply({ code: "UNAUTHORIZED", message: "The session could not be confirmed" }, 401);

export class FakePassApi {
  readonly requests: AskedPassRequest[] = [];
  private replies: Reply[] = [reply(passAnswer())];

  /** Answers these in turn; the last one answers every request after. */
  answers(...replies: Reply[]): void {
    this.replies = replies;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const asked = askedRequest(input, init);
    this.requests.push(asked);
    const next = this.replies.length > 1 ? this.replies.shift()! : this.replies[0]!;
    return replyWith(next, asked.signal);
  };
}

/** One store of a pass as the app sends it: Wicker Park, preparing, ready by 4:00 PM today. */
export function passStore(store: Record<string, unknown> = {}) {
  return {
    locationId: "7",
    storeName: "Wicker Park",
    address: "1520 N Milwaukee Ave, Chicago, IL 60622",
    hoursToday: "10:00 AM – 9:00 PM",
    readyBy: "4:00 PM today",
    status: "PREPARING",
    statusLabel: "Preparing your order",
    pickupCode: "K7M-4QX",
    qrPayload: "omniroute:pickup:K7M4QX",
    ...store,
  };
}

/** A PASS answer with these stores (by default the one of passStore()). */
export function passAnswer(...stores: ReturnType<typeof passStore>[]) {
  return {
    state: "PASS",
    orderName: "#1001",
    passUrl: PASS_URL,
    stores: stores.length > 0 ? stores : [passStore()],
  };
}

export const readyStore = () => passStore({ status: "READY", statusLabel: "Ready for pickup", readyBy: null });

export const collectedStore = () =>
  passStore({ status: "COLLECTED", statusLabel: "Collected", readyBy: null, pickupCode: null, qrPayload: null });
