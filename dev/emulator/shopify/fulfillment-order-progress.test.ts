import { describe, expect, it } from "vitest";
import { documentedExample, shapeDifferences } from "./documented-examples";
import { ADDRESS, SHOP, STORE_A, WAREHOUSE, dispatchTopics, gidOf, harness, type TestHarness } from "./test-support";

/**
 * Gap 1 of the emulator audit. Sources: admin-graphql `fulfillmentOrderReportProgress`,
 * `fulfillmentOrderOpen` and `fulfillmentOrderMove` (2026-04, as the pinned schema describes
 * them), the changelog "Report Fulfillment Order progress with new fulfillmentOrderReportProgress
 * GraphQL mutation" (2026-04) and the documented examples of `fulfillment_orders/progress_reported`
 * and `fulfillment_orders/manually_reported_progress_stopped`.
 */

const REPORT = `mutation Report($id: ID!, $notes: String) {
  fulfillmentOrderReportProgress(id: $id, progressReport: { reasonNotes: $notes }) {
    fulfillmentOrder { id status supportedActions { action } }
    userErrors { field message code }
  }
}`;

const OPEN = `mutation Open($id: ID!) {
  fulfillmentOrderOpen(id: $id) { fulfillmentOrder { id status supportedActions { action } } userErrors { field message } }
}`;

const MOVE = `mutation Move($id: ID!, $to: ID!) {
  fulfillmentOrderMove(id: $id, newLocationId: $to) {
    movedFulfillmentOrder { id assignedLocation { location { id } } }
    userErrors { field message code }
  }
}`;

type Payload<K extends string, T> = { [key in K]: T };
type FoAnswer = { id: string; status: string; supportedActions: { action: string }[] } | null;
type UserErrors = { field: string[] | null; message: string; code?: string | null }[];

function teeAtWarehouse(h: TestHarness) {
  const order = h.emulator.placeOrder(SHOP, {
    lines: [{ sku: "TEE-M", quantity: 2 }],
    deliveryMethod: "SHIPPING",
    shippingAddress: ADDRESS,
  });
  const fo = order.fulfillmentOrders[0];
  if (!fo) throw new Error("no fulfilment order");
  return { order, fo };
}

async function report(h: TestHarness, id: string, notes?: string) {
  const { json } = await h.graphql(REPORT, { id, notes });
  expect(json.errors).toBeUndefined();
  return (json.data as Payload<"fulfillmentOrderReportProgress", { fulfillmentOrder: FoAnswer; userErrors: UserErrors }>)
    .fulfillmentOrderReportProgress;
}

async function open(h: TestHarness, id: string) {
  const { json } = await h.graphql(OPEN, { id });
  expect(json.errors).toBeUndefined();
  return (json.data as Payload<"fulfillmentOrderOpen", { fulfillmentOrder: FoAnswer; userErrors: UserErrors }>)
    .fulfillmentOrderOpen;
}

async function move(h: TestHarness, id: string, to: number) {
  const { json } = await h.graphql(MOVE, { id, to: gidOf("Location", to) });
  expect(json.errors).toBeUndefined();
  return (
    json.data as Payload<
      "fulfillmentOrderMove",
      { movedFulfillmentOrder: { id: string; assignedLocation: { location: { id: string } } } | null; userErrors: UserErrors }
    >
  ).fulfillmentOrderMove;
}

const actions = (fo: FoAnswer) => fo?.supportedActions.map((a) => a.action);

describe("fulfillmentOrderReportProgress", () => {
  it("marks an open fulfilment order in progress, offers MARK_AS_OPEN instead of MOVE, and raises progress_reported as documented", async () => {
    const h = await harness();
    const { order, fo } = teeAtWarehouse(h);

    const reported = await report(h, fo.id, "Picking started");

    expect(reported.userErrors).toEqual([]);
    expect(reported.fulfillmentOrder?.status).toBe("IN_PROGRESS");
    expect(actions(reported.fulfillmentOrder)).toEqual(["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MARK_AS_OPEN", "HOLD", "SPLIT"]);
    const event = h.events.find((e) => e.topic === "fulfillment_orders/progress_reported");
    expect(event?.payload).toEqual({
      fulfillment_order: { id: fo.id, status: "in_progress" },
      progress_report: {
        reason_notes: "Picking started",
        progress_reported_by_app: { id: "gid://shopify/App/1" },
        // The emulator's app acts with an offline token: no staff member reported it.
        progress_reported_by_user: null,
      },
      initial_status: "open",
    });
    expect(shapeDifferences(event?.payload, documentedExample("fulfillment_orders/progress_reported"))).toEqual([]);
    expect(h.emulator.fulfillmentOrdersOf(SHOP, order.id)).toMatchObject([{ status: "IN_PROGRESS", progressReported: true }]);
  });

  it("offers REPORT_PROGRESS on an open fulfilment order, as the changelog says supportedActions now does", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    const { json } = await h.graphql(`query ($id: ID!) { fulfillmentOrder(id: $id) { supportedActions { action } } }`, {
      id: fo.id,
    });
    expect(json.data).toEqual({
      fulfillmentOrder: {
        supportedActions: [
          { action: "CREATE_FULFILLMENT" },
          { action: "REPORT_PROGRESS" },
          { action: "MOVE" },
          { action: "HOLD" },
          { action: "SPLIT" },
        ],
      },
    });
  });

  it("reporting again while in progress replaces the notes and names in_progress as the initial status", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    await report(h, fo.id, "Picking started");
    const again = await report(h, fo.id, "Packing");
    expect(again.userErrors).toEqual([]);
    const events = h.events.filter((e) => e.topic === "fulfillment_orders/progress_reported");
    expect(events.map((e) => e.payload)).toMatchObject([
      { initial_status: "open", progress_report: { reason_notes: "Picking started" } },
      { initial_status: "in_progress", progress_report: { reason_notes: "Packing" } },
    ]);
  });

  it("refuses an unknown fulfilment order, one on hold, one closed, and notes over 256 characters", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    expect((await report(h, gidOf("FulfillmentOrder", 1))).userErrors).toEqual([
      { field: ["id"], message: "Fulfillment order could not be found.", code: "FULFILLMENT_ORDER_NOT_FOUND" },
    ]);
    expect((await report(h, fo.id, "x".repeat(257))).userErrors).toEqual([
      {
        field: ["progressReport", "reasonNotes"],
        message: "Reason notes is too long (maximum is 256 characters).",
        code: null,
      },
    ]);
    expect((await report(h, fo.id, "x".repeat(256))).userErrors).toEqual([]);

    const held = teeAtWarehouse(h).fo;
    await h.graphql(`mutation ($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER }) { userErrors { code } } }`, {
      id: held.id,
    });
    expect((await report(h, held.id)).userErrors.map((e) => e.code)).toEqual(["FULFILLMENT_ORDER_STATUS_INVALID"]);

    const closed = teeAtWarehouse(h).fo;
    await h.graphql(
      `mutation ($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: closed.id },
    );
    expect((await report(h, closed.id)).userErrors.map((e) => e.code)).toEqual(["FULFILLMENT_ORDER_STATUS_INVALID"]);
  });

  it("is raised to the app only where shopify.app.toml subscribes to fulfillment_orders/progress_reported", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    await report(h, fo.id);
    const events = h.events.filter((e) => e.topic === "fulfillment_orders/progress_reported");

    // The app's toml does not subscribe to it (and this work must not change the toml).
    expect(await dispatchTopics(events)).toEqual({ sent: [], notSent: ["fulfillment_orders/progress_reported"] });
    const subscribed = new Map([["fulfillment_orders/progress_reported", ["/webhooks/fulfillment_orders/progress_reported"]]]);
    expect(await dispatchTopics(events, { apiVersion: "2026-04", urisByTopic: subscribed })).toEqual({
      sent: ["fulfillment_orders/progress_reported"],
      notSent: [],
    });
  });
});

describe("a move after progress was reported", () => {
  it("fails with CANNOT_MOVE_FULFILLMENT_ORDER_WITH_REPORTED_PROGRESS until fulfillmentOrderOpen, then succeeds", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    await report(h, fo.id, "Picking started");

    const refused = await move(h, fo.id, STORE_A);
    expect(refused).toEqual({
      movedFulfillmentOrder: null,
      userErrors: [
        {
          field: ["id"],
          message: "Cannot move a fulfillment order that has progress reported.",
          code: "CANNOT_MOVE_FULFILLMENT_ORDER_WITH_REPORTED_PROGRESS",
        },
      ],
    });
    expect(h.emulator.inventoryOf(SHOP, WAREHOUSE, "TEE-M")).toMatchObject({ committed: 2 });
    const { json } = await h.graphql(
      `query ($id: ID!) { fulfillmentOrder(id: $id) { locationsForMove(first: 5) { nodes { location { id } movable } } } }`,
      { id: fo.id },
    );
    expect(json.data).toEqual({
      fulfillmentOrder: {
        locationsForMove: {
          nodes: [
            { location: { id: gidOf("Location", WAREHOUSE) }, movable: false },
            { location: { id: gidOf("Location", STORE_A) }, movable: false },
            { location: { id: gidOf("Location", 1003) }, movable: false },
          ],
        },
      },
    });

    const opened = await open(h, fo.id);
    expect(opened.userErrors).toEqual([]);
    expect(opened.fulfillmentOrder?.status).toBe("OPEN");
    expect(actions(opened.fulfillmentOrder)).toContain("MOVE");
    const stopped = h.events.find((e) => e.topic === "fulfillment_orders/manually_reported_progress_stopped");
    expect(stopped?.payload).toEqual({
      fulfillment_order: { id: fo.id, status: "open" },
      progress_stopped_by_app: { id: "gid://shopify/App/1" },
      progress_stopped_by_user: null,
    });
    expect(shapeDifferences(stopped?.payload, documentedExample("fulfillment_orders/manually_reported_progress_stopped"))).toEqual([]);

    const moved = await move(h, fo.id, STORE_A);
    expect(moved.userErrors).toEqual([]);
    expect(moved.movedFulfillmentOrder?.assignedLocation.location.id).toBe(gidOf("Location", STORE_A));
  });

  it("keeps a partly fulfilled fulfilment order in progress when its progress is cleared", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    await report(h, fo.id);
    const tee = fo.lineItems[0];
    await h.graphql(
      `mutation ($id: ID!, $line: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id, fulfillmentOrderLineItems: [{ id: $line, quantity: 1 }] }] }) { userErrors { message } } }`,
      { id: fo.id, line: tee?.id },
    );
    const opened = await open(h, fo.id);
    expect(opened.fulfillmentOrder?.status).toBe("IN_PROGRESS");
    expect(actions(opened.fulfillmentOrder)).toContain("MOVE");
  });

  it("returns to in progress, still unmovable, when a hold placed after the report is released", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    await report(h, fo.id);
    await h.graphql(`mutation ($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER }) { userErrors { code } } }`, {
      id: fo.id,
    });
    const { json } = await h.graphql(`mutation ($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { status } } }`, {
      id: fo.id,
    });
    expect(json.data).toEqual({ fulfillmentOrderReleaseHold: { fulfillmentOrder: { status: "IN_PROGRESS" } } });
    expect((await move(h, fo.id, STORE_A)).userErrors[0]?.code).toBe("CANNOT_MOVE_FULFILLMENT_ORDER_WITH_REPORTED_PROGRESS");
  });
});

describe("fulfillmentOrderOpen", () => {
  it("refuses a fulfilment order that is neither scheduled nor has reported progress, and an unknown one", async () => {
    const h = await harness();
    const { fo } = teeAtWarehouse(h);
    expect(await open(h, fo.id)).toEqual({
      fulfillmentOrder: null,
      userErrors: [
        {
          field: ["id"],
          message: "Fulfillment order can't be marked as open: it is neither scheduled nor has it had progress reported.",
        },
      ],
    });
    expect((await open(h, gidOf("FulfillmentOrder", 1))).userErrors).toEqual([
      { field: ["id"], message: "Fulfillment order does not exist." },
    ]);
    expect(h.events.some((e) => e.topic === "fulfillment_orders/manually_reported_progress_stopped")).toBe(false);
  });
});
