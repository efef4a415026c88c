import { describe, expect, it } from "vitest";
import { check } from "./app-health.server";

describe("a dashboard check", () => {
  it("gives what the work returned", async () => {
    expect(await check(async () => 13)).toEqual({ ok: true, detail: 13 });
  });

  it("gives the error's message when the work fails, for the page to show", async () => {
    expect(await check(() => Promise.reject(new Error("Shopify did not answer")))).toEqual({
      ok: false,
      error: "Shopify did not answer",
    });
  });

  it("lets the Shopify library's re-authentication response through to Remix instead of showing it as an error", async () => {
    const reauthenticate = new Response(null, {
      status: 401,
      headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
    });
    await expect(check(() => Promise.reject(reauthenticate))).rejects.toBe(reauthenticate);
  });
});
