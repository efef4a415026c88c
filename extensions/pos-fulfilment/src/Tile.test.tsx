// @vitest-environment jsdom
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aTask, FakePosServer } from "./test-support/fake-pos-server";
import { eventually } from "./test-support/dom";

const extension = getExtension("pos.home.tile.render");
let server: FakePosServer;

function tile(): HTMLElement {
  const element = document.body.querySelector<HTMLElement>("s-tile");
  if (!element) throw new Error("no tile");
  return element;
}

beforeEach(() => {
  extension.setUp();
});

afterEach(() => {
  render(null, document.body);
  extension.tearDown();
});

async function showTile(tasks: ReturnType<typeof aTask>[]) {
  server = new FakePosServer(tasks);
  extension.fetch = server.fetch;
  await extension.render();
}

describe("the Online orders tile", () => {
  it("counts the tasks to pick and to ship, with a neutral tone when nothing is late", async () => {
    await showTile([
      aTask({ state: "NEW" }),
      aTask({ state: "PICKING" }),
      aTask({ kind: "SHIP", state: "PACKED" }),
      aTask({ state: "READY" }),
    ]);

    await eventually(() => expect(tile().getAttribute("itemCount")).toBe("3"));
    expect(tile().getAttribute("heading")).toBe("Online orders");
    expect(tile().getAttribute("subheading")).toBe("All on time");
    expect(tile().getAttribute("tone")).toBe("neutral");
  });

  it("stands out when an order is late, and says how many", async () => {
    await showTile([aTask({ state: "NEW", late: true }), aTask({ state: "NEW" })]);

    await eventually(() => expect(tile().getAttribute("subheading")).toBe("1 late"));
    expect(tile().getAttribute("tone")).toBe("accent");
    expect(tile().getAttribute("itemCount")).toBe("2");
  });

  it("counts a ready order whose customer is waiting, and says so first", async () => {
    await showTile([aTask({ state: "READY", waiting: { spot: "4" } }), aTask({ state: "READY" })]);

    await eventually(() => expect(tile().getAttribute("subheading")).toBe("1 customer waiting"));
    expect(tile().getAttribute("itemCount")).toBe("1");
    expect(tile().getAttribute("tone")).toBe("accent");
  });

  it("stands out when an order has waited too long to be started, and says how many", async () => {
    await showTile([aTask({ state: "NEW", notStarted: true }), aTask({ state: "NEW" })]);

    await eventually(() => expect(tile().getAttribute("subheading")).toBe("1 not started"));
    expect(tile().getAttribute("tone")).toBe("accent");
  });

  it("says there is nothing to do when the queue is empty", async () => {
    await showTile([]);

    await eventually(() => expect(tile().getAttribute("subheading")).toBe("Nothing to do"));
    expect(tile().getAttribute("itemCount")).toBe("0");
  });

  it("asks for the location's queue with the session token", async () => {
    await showTile([]);

    await eventually(() => expect(server.requests).toHaveLength(1));
    const [request] = server.requests;
    expect(request?.path).toBe("/api/pos/queue");
    expect(request?.query.get("locationId")).toBe("1");
    expect(request?.authorization).toBe("Bearer mock-session-token");
  });

  it("asks the associate to sign in again when the server refuses the login", async () => {
    extension.shopify.session.getSessionToken = async () => "expired-token";
    await showTile([aTask()]);

    await eventually(() => expect(tile().getAttribute("subheading")).toBe("Sign in again"));
  });

  it("opens the modal when tapped", async () => {
    const presentModal = vi.fn();
    extension.shopify.action.presentModal = presentModal;
    await showTile([]);

    tile().dispatchEvent(new Event("click"));

    expect(presentModal).toHaveBeenCalledOnce();
  });
});
