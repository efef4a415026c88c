// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { aTask } from "../test-support/fake-pos-server";
import { allWithText, banner, bannerHeadings, click, eventually, withText } from "../test-support/dom";
import { posModalForEachTest } from "../test-support/harness";

const pos = posModalForEachTest();

function rowTitles(): string[] {
  return [...document.body.querySelectorAll("s-clickable s-text[type=strong]")].map((text) => text.textContent ?? "");
}

describe("the queue", () => {
  it("lists waiting customers first, then late orders, then by due time", async () => {
    const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    pos.server.add(
      aTask({ orderName: "#1001", customerName: "Due Later", dueAt: inMinutes(90) }),
      aTask({ orderName: "#1002", customerName: "Due Soon", dueAt: inMinutes(20) }),
      aTask({ orderName: "#1003", customerName: "Late One", late: true, dueAt: inMinutes(-5) }),
      aTask({ orderName: "#1004", customerName: "At The Door", waiting: { spot: "4" }, dueAt: inMinutes(60) }),
    );
    await pos.open({ screen: "Queue" });

    await eventually(() =>
      expect(rowTitles()).toEqual(["#1004 · At The Door", "#1003 · Late One", "#1002 · Due Soon", "#1001 · Due Later"]),
    );
    expect(withText("s-badge", "Customer waiting").textContent).toBe("Customer waiting — spot 4");
    expect(allWithText("s-badge", "Late")).toHaveLength(1);
  });

  it("says how many more orders there are when the app sends only the most urgent", async () => {
    pos.server.queueListLimit = 2;
    pos.server.add(aTask({ orderName: "#1001" }), aTask({ orderName: "#1002" }), aTask({ orderName: "#1003" }));
    await pos.open({ screen: "Queue" });

    await eventually(() => expect(rowTitles()).toHaveLength(2));
    expect(withText("s-tab", "To pick").textContent).toBe("To pick (3)");
    expect(withText("s-text", "more order").textContent).toBe(
      "1 more order after these: the most urgent are listed first.",
    );
  });

  it("shows each order's age and due time", async () => {
    pos.server.add(aTask({ assignedAt: new Date(Date.now() - 12 * 60_000).toISOString(), units: 3 }));
    await pos.open({ screen: "Queue" });

    await eventually(() =>
      expect(withText("s-text", "assigned 12 min ago").textContent).toMatch(/^3 items · assigned 12 min ago · due /),
    );
  });

  it("counts each tab and shows an empty state when the view has nothing", async () => {
    pos.server.add(aTask({ kind: "SHIP", state: "NEW" }));
    await pos.open({ screen: "Queue" });

    await eventually(() => expect(withText("s-tab", "To pick").textContent).toBe("To pick (0)"));
    expect(withText("s-tab", "To ship").textContent).toBe("To ship (1)");
    const empty = document.body.querySelector("s-empty-state");
    expect(empty?.getAttribute("heading")).toBe("Nothing to pick");
  });

  it("reads the chosen tab's view", async () => {
    pos.server.add(aTask({ kind: "SHIP", state: "NEW", orderName: "#2001", customerName: "Sam Parcel" }));
    await pos.open({ screen: "Queue" });
    await eventually(() => expect(document.body.querySelector("s-empty-state")).not.toBeNull());

    const tabs = document.body.querySelector("s-tabs")!;
    Object.assign(tabs, { value: "TO_SHIP" });
    tabs.dispatchEvent(new Event("change"));

    await eventually(() => expect(rowTitles()).toEqual(["#2001 · Sam Parcel"]));
    expect(pos.server.requests.some((request) => request.query.get("view") === "TO_SHIP")).toBe(true);
  });

  it("opens the screen that continues each order's work", async () => {
    pos.server.add(aTask({ id: "staged", state: "STAGED", bin: "A3" }));
    await pos.open({ screen: "Queue" });
    await eventually(() => expect(rowTitles()).toHaveLength(1));

    document.body.querySelector("s-clickable")!.dispatchEvent(new Event("click"));

    expect(pos.navigations).toEqual([{ url: "Ready", state: { screen: "Ready", taskId: "staged" } }]);
  });

  it("shows a Shopify call in flight on the order's row", async () => {
    pos.server.add(aTask({ state: "STAGED", pending: "READY" }));
    await pos.open({ screen: "Queue" });

    await eventually(() => expect(withText("s-text", "telling Shopify").textContent).toBe("Ready — telling Shopify"));
  });

  it("shows the associate's own day against the pick target", async () => {
    await pos.open({ screen: "Queue" });

    await eventually(() =>
      expect(withText("s-text", "Your picks today").textContent).toBe(
        "Your picks today: 4 · median pick 5:12 · target 6:00",
      ),
    );
  });

  it("opens handover from the page's action", async () => {
    await pos.open({ screen: "Queue" });

    click("s-button", "Hand over");

    expect(pos.navigations).toEqual([{ url: "Handover", state: { screen: "Handover" } }]);
  });

  it("asks the associate to sign in again when the login is refused", async () => {
    pos.server.add(aTask());
    pos.server.failNext({ status: 401, body: { code: "UNAUTHORIZED", message: "Invalid session token" } });
    await pos.open({ screen: "Queue" });

    await eventually(() => expect(bannerHeadings()).toContain("Sign in again"));
    expect(banner("Sign in again").textContent).toContain("Omniroute could not confirm your POS login");
  });

  it("says so when POS is offline", async () => {
    await pos.open({ screen: "Queue" });

    pos.goOffline();

    await eventually(() => expect(bannerHeadings()).toContain("You're offline"));
  });
});
