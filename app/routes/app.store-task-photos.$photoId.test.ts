import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { TEST_APP } from "../../tests/support/shopify-app";
import { uniqueShop } from "../../tests/support/shops";
import type { loader as photoLoader } from "./app.store-task-photos.$photoId";

/** A store photo served to the merchant's admin: its own shop's only, as the image it is. */

let emulator: RunningEmulator;
let loader: typeof photoLoader;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.store-task-photos.$photoId"));
});

afterAll(async () => {
  await emulator.close();
});

async function seedPhoto(shop: string): Promise<string> {
  const { prisma } = await import("~/db.server");
  const task = await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(crypto.randomInt(1e9)),
      orderId: "880100",
      orderName: "#880100",
      locationId: "1001",
      kind: "LOCAL_DELIVERY",
      state: "DELIVERED",
      pickupCode: `P${crypto.randomInt(1e6)}`,
      assignedAt: new Date(),
    },
  });
  const photo = await prisma.storeTaskPhoto.create({
    data: {
      shop,
      taskId: task.id,
      purpose: "DELIVERY",
      contentType: "image/jpeg",
      bytes: Uint8Array.from(JPEG),
      width: 1,
      height: 1,
      takenAt: new Date(),
      clientRequestId: crypto.randomUUID(),
    },
  });
  return photo.id;
}

async function load(photoId: string): Promise<Response> {
  try {
    return await loader({
      request: new Request(`${TEST_APP.appUrl}/app/store-task-photos/${encodeURIComponent(photoId)}`, {
        headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
      }),
      params: { photoId },
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("a store photo in the admin", () => {
  it("is the image, typed by its row, kept out of shared caches and never sniffed as anything else", async () => {
    const id = await seedPhoto(emulator.shop);

    const response = await load(id);

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/jpeg");
    expect(response.headers.get("Cache-Control")).toMatch(/^private\b/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it("is not found for another shop's photo, an unknown id or a bad one", async () => {
    const elsewhere = await seedPhoto(uniqueShop());

    for (const id of [elsewhere, crypto.randomUUID(), "../../etc/passwd", "1' OR '1'='1", "x".repeat(5000)]) {
      const response = await load(id);
      expect(response.status, id.slice(0, 40)).toBe(404);
      expect(response.headers.get("Content-Type")).not.toMatch(/^image\//);
    }
  });

  it("needs the admin's session", async () => {
    const id = await seedPhoto(emulator.shop);
    let response: Response;
    try {
      response = await loader({
        request: new Request(`${TEST_APP.appUrl}/app/store-task-photos/${id}`),
        params: { photoId: id },
        context: {},
      });
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }

    expect(response.headers.get("Content-Type") ?? "").not.toMatch(/^image\//);
    expect(response.status).not.toBe(200);
  });
});
