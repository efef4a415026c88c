// @vitest-environment jsdom
import { render } from "preact";
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { banner, bannerHeadings, click, eventually, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

describe("marking ready", () => {
  it("shows the bin and, while Shopify is told, says so", async () => {
    pos.server.add(aTask({ id: "t1", state: "STAGED", bin: "A3" }));
    await pos.open({ screen: "Ready", taskId: "t1" });

    await eventually(() => expect(withText("s-text", "Staged in bin").textContent).toBe("Staged in bin A3"));
    click("s-button", "Mark ready for pickup");

    await eventually(() => expect(bannerHeadings()).toContain("Ready — telling Shopify"));
    expect(pos.server.posts("/transition")[0]?.body).toMatchObject({ to: "READY" });
  });

  it("says the order is ready once Shopify has been told", async () => {
    pos.server.add(aTask({ id: "t1", state: "STAGED", bin: "A3" }));
    await pos.open({ screen: "Ready", taskId: "t1" });
    await eventually(() => click("s-button", "Mark ready for pickup"));
    await eventually(() => expect(bannerHeadings()).toContain("Ready — telling Shopify"));

    pos.server.task("t1").pending = null;

    await eventually(() => expect(bannerHeadings()).toContain("Ready for pickup"), 5_000);
    expect(bannerHeadings()).not.toContain("Ready — telling Shopify");
  });

  it("tells the associate to ask their manager when the app gave up telling Shopify", async () => {
    const problem = "Shopify did not accept that the order is ready for pickup — ask your manager";
    pos.server.add(aTask({ id: "t1", state: "READY", bin: "A3", pending: null, shopifyProblem: problem }));

    await pos.open({ screen: "Ready", taskId: "t1" });

    await eventually(() => expect(bannerHeadings()).toContain(problem));
  });

  it("shows the server's sentence when another device already marked it ready", async () => {
    pos.server.add(aTask({ id: "t1", state: "STAGED", bin: "A3" }));
    await pos.open({ screen: "Ready", taskId: "t1" });
    await eventually(() => withText("s-button", "Mark ready for pickup"));

    pos.server.task("t1").state = "READY";
    click("s-button", "Mark ready for pickup");

    await eventually(() =>
      expect(banner("Can't do that now").textContent).toBe("This order is already ready for pickup"),
    );
  });

  it("keeps a ready pressed offline through a screen change, and sends it once back online", async () => {
    pos.server.add(aTask({ id: "t1", state: "STAGED", bin: "A3" }));
    await pos.open({ screen: "Ready", taskId: "t1" });
    await eventually(() => withText("s-button", "Mark ready for pickup"));

    pos.goOffline();
    click("s-button", "Mark ready for pickup");
    await eventually(() => expect(bannerHeadings()).toContain("1 action waiting to send"));
    expect(withText("s-banner", "Mark ready").textContent).toContain(
      "Mark ready. They are sent when POS is back online.",
    );

    render(null, document.body);
    pos.goOnline();
    await pos.open({ screen: "Task", taskId: "t1" });

    await eventually(() => expect(pos.server.task("t1").state).toBe("READY"));
    expect(pos.server.posts("/transition")).toHaveLength(1);
  });
});
