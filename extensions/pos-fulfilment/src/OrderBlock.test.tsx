// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aTask, FakePosServer } from "./test-support/fake-pos-server";
import { allWithText, click, eventually, withText } from "./test-support/dom";

const extension = getExtension("pos.order-details.block.render");
let server: FakePosServer;

beforeEach(() => {
  extension.setUp();
  server = new FakePosServer();
  extension.fetch = server.fetch;
  extension.shopify.order.id = 5001;
});

afterEach(() => {
  render(null, document.body);
  extension.tearDown();
});

describe("the order details block", () => {
  it("shows Omniroute's status and bin for the order", async () => {
    server.add(aTask({ id: "t1", state: "READY", bin: "A3", waiting: { spot: "2" } }));
    server.orderTasks.set(5001, "t1");
    await extension.render();

    await eventually(() => expect(withText("s-text", "Pickup:").textContent).toBe("Pickup: Ready for pickup"));
    expect(withText("s-text", "Bin").textContent).toBe("Bin A3");
    expect(withText("s-badge", "Customer waiting").textContent).toBe("Customer waiting — spot 2");
    expect(server.requests[0]?.path).toBe("/api/pos/order-task");
    expect(server.requests[0]?.query.get("orderId")).toBe("5001");
  });

  it("offers the handover of a ready order, which POS opens as the order's action", async () => {
    let presented = 0;
    extension.shopify.action.presentModal = () => {
      presented += 1;
    };
    server.add(aTask({ id: "t1", state: "READY", bin: "A3" }));
    server.orderTasks.set(5001, "t1");
    await extension.render();

    await eventually(() => expect(withText("s-button", "Hand over").getAttribute("slot")).toBe("secondary-actions"));
    click("s-button", "Hand over");

    expect(presented).toBe(1);
  });

  it("offers no handover for an order still being prepared", async () => {
    server.add(aTask({ id: "t1", state: "PICKING" }));
    server.orderTasks.set(5001, "t1");
    await extension.render();

    await eventually(() => expect(withText("s-text", "Pickup:").textContent).toBe("Pickup: Picking"));
    expect(allWithText("s-button", "Hand over")).toEqual([]);
  });

  it("says when Omniroute has no store work for the order here", async () => {
    await extension.render();

    await eventually(() =>
      expect(withText("s-text", "Omniroute").textContent).toBe("Omniroute has no store work for this order here."),
    );
  });

  it("shows the server's sentence when it can't answer", async () => {
    server.failNext("unreachable");
    await extension.render();

    await eventually(() =>
      expect(withText("s-text", "Can't reach").textContent).toBe(
        "Can't reach Omniroute. Check the connection, then try again.",
      ),
    );
  });
});
