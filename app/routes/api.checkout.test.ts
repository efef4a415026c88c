import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { signSessionToken } from "../../dev/emulator/session-token";
import { PICKUP_VARIANTS, pickupOptionOf, seedPickupShop } from "../../tests/support/checkout-pickup";
import { shippedOrderFacts } from "../../tests/support/order-facts";
import { seedPickupTask } from "../../tests/support/pickup-tasks";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";

/**
 * The checkout's API (app/routes/api.checkout.*, and api.customer-account.* for the order status
 * page) as the checkout extension calls it: the surface's session token (HS256 with the app's
 * secret, `dest` the shop), JSON in and out, CORS on every answer. Every such route file is swept
 * with hostile input, so a new one is covered.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const ORIGIN = "https://checkout.shopify.com";
const AVAILABILITY = "api.checkout.pickup-availability.ts";
const THANK_YOU_PASS = "api.checkout.pickup-pass.ts";
const ORDER_STATUS_PASS = "api.customer-account.pickup-pass.ts";
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

  describe("every api.checkout and api.customer-account route, swept with hostile input", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((file) => /^api\.(checkout|customer-account)\..*\.ts$/.test(file) && !file.endsWith(".test.ts"));
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
      { orderId: "gid://shopify/Order/1' OR '1'='1", confirmationNumber: "X" },
      { orderId: "gid://shopify/Order/99999999999999999999", confirmationNumber: "A".repeat(32) },
      { orderId: "gid://shopify/Order/1", confirmationNumber: huge },
      { orderId: "gid://shopify/Order/1", confirmationNumber: "<script>" },
      { orderId: ["gid://shopify/Order/1"], confirmationNumber: null },
    ];
    const tokens = [undefined, null, "not.a.jwt", tokenFor("evil.myshopify.com"), tokenFor(shop, "forged")];

    it("finds the route files", () => {
      expect(files).toEqual(expect.arrayContaining([AVAILABILITY, THANK_YOU_PASS, ORDER_STATUS_PASS]));
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

describe("the pickup pass API of the thank-you and order status pages", () => {
  let orderNumber = 5000;

  /** A pickup order the app has heard of, with Shopify's confirmation number, and (unless `routed: false`) its task at Wicker Park. */
  async function pickupOrder(options: { routed?: boolean; deliveryMethod?: "PICK_UP" | "SHIPPING" | null } = {}) {
    const { prisma } = await import("~/db.server");
    const { upsertOrderFacts } = await import("~/models/routed-orders.server");
    const orderId = String(++orderNumber);
    const confirmationNumber = `K${orderId}QX7P`;
    const deliveryMethod = options.deliveryMethod === undefined ? "PICK_UP" : options.deliveryMethod;
    await upsertOrderFacts(
      prisma,
      shop,
      shippedOrderFacts(orderId, {
        deliveryMethod,
        pickupLocationId: deliveryMethod === "PICK_UP" ? "1" : null,
        confirmationNumber,
      }),
      "WEBHOOK",
    );
    const task =
      options.routed === false
        ? null
        : await seedPickupTask(prisma, shop, { orderId, locationId: "1", orderName: `#${orderId}` });
    return { orderId, confirmationNumber, gid: `gid://shopify/Order/${orderId}`, task };
  }

  const passRequest = (body: object, token?: string | null) =>
    checkoutRequest({ path: "/api/checkout/pickup-pass", body, token });

  it("shows the thank-you page the order's pass: store, status, code and what its QR code holds, and the pass link", async () => {
    const order = await pickupOrder();

    const response = await call(
      THANK_YOU_PASS,
      passRequest({ orderId: order.gid, confirmationNumber: order.confirmationNumber }),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const answer = (await response.json()) as Record<string, unknown>;
    const code = order.task!.pickupCode;
    expect(answer).toMatchObject({
      state: "PASS",
      orderName: `#${order.orderId}`,
      passUrl: expect.stringMatching(new RegExp(`^${TEST_APP.appUrl}/pickup/`)),
      stores: [
        {
          locationId: "1",
          storeName: "Wicker Park",
          status: "PREPARING",
          statusLabel: "Preparing your order",
          readyBy: expect.stringMatching(/M/),
          qrPayload: `omniroute:pickup:${code}`,
        },
      ],
    });
    expect(JSON.stringify(answer)).not.toContain("Ada");
  });

  it("answers the order status page's customer account token the same way", async () => {
    const order = await pickupOrder();

    const response = await call(
      ORDER_STATUS_PASS,
      checkoutRequest({
        path: "/api/customer-account/pickup-pass",
        body: { orderId: order.gid, confirmationNumber: order.confirmationNumber.toLowerCase() },
      }),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: "PASS", stores: [{ storeName: "Wicker Park" }] });
  });

  it("is a 404 for a wrong confirmation number, an unknown order and another shop's session, saying nothing of the order", async () => {
    const order = await pickupOrder();
    const answers = [
      await call(THANK_YOU_PASS, passRequest({ orderId: order.gid, confirmationNumber: "WRONG1234" })),
      await call(
        THANK_YOU_PASS,
        passRequest({ orderId: "gid://shopify/Order/987654321", confirmationNumber: "K1QX7P" }),
      ),
      await call(
        THANK_YOU_PASS,
        passRequest(
          { orderId: order.gid, confirmationNumber: order.confirmationNumber },
          tokenFor("someone-else.myshopify.com"),
        ),
      ),
    ];

    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ code: "ORDER_NOT_FOUND" });
      expect(body).not.toContain("Wicker Park");
    }
  });

  it("says PENDING for a pickup order no store has taken yet, and NO_PICKUP for a shipped one", async () => {
    const waiting = await pickupOrder({ routed: false });
    const unknownMethod = await pickupOrder({ routed: false, deliveryMethod: null });
    const shipped = await pickupOrder({ routed: false, deliveryMethod: "SHIPPING" });

    const stateOf = async (order: { gid: string; confirmationNumber: string }) => {
      const response = await call(
        THANK_YOU_PASS,
        passRequest({ orderId: order.gid, confirmationNumber: order.confirmationNumber }),
      );
      return ((await response.json()) as { state: string }).state;
    };

    expect(await stateOf(waiting)).toBe("PENDING");
    expect(await stateOf(unknownMethod)).toBe("PENDING");
    expect(await stateOf(shipped)).toBe("NO_PICKUP");
  });

  it("shows a collected order as collected, without its code", async () => {
    const { prisma } = await import("~/db.server");
    const order = await pickupOrder();
    await prisma.storeTask.update({
      where: { id: order.task!.id },
      data: { state: "PICKED_UP", completedAt: new Date() },
    });

    const response = await call(
      THANK_YOU_PASS,
      passRequest({ orderId: order.gid, confirmationNumber: order.confirmationNumber }),
    );

    expect(await response.json()).toMatchObject({
      state: "PASS",
      stores: [{ status: "COLLECTED", statusLabel: "Collected", pickupCode: null, qrPayload: null }],
    });
  });
});
