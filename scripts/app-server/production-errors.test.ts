import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRequestHandler } from "./app-server";

/**
 * What a failing page tells its caller: in production, that something went wrong and nothing of
 * the failure (its message, its stack, the files it ran through); in development, everything.
 * A one-route build whose loader throws stands in for the app's.
 */

const SECRET = "connection to db.internal:5432 refused for omniroute_app";

function failingBuild(mode: "production" | "development"): ServerBuild {
  // What the document would render and hand the browser: the errors, and the state sent for hydration.
  const document = (
    _request: Request,
    status: number,
    headers: Headers,
    context: { staticHandlerContext: { errors: unknown }; serverHandoffString?: string },
  ) =>
    new Response(
      `<html><body>${JSON.stringify(context.staticHandlerContext.errors)}${context.serverHandoffString ?? ""}</body></html>`,
      {
        status,
        headers: { ...Object.fromEntries(headers), "Content-Type": "text/html" },
      },
    );
  // The fields Remix reads of a build; the rest of the type is Vite's and unused here.
  return {
    mode,
    entry: { module: { default: document } },
    routes: {
      root: {
        id: "root",
        path: "",
        module: {
          default: () => null,
          loader: () => {
            throw new Error(SECRET);
          },
        },
      },
    },
    assets: { entry: { module: "/entry.js", imports: [] }, routes: {}, url: "/manifest.js", version: "1" },
    basename: "/",
    publicPath: "/build/",
    assetsBuildDirectory: "build/client",
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function fail(mode: "production" | "development", url: string): Promise<{ status: number; body: string }> {
  const handle = appRequestHandler({ build: failingBuild(mode), mode });
  const response = await handle(new Request(url));
  return { status: response.status, body: await response.text() };
}

describe("a page that fails", () => {
  // The server logs the failure for its operator: expected here, kept out of the test report.
  beforeAll(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it.each(["http://app.test/?_data=root", "http://app.test/"])(
    "shows nothing of the failure in production (%s)",
    async (url) => {
      const { status, body } = await fail("production", url);
      expect(status).toBe(500);
      expect(body).not.toContain(SECRET);
      expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(body).toContain("Unexpected Server Error");
    },
  );

  it("shows the failure to a developer", async () => {
    const { status, body } = await fail("development", "http://app.test/?_data=root");
    expect(status).toBe(500);
    expect(body).toContain(SECRET);
  });
});
