import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PICKUP_VARIANTS, seedPickupShop } from "../../tests/support/checkout-pickup";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";

/**
 * The storefront's API (app/routes/apps.omniroute.*) as the theme's block calls it through the
 * shop's App Proxy: Shopify forwards the GET with `shop`, `logged_in_customer_id`, `path_prefix`
 * and `timestamp` added and the whole query signed (HMAC-SHA256 with the app's secret, hex, of the
 * parameters sorted by name as `name=value` with nothing between them). Every apps.omniroute
 * route file is swept with hostile input, so a new one is covered.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const AVAILABILITY = "apps.omniroute.pickup-availability.ts";
let shop: string;
/** Has the app installed, and no catalogue. */
let otherShop: string;
/** Has a catalogue in the mirror, and no offline session (uninstalled). */
let uninstalledShop: string;

beforeAll(async () => {
  const { prisma } = await import("~/db.server");
  shop = uniqueShop();
  otherShop = uniqueShop();
  uninstalledShop = uniqueShop();
  await seedPickupShop(prisma, shop);
  await seedPickupShop(prisma, uninstalledShop);
  for (const installed of [shop, otherShop]) {
    await prisma.session.create({
      data: { id: `offline_${installed}`, shop: installed, state: "s", accessToken: "shpat_test" },
    });
  }
});

/** Shopify's app proxy signature of `parameters` (each repeated name's values joined by commas). */
function proxySignature(parameters: URLSearchParams, secret: string): string {
  const names = [...new Set(parameters.keys())].filter((name) => name !== "signature").sort();
  const message = names.map((name) => `${name}=${parameters.getAll(name).join(",")}`).join("");
  return crypto.createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

interface Proxied {
  query?: Record<string, string> | string;
  forShop?: string;
  secret?: string;
  /** Seconds since the epoch; Shopify's time by default. */
  timestamp?: number;
  /** false: sent without a signature. */
  signed?: boolean;
  /** Changed after signing. */
  tamper?: (parameters: URLSearchParams) => void;
}

function proxyRequest({
  query = {},
  forShop = shop,
  secret = TEST_APP.apiSecret,
  timestamp = Math.floor(Date.now() / 1000),
  signed = true,
  tamper,
}: Proxied): Request {
  const parameters = new URLSearchParams(query);
  parameters.set("shop", forShop);
  parameters.set("logged_in_customer_id", "");
  parameters.set("path_prefix", "/apps/omniroute");
  parameters.set("timestamp", String(timestamp));
  if (signed) parameters.set("signature", proxySignature(parameters, secret));
  tamper?.(parameters);
  return new Request(`${TEST_APP.appUrl}/apps/omniroute/pickup-availability?${parameters}`, {
    headers: { Accept: "application/json" },
  });
}

async function call(file: string, request: Request): Promise<Response> {
  const module = (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
  if (!module.loader) throw new Error(`${file} has no loader`);
  try {
    return await module.loader({ request, params: {}, context: {} });
  } catch (thrown) {
    // Remix sends a thrown Response as the answer.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

interface StoreJson {
  name: string;
  status: string;
  distanceMiles: number | null;
  headline: string | null;
  shortfall: string | null;
  unitsInStock: number | null;
}
interface AnswerJson {
  zip: string | null;
  sortedBy: string;
  message: string | null;
  stores: StoreJson[];
}

const tee = { variantId: PICKUP_VARIANTS.tee.variantId };
const cap = { variantId: PICKUP_VARIANTS.cap.variantId };

describe("the product page's pickup availability (App Proxy)", () => {
  it("lists the stores offering pickup nearest the shopper's ZIP first, each with its promise", async () => {
    // 60614 is Lincoln Park's ZIP; Wicker Park is about 2 miles off, Evanston about 9.
    const response = await call(AVAILABILITY, proxyRequest({ query: { ...cap, zip: "60614" } }));

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const answer = (await response.json()) as AnswerJson;
    expect(answer).toMatchObject({ zip: "60614", sortedBy: "DISTANCE", message: null });
    expect(answer.stores.map((store) => store.name)).toEqual(["Lincoln Park", "Wicker Park", "Evanston"]);
    const miles = answer.stores.map((store) => store.distanceMiles ?? Infinity);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    expect(miles[0]).toBeLessThan(1);
    const [lincolnPark, wickerPark] = answer.stores;
    expect(lincolnPark).toMatchObject({
      status: "AVAILABLE",
      unitsInStock: 3,
      headline: expect.stringMatching(/^Ready /),
    });
    // One cap at Wicker Park is under the store minimum of 3: routing would not send it there.
    expect(wickerPark).toMatchObject({ status: "UNAVAILABLE", headline: null, shortfall: expect.any(String) });
  });

  it("never lists a location without pickup (the warehouse), and lists at most `limit` stores", async () => {
    const all = (await (await call(AVAILABILITY, proxyRequest({ query: tee }))).json()) as AnswerJson;
    const two = (await (
      await call(AVAILABILITY, proxyRequest({ query: { ...tee, limit: "2" } }))
    ).json()) as AnswerJson;

    expect(all.stores.map((store) => store.name)).not.toContain("Warehouse");
    expect(two.stores).toHaveLength(2);
  });

  it("lists stores by name without a ZIP, and with a ZIP it cannot place says so", async () => {
    const none = (await (await call(AVAILABILITY, proxyRequest({ query: tee }))).json()) as AnswerJson;
    const unknown = (await (
      await call(AVAILABILITY, proxyRequest({ query: { ...tee, zip: "00000" } }))
    ).json()) as AnswerJson;
    const canadian = (await (
      await call(AVAILABILITY, proxyRequest({ query: { ...tee, zip: "M5V 3L9" } }))
    ).json()) as AnswerJson;

    for (const answer of [none, unknown, canadian]) {
      expect(answer.sortedBy).toBe("NAME");
      expect(answer.stores.map((store) => store.name)).toEqual(["Evanston", "Lincoln Park", "Wicker Park"]);
      expect(answer.stores.every((store) => store.distanceMiles === null)).toBe(true);
    }
    expect(none.message).toBeNull();
    expect(unknown.message).toMatch(/couldn't find ZIP code 00000/);
    expect(canadian.message).toMatch(/M5V 3L9/);
  });

  it("takes the variant as Liquid's numeric id or as a GID, and a quantity beyond a store's stock", async () => {
    const byGid = (await (
      await call(
        AVAILABILITY,
        proxyRequest({ query: { variantId: PICKUP_VARIANTS.tee.gid, quantity: "5", zip: "60622" } }),
      )
    ).json()) as AnswerJson;

    const status = Object.fromEntries(byGid.stores.map((store) => [store.name, store.status]));
    expect(status).toEqual({ "Wicker Park": "AVAILABLE", "Lincoln Park": "UNAVAILABLE", Evanston: "AVAILABLE" });
  });

  it("refuses an unsigned, forged, altered or stale request with 401, before reading anything", async () => {
    const requests = [
      proxyRequest({ query: tee, signed: false }),
      proxyRequest({ query: tee, secret: "not-the-app-secret" }),
      proxyRequest({ query: tee, tamper: (parameters) => parameters.set("shop", otherShop) }),
      proxyRequest({ query: tee, tamper: (parameters) => parameters.set("quantity", "2") }),
      proxyRequest({ query: tee, timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      // Shopify signs a repeated parameter's values joined by commas; the library checks its last
      // value only, so such a query never verifies (the block never sends one).
      proxyRequest({ query: `variantId=${tee.variantId}&variantId=102` }),
    ];
    for (const request of requests) {
      const response = await call(AVAILABILITY, request);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("refuses a shop that has uninstalled the app with 401, although its mirror is still there", async () => {
    const response = await call(AVAILABILITY, proxyRequest({ query: tee, forShop: uninstalledShop }));

    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toContain("Wicker Park");
  });

  it("answers another shop's request for this shop's variant as unknown, showing none of this shop's stores", async () => {
    const response = await call(AVAILABILITY, proxyRequest({ query: { ...tee, zip: "60614" }, forShop: otherShop }));

    expect(response.status).toBe(404);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("UNKNOWN_VARIANT");
    expect(body).not.toMatch(/Wicker Park|Lincoln Park|Evanston/);
  });

  it("refuses hostile input with 400 naming the parameter", async () => {
    const queries: [Record<string, string> | string, string][] = [
      [{}, "variantId"],
      [{ variantId: "gid://shopify/Product/101" }, "variantId"],
      [{ variantId: "0" }, "variantId"],
      [{ ...tee, quantity: "0" }, "quantity"],
      [{ ...tee, quantity: "1000" }, "quantity"],
      [{ ...tee, quantity: "1.5" }, "quantity"],
      [{ ...tee, limit: "11" }, "limit"],
      [{ ...tee, zip: "<script>" }, "zip"],
    ];
    for (const [query, field] of queries) {
      const response = await call(AVAILABILITY, proxyRequest({ query }));
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID", field });
    }
  });

  describe("every apps.omniroute route, swept with hostile input", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((file) => /^apps\.omniroute\..*\.ts$/.test(file) && !file.endsWith(".test.ts"));
    const huge = "é".repeat(20_000);
    const queries: (Record<string, string> | string)[] = [
      "",
      "variantId",
      "variantId=&quantity=&zip=&limit=",
      { variantId: huge },
      { variantId: `${tee.variantId}' OR '1'='1` },
      { variantId: "99999999999999999999" },
      { variantId: "9".repeat(5000) },
      { ...tee, quantity: "-1" },
      { ...tee, quantity: "1e3" },
      { ...tee, zip: huge },
      { ...tee, zip: "__proto__" },
      { ...tee, limit: "0" },
      "variantId=101&__proto__=1&constructor=2",
      "variantId=%E0%A4%A&zip=%00",
      { ...tee, zip: "60614" },
    ];
    const signings: Omit<Proxied, "query">[] = [
      {},
      { signed: false },
      { secret: "forged" },
      { forShop: otherShop },
      { forShop: "evil.example.com" },
      { forShop: "" },
      { timestamp: 0 },
    ];

    it("finds the route files", () => {
      expect(files).toContain(AVAILABILITY);
    });

    it.each(files)("%s never answers a 5xx, and always JSON", async (file) => {
      const statuses: number[] = [];
      for (const signing of signings) {
        for (const query of queries) {
          const response = await call(file, proxyRequest({ ...signing, query }));
          statuses.push(response.status);
          expect(response.headers.get("Content-Type"), `${file} ${JSON.stringify(query)}`).toMatch(
            /^application\/json/,
          );
        }
      }
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      expect(statuses).toContain(200);
    });
  });
});
