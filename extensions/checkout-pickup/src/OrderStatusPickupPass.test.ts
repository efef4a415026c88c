// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CONFIRMATION_NUMBER, FakePassApi, ORDER_ID, PASS_URL } from "./test-support/pickup-pass-server";

const CUSTOMER_ACCOUNT_TOKEN = "customer-account-session-token";
const extension = getExtension("customer-account.order-status.block.render");
let api: FakePassApi;

beforeEach(() => {
  extension.setUp();
  api = new FakePassApi();
  extension.fetch = api.fetch;
  extension.shopify.sessionToken.get = async () => CUSTOMER_ACCOUNT_TOKEN;
  extension.shopify.order.value = { id: ORDER_ID, name: "#1001", confirmationNumber: CONFIRMATION_NUMBER };
});

afterEach(async () => {
  render(null, document.body);
  extension.tearDown();
  await effectsRun();
});

/** Preact runs effects on a timer after painting: long enough for them and the asks they make. */
async function effectsRun(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe("the pickup pass on the order status page", () => {
  it("asks the customer account endpoint with its session token and the order's confirmation number", async () => {
    await extension.render();
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));

    expect(api.requests[0]).toMatchObject({
      url: "/api/customer-account/pickup-pass",
      method: "POST",
      authorization: `Bearer ${CUSTOMER_ACCOUNT_TOKEN}`,
      body: { orderId: ORDER_ID, confirmationNumber: CONFIRMATION_NUMBER },
    });
  });

  it("shows the pass with its QR code and link", async () => {
    await extension.render();

    await vi.waitFor(() =>
      expect(document.body.querySelector("s-qr-code")?.getAttribute("content")).toBe("omniroute:pickup:K7M4QX"),
    );
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe(PASS_URL);
  });

  it("asks nothing for an order from before confirmation numbers", async () => {
    extension.shopify.order.value = { id: ORDER_ID, name: "#1001" };
    await extension.render();
    await effectsRun();

    expect(api.requests).toEqual([]);
    expect(document.body.innerHTML).toBe("");
  });

  it("asks nothing before Shopify has processed the order", async () => {
    extension.shopify.order.value = undefined;
    await extension.render();
    await effectsRun();

    expect(api.requests).toEqual([]);
    expect(document.body.innerHTML).toBe("");
  });
});
