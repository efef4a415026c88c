// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { host } from "../host";
import { aTask } from "../test-support/fake-pos-server";
import { banner, bannerHeadings, choose, click, eventually, settle, type, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

describe("reporting a problem with an item", () => {
  it("reports the line with its reason and note, and returns to the order", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    const back = vi.fn();
    navigation.back = back;

    await eventually(() => withText("s-choice", "Stoneware mug"));
    const [, reasons] = document.body.querySelectorAll<HTMLElement>("s-choice-list");
    choose(reasons!, "DAMAGED");
    type(document.body.querySelector<HTMLElement>("s-text-area")!, "  Chipped rim ");
    await settle();
    click("s-button", "Report problem");

    await eventually(() => expect(back).toHaveBeenCalledOnce());
    expect(pos.server.posts("/exception")[0]?.body).toMatchObject({
      lineItemId: "t1-line-1",
      reason: "DAMAGED",
      note: "Chipped rim",
    });
    expect(pos.server.task("t1").state).toBe("EXCEPTION");
  });

  it("needs to know what is wrong before reporting", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });

    await eventually(() => click("s-button", "Report problem"));
    await settle();

    expect(withText("s-text", "Choose what").textContent).toBe("Choose what is wrong with it.");
    expect(pos.server.posts()).toHaveLength(0);
  });
});

/** What POS's camera gives: a few bytes of a JPEG, as base64. */
const PHOTO = { base64: "/9j/4AAQSkZJRgABAQ==", width: 1280, height: 960, fileSize: 14, type: "image/jpeg" };

async function chooseDamaged(): Promise<void> {
  await eventually(() => withText("s-choice", "Stoneware mug"));
  const [, reasons] = document.body.querySelectorAll<HTMLElement>("s-choice-list");
  choose(reasons!, "DAMAGED");
  await settle();
}

async function takePhoto(): Promise<void> {
  click("s-button", "Add photo");
  await settle();
}

describe("a photo with the report", () => {
  it("is taken small, shown, and sent after the report with its own requestId", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    const back = vi.fn();
    navigation.back = back;
    pos.nextPhoto = PHOTO;

    await chooseDamaged();
    await takePhoto();

    await eventually(() =>
      expect(document.body.querySelector("s-image")?.getAttribute("src")).toBe(
        `data:image/jpeg;base64,${PHOTO.base64}`,
      ),
    );
    expect(pos.photoRequests).toEqual([{ maxWidth: 1280, maxHeight: 1280, quality: 0.6 }]);
    click("s-button", "Report problem");

    await eventually(() => expect(back).toHaveBeenCalledOnce());
    expect(pos.server.posts().map((request) => request.path)).toEqual([
      "/api/pos/tasks/t1/exception",
      "/api/pos/tasks/t1/photos",
    ]);
    const [report, upload] = pos.server.posts();
    expect(upload?.body).toMatchObject({ purpose: "EXCEPTION", ...{ base64: PHOTO.base64, width: 1280, height: 960 } });
    expect(upload?.body?.type).toBe("image/jpeg");
    expect(upload?.body?.requestId).not.toBe(report?.body?.requestId);
    expect(pos.server.photos).toHaveLength(1);
  });

  it("is not sent once removed", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    navigation.back = vi.fn();
    pos.nextPhoto = PHOTO;

    await chooseDamaged();
    await takePhoto();
    await eventually(() => click("s-button", "Remove"));
    await settle();

    expect(document.body.querySelector("s-image")).toBeNull();
    click("s-button", "Report problem");
    await eventually(() => expect(pos.server.posts("/exception")).toHaveLength(1));
    expect(pos.server.posts("/photos")).toHaveLength(0);
  });

  it("cancelled, says no photo was taken and keeps what the associate entered", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    navigation.back = vi.fn();
    const toast = vi.spyOn(host().toast, "show");
    pos.nextPhoto = new Error("User cancelled photo capture");

    await chooseDamaged();
    type(document.body.querySelector<HTMLElement>("s-text-area")!, "Cracked");
    await takePhoto();

    await eventually(() => expect(toast).toHaveBeenCalledWith("No photo taken"));
    expect(bannerHeadings()).toEqual([]);
    withText("s-button", "Add photo");
    click("s-button", "Report problem");
    await eventually(() => expect(pos.server.posts("/exception")[0]?.body).toMatchObject({ note: "Cracked" }));
    expect(pos.server.posts("/photos")).toHaveLength(0);
  });

  it("denied the camera, says how to allow it and lets the associate try again", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    pos.nextPhoto = new Error("Camera permission denied");

    await chooseDamaged();
    await takePhoto();

    await eventually(() => banner("POS may not use the camera. Allow it in the device's settings, then try again."));
    pos.nextPhoto = PHOTO;
    await takePhoto();
    await eventually(() => expect(document.body.querySelector("s-image")).not.toBeNull());
    expect(bannerHeadings()).toEqual([]);
  });

  it("on a device without a camera, is not offered", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    pos.nextPhoto = new Error("No camera available on this device");

    await chooseDamaged();
    await takePhoto();

    await eventually(() => withText("s-text", "This device has no camera"));
    expect([...document.body.querySelectorAll("s-button")].map((button) => button.textContent)).not.toContain(
      "Add photo",
    );
  });

  it("refused by Omniroute, still reports and says the photo was not saved", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    const back = vi.fn();
    navigation.back = back;
    const toast = vi.spyOn(host().toast, "show");
    pos.nextPhoto = PHOTO;

    await chooseDamaged();
    await takePhoto();
    await eventually(() => expect(document.body.querySelector("s-image")).not.toBeNull());
    pos.server.failNextTo("/photos", {
      status: 413,
      body: { code: "TOO_LARGE", message: "The photo is larger than 1.5 MB: take it again" },
    });
    click("s-button", "Report problem");

    await eventually(() => expect(back).toHaveBeenCalledOnce());
    expect(toast).toHaveBeenCalledWith(
      "Reported. Omniroute is finding another store for it. The photo was not saved: The photo is larger than 1.5 MB: take it again",
    );
    expect(pos.server.task("t1").state).toBe("EXCEPTION");
  });

  it("offline, waits on the device with the report and goes out after it", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    const back = vi.fn();
    navigation.back = back;
    pos.nextPhoto = PHOTO;

    await chooseDamaged();
    await takePhoto();
    pos.goOffline();
    await settle();
    click("s-button", "Report problem");

    await eventually(() => expect(bannerHeadings()).toContain("2 actions waiting to send"));
    expect(banner("2 actions waiting to send").textContent).toContain("Report Stoneware mug, Photo of Stoneware mug");
    expect(pos.server.posts()).toHaveLength(0);
    pos.goOnline();

    await eventually(() => expect(pos.server.photos).toHaveLength(1));
    expect(pos.server.posts().map((request) => request.path)).toEqual([
      "/api/pos/tasks/t1/exception",
      "/api/pos/tasks/t1/photos",
    ]);
    expect(pos.server.task("t1").state).toBe("EXCEPTION");
  });

  it("unanswered, is kept and sent again with the same requestId, to one photo", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Exception", taskId: "t1", lineItemId: "t1-line-1" });
    const back = vi.fn();
    navigation.back = back;
    pos.nextPhoto = PHOTO;

    await chooseDamaged();
    await takePhoto();
    pos.server.failNextTo("/photos", "unreachable");
    click("s-button", "Report problem");

    await eventually(() => expect(bannerHeadings()).toContain("No answer from Omniroute"));
    expect(bannerHeadings()).toContain("1 action waiting to send");
    expect(back).not.toHaveBeenCalled();
    click("s-button", "Try again");

    await eventually(() => expect(pos.server.photos).toHaveLength(1));
    const [lost, resent] = pos.server.posts("/photos");
    expect(resent?.body?.requestId).toBe(lost?.body?.requestId);
    expect(pos.server.posts("/exception")).toHaveLength(1);
  });
});
