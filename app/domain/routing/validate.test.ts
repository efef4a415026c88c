import { describe, expect, it } from "vitest";
import { isIsoTimestamp, validateRoutingRequest } from "./validate";

function validRequest(): Record<string, unknown> {
  return {
    order: {
      id: "1001",
      placedAt: "2024-06-01T10:00:00Z",
      deliveryMethod: "SHIPPING",
      serviceLevel: "STANDARD",
      destination: { lat: 41.88, lng: -87.63 },
      lines: [
        { sku: "TEE-M", quantity: 1 },
        { sku: "CAP", quantity: 2 },
      ],
    },
    locations: [
      {
        id: "S-1",
        kind: "STORE",
        lat: 41.9,
        lng: -87.6,
        active: true,
        isOpen: true,
        pickupEnabled: true,
        stock: { "TEE-M": 4 },
        labourCostPerOrder: 4,
        shipping: { base: 5, perMile: 0.05 },
      },
    ],
    rules: { storeMinUnits: 3, radiusMiles: 10, maxExtraCostOverWarehouse: 2.5, allowSplit: true },
  };
}

const REMOVE = Symbol("remove");

/** Sets (or removes) the value at a path like "order.lines[1].quantity". */
function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
}

function errorsAfter(...edits: [path: string, value: unknown][]): string[] {
  const request = validRequest();
  for (const [path, value] of edits) setAt(request, path, value);
  const result = validateRoutingRequest(request);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe("validateRoutingRequest", () => {
  it("accepts a complete request", () => {
    const result = validateRoutingRequest(validRequest());
    expect(result.ok).toBe(true);
  });

  it("fills in the default rules when rules are missing or partial", () => {
    const request = validRequest();
    request.rules = { radiusMiles: 25 };
    const result = validateRoutingRequest(request);
    expect(result.ok && result.value.rules).toEqual({
      storeMinUnits: 3,
      radiusMiles: 25,
      maxExtraCostOverWarehouse: 2.5,
      allowSplit: true,
      lookAhead: false,
      lookAheadCostMargin: 1,
    });
    delete request.rules;
    const withoutRules = validateRoutingRequest(request);
    expect(withoutRules.ok && withoutRules.value.rules.storeMinUnits).toBe(3);
  });

  it("reads look-ahead and its cost margin, and rejects a negative margin", () => {
    const request = validRequest();
    request.rules = { lookAhead: true, lookAheadCostMargin: 0.5 };
    const result = validateRoutingRequest(request);
    expect(result.ok && result.value.rules).toMatchObject({ lookAhead: true, lookAheadCostMargin: 0.5 });
    request.rules = { lookAhead: "yes", lookAheadCostMargin: -1 };
    const invalid = validateRoutingRequest(request);
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? [] : invalid.errors.map((error) => error.path)).toEqual([
      "rules.lookAhead",
      "rules.lookAheadCostMargin",
    ]);
  });

  it("ignores fields it does not know, for rules added later", () => {
    const request = validRequest();
    (request.order as Record<string, unknown>).giftMessage = "hi";
    expect(validateRoutingRequest(request).ok).toBe(true);
  });

  it.each<[string, string, unknown, string]>([
    ["a quantity of zero", "order.lines[1].quantity", 0, "order.lines[1].quantity: must be an integer ≥ 1"],
    ["a fractional quantity", "order.lines[0].quantity", 1.5, "order.lines[0].quantity: must be an integer ≥ 1"],
    ["a quantity given as a string", "order.lines[0].quantity", "2", "order.lines[0].quantity: must be an integer ≥ 1"],
    [
      "a SKU listed twice",
      "order.lines[1].sku",
      "TEE-M",
      'order.lines[1].sku: duplicate SKU "TEE-M" (also order.lines[0])',
    ],
    ["an order without lines", "order.lines", [], "order.lines: must contain at least one line"],
    [
      "an unknown delivery method",
      "order.deliveryMethod",
      "DRONE",
      "order.deliveryMethod: must be one of SHIPPING, PICK_UP, LOCAL_DELIVERY",
    ],
    [
      "an unknown service level",
      "order.serviceLevel",
      "ASAP",
      "order.serviceLevel: must be one of STANDARD, NEXT_DAY, SAME_DAY",
    ],
    ["an unknown location kind", "locations[0].kind", "DEPOT", "locations[0].kind: must be one of STORE, WAREHOUSE"],
    ["a latitude out of range", "order.destination.lat", 91, "order.destination.lat: must be between -90 and 90"],
    ["a longitude out of range", "locations[0].lng", -181, "locations[0].lng: must be between -180 and 180"],
    ["a non-finite coordinate", "order.destination.lng", null, "order.destination.lng: must be a finite number"],
    ["a missing order id", "order.id", REMOVE, "order.id: is required"],
    ["a missing destination", "order.destination", REMOVE, "order.destination: is required"],
    ["a placedAt that is not ISO 8601", "order.placedAt", "yesterday", "order.placedAt: must be an ISO 8601 timestamp"],
    ["an impossible date", "order.placedAt", "2024-02-30T10:00:00Z", "order.placedAt: must be an ISO 8601 timestamp"],
    [
      "a negative labour cost",
      "locations[0].labourCostPerOrder",
      -1,
      "locations[0].labourCostPerOrder: must be a finite number ≥ 0",
    ],
    [
      "a negative shipping rate",
      "locations[0].shipping.perMile",
      -0.1,
      "locations[0].shipping.perMile: must be a finite number ≥ 0",
    ],
    ["a missing shipping rate", "locations[0].shipping", REMOVE, "locations[0].shipping: is required"],
    [
      "a stock count that is not an integer",
      "locations[0].stock.TEE-M",
      2.5,
      'locations[0].stock["TEE-M"]: must be an integer',
    ],
    [
      "stock that is not an object",
      "locations[0].stock",
      [1, 2],
      "locations[0].stock: must be an object of SKU → units",
    ],
    ["a missing isOpen", "locations[0].isOpen", REMOVE, "locations[0].isOpen: is required"],
    [
      "a negative daily capacity",
      "locations[0].dailyCapacity",
      -1,
      "locations[0].dailyCapacity: must be an integer ≥ 0",
    ],
    [
      "two locations with one id",
      "locations[1]",
      { ...(validRequest().locations as object[])[0] },
      'locations[1].id: duplicate location id "S-1" (also locations[0])',
    ],
    ["locations that are not a list", "locations", {}, "locations: must be an array"],
    ["a negative store minimum", "rules.storeMinUnits", -1, "rules.storeMinUnits: must be a finite number ≥ 0"],
    ["a non-boolean allowSplit", "rules.allowSplit", "yes", "rules.allowSplit: must be true or false"],
  ])("rejects %s, naming the field", (_what, path, value, message) => {
    expect(errorsAfter([path, value])).toContain(message);
  });

  it("reports every problem at once", () => {
    const errors = errorsAfter(["order.lines[0].quantity", 0], ["locations[0].kind", "DEPOT"]);
    expect(errors).toHaveLength(2);
  });

  it("rejects a request that is not an object", () => {
    expect(validateRoutingRequest([1, 2])).toEqual({
      ok: false,
      errors: [{ path: "request", message: "must be an object" }],
    });
  });

  it("accepts a pickup order without a chosen store, and null optional counts", () => {
    const request = validRequest();
    (request.order as Record<string, unknown>).deliveryMethod = "PICK_UP";
    (request.locations as Record<string, unknown>[])[0]!.dailyCapacity = null;
    const result = validateRoutingRequest(request);
    expect(result.ok).toBe(true);
    expect(result.ok && "dailyCapacity" in result.value.locations[0]!).toBe(false);
  });
});

describe("isIsoTimestamp", () => {
  it.each([
    "2024-06-01",
    "2024-06-01T10:00Z",
    "2024-06-01T10:00:00Z",
    "2024-06-01T10:00:00.123+02:00",
    "2024-02-29T00:00:00-0500",
  ])("accepts %s", (value) => expect(isIsoTimestamp(value)).toBe(true));
  it.each(["2024-6-1", "01/06/2024", "2024-13-01", "2023-02-29", "2024-06-01T25:00:00Z", "2024-06-01T10:00:00 Z", ""])(
    "rejects %s",
    (value) => expect(isIsoTimestamp(value)).toBe(false),
  );
});
