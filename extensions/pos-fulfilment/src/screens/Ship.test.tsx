// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { bannerHeadings, click, eventually, field, settle, type } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

describe("shipping from the store", () => {
  it("ships with the carrier and a scanned tracking number", async () => {
    pos.server.add(aTask({ id: "t1", kind: "SHIP", state: "PACKED" }));
    await pos.open({ screen: "Ship", taskId: "t1" });

    await eventually(() => type(field("Carrier"), "UPS"));
    await pos.scan("1Z999AA10123456784");
    await settle();
    click("s-button", "Mark shipped");

    await eventually(() => expect(pos.server.task("t1").state).toBe("SHIPPED"));
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({
      to: "SHIPPED",
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
    });
  });

  it("asks for a carrier and a tracking number before sending", async () => {
    pos.server.add(aTask({ id: "t1", kind: "SHIP", state: "PACKED" }));
    await pos.open({ screen: "Ship", taskId: "t1" });

    await eventually(() => click("s-button", "Mark shipped"));
    await settle();

    expect(field("Carrier").getAttribute("error")).toBe("Enter the carrier, for example UPS.");
    expect(field("Tracking number").getAttribute("error")).toBe("Type or scan the tracking number.");
    expect(pos.server.posts()).toHaveLength(0);
  });

  it("hands a local delivery to a courier, then marks it delivered", async () => {
    pos.server.add(aTask({ id: "t1", kind: "LOCAL_DELIVERY", state: "PACKED" }));
    await pos.open({ screen: "Ship", taskId: "t1" });

    await eventually(() => type(field("Courier's name"), "Ana"));
    type(field("Tracking link (optional)"), "http://track.example/1");
    await settle();
    click("s-button", "Hand to courier");
    await settle();
    expect(field("Tracking link (optional)").getAttribute("error")).toBe("A tracking link starts with https://");

    type(field("Tracking link (optional)"), "https://track.example/1");
    await settle();
    click("s-button", "Hand to courier");
    await eventually(() => expect(pos.server.task("t1").state).toBe("OUT_FOR_DELIVERY"));
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({
      courierName: "Ana",
      trackingUrl: "https://track.example/1",
    });

    await eventually(() => click("s-button", "Mark delivered"));
    await eventually(() => expect(pos.server.task("t1").state).toBe("DELIVERED"));
  });
});

describe("proof of a local delivery", () => {
  const PHOTO = { base64: "iVBORw0KGgo=", width: 960, height: 1280, fileSize: 8, type: "image/png" };

  it("marks it delivered, then sends the photo taken as proof", async () => {
    pos.server.add(aTask({ id: "t1", kind: "LOCAL_DELIVERY", state: "OUT_FOR_DELIVERY" }));
    await pos.open({ screen: "Ship", taskId: "t1" });
    pos.nextPhoto = PHOTO;

    await eventually(() => click("s-button", "Add photo"));
    await eventually(() => expect(document.body.querySelector("s-image")?.getAttribute("src")).toContain("image/png"));
    click("s-button", "Mark delivered");

    await eventually(() => expect(pos.server.photos).toEqual([expect.objectContaining({ purpose: "DELIVERY" })]));
    expect(pos.server.posts().map((request) => request.path)).toEqual([
      "/api/pos/tasks/t1/transition",
      "/api/pos/tasks/t1/photos",
    ]);
    expect(pos.server.task("t1").state).toBe("DELIVERED");
  });

  it("is optional: cancelling the camera still lets the delivery be marked, without a photo", async () => {
    pos.server.add(aTask({ id: "t1", kind: "LOCAL_DELIVERY", state: "OUT_FOR_DELIVERY" }));
    await pos.open({ screen: "Ship", taskId: "t1" });
    pos.nextPhoto = new Error("User cancelled");

    await eventually(() => click("s-button", "Add photo"));
    await settle();
    click("s-button", "Mark delivered");

    await eventually(() => expect(pos.server.task("t1").state).toBe("DELIVERED"));
    expect(pos.server.posts("/photos")).toHaveLength(0);
    expect(bannerHeadings()).toEqual([]);
  });

  it("refused by Omniroute, says why on the screen while the delivery stands", async () => {
    pos.server.add(aTask({ id: "t1", kind: "LOCAL_DELIVERY", state: "OUT_FOR_DELIVERY" }));
    await pos.open({ screen: "Ship", taskId: "t1" });
    pos.nextPhoto = PHOTO;
    pos.server.failNextTo("/photos", {
      status: 400,
      body: { code: "INVALID", message: "The photo is not a JPEG or PNG image: take it again", field: "base64" },
    });

    await eventually(() => click("s-button", "Add photo"));
    await settle();
    click("s-button", "Mark delivered");

    await eventually(() => expect(bannerHeadings()).toContain("Check what you entered"));
    expect(pos.server.task("t1").state).toBe("DELIVERED");
    expect(pos.server.photos).toHaveLength(0);
  });
});
