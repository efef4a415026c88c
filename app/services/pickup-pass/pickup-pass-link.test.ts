import { describe, expect, it } from "vitest";
import { signToken } from "~/services/signed-links/signed-token.server";
import { signPrintToken } from "~/services/store-tasks/print-links.server";
import { TEST_APP } from "../../../tests/support/shopify-app";
import { pickupPassUrl, readPickupPassToken, signPickupPassToken } from "./pickup-pass-link.server";

/** The pickup pass link: one per order, naming its shop and order, that only the app can make. */

const SECRET = TEST_APP.apiSecret;
const ours = { shop: "windy-city-outfitters.myshopify.com", orderId: "5123456789012" };

describe("the pickup pass link", () => {
  it("names the shop and the order it was made for", () => {
    expect(readPickupPassToken(signPickupPassToken(ours, SECRET), SECRET)).toEqual(ours);
  });

  it("reads back a shop whose domain is not a myshopify one", () => {
    const custom = { shop: "shop.example.com", orderId: "42" };

    expect(readPickupPassToken(signPickupPassToken(custom, SECRET), SECRET)).toEqual(custom);
  });

  it("is the same link every time it is made for an order, and another for another order", () => {
    expect(signPickupPassToken(ours, SECRET)).toBe(signPickupPassToken(ours, SECRET));
    expect(signPickupPassToken({ ...ours, orderId: "5123456789013" }, SECRET)).not.toBe(
      signPickupPassToken(ours, SECRET),
    );
  });

  it("is short enough to text: under 80 characters for a long shop name and order id", () => {
    expect(signPickupPassToken(ours, SECRET).length).toBeLessThan(80);
    expect(pickupPassUrl(ours, "https://omniroute.example.com")).toMatch(
      /^https:\/\/omniroute\.example\.com\/pickup\/[\w-]+\.[\w-]+$/,
    );
  });

  it("is refused when forged, tampered with, or made for printing", () => {
    const [, signature] = signPickupPassToken(ours, SECRET).split(".");
    const anotherOrder = Buffer.from("windy-city-outfitters:5123456789013").toString("base64url");
    const printToken = signPrintToken(
      { shop: ours.shop, locationId: "1", taskId: "6f1d7c52-0d7b-4d8e-9d53-2f8b4a1c9e01", document: "PICK_LIST" },
      new Date(),
      SECRET,
    ).token;

    expect(readPickupPassToken(signPickupPassToken(ours, "not-the-app-secret"), SECRET)).toBeNull();
    expect(readPickupPassToken(`${anotherOrder}.${signature}`, SECRET)).toBeNull();
    expect(readPickupPassToken(printToken, SECRET)).toBeNull();
  });

  it("names nothing when the app's own signature holds over a payload that is not a shop and order", () => {
    for (const payload of [
      "",
      "acme",
      ":5001",
      "acme:",
      "acme:50x1",
      "ACME:5001",
      "a b:5001",
      "acme:1".padEnd(40, "1"),
    ]) {
      expect(readPickupPassToken(signToken("pickup-pass", payload, SECRET), SECRET)).toBeNull();
    }
  });

  it("cannot be made for something that is not an order id", () => {
    expect(() => signPickupPassToken({ shop: ours.shop, orderId: "gid://shopify/Order/1" }, SECRET)).toThrow(
      RangeError,
    );
  });
});
