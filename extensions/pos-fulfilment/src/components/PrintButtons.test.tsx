// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { banner, bannerHeadings, click, eventually, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

describe("printing a task's paper", () => {
  it("prints the pick list from the link the server signs for this task", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(withText("s-button", "Print pick list")).toBeTruthy());

    click("s-button", "Print pick list");

    await eventually(() => expect(pos.printed).toEqual(["/print/store-task?token=signed-t1-PICK_LIST"]));
    const [asked] = pos.server.requests.filter((request) => request.path.endsWith("/print-link"));
    expect(asked?.path).toBe("/api/pos/tasks/t1/print-link");
    expect(asked?.query.get("document")).toBe("PICK_LIST");
    expect(asked?.query.get("locationId")).toBe("1");
    expect(asked?.authorization).toBe("Bearer mock-session-token");
  });

  it("prints the packing slip from the task and from packing", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Pack", taskId: "t1" });
    await eventually(() => expect(withText("s-button", "Print packing slip")).toBeTruthy());
    expect(document.body.textContent).not.toContain("Print pick list");

    click("s-button", "Print packing slip");

    await eventually(() => expect(pos.printed).toEqual(["/print/store-task?token=signed-t1-PACKING_SLIP"]));
  });

  it("says why nothing printed when the server refuses the link", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(withText("s-button", "Print pick list")).toBeTruthy());
    pos.server.failNext({ status: 404, body: { code: "NOT_FOUND", message: "This order is not at this store" } });

    click("s-button", "Print pick list");

    await eventually(() => expect(bannerHeadings()).toContain("Not printed"));
    expect(banner("Not printed").textContent).toBe("This order is not at this store");
    expect(pos.printed).toEqual([]);
  });

  it("says so when POS cannot print, and prints on the next press", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING" }));
    await pos.open({ screen: "Task", taskId: "t1" });
    await eventually(() => expect(withText("s-button", "Print packing slip")).toBeTruthy());
    pos.printFailure = new Error("printer not connected");

    click("s-button", "Print packing slip");

    await eventually(() => expect(bannerHeadings()).toContain("Not printed"));
    expect(banner("Not printed").textContent).toBe("POS could not print it. Check the printer, then try again.");

    click("s-button", "Print packing slip");

    await eventually(() => expect(pos.printed).toEqual(["/print/store-task?token=signed-t1-PACKING_SLIP"]));
    expect(bannerHeadings()).not.toContain("Not printed");
  });
});
