import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { signSessionToken } from "../../dev/emulator/session-token";
import { seedMirror } from "../../tests/support/mirror";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";
import { action } from "./api.pos.tasks.$taskId.photos";

/**
 * POST /api/pos/tasks/:taskId/photos as the extension sends it: the Camera API's base64 in JSON,
 * answered with the task and the photo, or a refusal the associate can read, with CORS headers.
 */

const shop = uniqueShop();
const ORIGIN = "https://extensions.shopifycdn.com";
let taskId: string;

/** A 1×1 PNG, as a camera would never take but any decoder reads. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

beforeAll(async () => {
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
  ]);
  const task = await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: "7001",
      orderId: "9001",
      orderName: "#1001",
      locationId: "1",
      kind: "PICKUP",
      state: "PICKING",
      pickupCode: "PHOTOR1",
      assignedAt: new Date(),
      lines: { create: [{ shop, lineItemId: "11", position: 0, sku: "MUG", title: "Mug", quantity: 1 }] },
    },
  });
  taskId = task.id;
});

function post(body: string | object, id = taskId): Promise<Response> {
  const token = signSessionToken(
    { shop, apiKey: TEST_APP.apiKey, userId: "9001", now: new Date() },
    TEST_APP.apiSecret,
  );
  const request = new Request(`${TEST_APP.appUrl}/api/pos/tasks/${id}/photos?locationId=1`, {
    method: "POST",
    headers: { Origin: ORIGIN, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return action({ request, params: { taskId: id }, context: {} });
}

const photo = (overrides: object = {}) => ({
  requestId: crypto.randomUUID(),
  staffMemberId: 501,
  purpose: "EXCEPTION",
  base64: PNG_1X1,
  width: 1,
  height: 1,
  type: "image/png",
  ...overrides,
});

describe("a photo sent from POS", () => {
  it("is kept and answered with the task and the photo, twice the same for one request", async () => {
    const body = photo();

    const first = await post(body);
    const again = await post(body);

    expect(first.status).toBe(200);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const answer = (await first.json()) as { task: { id: string }; photo: { id: string; purpose: string } };
    expect(answer.task.id).toBe(taskId);
    expect(answer.photo.purpose).toBe("EXCEPTION");
    expect(((await again.json()) as { photo: unknown }).photo).toEqual(answer.photo);
    const rows = await prisma.storeTaskPhoto.findMany({ where: { shop, clientRequestId: body.requestId } });
    expect(rows.map((row) => [row.contentType, row.staffMemberId])).toEqual([["image/png", "501"]]);
  });

  it("larger than the route takes is a 413 with CORS headers, before anything is read", async () => {
    const response = await post(photo({ base64: "A".repeat(3 * 1024 * 1024) }));

    expect(response.status).toBe(413);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toEqual({ code: "TOO_LARGE", message: "The request is too large" });
  });

  it("refuses what is not a photo with 400 naming the field", async () => {
    const cases: [object, string][] = [
      [photo({ type: "image/gif" }), "type"],
      [photo({ base64: `data:image/png;base64,${PNG_1X1}` }), "base64"],
      [photo({ base64: Buffer.from("<html></html>").toString("base64") }), "base64"],
      [photo({ width: 0 }), "width"],
      [photo({ purpose: "SELFIE" }), "purpose"],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.status, field).toBe(400);
      expect(((await response.json()) as { field?: string }).field).toBe(field);
    }
  });

  it("finds no task that is not at the device's store", async () => {
    const response = await post(photo(), crypto.randomUUID());

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
