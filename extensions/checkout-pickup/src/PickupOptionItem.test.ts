// @vitest-environment jsdom
import type { MetafieldChange, MetafieldChangeResult } from "@shopify/ui-extensions/checkout";
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ANSWER_TIMEOUT_MS } from "./availability";
import {
  answer,
  cartLine,
  FakeAvailabilityApi,
  PROMISE_TOKEN,
  SESSION_TOKEN,
  wickerParkOption,
} from "./test-support/availability-server";

const extension = getExtension("purchase.checkout.pickup-location-option-item.render-after");
let api: FakeAvailabilityApi;

beforeEach(() => {
  extension.setUp();
  api = new FakeAvailabilityApi();
  extension.fetch = api.fetch;
  extension.shopify.sessionToken.get = async () => SESSION_TOKEN;
  extension.shopify.lines.value = [cartLine(101, 1), cartLine(202, 2)];
  extension.shopify.target.value = wickerParkOption();
});

afterEach(() => {
  // Unmount through Preact so a pending request is abandoned before the next test.
  render(null, document.body);
  extension.tearDown();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const shownLines = () => [...document.body.querySelectorAll("s-text")].map((text) => text.textContent);

/** Renders, then waits until the extension has asked and its answer has been taken in. */
async function renderAnswered(): Promise<void> {
  await extension.render();
  await vi.waitFor(() => expect(api.requests).toHaveLength(1));
  await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("under a pickup option at checkout", () => {
  it("shows the stock and ready-by time of a store that has the whole cart", async () => {
    await extension.render();

    await vi.waitFor(() => expect(shownLines()).toEqual(["6 in stock · Ready today by 4:00 PM"]));
    expect(document.body.querySelector("s-text")?.getAttribute("tone")).toBe("success");
  });

  it("asks the app with checkout's session token, the cart's variants and the option's address", async () => {
    extension.shopify.lines.value = [cartLine(101, 1, 1), cartLine(202, 2, 2), cartLine(101, 3, 3)];
    await renderAnswered();

    const [asked] = api.requests;
    expect(asked?.method).toBe("POST");
    expect(asked?.url).toBe("/api/checkout/pickup-availability");
    expect(asked?.authorization).toBe(`Bearer ${SESSION_TOKEN}`);
    expect(asked?.body).toEqual({
      lines: [
        { variantId: "gid://shopify/ProductVariant/101", quantity: 4 },
        { variantId: "gid://shopify/ProductVariant/202", quantity: 2 },
      ],
      option: {
        name: "Wicker Park",
        address: {
          address1: "1520 N Milwaukee Ave",
          city: "Chicago",
          zip: "60622",
          provinceCode: "IL",
          countryCode: "US",
        },
      },
    });
  });

  it("calls the app at the URL the extension was built with", async () => {
    vi.stubEnv("APP_URL", "https://omniroute.example.com/");
    await renderAnswered();

    expect(api.requests[0]?.url).toBe("https://omniroute.example.com/api/checkout/pickup-availability");
  });

  it("adds why the order is not ready sooner on a quieter line", async () => {
    api.answers(answer({ headline: "Ready tomorrow from 10:00 AM", note: "Fully booked today", unitsInStock: 3 }));
    await extension.render();

    await vi.waitFor(() =>
      expect(shownLines()).toEqual(["3 in stock · Ready tomorrow from 10:00 AM", "Fully booked today"]),
    );
    expect(document.body.querySelectorAll("s-text")[1]?.getAttribute("color")).toBe("subdued");
  });

  it("names the nearest store with everything when this one has only some of the items", async () => {
    api.answers(
      answer({
        status: "PARTIAL",
        readyBy: null,
        headline: null,
        unitsInStock: null,
        shortfall: "Only 1 of 2 items in stock here",
        alternatives: [
          { locationId: "3", name: "Lincoln Park", distanceMiles: 0.84, headline: "Ready today by 5:00 PM" },
          { locationId: "9", name: "Old Town", distanceMiles: 1.6, headline: "Ready today by 5:30 PM" },
        ],
      }),
    );
    await extension.render();

    await vi.waitFor(() => expect(shownLines()).toEqual(["Not all items here — Lincoln Park has everything (0.8 mi)"]));
    expect(document.body.querySelector("s-text")?.getAttribute("tone")).toBe("warning");
  });

  it("says why a store cannot take the cart when no store nearby has everything", async () => {
    api.answers(
      answer({
        status: "UNAVAILABLE",
        readyBy: null,
        headline: null,
        unitsInStock: null,
        shortfall: "None of the 2 items in stock here",
        alternatives: [],
      }),
    );
    await extension.render();

    await vi.waitFor(() => expect(shownLines()).toEqual(["None of the 2 items in stock here"]));
  });

  it("shows nothing while the answer is on its way", async () => {
    api.stalls();
    await renderAnswered();

    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing for an option the app does not know as one of the shop's stores", async () => {
    api.answers(answer({}, null));
    await renderAnswered();

    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing when the app cannot be reached", async () => {
    api.isUnreachable();
    await renderAnswered();

    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing when the session token is refused", async () => {
    api.answers({ code: "UNAUTHORIZED", message: "The checkout's session could not be confirmed" }, 401);
    await renderAnswered();

    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing for an answer it cannot read", async () => {
    api.answers({ location: { id: "7", name: "Wicker Park" }, promise: { status: "MAYBE" } });
    await renderAnswered();

    expect(document.body.innerHTML).toBe("");
  });

  it(`gives up after ${ANSWER_TIMEOUT_MS / 1000} s and shows nothing, even if the answer comes later`, async () => {
    vi.useFakeTimers();
    api.answersLate(ANSWER_TIMEOUT_MS + 1_000, answer());
    await extension.render();
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));

    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS);
    expect(api.requests[0]?.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);

    expect(document.body.innerHTML).toBe("");
  });

  it("does not ask before checkout has given the option's address", async () => {
    extension.shopify.target.value = { ...wickerParkOption(), location: { name: "Wicker Park", address: {} } };
    await extension.render();
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(api.requests).toEqual([]);
    expect(document.body.innerHTML).toBe("");
  });
});

describe("the promise under the chosen pickup option", () => {
  const unavailable = {
    status: "UNAVAILABLE",
    readyBy: null,
    headline: null,
    unitsInStock: null,
    shortfall: "None of the 2 items in stock here",
    promiseToken: null,
  };

  /** Records the extension's metafield writes, answering as checkout would (or failing). */
  function metafieldWrites(result: () => Promise<MetafieldChangeResult> = async () => ({ type: "success" })) {
    const writes: MetafieldChange[] = [];
    extension.shopify.applyMetafieldChange = (change) => {
      writes.push(change);
      return result();
    };
    return writes;
  }

  it("is written to the cart's pickup_promise metafield, the app's signed token only, once", async () => {
    extension.shopify.isTargetSelected.value = true;
    const writes = metafieldWrites();
    await renderAnswered();

    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      type: "updateCartMetafield",
      metafield: {
        namespace: "$app",
        key: "pickup_promise",
        type: "json",
        value: JSON.stringify({ token: PROMISE_TOKEN }),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toHaveLength(1);
  });

  it("is not written under an option the shopper has not chosen", async () => {
    extension.shopify.isTargetSelected.value = false;
    const writes = metafieldWrites();
    await renderAnswered();

    await vi.waitFor(() => expect(shownLines()).toEqual(["6 in stock · Ready today by 4:00 PM"]));
    expect(writes).toEqual([]);
  });

  it("is not written when the chosen store cannot take the whole cart", async () => {
    extension.shopify.isTargetSelected.value = true;
    const writes = metafieldWrites();
    api.answers(answer({ ...unavailable, status: "PARTIAL", shortfall: "Only 1 of 2 items in stock here" }));
    await renderAnswered();
    await vi.waitFor(() => expect(shownLines()).toEqual(["Only 1 of 2 items in stock here"]));

    api.answers(answer(unavailable));
    render(null, document.body);
    await extension.render();
    await vi.waitFor(() => expect(shownLines()).toEqual(["None of the 2 items in stock here"]));

    expect(writes).toEqual([]);
  });

  it("is not written when checkout does not allow cart metafields (an accelerated checkout)", async () => {
    extension.shopify.isTargetSelected.value = true;
    extension.shopify.instructions.value = {
      ...extension.shopify.instructions.value,
      metafields: { canSetCartMetafields: false, canDeleteCartMetafield: false },
    };
    const writes = metafieldWrites();
    await renderAnswered();

    await vi.waitFor(() => expect(shownLines()).toEqual(["6 in stock · Ready today by 4:00 PM"]));
    expect(writes).toEqual([]);
  });

  it("shows the same when checkout refuses the write or it fails", async () => {
    extension.shopify.isTargetSelected.value = true;
    const refused = metafieldWrites(async () => ({ type: "error", message: "Not allowed in accelerated checkout" }));
    await renderAnswered();
    await vi.waitFor(() => expect(refused).toHaveLength(1));
    expect(shownLines()).toEqual(["6 in stock · Ready today by 4:00 PM"]);

    render(null, document.body);
    const failed = metafieldWrites(() => Promise.reject(new Error("checkout went away")));
    await extension.render();
    await vi.waitFor(() => expect(failed).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shownLines()).toEqual(["6 in stock · Ready today by 4:00 PM"]);
  });
});
