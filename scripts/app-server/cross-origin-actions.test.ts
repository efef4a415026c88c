import { describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { crossOriginActionRefusal, pageRouteMatcher } from "./cross-origin-actions";

/** A build's routes as Remix lists them: the root and the app layout render; the APIs do not. */
function buildWith(routes: { id: string; parentId?: string; path?: string; index?: boolean; page: boolean }[]) {
  return {
    routes: Object.fromEntries(
      routes.map(({ id, parentId, path, index, page }) => [
        id,
        { id, parentId, path, index, caseSensitive: undefined, module: page ? { default: () => null } : {} },
      ]),
    ),
  } as unknown as Pick<ServerBuild, "routes">;
}

const isPageRoute = pageRouteMatcher(
  buildWith([
    { id: "root", path: "", page: true },
    { id: "routes/app", parentId: "root", path: "app", page: true },
    { id: "routes/app._index", parentId: "routes/app", index: true, page: true },
    { id: "routes/app.locations", parentId: "routes/app", path: "locations", page: true },
    { id: "routes/pickup.$token", parentId: "root", path: "pickup/:token", page: true },
    { id: "routes/api.checkout.pickup-pass", parentId: "root", path: "api/checkout/pickup-pass", page: false },
    { id: "routes/webhooks.orders.create", parentId: "root", path: "webhooks/orders/create", page: false },
  ]),
);

function post(path: string, headers: Record<string, string>, method = "POST"): Request {
  return new Request(`http://127.0.0.1:3000${path}`, { method, headers: { host: "app.example.com", ...headers } });
}

describe("an action sent to a page from another origin", () => {
  it("is refused with 403 for a page, where Remix would answer 500", () => {
    const refused = crossOriginActionRefusal(post("/pickup/abc", { origin: "https://evil.example" }), isPageRoute);
    expect(refused?.status).toBe(403);
    expect(crossOriginActionRefusal(post("/app/locations", { origin: "null" }), isPageRoute)?.status).toBe(403);
    expect(
      crossOriginActionRefusal(post("/no/such/page", { origin: "https://evil.example" }), isPageRoute)?.status,
    ).toBe(403);
  });

  it("is refused with 400 when its Origin is not a URL", () => {
    expect(crossOriginActionRefusal(post("/app/locations", { origin: "garbage" }), isPageRoute)?.status).toBe(400);
  });

  it("passes from the page's own origin, also behind a proxy that sets X-Forwarded-Host", () => {
    expect(
      crossOriginActionRefusal(post("/pickup/abc", { origin: "https://app.example.com" }), isPageRoute),
    ).toBeNull();
    const proxied = post("/app/locations", {
      origin: "https://shop-app.example.com",
      "x-forwarded-host": "shop-app.example.com, internal",
    });
    expect(crossOriginActionRefusal(proxied, isPageRoute)).toBeNull();
  });

  it("passes without an Origin, for reads, for data requests and for resource routes called across origins", () => {
    const evil = { origin: "https://checkout.shopify.com" };
    expect(crossOriginActionRefusal(post("/app/locations", {}), isPageRoute)).toBeNull();
    expect(crossOriginActionRefusal(post("/app/locations", evil, "GET"), isPageRoute)).toBeNull();
    expect(crossOriginActionRefusal(post("/app/locations.data", evil), isPageRoute)).toBeNull();
    expect(crossOriginActionRefusal(post("/api/checkout/pickup-pass", evil), isPageRoute)).toBeNull();
    expect(crossOriginActionRefusal(post("/webhooks/orders/create", evil), isPageRoute)).toBeNull();
  });
});
