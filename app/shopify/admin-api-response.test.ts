import { describe, expect, it } from "vitest";
import { readAdminApiAnswer } from "./admin-api-response";

const COST = {
  requestedQueryCost: 20,
  actualQueryCost: 12,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 },
};

describe("readAdminApiAnswer", () => {
  it("reads data and the reported cost of a clean answer", () => {
    expect(readAdminApiAnswer(200, { data: { shop: { name: "S" } }, extensions: { cost: COST } })).toEqual({
      kind: "data",
      data: { shop: { name: "S" } },
      cost: COST,
    });
  });

  it("reads THROTTLED (HTTP 200) with the bucket Shopify reported", () => {
    const body = {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: { cost: { ...COST, actualQueryCost: null } },
    };
    expect(readAdminApiAnswer(200, body)).toEqual({ kind: "throttled", cost: { ...COST, actualQueryCost: null } });
  });

  it("takes 429, 502 and 503 for failures that ran nothing, other 5xx for ones that may have", () => {
    for (const status of [429, 502, 503]) {
      expect(readAdminApiAnswer(status, "<html>busy</html>", 1000)).toMatchObject({
        kind: "unavailable",
        surelyNotApplied: true,
        retryAfterMs: 1000,
      });
    }
    for (const status of [500, 504]) {
      expect(readAdminApiAnswer(status, "oops")).toMatchObject({ kind: "unavailable", surelyNotApplied: false });
    }
  });

  it("takes Shopify's INTERNAL_SERVER_ERROR (HTTP 200) for a failure that may have run", () => {
    const body = { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
    expect(readAdminApiAnswer(200, body)).toMatchObject({ kind: "unavailable", surelyNotApplied: false });
  });

  it("refuses validation errors and partial data with errors", () => {
    const validation = {
      errors: [{ message: "Field 'nope' doesn't exist on type 'Shop'", path: ["query Q", "shop", "nope"], extensions: { code: "undefinedField" } }],
    };
    expect(readAdminApiAnswer(200, validation)).toEqual({
      kind: "refused",
      status: 200,
      errors: [{ message: "Field 'nope' doesn't exist on type 'Shop'", path: ["query Q", "shop", "nope"], code: "undefinedField" }],
    });
    const partial = { data: { shop: null }, errors: [{ message: "Access denied", extensions: { code: "ACCESS_DENIED" } }] };
    expect(readAdminApiAnswer(200, partial)).toMatchObject({ kind: "refused" });
  });

  it("takes 401 and 403 for missing access and other 4xx for refusals", () => {
    expect(readAdminApiAnswer(401, { errors: "[API] Invalid API key or access token" }).kind).toBe("unauthorized");
    expect(readAdminApiAnswer(403, "Forbidden").kind).toBe("unauthorized");
    expect(readAdminApiAnswer(400, { errors: { query: "Required parameter missing or invalid" } })).toMatchObject({
      kind: "refused",
      status: 400,
    });
  });
});
