// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { banner, click, eventually, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

const line = (picked: number) => ({
  lineItemId: "line-1",
  sku: "TEE-M",
  barcode: "111",
  title: "Linen shirt",
  variantTitle: "M",
  imageUrl: null,
  quantity: 2,
  picked,
  binLocation: null,
});

describe("packing", () => {
  it("lists what to pack and moves a pickup on to staging", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING", lines: [line(2)], units: 2 }));
    await pos.open({ screen: "Pack", taskId: "t1" });

    await eventually(() => expect(withText("s-text", "Linen shirt").textContent).toBe("2 × Linen shirt — M"));
    click("s-button", "Items packed");

    await eventually(() =>
      expect(pos.navigations).toEqual([{ url: "Stage", state: { screen: "Stage", taskId: "t1" } }]),
    );
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ to: "PACKED", staffMemberId: 1 });
  });

  it("moves a ship-from-store order on to shipping", async () => {
    pos.server.add(aTask({ id: "t1", kind: "SHIP", state: "PICKING", lines: [line(2)], units: 2 }));
    await pos.open({ screen: "Pack", taskId: "t1" });

    await eventually(() => click("s-button", "Items packed"));

    await eventually(() => expect(pos.navigations).toEqual([{ url: "Ship", state: { screen: "Ship", taskId: "t1" } }]));
  });

  it("shows the server's sentence when the order can't be packed yet", async () => {
    pos.server.add(aTask({ id: "t1", state: "PICKING", lines: [line(1)], units: 2 }));
    await pos.open({ screen: "Pack", taskId: "t1" });

    await eventually(() => click("s-button", "Items packed"));

    await eventually(() =>
      expect(banner("Can't do that now").textContent).toBe("Pick every item before packing (1 of 2 picked)"),
    );
    expect(pos.navigations).toEqual([]);
  });
});
