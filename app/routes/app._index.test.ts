import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { loader as dashboardLoader } from "./app._index";

let emulator: RunningEmulator;
// The app's modules are imported once the emulator is listening: the environment (and so
// the Shopify client's target) is read when they first load.
let loader: typeof dashboardLoader;
let prisma: PrismaClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app._index"));
  ({ prisma } = await import("~/db.server"));
});

afterAll(async () => {
  await emulator.close();
});

function dashboardRequest(token: string): Request {
  return new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${token}` } });
}

describe("the dashboard", () => {
  it("authenticates a new shop by token exchange, then shows the shop, its locations and the app's health", async () => {
    const shop = emulator.shop;
    expect(await prisma.session.count({ where: { shop } })).toBe(0);

    const data = await loader({ request: dashboardRequest(sessionTokenFor(shop)), params: {}, context: {} });

    expect(data.overview).toEqual({
      ok: true,
      detail: { name: "Windy City Outfitters", domain: shop, timezone: "America/Chicago", activeLocations: 13 },
    });
    expect(data.health.database.ok).toBe(true);
    // The install queued the shop's first inventory sync (no workers run in this test).
    expect(data.health.jobQueue).toEqual({
      ok: true,
      detail: { waiting: 1, active: 0, retrying: 0, failed: 0, deadLettered: 0 },
    });
    const session = await prisma.session.findFirstOrThrow({ where: { shop } });
    expect(session.refreshToken).toBeTruthy();
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.shopInstallation.count({ where: { shop } })).toBe(1);
  });

  it("refuses a request whose session token was signed with another secret", async () => {
    const [header, payload] = sessionTokenFor(emulator.shop).split(".");
    const forged = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
    const outcome = await loader({ request: dashboardRequest(forged), params: {}, context: {} }).catch(
      (thrown: unknown) => thrown,
    );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(401);
  });
});
