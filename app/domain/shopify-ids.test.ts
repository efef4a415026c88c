import { describe, expect, it } from "vitest";
import { numericIdOf, requireNumericId, shopifyGid } from "./shopify-ids";

describe("numericIdOf", () => {
  it("takes the number of a gid of the expected type, with or without a query string", () => {
    expect(numericIdOf("gid://shopify/Location/70000000001", "Location")).toBe("70000000001");
    expect(numericIdOf("gid://shopify/InventoryLevel/7?inventory_item_id=3", "InventoryLevel")).toBe("7");
  });

  it("is null for a gid of another type, a numeric id, a malformed gid or a value that is not a string", () => {
    expect(numericIdOf("gid://shopify/Location/7", "InventoryItem")).toBeNull();
    expect(numericIdOf("7", "Location")).toBeNull();
    expect(numericIdOf("gid://shopify/Location/seven", "Location")).toBeNull();
    expect(numericIdOf("gid://shopify/Location/7/extra", "Location")).toBeNull();
    expect(numericIdOf(7, "Location")).toBeNull();
    expect(numericIdOf(null, "Location")).toBeNull();
  });
});

describe("requireNumericId", () => {
  it("takes the number of a gid of the expected type, and keeps an id that is numeric already", () => {
    expect(requireNumericId("gid://shopify/Order/1001", "Order")).toBe("1001");
    expect(requireNumericId("1001", "Order")).toBe("1001");
  });

  it("throws, naming the id, for a gid of another type or something that is no id", () => {
    expect(() => requireNumericId("gid://shopify/Location/7", "Order")).toThrow(
      "Not a Shopify Order id: gid://shopify/Location/7",
    );
    expect(() => requireNumericId("", "Order")).toThrow("Not a Shopify Order id");
  });
});

describe("shopifyGid", () => {
  it("names a numeric id by its gid, and keeps a gid as it is", () => {
    expect(shopifyGid("Location", "70000000001")).toBe("gid://shopify/Location/70000000001");
    expect(shopifyGid("Order", "gid://shopify/Order/1001")).toBe("gid://shopify/Order/1001");
  });

  it("round-trips with numericIdOf", () => {
    expect(numericIdOf(shopifyGid("FulfillmentOrder", "42"), "FulfillmentOrder")).toBe("42");
  });
});
