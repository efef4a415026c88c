import { describe, expect, it } from "vitest";
import { signToken } from "~/services/signed-links/signed-token.server";
import {
  CHECKOUT_PROMISE_MAX_AGE_MS,
  checkoutPromiseOfOrder,
  openCheckoutPromise,
  signCheckoutPromise,
  tokenOfPromiseMetafield,
  type CheckoutPromise,
} from "./promise-token.server";

const SECRET = "the-app-secret";
const ISSUED_AT = new Date("2026-11-30T16:00:00.123Z");

const shown: CheckoutPromise = {
  shop: "acme.myshopify.com",
  locationId: "7",
  readyBy: new Date("2026-11-30T17:00:00.456Z"),
  headline: "Ready today by 11:00 AM",
  note: "Order by 3:00 PM for same-day pickup",
  issuedAt: ISSUED_AT,
};

const metafieldOf = (token: string) => JSON.stringify({ token });
const order = (placedAt: Date, overrides: Partial<{ shop: string; locationId: string }> = {}) => ({
  shop: "acme.myshopify.com",
  locationId: "7",
  placedAt,
  ...overrides,
});
const after = (ms: number) => new Date(ISSUED_AT.getTime() + ms);

describe("the promise token checkout hands on", () => {
  it("gives back exactly the promise it was signed with, to the millisecond", () => {
    expect(openCheckoutPromise(signCheckoutPromise(shown, SECRET), SECRET)).toEqual(shown);
  });

  it("stays short enough for a cart metafield (under 300 characters)", () => {
    expect(signCheckoutPromise(shown, SECRET).length).toBeLessThan(300);
  });

  it("is refused when signed with another secret, for another purpose, or tampered with", () => {
    const token = signCheckoutPromise(shown, SECRET);
    const [, signature] = token.split(".");
    const changed = Buffer.from(JSON.stringify({ s: "acme.myshopify.com", l: "8", r: 1, h: "x", n: null, i: 1 }));

    expect(openCheckoutPromise(signCheckoutPromise(shown, "someone-else"), SECRET)).toBeNull();
    expect(openCheckoutPromise(token.replace(/^[^.]+/, changed.toString("base64url")), SECRET)).toBeNull();
    expect(openCheckoutPromise(`${token.split(".")[0]}.${signature}x`, SECRET)).toBeNull();
    const pass = signToken("pickup-pass", token.split(".")[0] ?? "", SECRET);
    expect(openCheckoutPromise(pass, SECRET)).toBeNull();
  });

  it("is refused when the app signed something that is not a promise", () => {
    expect(openCheckoutPromise(signToken("pickup-promise", "not json", SECRET), SECRET)).toBeNull();
    expect(openCheckoutPromise(signToken("pickup-promise", '{"s":"acme"}', SECRET), SECRET)).toBeNull();
  });

  it("is read from the metafield's JSON only in the extension's shape", () => {
    expect(tokenOfPromiseMetafield('{"token":"abc.def"}')).toBe("abc.def");
    expect(tokenOfPromiseMetafield(null)).toBeNull();
    expect(tokenOfPromiseMetafield("abc.def")).toBeNull();
    expect(tokenOfPromiseMetafield('{"readyBy":"2026-11-30T17:00:00Z"}')).toBeNull();
  });
});

describe("the promise an order was shown at checkout", () => {
  const value = metafieldOf(signCheckoutPromise(shown, SECRET));

  it("holds for the same shop and store, given before the order within two hours", () => {
    expect(checkoutPromiseOfOrder(value, order(after(90_000)), SECRET)).toEqual(shown);
    expect(checkoutPromiseOfOrder(value, order(ISSUED_AT), SECRET)).toEqual(shown);
    expect(checkoutPromiseOfOrder(value, order(after(CHECKOUT_PROMISE_MAX_AGE_MS)), SECRET)).toEqual(shown);
  });

  it("does not hold when given more than two hours before the order", () => {
    expect(checkoutPromiseOfOrder(value, order(after(CHECKOUT_PROMISE_MAX_AGE_MS + 1)), SECRET)).toBeNull();
  });

  it("holds when given within the second the order was placed in (Shopify's created_at has whole seconds)", () => {
    expect(checkoutPromiseOfOrder(value, order(new Date("2026-11-30T16:00:00Z")), SECRET)).toEqual(shown);
  });

  it("does not hold when dated after the order was placed", () => {
    expect(checkoutPromiseOfOrder(value, order(new Date("2026-11-30T15:59:59Z")), SECRET)).toBeNull();
    expect(checkoutPromiseOfOrder(value, order(new Date("2026-11-30T15:59:59.999Z")), SECRET)).toBeNull();
  });

  it("does not hold for another shop or another store than the order's pickup store", () => {
    expect(checkoutPromiseOfOrder(value, order(after(1), { shop: "other.myshopify.com" }), SECRET)).toBeNull();
    expect(checkoutPromiseOfOrder(value, order(after(1), { locationId: "8" }), SECRET)).toBeNull();
  });

  it("does not hold without a metafield, or with one the app did not sign", () => {
    expect(checkoutPromiseOfOrder(null, order(after(1)), SECRET)).toBeNull();
    const forged = metafieldOf(signCheckoutPromise(shown, "someone-else"));
    expect(checkoutPromiseOfOrder(forged, order(after(1)), SECRET)).toBeNull();
  });
});
