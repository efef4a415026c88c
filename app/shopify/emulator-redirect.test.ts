import { describe, expect, it } from "vitest";
import { redirectShopRequest } from "./emulator-redirect.server";

describe("sending shop traffic to the local emulator", () => {
  it("keeps the path and query and names the shop it was meant for", () => {
    expect(
      redirectShopRequest("https://windy-city.myshopify.com/admin/api/2026-04/graphql.json?x=1", "http://127.0.0.1:8787"),
    ).toEqual({ url: "http://127.0.0.1:8787/admin/api/2026-04/graphql.json?x=1", shop: "windy-city.myshopify.com" });
  });

  it("leaves requests to anything but a shop alone", () => {
    expect(redirectShopRequest("https://api.twilio.com/2010-04-01/Accounts", "http://127.0.0.1:8787")).toBeNull();
    expect(redirectShopRequest("https://myshopify.com.evil.example/admin", "http://127.0.0.1:8787")).toBeNull();
  });

  it("treats the configured custom shop domain as a shop", () => {
    expect(redirectShopRequest("https://dev.shop.example/admin/oauth/access_token", "http://127.0.0.1:8787", "shop.example")?.shop).toBe(
      "dev.shop.example",
    );
  });
});
