import { describe, expect, it } from "vitest";
import { productPickupParameters, productPickupQuerySchema } from "./product-pickup-query";

const parse = (query: string) =>
  productPickupQuerySchema.safeParse(productPickupParameters(new URL(`https://app.test/x?${query}`)));

describe("the product page's query", () => {
  it("reads the variant as a number or a GID, with a quantity of 1 and five stores unless asked", () => {
    expect(parse("variantId=101").data).toEqual({ variantId: "101", quantity: 1, zip: null, limit: 5 });
    expect(parse("variantId=gid://shopify/ProductVariant/101&quantity=3&limit=10").data).toMatchObject({
      variantId: "101",
      quantity: 3,
      limit: 10,
    });
  });

  it("reads a ZIP as typed, and an empty one as none", () => {
    expect(parse("variantId=101&zip=+60614-1234+").data?.zip).toBe("60614-1234");
    expect(parse("variantId=101&zip=m5v+3l9").data?.zip).toBe("M5V 3L9");
    expect(parse("variantId=101&zip=").data?.zip).toBeNull();
  });

  it("ignores the proxy's own parameters, and refuses a repeated one", () => {
    expect(parse("variantId=101&shop=x.myshopify.com&signature=abc").success).toBe(true);
    expect(parse("variantId=101&variantId=102").success).toBe(false);
  });
});
