// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Route } from "./routes";
import { aTask, FakePosServer } from "./test-support/fake-pos-server";
import { click, eventually, field, settle, type, withText } from "./test-support/dom";

/** The order screen's action: POS opens it from the order block's "Hand over". */
const extension = getExtension("pos.order-details.action.render");
let server: FakePosServer;
let navigations: unknown[];

function atScreen(state: Route | undefined): void {
  extension.navigation.currentEntry = {
    url: state?.screen ?? "",
    key: state?.screen ?? "first",
    getState: () => structuredClone(state),
  };
}

beforeEach(() => {
  extension.setUp();
  server = new FakePosServer();
  extension.fetch = server.fetch;
  extension.shopify.order.id = 5001;
  navigations = [];
  extension.navigation.navigate = async (_url, options) => {
    navigations.push(options?.state);
  };
  server.add(aTask({ id: "t1", orderName: "#1001", state: "READY", bin: "A3", pickupCode: "K7QX3M" }));
  server.orderTasks.set(5001, "t1");
});

afterEach(() => {
  render(null, document.body);
  extension.tearDown();
});

describe("the order's handover action", () => {
  it("opens on the handover of the order POS shows, then hands it over with the customer's code", async () => {
    atScreen(undefined);
    await extension.render();

    await eventually(() =>
      expect(withText("s-text", "Handing over").textContent).toBe("Handing over #1001 · Jane Doe"),
    );
    expect(server.requests[0]?.query.get("orderId")).toBe("5001");
    type(field("Pickup code"), "k7qx3m");
    await settle();
    click("s-button", "Find by code");
    await eventually(() => expect(withText("s-text", "Collect from bin").textContent).toBe("Collect from bin A3"));
    click("s-button", "Hand over");

    await eventually(() => expect(server.task("t1").state).toBe("PICKED_UP"));
  });

  it("still takes the customer's code when the order's task cannot be read", async () => {
    server.failNext("unreachable");
    atScreen(undefined);
    await extension.render();

    await eventually(() => field("Pickup code"));
    expect(document.body.textContent).not.toContain("Handing over");
  });

  it("shows the screen a later navigation names, as the home modal does", async () => {
    atScreen({ screen: "Queue", view: "READY" });
    await extension.render();

    await eventually(() => expect(withText("s-tab", "Ready").textContent).toBe("Ready (1)"));
    expect(document.body.querySelector("s-page")?.getAttribute("heading")).toBe("Online orders");
    expect(document.body.textContent).not.toContain("Handing over");
  });
});
