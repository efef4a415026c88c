// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { choose, click, eventually, settle, type, withText } from "../test-support/dom";
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
