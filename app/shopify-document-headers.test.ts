import { describe, expect, it } from "vitest";
import { addDocumentResponseHeaders } from "./shopify.server";

/** The CSP on the app's documents: only the shop's admin may frame an embedded page, nobody frames the rest. */
function policyFor(url: string): string | null {
  const headers = new Headers();
  addDocumentResponseHeaders(new Request(url), headers);
  return headers.get("Content-Security-Policy");
}

describe("the app's document headers", () => {
  it("let only the shop's admin frame an embedded page", () => {
    const policy = policyFor("https://omniroute.test/app?embedded=1&shop=windy.myshopify.com&host=YWRtaW4");
    expect(policy).toMatch(/^frame-ancestors /);
    expect(policy).toContain("https://windy.myshopify.com");
    expect(policy).toContain("https://admin.shopify.com");
    // Shopify's own hosts (and its staff's development ones) besides; never another shop.
    expect(policy).not.toMatch(
      /https:\/\/\*\.myshopify\.com|'self'|https:\/\/[a-z-]+\.myshopify\.com.*https:\/\/[a-z-]+\.myshopify\.com/,
    );
  });

  it.each(["https://omniroute.test/", "https://omniroute.test/auth/login", "https://omniroute.test/pickup/abc.def"])(
    "let nobody frame %s, which names no shop",
    (url) => {
      expect(policyFor(url)).toBe("frame-ancestors 'none'");
    },
  );
});
