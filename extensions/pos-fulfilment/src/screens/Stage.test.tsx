// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { click, eventually, field, settle, type, valueOf } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

describe("staging", () => {
  it("stages the order in a typed bin and moves on to marking it ready", async () => {
    pos.server.add(aTask({ id: "t1", state: "PACKED" }));
    await pos.open({ screen: "Stage", taskId: "t1" });

    await eventually(() => type(field("Bin or shelf"), " A3 "));
    await settle();
    click("s-button", "Stage here");

    await eventually(() =>
      expect(pos.navigations).toEqual([{ url: "Ready", state: { screen: "Ready", taskId: "t1" } }]),
    );
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ to: "STAGED", bin: "A3" });
    expect(pos.server.task("t1").bin).toBe("A3");
  });

  it("takes the bin from a scanned label", async () => {
    pos.server.add(aTask({ id: "t1", state: "PACKED" }));
    await pos.open({ screen: "Stage", taskId: "t1" });
    await eventually(() => field("Bin or shelf"));

    await pos.scan("SHELF-B7");
    await settle();

    expect(valueOf(field("Bin or shelf"))).toBe("SHELF-B7");
    click("s-button", "Stage here");
    await eventually(() => expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ bin: "SHELF-B7" }));
  });

  it("asks for a bin before sending anything", async () => {
    pos.server.add(aTask({ id: "t1", state: "PACKED" }));
    await pos.open({ screen: "Stage", taskId: "t1" });

    await eventually(() => click("s-button", "Stage here"));
    await settle();

    expect(field("Bin or shelf").getAttribute("error")).toBe("Type or scan the bin or shelf code.");
    expect(pos.server.posts()).toHaveLength(0);
  });
});
