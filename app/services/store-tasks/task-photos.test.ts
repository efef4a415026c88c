import crypto from "node:crypto";
import type { StoreTaskKind, StoreTaskState } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { PHOTO_MAX_BYTES } from "~/domain/store-tasks/task-photo";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { storeTimelineOfOrder } from "./order-timeline.server";
import type { PosCaller } from "./pos-outcome";
import { addTaskPhoto, taskPhotoImage, type TaskPhotoInput } from "./task-photos.server";

/** Photos from POS: an exception's item, a delivery's proof, kept once per request and per shop. */

const shop = uniqueShop();
const neighbour = uniqueShop();
const TAKEN = new Date("2026-11-30T15:05:00Z");

/** A JPEG's first bytes (SOI, then a JFIF APP0 marker), padded to `size`. */
function jpeg(size = 2_000): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(bytes);
  return bytes;
}

beforeAll(async () => {
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "2", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.7, lng: -88.07, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
  await seedMirror(prisma, neighbour, [
    { locationId: "1", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

let tasksMade = 0;

async function seedTask(
  options: { shop?: string; locationId?: string; kind?: StoreTaskKind; state?: StoreTaskState; orderId?: string } = {},
): Promise<string> {
  tasksMade += 1;
  const taskShop = options.shop ?? shop;
  const task = await prisma.storeTask.create({
    data: {
      shop: taskShop,
      fulfillmentOrderId: String(6000 + tasksMade),
      orderId: options.orderId ?? String(9100 + tasksMade),
      orderName: `#${1100 + tasksMade}`,
      locationId: options.locationId ?? "1",
      kind: options.kind ?? "PICKUP",
      state: options.state ?? "PICKING",
      pickupCode: `PHOTO${tasksMade}`,
      assignedAt: new Date("2026-11-30T15:00:00Z"),
      lines: { create: [{ shop: taskShop, lineItemId: "11", position: 0, sku: "MUG", title: "Mug", quantity: 1 }] },
    },
  });
  return task.id;
}

const caller = (locationId = "1", callerShop = shop): PosCaller => ({
  shop: callerShop,
  locationId,
  userId: "9001",
  staffMemberId: "501",
});

function photoInput(overrides: Partial<TaskPhotoInput> = {}): TaskPhotoInput {
  return {
    requestId: crypto.randomUUID(),
    purpose: "EXCEPTION",
    base64: jpeg().toString("base64"),
    width: 1280,
    height: 960,
    type: "image/jpeg",
    ...overrides,
  };
}

describe("a photo taken on POS", () => {
  it("is kept with the task, who took it and when, and answered with the task", async () => {
    const taskId = await seedTask();
    const input = photoInput();

    const outcome = await addTaskPhoto(caller(), taskId, input, TAKEN);

    expect(outcome).toMatchObject({
      ok: true,
      answer: { task: { id: taskId, state: "PICKING" }, photo: { purpose: "EXCEPTION", takenAt: TAKEN.toISOString() } },
    });
    const row = await prisma.storeTaskPhoto.findFirstOrThrow({ where: { shop, taskId } });
    expect(row).toMatchObject({
      purpose: "EXCEPTION",
      contentType: "image/jpeg",
      width: 1280,
      height: 960,
      staffMemberId: "501",
      takenAt: TAKEN,
      clientRequestId: input.requestId,
    });
    expect(Buffer.from(row.bytes).equals(jpeg())).toBe(true);
  });

  it("is kept once when the device sends the same request again, with the same answer", async () => {
    const taskId = await seedTask();
    const input = photoInput();

    const first = await addTaskPhoto(caller(), taskId, input, TAKEN);
    const again = await addTaskPhoto(caller(), taskId, input, new Date(TAKEN.getTime() + 60_000));
    const atOnce = await Promise.all([
      addTaskPhoto(caller(), taskId, input, TAKEN),
      addTaskPhoto(caller(), taskId, input, TAKEN),
    ]);

    expect(await prisma.storeTaskPhoto.count({ where: { shop, taskId } })).toBe(1);
    const photoOf = (outcome: typeof first) => (outcome.ok ? outcome.answer.photo : outcome.refusal);
    for (const replayed of [again, ...atOnce]) expect(photoOf(replayed)).toEqual(photoOf(first));
  });

  it("is refused with 413 over 1.5 MB, and nothing is kept", async () => {
    const taskId = await seedTask();

    const outcome = await addTaskPhoto(
      caller(),
      taskId,
      photoInput({ base64: jpeg(PHOTO_MAX_BYTES + 1).toString("base64") }),
    );

    expect(outcome).toEqual({
      ok: false,
      refusal: {
        status: 413,
        code: "TOO_LARGE",
        message: "The photo is larger than 1.5 MB: take it again",
        field: "base64",
      },
    });
    expect(await prisma.storeTaskPhoto.count({ where: { shop, taskId } })).toBe(0);
  });

  it("is refused when its bytes are not a JPEG or PNG, whatever the device called it", async () => {
    const taskId = await seedTask();
    const html = Buffer.from("<svg onload=alert(1)></svg>").toString("base64");

    const outcome = await addTaskPhoto(caller(), taskId, photoInput({ base64: html, type: "image/png" }));

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: "INVALID", field: "base64" } });
    expect(await prisma.storeTaskPhoto.count({ where: { shop, taskId } })).toBe(0);
  });

  it("finds no task at another store, in another shop, or at a location that is no store", async () => {
    const taskId = await seedTask({ locationId: "1" });
    const neighbourTask = await seedTask({ shop: neighbour, locationId: "1" });

    const outcomes = [
      await addTaskPhoto(caller("3"), taskId, photoInput()),
      await addTaskPhoto(caller("1", neighbour), taskId, photoInput()),
      await addTaskPhoto(caller("1"), neighbourTask, photoInput()),
      await addTaskPhoto(caller("2"), taskId, photoInput()),
      await addTaskPhoto(caller("1"), "not-a-task", photoInput()),
    ];

    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, refusal: { status: 404 } });
    expect(await prisma.storeTaskPhoto.count({ where: { taskId: { in: [taskId, neighbourTask] } } })).toBe(0);
  });

  it("refuses a request id already used for another order's photo", async () => {
    const first = await seedTask();
    const second = await seedTask();
    const input = photoInput();
    await addTaskPhoto(caller(), first, input);

    const outcome = await addTaskPhoto(caller(), second, input);

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, field: "requestId" } });
    expect(await prisma.storeTaskPhoto.count({ where: { shop, taskId: second } })).toBe(0);
  });

  it("as a delivery's proof, is for a local delivery out or delivered", async () => {
    const pickup = await seedTask({ kind: "PICKUP", state: "READY" });
    const packed = await seedTask({ kind: "LOCAL_DELIVERY", state: "PACKED" });
    const delivered = await seedTask({ kind: "LOCAL_DELIVERY", state: "DELIVERED" });

    const refusedPickup = await addTaskPhoto(caller(), pickup, photoInput({ purpose: "DELIVERY" }));
    const refusedPacked = await addTaskPhoto(caller(), packed, photoInput({ purpose: "DELIVERY" }));
    const kept = await addTaskPhoto(caller(), delivered, photoInput({ purpose: "DELIVERY" }));

    expect(refusedPickup).toMatchObject({ ok: false, refusal: { status: 400, field: "purpose" } });
    expect(refusedPacked).toMatchObject({ ok: false, refusal: { status: 409 } });
    expect(kept).toMatchObject({ ok: true, answer: { photo: { purpose: "DELIVERY" } } });
  });
});

describe("a photo for the merchant", () => {
  it("is served to its own shop only", async () => {
    const taskId = await seedTask();
    const outcome = await addTaskPhoto(caller(), taskId, photoInput());
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const { id } = outcome.answer.photo;

    const image = await taskPhotoImage(shop, id);

    expect(image?.contentType).toBe("image/jpeg");
    expect(Buffer.from(image!.bytes).equals(jpeg())).toBe(true);
    expect(await taskPhotoImage(neighbour, id)).toBeNull();
    expect(await taskPhotoImage(shop, "../../etc/passwd")).toBeNull();
  });

  it("shows on the order's store timeline, on the exception it was taken for", async () => {
    const taskId = await seedTask({ orderId: "97001", state: "EXCEPTION" });
    await prisma.storeTaskEvent.create({
      data: {
        shop,
        taskId,
        locationId: "1",
        at: new Date("2026-11-30T15:04:00Z"),
        fromState: "PICKING",
        toState: "EXCEPTION",
        staffMemberId: "501",
        detail: { kind: "EXCEPTION", lineItemId: "11", reason: "DAMAGED", note: null },
      },
    });
    const outcome = await addTaskPhoto(caller(), taskId, photoInput(), TAKEN);
    if (!outcome.ok) throw new Error(outcome.refusal.message);

    const [timeline] = await storeTimelineOfOrder(shop, "97001", "UTC");

    const { id } = outcome.answer.photo;
    expect(timeline?.steps.find((step) => step.photos)).toMatchObject({
      label: "Mug reported damaged",
      photos: [{ id, url: `/app/store-task-photos/${id}` }],
    });
    expect(timeline?.steps.filter((step) => step.photos)).toHaveLength(1);
  });
});
