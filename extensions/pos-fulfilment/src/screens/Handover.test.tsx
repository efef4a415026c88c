// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { banner, bannerHeadings, click, eventually, field, settle, type, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

function readyOrder(overrides = {}) {
  return aTask({ id: "t1", state: "READY", bin: "A3", pickupCode: "K7QX3M", customerName: "Jane Doe", ...overrides });
}

describe("handover", () => {
  it("finds the order by the pickup code the customer gives, and hands it over", async () => {
    pos.server.add(readyOrder());
    await pos.open({ screen: "Handover" });

    await eventually(() => type(field("Pickup code"), "k7qx3m"));
    await settle();
    click("s-button", "Find by code");

    await eventually(() => expect(withText("s-text", "Collect from bin").textContent).toBe("Collect from bin A3"));
    click("s-button", "Hand over");

    await eventually(() => expect(pos.server.task("t1").state).toBe("PICKED_UP"));
    expect(pos.server.posts("/handover/lookup")[0]?.body).toMatchObject({ code: "k7qx3m" });
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({
      to: "PICKED_UP",
      handover: { method: "PICKUP_CODE", idChecked: false },
    });
    await eventually(() => expect(bannerHeadings()).toContain("Handed over — telling Shopify"));
  });

  it("finds the order from the customer's scanned QR code", async () => {
    pos.server.add(readyOrder());
    await pos.open({ screen: "Handover" });
    await eventually(() => field("Pickup code"));

    await pos.scan("omniroute:pickup:K7QX3M");

    await eventually(() => expect(withText("s-text", "Collect from bin").textContent).toBe("Collect from bin A3"));
    click("s-button", "Hand over");
    await eventually(() =>
      expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ handover: { method: "QR" } }),
    );
  });

  it("finds the order by its number and the customer's last name", async () => {
    pos.server.add(readyOrder({ orderName: "#1042" }));
    await pos.open({ screen: "Handover" });

    await eventually(() => type(field("Order number"), "1042"));
    type(field("Last name"), "doe");
    await settle();
    click("s-button", "Search");

    await eventually(() => expect(withText("s-heading", "#1042").textContent).toBe("#1042 · Jane Doe"));
    expect(pos.server.posts("/handover/lookup")[0]?.body).toMatchObject({ orderName: "#1042", lastName: "doe" });
  });

  it("shows the server's sentence when no ready order matches", async () => {
    pos.server.add(readyOrder());
    await pos.open({ screen: "Handover" });

    await eventually(() => type(field("Pickup code"), "WRONG1"));
    await settle();
    click("s-button", "Find by code");

    await eventually(() => expect(banner("Not found").textContent).toBe("No order ready for pickup here matches"));
  });

  it("asks for the ID check the merchant requires before handing over", async () => {
    pos.server.add(readyOrder({ requireIdCheck: true }));
    await pos.open({ screen: "Handover" });
    await eventually(() => field("Pickup code"));
    await pos.scan("K7QX3M");

    await eventually(() => click("s-button", "Hand over"));
    await settle();

    expect(withText("s-text", "photo ID first").textContent).toBe("Check the customer's photo ID first.");
    expect(pos.server.posts("/transition")).toHaveLength(0);

    const idSwitch = document.body.querySelector("s-switch")!;
    Object.assign(idSwitch, { checked: true });
    idSwitch.dispatchEvent(new Event("change"));
    await settle();
    click("s-button", "Hand over");

    await eventually(() =>
      expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ handover: { method: "QR", idChecked: true } }),
    );
  });

  it("warns when the order found is not the one the associate opened", async () => {
    pos.server.add(readyOrder(), aTask({ id: "t2", state: "READY", orderName: "#1002", pickupCode: "ZZZZZZ" }));
    await pos.open({ screen: "Handover", taskId: "t2" });
    await eventually(() =>
      expect(withText("s-text", "Handing over").textContent).toBe("Handing over #1002 · Jane Doe"),
    );

    await pos.scan("K7QX3M");

    await eventually(() =>
      expect(banner("A different order").textContent).toBe(
        "This is #1001, not #1002. Hand over the order the customer showed.",
      ),
    );
  });
});
