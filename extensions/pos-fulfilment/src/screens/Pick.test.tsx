// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { banner, bannerHeadings, choose, click, eventually, field, settle, type, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

const MUG = {
  lineItemId: "line-mug",
  sku: "MUG-BLUE",
  barcode: "0123456789012",
  title: "Stoneware mug",
  variantTitle: "Blue",
  imageUrl: "https://cdn.example/mug.png",
  quantity: 2,
  picked: 0,
  binLocation: { code: "Aisle 4, Bin 12", confirmedAt: new Date().toISOString() },
};

function pickingTask() {
  return aTask({ id: "t1", state: "PICKING", lines: [{ ...MUG }], units: 2 });
}

function progress(): string {
  return withText("s-badge", "picked").textContent ?? "";
}

describe("picking", () => {
  it("shows each line with its image, variant, bin location and progress", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() => expect(progress()).toBe("0 of 2 picked"));
    expect(withText("s-text", "Stoneware mug")).toBeTruthy();
    expect(withText("s-text", "Blue")).toBeTruthy();
    expect(withText("s-text", "Aisle 4").textContent).toBe("Aisle 4, Bin 12 · confirmed just now");
    expect(document.body.querySelector("s-image")?.getAttribute("src")).toBe("https://cdn.example/mug.png");
  });

  it("picks a line when its barcode is scanned", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    await pos.scan("0123456789012");

    await eventually(() => expect(progress()).toBe("1 of 2 picked"));
    const [scan] = pos.server.posts("/scan");
    expect(scan?.path).toBe("/api/pos/tasks/t1/scan");
    expect(scan?.body).toMatchObject({ code: "0123456789012", staffMemberId: 1 });
    expect(scan?.body?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not take the scan made before the screen opened as a new one", async () => {
    pos.scanner.set({ data: "0123456789012", source: "camera" });
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(pos.scanner.observed).toBe(true));

    expect(progress()).toBe("0 of 2 picked");
    expect(pos.server.posts("/scan")).toHaveLength(0);
  });

  it("shows the server's sentence when the wrong item is scanned", async () => {
    pos.server.add(pickingTask());
    pos.server.catalogue.set("999", "Linen tea towel");
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    await pos.scan("999");

    await eventually(() => expect(bannerHeadings()).toContain("Wrong item"));
    expect(banner("Wrong item").textContent).toBe("That's Linen tea towel: it is not on this order");
    expect(progress()).toBe("0 of 2 picked");
  });

  it("checks a barcode typed by hand like a scan", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    type(field("Or type the barcode"), " MUG-BLUE ");
    await settle();
    click("s-button", "Check item");

    await eventually(() => expect(progress()).toBe("1 of 2 picked"));
    expect(pos.server.posts("/scan")[0]?.body?.code).toBe("MUG-BLUE");
  });

  it("starts picking at the first scan of a new order", async () => {
    pos.server.add(aTask({ id: "t1", state: "NEW", lines: [{ ...MUG }], units: 2 }));
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    await pos.scan("0123456789012");

    await eventually(() => expect(progress()).toBe("1 of 2 picked"));
    expect(pos.server.posts().map((request) => request.path)).toEqual([
      "/api/pos/tasks/t1/transition",
      "/api/pos/tasks/t1/scan",
    ]);
    expect(pos.server.posts("/transition")[0]?.body?.to).toBe("PICKING");
  });

  it("needs a reason to confirm a line without scanning it", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    click("s-button", "Confirm without scanning");
    await settle();
    click("s-button", "Confirm picked");
    await settle();

    expect(withText("s-text", "Choose why").textContent).toBe("Choose why you are confirming without a scan.");
    expect(pos.server.posts()).toHaveLength(0);

    choose(document.body.querySelector("s-choice-list")!, "LABEL_UNREADABLE");
    await settle();
    click("s-button", "Confirm picked");

    await eventually(() => expect(progress()).toBe("2 of 2 picked"));
    expect(pos.server.posts("/confirm-line")[0]?.body).toMatchObject({
      lineItemId: "line-mug",
      quantity: 2,
      reason: "LABEL_UNREADABLE",
    });
  });

  it("shows the pick time against the store's target once picking has started", async () => {
    const started = new Date(Date.now() - 95_000).toISOString();
    pos.server.add(aTask({ id: "t1", state: "PICKING", pickStartedAt: started, pickTargetSeconds: 360 }));
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() =>
      expect(withText("s-text", "Pick time").textContent).toMatch(/^Pick time 1:3\d · target 6:00$/),
    );
    expect(withText("s-text", "Pick time").getAttribute("tone")).toBe("success");
  });

  it("turns the pick time critical past the target", async () => {
    const started = new Date(Date.now() - 400_000).toISOString();
    pos.server.add(aTask({ id: "t1", state: "PICKING", pickStartedAt: started, pickTargetSeconds: 360 }));
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() => expect(withText("s-text", "Pick time").getAttribute("tone")).toBe("critical"));
  });

  it("goes on to packing when every item is picked", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING", lines: [{ ...MUG, picked: 2 }], units: 2 }));
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() => click("s-button", "Continue to packing"));

    expect(pos.navigations).toEqual([{ url: "Pack", state: { screen: "Pack", taskId: "t1" } }]);
  });

  it("opens the problem report for a line", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() => click("s-button", "Report a problem"));

    expect(pos.navigations).toEqual([
      { url: "Exception", state: { screen: "Exception", taskId: "t1", lineItemId: "line-mug" } },
    ]);
  });
});

describe("picking without a connection", () => {
  it("keeps a scan made offline, says so, and sends it when POS is back online", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    pos.goOffline();
    await pos.scan("0123456789012");

    await eventually(() =>
      expect(bannerHeadings()).toEqual(expect.arrayContaining(["You're offline", "1 action waiting to send"])),
    );
    expect(pos.server.posts()).toHaveLength(0);

    pos.goOnline();

    await eventually(() => expect(progress()).toBe("1 of 2 picked"));
    expect(pos.server.posts("/scan")).toHaveLength(1);
    expect(bannerHeadings()).not.toContain("1 action waiting to send");
  });

  it("keeps an unanswered action and resends it with the same requestId, to one effect", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    pos.server.failNext("unreachable");
    await pos.scan("0123456789012");

    await eventually(() => expect(bannerHeadings()).toContain("No answer from Omniroute"));
    expect(banner("No answer from Omniroute").textContent).toContain("Can't reach Omniroute");

    click("s-button", "Try again");

    await eventually(() => expect(progress()).toBe("1 of 2 picked"));
    const [lost, resent] = pos.server.posts("/scan");
    expect(resent?.body?.requestId).toBe(lost?.body?.requestId);
  });

  it("keeps an action the server refused the login for, and asks to sign in again", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    pos.server.failNext({ status: 401, body: { code: "UNAUTHORIZED", message: "Invalid session token" } });
    await pos.scan("0123456789012");

    await eventually(() => expect(bannerHeadings()).toContain("Sign in again"));
    expect(bannerHeadings()).toContain("1 action waiting to send");
  });
});

describe("where the item is", () => {
  it("says how long ago the bin was confirmed", async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString();
    pos.server.add(
      aTask({
        id: "t1",
        state: "PICKING",
        lines: [{ ...MUG, binLocation: { code: "Aisle 4, Bin 12", confirmedAt: threeDaysAgo } }],
      }),
    );
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() =>
      expect(withText("s-text", "Aisle 4").textContent).toBe("Aisle 4, Bin 12 · confirmed 3 days ago"),
    );
  });

  it("records where the picker found an item, and shows it as the line's bin", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    click("s-button", "Found it elsewhere");
    await settle();
    type(field("Where did you find it?"), "  Aisle 7,   Bin 3 ");
    await settle();
    click("s-button", "Save location");

    await eventually(() =>
      expect(withText("s-text", "Aisle 7").textContent).toBe("Aisle 7, Bin 3 · confirmed just now"),
    );
    const [found] = pos.server.posts("/bin-location");
    expect(found?.path).toBe("/api/pos/tasks/t1/bin-location");
    expect(found?.body).toMatchObject({ lineItemId: "line-mug", code: "Aisle 7, Bin 3", staffMemberId: 1 });
    expect(found?.body?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("asks where before sending, and shows the server's refusal", async () => {
    pos.server.add(pickingTask());
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    click("s-button", "Found it elsewhere");
    await settle();
    click("s-button", "Save location");
    await settle();

    expect(withText("s-text", "Enter where").textContent).toBe(
      "Enter where you found it, for example Aisle 4, Bin 12.",
    );
    expect(pos.server.posts()).toHaveLength(0);

    pos.server.failNext({
      status: 400,
      body: { code: "INVALID", message: "code: Start with a letter or a digit", field: "code" },
    });
    type(field("Where did you find it?"), "#7");
    await settle();
    click("s-button", "Save location");

    await eventually(() => expect(bannerHeadings()).toContain("Check what you entered"));
    expect(banner("Check what you entered").textContent).toBe("code: Start with a letter or a digit");
  });

  it("offers no new bin for an item without a SKU: bins are kept by SKU", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING", lines: [{ ...MUG, sku: null }] }));
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(progress()).toBe("0 of 2 picked"));

    expect(document.body.textContent).not.toContain("Found it elsewhere");
  });
});
