import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { availabilityRequest, fetchPickupPromise, promiseOf } from "./availability";
import {
  answer,
  cartLine,
  FakeAvailabilityApi,
  PROMISE_TOKEN,
  SESSION_TOKEN,
  wickerParkOption,
} from "./test-support/availability-server";

describe("the question asked about a pickup option", () => {
  it("counts a variant on several cart lines once, with their units added", () => {
    const request = availabilityRequest([cartLine(1, 2, 1), cartLine(1, 1, 2), cartLine(2, 5, 3)], wickerParkOption());

    expect(request?.lines).toEqual([
      { variantId: "gid://shopify/ProductVariant/1", quantity: 3 },
      { variantId: "gid://shopify/ProductVariant/2", quantity: 5 },
    ]);
  });

  it("is not asked for an empty cart", () => {
    expect(availabilityRequest([], wickerParkOption())).toBeNull();
  });

  it("is not asked without the option's street, city and country", () => {
    const option = wickerParkOption();
    const noCity = {
      ...option,
      location: { ...option.location, address: { address1: "1 Main St", countryCode: "US" as const } },
    };

    expect(availabilityRequest([cartLine(1, 1)], noCity)).toBeNull();
  });
});

describe("reading the app's answer", () => {
  it("takes the promise of a store the app knows", () => {
    expect(promiseOf(answer())).toEqual({
      status: "AVAILABLE",
      headline: "Ready today by 4:00 PM",
      note: null,
      unitsInStock: 6,
      shortfall: null,
      alternatives: [],
      promiseToken: PROMISE_TOKEN,
    });
  });

  it("keeps a signed promise only with an available one, and only a token-sized string", () => {
    expect(promiseOf(answer({ status: "PARTIAL" }))?.promiseToken).toBeNull();
    expect(promiseOf(answer({ promiseToken: 42 }))?.promiseToken).toBeNull();
    expect(promiseOf(answer({ promiseToken: "x".repeat(4096) }))?.promiseToken).toBeNull();
  });

  it("has no promise for an option that is not one of the shop's stores", () => {
    expect(promiseOf(answer({}, null))).toBeNull();
  });

  it("has no promise for an answer of another shape", () => {
    expect(promiseOf("Internal Server Error")).toBeNull();
    expect(promiseOf({ location: { id: "7" }, promise: { status: 3 } })).toBeNull();
  });

  it("leaves out alternatives it cannot read rather than the whole answer", () => {
    const read = promiseOf(
      answer({ status: "PARTIAL", alternatives: [{ name: "Lincoln Park", distanceMiles: 0.8 }, { name: 5 }] }),
    );

    expect(read?.alternatives).toEqual([{ name: "Lincoln Park", distanceMiles: 0.8 }]);
  });
});

describe("asking the app", () => {
  const request = availabilityRequest([cartLine(1, 1)], wickerParkOption())!;
  let api: FakeAvailabilityApi;

  beforeEach(() => {
    api = new FakeAvailabilityApi();
    vi.stubGlobal("fetch", api.fetch);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("gives up on a session token that never comes", async () => {
    vi.useFakeTimers();
    const asked = fetchPickupPromise(request, () => new Promise<string>(() => {}), new AbortController().signal, 50);
    await vi.advanceTimersByTimeAsync(50);

    await expect(asked).resolves.toBeNull();
    expect(api.requests).toEqual([]);
  });

  it("abandons the request when the option no longer needs it", async () => {
    api.stalls();
    const superseded = new AbortController();
    const asked = fetchPickupPromise(request, async () => SESSION_TOKEN, superseded.signal);
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    superseded.abort();

    await expect(asked).resolves.toBeNull();
    expect(api.requests[0]?.signal?.aborted).toBe(true);
  });

  it("has nothing from a server failure", async () => {
    api.answers({ code: "INTERNAL", message: "Something went wrong" }, 500);

    await expect(
      fetchPickupPromise(request, async () => SESSION_TOKEN, new AbortController().signal),
    ).resolves.toBeNull();
  });
});
