import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../dev/emulator/server";
import { signSessionToken } from "../../dev/emulator/session-token";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { TEST_APP } from "../../tests/support/shopify-app";

/**
 * Every admin page (app/routes/app.*), swept with what a client could send instead of what the
 * page sends: garbage in the query and in route parameters, and bodies that are no form (JSON,
 * nothing, a broken multipart, a form of nonsense). A page answers 4xx or shows itself; never a
 * 5xx. A new admin route joins the sweep by existing.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const ROUTES_DIR = "app/routes";
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
}, 30_000);

afterAll(async () => {
  await emulator.close();
});

/** The admin route modules: `app.x.tsx` files and `app.x/route.tsx` folders, tests left out. */
function adminRouteFiles(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((entry) => /^app[.]/.test(entry) && !entry.includes(".test."))
    .map((entry) => {
      const full = path.join(ROUTES_DIR, entry);
      return fs.statSync(full).isDirectory() ? path.join(entry, "route.tsx") : entry;
    })
    .filter((file) => fs.existsSync(path.join(ROUTES_DIR, file)));
}

/** Every `$name` of the route's path, given a hostile value. */
function hostileParams(file: string, value: string): Record<string, string> {
  return Object.fromEntries([...file.matchAll(/\$(\w+)/g)].map((match) => [match[1]!, value]));
}

async function statusOf(handler: Handler, request: Request, params: Record<string, string>): Promise<number> {
  try {
    const answer = await handler({ request, params, context: {} });
    return answer instanceof Response ? answer.status : 200;
  } catch (thrown) {
    // Remix answers a thrown Response with itself; anything else thrown is its 500.
    if (thrown instanceof Response) return thrown.status;
    return 500;
  }
}

const HOSTILE_VALUES = ["garbage", "' OR '1'='1", "%00", "9".repeat(40), "../../etc/passwd", "<script>x</script>"];

const boundary = "----omniroute-sweep";
const HOSTILE_BODIES: { contentType: string | null; body: string }[] = [
  { contentType: null, body: "" },
  { contentType: "application/json", body: JSON.stringify({ intent: "save", locationId: "1" }) },
  { contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-da` },
  { contentType: "multipart/form-data", body: "no boundary" },
  { contentType: "application/x-www-form-urlencoded", body: "intent=%E0%A4%A&locationId=%00&=&&&" },
  {
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({
      intent: "retry-dead-letter",
      id: "garbage",
      orderId: "' OR 1=1",
      kind: "?",
    }).toString(),
  },
];

describe("every admin route, swept with hostile input", () => {
  const files = adminRouteFiles();

  it("finds the admin routes", () => {
    expect(files).toEqual(expect.arrayContaining(["app.orders._index.tsx", "app.locations/route.tsx"]));
  });

  it.each(files)("%s never answers a 5xx", async (file) => {
    const module = (await import(/* @vite-ignore */ path.resolve(ROUTES_DIR, file))) as RouteModule;
    const auth = { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` };
    const failures: string[] = [];
    for (const value of HOSTILE_VALUES) {
      const params = hostileParams(file, value);
      if (module.loader) {
        const query = new URLSearchParams({ cursor: value, status: value, flag: value, moves: value, period: value });
        const request = new Request(`${TEST_APP.appUrl}/app?${query.toString()}`, { headers: auth });
        const status = await statusOf(module.loader, request, params);
        if (status >= 500) failures.push(`GET ${value} → ${status}`);
      }
    }
    if (module.action) {
      for (const { contentType, body } of HOSTILE_BODIES) {
        const headers = new Headers(auth);
        if (contentType) headers.set("Content-Type", contentType);
        const request = new Request(`${TEST_APP.appUrl}/app`, { method: "POST", headers, body });
        const status = await statusOf(module.action, request, hostileParams(file, "garbage"));
        if (status >= 500) failures.push(`POST ${contentType ?? "no type"} ${body.slice(0, 30)} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  /** Who calls without a valid session: no token, garbage, another app's, an expired one, on any query. */
  function unauthenticatedRequests(method: "GET" | "POST"): { name: string; request: Request }[] {
    const shop = emulator.shop;
    const expired = signSessionToken(
      { shop, apiKey: TEST_APP.apiKey, now: new Date(Date.now() - 3_600_000) },
      TEST_APP.apiSecret,
    );
    const forged = signSessionToken({ shop, apiKey: TEST_APP.apiKey, now: new Date() }, "not-the-app-secret");
    const cases: { name: string; query: string; authorization?: string }[] = [
      { name: "embedded, no token, a bad host", query: `embedded=1&shop=${shop}&host=x` },
      { name: "embedded, no token, no host", query: `embedded=1&shop=${shop}` },
      { name: "a shop that is no shop", query: "embedded=1&shop=evil.example.com&host=x" },
      { name: "an id_token of garbage", query: `embedded=1&shop=${shop}&host=x&id_token=garbage` },
      { name: "a bearer of garbage", query: "", authorization: "Bearer garbage" },
      { name: "a forged bearer", query: "", authorization: `Bearer ${forged}` },
      { name: "an expired bearer", query: "", authorization: `Bearer ${expired}` },
      { name: "repeated and empty parameters", query: `shop=&shop=${shop}&host=&embedded=1&embedded=0` },
    ];
    return cases.map(({ name, query, authorization }) => {
      const headers = new Headers(authorization ? { Authorization: authorization } : {});
      if (method === "POST") headers.set("Content-Type", "application/x-www-form-urlencoded");
      const init: RequestInit = method === "POST" ? { method, headers, body: "intent=save" } : { headers };
      return { name, request: new Request(`${TEST_APP.appUrl}/app?${query}`, init) };
    });
  }

  it.each(files)(
    "%s answers a caller without a valid session with a 4xx or a redirect, never a 5xx or the page",
    async (file) => {
      const module = (await import(/* @vite-ignore */ path.resolve(ROUTES_DIR, file))) as RouteModule;
      const failures: string[] = [];
      for (const [method, handler] of [
        ["GET", module.loader],
        ["POST", module.action],
      ] as const) {
        if (!handler) continue;
        for (const { name, request } of unauthenticatedRequests(method)) {
          const status = await statusOf(handler, request, hostileParams(file, "garbage"));
          if (status >= 500 || (status >= 200 && status < 300)) failures.push(`${method} ${name} → ${status}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
