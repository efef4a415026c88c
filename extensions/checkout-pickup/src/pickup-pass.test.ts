import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchPickupPass, PASS_ANSWER_TIMEOUT_MS, passOutcomeOf, passRequest } from "./pickup-pass";
import {
  CONFIRMATION_NUMBER,
  FakePassApi,
  noPickup,
  ORDER_ID,
  orderNotFound,
  PASS_URL,
  passAnswer,
  passStore,
  pending,
  reply,
  stalls,
  unauthorized,
  unreachable,
} from "./test-support/pickup-pass-server";

describe("the question asked about an order's pickup pass", () => {
  it("names the order by its id and confirmation number", () => {
    expect(passRequest(ORDER_ID, CONFIRMATION_NUMBER)).toEqual({
      orderId: ORDER_ID,
      confirmationNumber: CONFIRMATION_NUMBER,
    });
  });

  it("is not asked without a confirmation number or an order", () => {
    expect(passRequest(ORDER_ID, undefined)).toBeNull();
    expect(passRequest(undefined, CONFIRMATION_NUMBER)).toBeNull();
  });
});

describe("reading the app's pickup pass answer", () => {
  it("takes a pass with its stores", () => {
    expect(passOutcomeOf(200, passAnswer())).toEqual({
      state: "PASS",
      pass: {
        orderName: "#1001",
        passUrl: PASS_URL,
        stores: [
          {
            locationId: "7",
            storeName: "Wicker Park",
            address: "1520 N Milwaukee Ave, Chicago, IL 60622",
            hoursToday: "10:00 AM – 9:00 PM",
            readyBy: "4:00 PM today",
            status: "PREPARING",
            statusLabel: "Preparing your order",
            pickupCode: "K7M-4QX",
            qrPayload: "omniroute:pickup:K7M4QX",
          },
        ],
      },
    });
  });

  it("reads an order that has not reached the app yet as 'not yet'", () => {
    const notFound = orderNotFound.kind === "answer" ? orderNotFound : null;

    expect(passOutcomeOf(404, notFound?.body)).toEqual({ state: "PENDING" });
    expect(passOutcomeOf(200, { state: "PENDING", message: "Soon" })).toEqual({ state: "PENDING" });
  });

  it("reads an order without pickup as nothing to show", () => {
    expect(passOutcomeOf(200, { state: "NO_PICKUP" })).toEqual({ state: "NO_PICKUP" });
  });

  it("has no outcome for refusals, other 404s and other shapes", () => {
    expect(passOutcomeOf(401, { code: "UNAUTHORIZED" })).toBeNull();
    expect(passOutcomeOf(400, { code: "INVALID_BODY" })).toBeNull();
    expect(passOutcomeOf(404, { code: "NO_SUCH_ROUTE" })).toBeNull();
    expect(passOutcomeOf(200, "<html>")).toBeNull();
    expect(
      passOutcomeOf(200, { state: "PASS", orderName: "#1001", passUrl: PASS_URL, stores: [{ status: 1 }] }),
    ).toBeNull();
  });

  it("leaves out stores it cannot read rather than the whole pass", () => {
    const outcome = passOutcomeOf(200, passAnswer(passStore(), passStore({ locationId: "9", status: "LOST" })));

    expect(outcome?.state === "PASS" && outcome.pass.stores.map((store) => store.locationId)).toEqual(["7"]);
  });

  it("shows no QR code without the pickup code it stands for", () => {
    const outcome = passOutcomeOf(200, passAnswer(passStore({ pickupCode: null })));

    expect(outcome?.state === "PASS" && outcome.pass.stores[0]?.qrPayload).toBeNull();
  });
});

describe("asking the app for the pass", () => {
  const request = passRequest(ORDER_ID, CONFIRMATION_NUMBER)!;
  const url = "/api/checkout/pickup-pass";
  const token = async () => "page-token";
  let api: FakePassApi;

  beforeEach(() => {
    api = new FakePassApi();
    vi.stubGlobal("fetch", api.fetch);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("posts the order with the page's session token", async () => {
    const outcome = await fetchPickupPass(url, request, token, new AbortController().signal);

    expect(outcome?.state).toBe("PASS");
    expect(api.requests).toMatchObject([
      {
        url,
        method: "POST",
        authorization: "Bearer page-token",
        body: { orderId: ORDER_ID, confirmationNumber: CONFIRMATION_NUMBER },
      },
    ]);
  });

  it("has no outcome when the app cannot be reached or refuses the token", async () => {
    api.answers(unreachable);
    expect(await fetchPickupPass(url, request, token, new AbortController().signal)).toBeNull();
    api.answers(unauthorized);
    expect(await fetchPickupPass(url, request, token, new AbortController().signal)).toBeNull();
  });

  it("passes 'not yet' and 'no pickup' on", async () => {
    api.answers(pending, noPickup, orderNotFound);

    const outcomes = [];
    for (let ask = 0; ask < 3; ask += 1)
      outcomes.push(await fetchPickupPass(url, request, token, new AbortController().signal));

    expect(outcomes).toEqual([{ state: "PENDING" }, { state: "NO_PICKUP" }, { state: "PENDING" }]);
  });

  it(`gives up after ${PASS_ANSWER_TIMEOUT_MS / 1000} s`, async () => {
    vi.useFakeTimers();
    api.answers(stalls);
    const outcome = fetchPickupPass(url, request, token, new AbortController().signal);

    await vi.advanceTimersByTimeAsync(PASS_ANSWER_TIMEOUT_MS);

    await expect(outcome).resolves.toBeNull();
  });

  it("gives up on a session token that never comes", async () => {
    vi.useFakeTimers();
    const outcome = fetchPickupPass(url, request, () => new Promise<string>(() => {}), new AbortController().signal);

    await vi.advanceTimersByTimeAsync(PASS_ANSWER_TIMEOUT_MS);

    await expect(outcome).resolves.toBeNull();
    expect(api.requests).toEqual([]);
  });

  it("stops when the block goes away", async () => {
    api.answers(stalls);
    const gone = new AbortController();
    const outcome = fetchPickupPass(url, request, token, gone.signal);
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));

    gone.abort();

    await expect(outcome).resolves.toBeNull();
  });

  it("has no outcome for a 200 that is not an answer object", async () => {
    api.answers(reply("not json at all"));
    expect(await fetchPickupPass(url, request, token, new AbortController().signal)).toBeNull();
  });
});
