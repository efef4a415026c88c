// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PASS_REFRESH_MS, PENDING_RETRY_DELAYS_MS } from "./pass-polling";
import {
  collectedStore,
  CONFIRMATION_NUMBER,
  FakePassApi,
  noPickup,
  ORDER_ID,
  orderNotFound,
  PASS_URL,
  passAnswer,
  passStore,
  pending,
  readyStore,
  reply,
  unauthorized,
  unreachable,
} from "./test-support/pickup-pass-server";

const CHECKOUT_TOKEN = "checkout-session-token";
const extension = getExtension("purchase.thank-you.block.render");
let api: FakePassApi;

beforeEach(() => {
  extension.setUp();
  api = new FakePassApi();
  extension.fetch = api.fetch;
  extension.shopify.sessionToken.get = async () => CHECKOUT_TOKEN;
  extension.shopify.orderConfirmation.value = {
    order: { id: ORDER_ID },
    number: CONFIRMATION_NUMBER,
    isFirstOrder: true,
  };
});

afterEach(async () => {
  // Unmount through Preact so pending asks and timers stop before the next test.
  render(null, document.body);
  extension.tearDown();
  vi.useRealTimers();
  await effectsRun();
});

const texts = () => [...document.body.querySelectorAll("s-text")].map((text) => text.textContent);
const badges = () => [...document.body.querySelectorAll("s-badge")].map((badge) => badge.textContent);

/** Lets the asks in flight finish: their promises, with timers faked or not. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * With real timers: Preact runs effects on a timer after painting (and schedules no other run
 * while one is pending, so one left over would hold up the next test's).
 */
async function effectsRun(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await settle();
}

/** Preact runs effects on a timer after painting: the first ask goes out this long after rendering. */
const EFFECTS_RUN_MS = 100;

/** Renders with only setTimeout faked, so that the block's pauses are the test's to pass. */
async function renderWithFakeTimers(): Promise<void> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  await extension.render();
  await after(EFFECTS_RUN_MS);
}

async function after(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

describe("the pickup pass on the thank-you page", () => {
  it("shows the store, when it will be ready, the pickup code, its QR code and the pass link", async () => {
    await extension.render();

    await vi.waitFor(() => expect(document.body.querySelector("s-section")).not.toBeNull());
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("Your pickup pass");
    expect(texts()).toEqual([
      "Wicker Park",
      "1520 N Milwaukee Ave, Chicago, IL 60622",
      "Hours today: 10:00 AM – 9:00 PM",
      "Ready by 4:00 PM today",
      "Pickup code",
    ]);
    expect(badges()).toEqual(["Preparing your order"]);
    expect(document.body.querySelector("s-heading")?.textContent).toBe("K7M-4QX");
    const qr = document.body.querySelector("s-qr-code");
    expect(qr?.getAttribute("content")).toBe("omniroute:pickup:K7M4QX");
    expect(qr?.getAttribute("accessibilityLabel")).toContain("K7M-4QX");
    const link = document.body.querySelector("s-link");
    expect(link?.getAttribute("href")).toBe(PASS_URL);
    expect(link?.textContent).toBe("Open pickup pass");
  });

  it("asks checkout's endpoint with checkout's session token for the order and its confirmation number", async () => {
    await extension.render();
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));

    expect(api.requests[0]).toMatchObject({
      url: "/api/checkout/pickup-pass",
      method: "POST",
      authorization: `Bearer ${CHECKOUT_TOKEN}`,
      body: { orderId: ORDER_ID, confirmationNumber: CONFIRMATION_NUMBER },
    });
  });

  it("says the order is ready for pickup, with no ready-by time", async () => {
    api.answers(reply(passAnswer(readyStore())));
    await extension.render();

    await vi.waitFor(() => expect(badges()).toEqual(["Ready for pickup"]));
    expect(texts()).not.toContain("Ready by 4:00 PM today");
    expect(document.body.querySelector("s-qr-code")).not.toBeNull();
  });

  it("lists a collected pickup briefly, without a code to show", async () => {
    api.answers(reply(passAnswer(collectedStore())));
    await extension.render();

    await vi.waitFor(() => expect(badges()).toEqual(["Collected"]));
    expect(texts()).toEqual(["Wicker Park"]);
    expect(document.body.querySelector("s-qr-code")).toBeNull();
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe(PASS_URL);
  });

  it("lists a store the order moved away from after the store that now has it", async () => {
    const lincolnPark = passStore({ locationId: "3", storeName: "Lincoln Park", pickupCode: "P2Q-8RT" });
    const moved = passStore({ status: "MOVED", statusLabel: "Moved to Lincoln Park", readyBy: null, pickupCode: null });
    api.answers(reply(passAnswer(lincolnPark, moved)));
    await extension.render();

    await vi.waitFor(() => expect(badges()).toEqual(["Preparing your order", "Moved to Lincoln Park"]));
    expect(document.body.querySelectorAll("s-qr-code")).toHaveLength(1);
    expect(document.body.querySelector("s-heading")?.textContent).toBe("P2Q-8RT");
  });

  it("shows nothing while the store has not taken the order, then the pass when it has", async () => {
    api.answers(pending, reply(passAnswer()));
    await renderWithFakeTimers();
    expect(api.requests).toHaveLength(1);
    expect(document.body.innerHTML).toBe("");

    await after(PENDING_RETRY_DELAYS_MS[0]!);

    expect(api.requests).toHaveLength(2);
    expect(badges()).toEqual(["Preparing your order"]);
  });

  it("shows nothing until the order has reached the app, then the pass", async () => {
    api.answers(orderNotFound, orderNotFound, reply(passAnswer()));
    await renderWithFakeTimers();
    await after(PENDING_RETRY_DELAYS_MS[0]!);
    expect(document.body.innerHTML).toBe("");

    await after(PENDING_RETRY_DELAYS_MS[1]!);

    expect(api.requests).toHaveLength(3);
    expect(document.body.querySelector("s-qr-code")).not.toBeNull();
  });

  it("stops asking after about 90 s of 'not yet', showing nothing", async () => {
    api.answers(pending);
    await renderWithFakeTimers();

    await after(90_000);
    await after(10 * 60_000);

    expect(api.requests).toHaveLength(1 + PENDING_RETRY_DELAYS_MS.length);
    expect(document.body.innerHTML).toBe("");
  });

  it("refreshes the pass every minute, so its status follows the store", async () => {
    api.answers(reply(passAnswer()), reply(passAnswer(readyStore())), reply(passAnswer(collectedStore())));
    await renderWithFakeTimers();
    expect(badges()).toEqual(["Preparing your order"]);

    await after(PASS_REFRESH_MS);
    expect(badges()).toEqual(["Ready for pickup"]);

    await after(PASS_REFRESH_MS);
    expect(badges()).toEqual(["Collected"]);
  });

  it("keeps the pass on screen when a refresh fails", async () => {
    api.answers(reply(passAnswer()), unreachable, reply(passAnswer(readyStore())));
    await renderWithFakeTimers();

    await after(PASS_REFRESH_MS);
    expect(api.requests).toHaveLength(2);
    expect(badges()).toEqual(["Preparing your order"]);

    await after(PASS_REFRESH_MS);
    expect(badges()).toEqual(["Ready for pickup"]);
  });

  it("shows nothing and stops when the app cannot be reached", async () => {
    api.answers(unreachable);
    await renderWithFakeTimers();

    await after(10 * 60_000);

    expect(api.requests).toHaveLength(1);
    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing for an order without pickup", async () => {
    api.answers(noPickup);
    await renderWithFakeTimers();

    await after(10 * 60_000);

    expect(api.requests).toHaveLength(1);
    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing when the session token is refused", async () => {
    api.answers(unauthorized);
    await extension.render();
    await effectsRun();

    expect(api.requests).toHaveLength(1);
    expect(document.body.innerHTML).toBe("");
  });

  it("asks nothing for an order without a confirmation number", async () => {
    extension.shopify.orderConfirmation.value = { order: { id: ORDER_ID }, isFirstOrder: false };
    await extension.render();
    await effectsRun();

    expect(api.requests).toEqual([]);
    expect(document.body.innerHTML).toBe("");
  });

  it("stops asking once the block is gone", async () => {
    api.answers(pending);
    await renderWithFakeTimers();

    render(null, document.body);
    await after(90_000);

    expect(api.requests).toHaveLength(1);
  });
});
