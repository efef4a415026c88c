import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTask } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { signSessionToken } from "../../dev/emulator/session-token";
import { startTestEmulator } from "../../tests/support/emulator";
import {
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  stockOneSku,
} from "../../tests/support/routing-app";
import { TEST_APP } from "../../tests/support/shopify-app";

/**
 * The POS API (app/routes/api.pos.*) as the extension calls it: a POS session token, the
 * device's location, JSON in and out, CORS on every answer. Every api.pos route file is swept
 * with hostile input, so a new one is covered by existing.
 */

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

let emulator: RunningEmulator;
let prisma: PrismaClient;
let stopJobQueue: () => Promise<void>;
let stock: RoutingStock;
let task: StoreTask;

const ORIGIN = "https://extensions.shopifycdn.com";
const numeric = (gid: string) => gid.replace(/^.*\//, "");

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  const { syncFulfillmentOrderTasks } = await import("~/services/store-tasks/sync-fulfillment-order.server");
  await installShop(emulator);
  stock = stockOneSku(emulator);
  await mirrorInventory(emulator);
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 1 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncFulfillmentOrderTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) });
  task = await prisma.storeTask.findFirstOrThrow({ where: { shop: emulator.shop, orderId: numeric(order.id) } });
}, 30_000);

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

function tokenFor(shop: string, secret: string = TEST_APP.apiSecret): string {
  return signSessionToken({ shop, apiKey: TEST_APP.apiKey, userId: "9001", now: new Date() }, secret);
}

interface Call {
  method?: string;
  path: string;
  query?: Record<string, string>;
  body?: string | object;
  token?: string | null;
}

function posRequest({ method = "GET", path: pathname, query = {}, body, token }: Call): Request {
  const url = new URL(`${TEST_APP.appUrl}${pathname}`);
  for (const [name, value] of Object.entries({ locationId: stock.pickupStore.id, ...query }))
    url.searchParams.set(name, value);
  const headers = new Headers({ Origin: ORIGIN });
  const bearer = token === undefined ? tokenFor(emulator.shop) : token;
  if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  return new Request(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function route(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
}

async function call(file: string, request: Request, params: Record<string, string> = {}): Promise<Response> {
  const module = await route(file);
  const handler = request.method === "GET" || request.method === "OPTIONS" ? module.loader : module.action;
  if (!handler) throw new Error(`${file} has no handler for ${request.method}`);
  try {
    return await handler({ request, params, context: {} });
  } catch (thrown) {
    // Remix sends a thrown Response as the answer.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const TRANSITION = "api.pos.tasks.$taskId.transition.ts";
const DETAIL = "api.pos.tasks.$taskId.ts";

describe("the POS API", () => {
  it("answers the task with the contract's shape for the store's own session", async () => {
    const response = await call(DETAIL, posRequest({ path: `/api/pos/tasks/${task.id}` }), { taskId: task.id });

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { task: shown } = (await response.json()) as { task: Record<string, unknown> };
    expect(shown).toMatchObject({
      id: task.id,
      orderName: task.orderName,
      kind: "PICKUP",
      state: "NEW",
      customerName: "Ada Lovelace",
      units: 1,
      lineCount: 1,
      pending: null,
      pickTargetSeconds: 360,
      requireIdCheck: false,
      lines: [expect.objectContaining({ sku: stock.sku, quantity: 1, picked: 0 })],
    });
    expect(shown).not.toHaveProperty("pickupCode");
  });

  it("refuses a request without a token, or with a forged one, with 401 and CORS headers", async () => {
    const missing = await call(DETAIL, posRequest({ path: `/api/pos/tasks/${task.id}`, token: null }), {
      taskId: task.id,
    });
    const forged = await call(
      DETAIL,
      posRequest({ path: `/api/pos/tasks/${task.id}`, token: tokenFor(emulator.shop, "not-the-app-secret") }),
      { taskId: task.id },
    );

    for (const response of [missing, forged]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("answers the CORS preflight of a POST route from its loader", async () => {
    const response = await call(
      TRANSITION,
      posRequest({ method: "OPTIONS", path: `/api/pos/tasks/${task.id}/transition`, token: null }),
    );

    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("finds no task for another shop's session, or at another of the shop's stores", async () => {
    const otherShop = await call(
      DETAIL,
      posRequest({ path: `/api/pos/tasks/${task.id}`, token: tokenFor("someone-else.myshopify.com") }),
      { taskId: task.id },
    );
    const otherStore = await call(
      DETAIL,
      posRequest({ path: `/api/pos/tasks/${task.id}`, query: { locationId: stock.shipStore.id } }),
      { taskId: task.id },
    );
    const moved = await call(
      TRANSITION,
      posRequest({
        method: "POST",
        path: `/api/pos/tasks/${task.id}/transition`,
        query: { locationId: stock.shipStore.id },
        body: { requestId: crypto.randomUUID(), to: "PICKING" },
      }),
      { taskId: task.id },
    );

    for (const response of [otherShop, otherStore, moved]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } })).state).toBe("NEW");
  });

  it("refuses hostile input with 400 naming the field, and records nothing", async () => {
    const bodies = [
      { requestId: crypto.randomUUID(), to: "SHIPPED; DROP TABLE" },
      { requestId: "not-a-uuid", to: "PICKING" },
      { requestId: crypto.randomUUID(), to: "STAGED", bin: "x".repeat(500) },
      { requestId: crypto.randomUUID(), to: "PICKING", staffMemberId: "12abc" },
    ];
    const fields: unknown[] = [];
    for (const body of bodies) {
      const response = await call(
        TRANSITION,
        posRequest({ method: "POST", path: `/api/pos/tasks/${task.id}/transition`, body }),
        { taskId: task.id },
      );
      expect(response.status).toBe(400);
      fields.push(((await response.json()) as { field?: string }).field);
    }
    expect(fields).toEqual(["to", "requestId", "bin", "staffMemberId"]);
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task.id } })).toBe(1);
  });

  it("takes the staff member's id as a number, and records the token's user beside it", async () => {
    const response = await call(
      TRANSITION,
      posRequest({
        method: "POST",
        path: `/api/pos/tasks/${task.id}/transition`,
        body: { requestId: crypto.randomUUID(), to: "PICKING", staffMemberId: 4242 },
      }),
      { taskId: task.id },
    );

    expect(response.status).toBe(200);
    const event = await prisma.storeTaskEvent.findFirstOrThrow({ where: { taskId: task.id, toState: "PICKING" } });
    expect([event.staffMemberId, event.userId]).toEqual(["4242", "9001"]);
  });

  it("records where the picker found an item as its bin at the store, and answers the task showing it", async () => {
    const line = await prisma.storeTaskLine.findFirstOrThrow({ where: { taskId: task.id } });
    const body = { requestId: crypto.randomUUID(), lineItemId: line.lineItemId, code: " Aisle 9,  Bin 2" };

    const response = await call(
      "api.pos.tasks.$taskId.bin-location.ts",
      posRequest({ method: "POST", path: `/api/pos/tasks/${task.id}/bin-location`, body }),
      { taskId: task.id },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { task: shown } = (await response.json()) as { task: { lines: { binLocation: unknown }[] } };
    expect(shown.lines[0]?.binLocation).toEqual({ code: "Aisle 9, Bin 2", confirmedAt: expect.any(String) });
    const bin = await prisma.itemBinLocation.findFirstOrThrow({
      where: { shop: emulator.shop, locationId: stock.pickupStore.id, sku: stock.sku },
    });
    expect([bin.code, bin.source]).toEqual(["Aisle 9, Bin 2", "PICKER"]);
  });

  describe("every api.pos route, swept with hostile input", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((file) => /^api\.pos\..*\.ts$/.test(file) && !file.endsWith(".test.ts"));
    const huge = "é".repeat(200_000);
    const ids = [crypto.randomUUID(), "../../etc/passwd", "x".repeat(5000), "1' OR '1'='1"];
    const bodies: (string | object)[] = [
      "{not json",
      "",
      "[]",
      "null",
      { requestId: 42, code: [], to: {}, lineItemId: -1, quantity: "lots", reason: null, handover: "yes" },
      { requestId: crypto.randomUUID(), code: huge, orderName: huge, lastName: huge, note: huge, bin: huge },
      {
        requestId: crypto.randomUUID(),
        to: "READY",
        lineItemId: "99999999999",
        quantity: 1,
        reason: "NO_BARCODE",
        code: "X",
      },
    ];
    const queries: Record<string, string>[] = [
      {},
      { locationId: "not-a-number" },
      { locationId: "9".repeat(40) },
      { view: "EVERYTHING", orderId: huge.slice(0, 3000), staffMemberId: "-1" },
      { orderId: "123456789" },
    ];

    it("finds the route files", () => {
      expect(files.length).toBeGreaterThanOrEqual(9);
    });

    it.each(files)("%s never answers a 5xx, and always with CORS headers", async (file) => {
      const urlPath = (id: string) =>
        `/${file
          .replace(/\.ts$/, "")
          .replace(/\$taskId/, encodeURIComponent(id))
          .split(".")
          .join("/")}`;
      const module = await route(file);
      const statuses: number[] = [];
      for (const id of [...ids, task.id]) {
        for (const query of queries) {
          if (module.loader) {
            const response = await call(file, posRequest({ path: urlPath(id), query }), { taskId: id });
            statuses.push(response.status);
            expect(response.headers.get("Access-Control-Allow-Origin"), `${file} GET`).toBe("*");
          }
        }
        if (!module.action) continue;
        for (const body of bodies) {
          const response = await call(file, posRequest({ method: "POST", path: urlPath(id), body }), { taskId: id });
          statuses.push(response.status);
          expect(response.headers.get("Access-Control-Allow-Origin"), `${file} POST`).toBe("*");
        }
      }
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
    });
  });
});
