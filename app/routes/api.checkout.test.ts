import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { signSessionToken } from "../../dev/emulator/session-token";
import { PICKUP_VARIANTS, pickupOptionOf, seedPickupShop } from "../../tests/support/checkout-pickup";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";

/**
 * The checkout's API (app/routes/api.checkout.*) as the checkout extension calls it: checkout's
 * session token (HS256 with the app's secret, `dest` the shop), JSON in and out, CORS on every
 * answer. Every api.checkout route file is swept with hostile input, so a new one is covered.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const ORIGIN = "https://checkout.shopify.com";
const AVAILABILITY = "api.checkout.pickup-availability.ts";
let shop: string;

beforeAll(async () => {
  const { prisma } = await import("~/db.server");
  shop = uniqueShop();
  await seedPickupShop(prisma, shop);
});

function tokenFor(forShop: string, secret: string = TEST_APP.apiSecret): string {
  return signSessionToken({ shop: forShop, apiKey: TEST_APP.apiKey, now: new Date() }, secret);
}

interface Call {
  method?: string;
  path?: string;
  body?: string | object;
  token?: string | null;
}

function checkoutRequest({ method = "POST", path: pathname = "/api/checkout/pickup-availability", body, token }: Call) {
  const headers = new Headers({ Origin: ORIGIN });
  const bearer = token === undefined ? tokenFor(shop) : token;
  if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  return new Request(`${TEST_APP.appUrl}${pathname}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function call(file: string, request: Request): Promise<Response> {
  const module = (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
  const handler = request.method === "GET" || request.method === "OPTIONS" ? module.loader : module.action;
  if (!handler) throw new Error(`${file} has no handler for ${request.method}`);
  try {
    return await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    // Remix sends a thrown Response as the answer.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const teeAtWickerPark = {
  lines: [{ variantId: PICKUP_VARIANTS.tee.gid, quantity: 1, price: "0.01", customerId: "gid://shopify/Customer/1" }],
  option: pickupOptionOf("wickerPark"),
};

describe("the checkout pickup availability API", () => {
  it("answers the option's location and promise for the shop in the token, with CORS", async () => {
    const response = await call(AVAILABILITY, checkoutRequest({ body: teeAtWickerPark }));

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toMatchObject({
      location: { id: "1", name: "Wicker Park" },
      promise: { status: "AVAILABLE", unitsInStock: 6, headline: expect.stringMatching(/^Ready /) },
    });
  });

  it("refuses a request without a token, or with a forged one, with 401 and CORS headers", async () => {
    const missing = await call(AVAILABILITY, checkoutRequest({ body: teeAtWickerPark, token: null }));
    const forged = await call(
      AVAILABILITY,
      checkoutRequest({ body: teeAtWickerPark, token: tokenFor(shop, "not-the-app-secret") }),
    );

    for (const response of [missing, forged]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("answers the CORS preflight from the loader with 204, and a GET with 405", async () => {
    const preflight = await call(AVAILABILITY, checkoutRequest({ method: "OPTIONS", token: null }));
    const get = await call(AVAILABILITY, checkoutRequest({ method: "GET" }));

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(get.status).toBe(405);
    expect(get.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("refuses another shop's session as not knowing the cart's variants, and shows none of this shop's data", async () => {
    const response = await call(
      AVAILABILITY,
      checkoutRequest({ body: teeAtWickerPark, token: tokenFor("someone-else.myshopify.com") }),
    );

    expect(response.status).toBe(422);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: "UNKNOWN_VARIANTS", field: "lines" });
    expect(JSON.stringify(body)).not.toContain("Wicker Park");
  });

  it("refuses hostile input with 400 naming the field", async () => {
    const bodies: [object, string][] = [
      [{ ...teeAtWickerPark, lines: [] }, "lines"],
      [{ ...teeAtWickerPark, lines: Array(101).fill({ variantId: PICKUP_VARIANTS.tee.gid, quantity: 1 }) }, "lines"],
      [{ ...teeAtWickerPark, lines: [{ variantId: "gid://shopify/Product/1", quantity: 1 }] }, "lines.0.variantId"],
      [{ ...teeAtWickerPark, lines: [{ variantId: PICKUP_VARIANTS.tee.gid, quantity: 1000 }] }, "lines.0.quantity"],
      [{ ...teeAtWickerPark, lines: [{ variantId: PICKUP_VARIANTS.tee.gid, quantity: 1.5 }] }, "lines.0.quantity"],
      [{ lines: teeAtWickerPark.lines }, "option"],
    ];
    for (const [body, field] of bodies) {
      const response = await call(AVAILABILITY, checkoutRequest({ body }));
      expect(response.status, field).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID", field });
    }
  });

  describe("every api.checkout route, swept with hostile input", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((file) => /^api\.checkout\..*\.ts$/.test(file) && !file.endsWith(".test.ts"));
    const huge = "é".repeat(40_000);
    const gid = PICKUP_VARIANTS.tee.gid;
    const bodies: (string | object)[] = [
      "{not json",
      "",
      "[]",
      "null",
      huge,
      { lines: "all", option: 1 },
      { lines: [{ variantId: `${gid}' OR '1'='1`, quantity: 1 }], option: pickupOptionOf("wickerPark") },
      { lines: [{ variantId: "gid://shopify/ProductVariant/".padEnd(5000, "9"), quantity: 1 }], option: {} },
      {
        lines: [{ variantId: "gid://shopify/ProductVariant/99999999999999999999", quantity: 1 }],
        option: pickupOptionOf("wickerPark"),
      },
      {
        lines: [{ variantId: gid, quantity: 1 }],
        option: { name: "x".repeat(300), address: { address1: huge.slice(0, 3000) } },
      },
      {
        lines: [{ variantId: gid, quantity: 1 }],
        option: { name: "__proto__", address: { address1: "constructor", city: "", countryCode: "" } },
      },
      { lines: [{ variantId: gid, quantity: -1 }], option: pickupOptionOf("wickerPark") },
    ];
    const tokens = [undefined, null, "not.a.jwt", tokenFor("evil.myshopify.com"), tokenFor(shop, "forged")];

    it("finds the route files", () => {
      expect(files).toContain(AVAILABILITY);
    });

    it.each(files)("%s never answers a 5xx, and always with CORS headers", async (file) => {
      const module = (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
      const statuses: number[] = [];
      for (const token of tokens) {
        for (const method of ["GET", "OPTIONS"]) {
          if (!module.loader) continue;
          const response = await call(file, checkoutRequest({ method, token }));
          statuses.push(response.status);
          expect(response.headers.get("Access-Control-Allow-Origin"), `${file} ${method}`).toBe("*");
        }
        if (!module.action) continue;
        for (const body of bodies) {
          const response = await call(file, checkoutRequest({ body, token }));
          statuses.push(response.status);
          expect(response.headers.get("Access-Control-Allow-Origin"), `${file} POST`).toBe("*");
        }
      }
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
    });
  });
});
