import { describe, expect, it } from "vitest";
import {
  decideTransition,
  legalTargets,
  type TaskForTransition,
  type TransitionDecision,
  type TransitionRequest,
} from "./transitions";
import { STORE_TASK_STATES, type PickLine, type StoreTaskKind, type StoreTaskState } from "./types";

const shirt: PickLine = {
  lineItemId: "11",
  sku: "SHIRT-M",
  barcode: "036000291452",
  title: "Linen Shirt",
  variantTitle: "M",
  quantity: 2,
  picked: 2,
};
const beanie: PickLine = {
  lineItemId: "12",
  sku: "BEANIE",
  barcode: "4006381333931",
  title: "Wool Beanie",
  variantTitle: null,
  quantity: 1,
  picked: 1,
};

function task(
  kind: StoreTaskKind,
  state: StoreTaskState,
  overrides: Partial<TaskForTransition> = {},
): TaskForTransition {
  return {
    kind,
    state,
    lines: [shirt, beanie],
    bin: state === "STAGED" || state === "READY" ? "A3" : null,
    ...overrides,
  };
}

/** Everything any step could need, so only the states decide. */
const everything: TransitionRequest = {
  by: "ASSOCIATE",
  bin: "A3",
  carrier: "UPS",
  trackingNumber: "1Z999AA10123456784",
  courierName: "Sam (Zip Couriers)",
  trackingUrl: "https://track.example.com/abc",
  handover: { method: "PICKUP_CODE", idChecked: false },
  exception: { lineItemId: "11", reason: "NOT_FOUND", note: null },
  endedReason: "CANCELLED",
};

type Edge = readonly [from: StoreTaskState, to: StoreTaskState, effect: string | null];

/** The legal transitions of each kind, written out: every other pair must be refused. */
const LEGAL: Readonly<Record<StoreTaskKind, readonly Edge[]>> = {
  PICKUP: [
    ["NEW", "PICKING", "REPORT_PROGRESS"],
    ["PICKING", "PACKED", null],
    ["PACKED", "STAGED", null],
    ["STAGED", "READY", "PREPARED_FOR_PICKUP"],
    ["READY", "PICKED_UP", "FULFILL"],
    ["NEW", "EXCEPTION", null],
    ["PICKING", "EXCEPTION", null],
    ["PACKED", "EXCEPTION", null],
    ["STAGED", "EXCEPTION", null],
    ["READY", "EXCEPTION", null],
    ["EXCEPTION", "EXCEPTION", null],
    ["EXCEPTION", "PICKING", "REPORT_PROGRESS"],
    ["NEW", "CANCELLED", null],
    ["PICKING", "CANCELLED", null],
    ["PACKED", "CANCELLED", null],
    ["STAGED", "CANCELLED", null],
    ["READY", "CANCELLED", null],
    ["EXCEPTION", "CANCELLED", null],
  ],
  SHIP: [
    ["NEW", "PICKING", "REPORT_PROGRESS"],
    ["PICKING", "PACKED", null],
    ["PACKED", "SHIPPED", "FULFILL"],
    ["NEW", "EXCEPTION", null],
    ["PICKING", "EXCEPTION", null],
    ["PACKED", "EXCEPTION", null],
    ["EXCEPTION", "EXCEPTION", null],
    ["EXCEPTION", "PICKING", "REPORT_PROGRESS"],
    ["NEW", "CANCELLED", null],
    ["PICKING", "CANCELLED", null],
    ["PACKED", "CANCELLED", null],
    ["EXCEPTION", "CANCELLED", null],
  ],
  LOCAL_DELIVERY: [
    ["NEW", "PICKING", "REPORT_PROGRESS"],
    ["PICKING", "PACKED", null],
    ["PACKED", "STAGED", null],
    ["PACKED", "OUT_FOR_DELIVERY", "FULFILL"],
    ["STAGED", "OUT_FOR_DELIVERY", "FULFILL"],
    ["OUT_FOR_DELIVERY", "DELIVERED", null],
    ["NEW", "EXCEPTION", null],
    ["PICKING", "EXCEPTION", null],
    ["PACKED", "EXCEPTION", null],
    ["STAGED", "EXCEPTION", null],
    ["EXCEPTION", "EXCEPTION", null],
    ["EXCEPTION", "PICKING", "REPORT_PROGRESS"],
    ["NEW", "CANCELLED", null],
    ["PICKING", "CANCELLED", null],
    ["PACKED", "CANCELLED", null],
    ["STAGED", "CANCELLED", null],
    ["EXCEPTION", "CANCELLED", null],
  ],
};

/** The states a task of each kind can be in. */
const REACHABLE: Readonly<Record<StoreTaskKind, readonly StoreTaskState[]>> = {
  PICKUP: ["NEW", "PICKING", "PACKED", "STAGED", "READY", "PICKED_UP", "EXCEPTION", "CANCELLED"],
  SHIP: ["NEW", "PICKING", "PACKED", "SHIPPED", "EXCEPTION", "CANCELLED"],
  LOCAL_DELIVERY: ["NEW", "PICKING", "PACKED", "STAGED", "OUT_FOR_DELIVERY", "DELIVERED", "EXCEPTION", "CANCELLED"],
};

/** A task in `from` that meets every need of the step, and who may ask for it. */
function satisfying(kind: StoreTaskKind, from: StoreTaskState, to: StoreTaskState) {
  const resuming = from === "EXCEPTION" && to === "PICKING";
  const lines =
    from === "EXCEPTION" && to !== "EXCEPTION"
      ? [shirt, { ...beanie, exception: "DAMAGED" as const, takenOff: true }]
      : [shirt, beanie];
  const by = to === "CANCELLED" || resuming ? ("SYSTEM" as const) : ("ASSOCIATE" as const);
  return { task: task(kind, from, { lines }), request: { ...everything, by } };
}

function expectRefused(decision: TransitionDecision, message?: string) {
  expect(decision.ok).toBe(false);
  if (decision.ok) return;
  expect(decision.code).toBe("ILLEGAL_TRANSITION");
  expect(decision.message.length).toBeGreaterThan(10);
  if (message !== undefined) expect(decision.message).toBe(message);
}

describe.each(Object.keys(LEGAL) as StoreTaskKind[])("the %s state machine", (kind) => {
  const legal = LEGAL[kind];
  const pairs = REACHABLE[kind].flatMap((from) => STORE_TASK_STATES.map((to) => [from, to] as const));
  const legalPairs = pairs.filter(([from, to]) => legal.some(([f, t]) => f === from && t === to));
  const illegalPairs = pairs.filter(([from, to]) => !legal.some(([f, t]) => f === from && t === to));

  it.each(legalPairs)("accepts %s → %s when the step has what it needs", (from, to) => {
    const { task: current, request } = satisfying(kind, from, to);
    const decision = decideTransition(current, to, request);
    const effect = legal.find(([f, t]) => f === from && t === to)?.[2];
    expect(decision).toMatchObject({ ok: true, from, to, shopifyEffect: effect });
  });

  it.each(illegalPairs)("refuses %s → %s with a sentence, whoever asks", (from, to) => {
    const current = task(kind, from);
    expectRefused(decideTransition(current, to, { ...everything, by: "ASSOCIATE" }));
    expectRefused(decideTransition(current, to, { ...everything, by: "SYSTEM" }));
  });

  it("lists exactly the legal targets of each state", () => {
    for (const from of REACHABLE[kind]) {
      const expected = legal.filter(([f]) => f === from).map(([, to]) => to);
      expect([...legalTargets(kind, from)].sort()).toEqual([...expected].sort());
    }
  });
});

describe("refusals an associate reads", () => {
  const associate: TransitionRequest = { by: "ASSOCIATE" };

  it("tells a second device the order is already ready for pickup", () => {
    expectRefused(
      decideTransition(task("PICKUP", "READY"), "READY", associate),
      "This order is already ready for pickup",
    );
  });

  it("says how many items are picked when packing too early", () => {
    const lines = [
      { ...shirt, picked: 1 },
      { ...beanie, picked: 1 },
    ];
    expectRefused(
      decideTransition(task("PICKUP", "PICKING", { lines }), "PACKED", associate),
      "Pick every item before packing (2 of 3 picked)",
    );
    expectRefused(
      decideTransition(task("SHIP", "NEW", { lines: [{ ...shirt, picked: 0 }] }), "PACKED", associate),
      "Pick every item before packing (0 of 2 picked)",
    );
  });

  it("asks for a bin before ready", () => {
    expectRefused(
      decideTransition(task("PICKUP", "PACKED"), "READY", associate),
      "Stage the order in a bin before marking it ready",
    );
    expectRefused(
      decideTransition(task("PICKUP", "PICKING"), "READY", associate),
      "Pick, pack and stage the order before marking it ready",
    );
  });

  it("says a ship-from-store order is shipped, not handed over or staged", () => {
    expectRefused(
      decideTransition(task("SHIP", "PACKED"), "PICKED_UP", associate),
      "A ship-from-store order is shipped, not handed over",
    );
    expectRefused(
      decideTransition(task("SHIP", "PACKED"), "READY", associate),
      "A ship-from-store order is shipped, not made ready for pickup",
    );
    expectRefused(
      decideTransition(task("SHIP", "PACKED"), "STAGED", associate),
      "A ship-from-store order is shipped from packing: it is not staged in a bin",
    );
    expectRefused(
      decideTransition(task("SHIP", "PACKED"), "OUT_FOR_DELIVERY", associate),
      "A ship-from-store order goes with the carrier, not a local courier",
    );
  });

  it("says a pickup order is handed over at the store and a local delivery goes with a courier", () => {
    expectRefused(
      decideTransition(task("PICKUP", "PACKED"), "SHIPPED", associate),
      "A pickup order is handed over at the store, not shipped",
    );
    expectRefused(
      decideTransition(task("PICKUP", "READY"), "OUT_FOR_DELIVERY", associate),
      "A pickup order is handed over at the store, not delivered",
    );
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "STAGED"), "READY", associate),
      "A local delivery order goes out with a courier, not to the pickup counter",
    );
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "STAGED"), "PICKED_UP", associate),
      "A local delivery order is handed to a courier, not collected at the counter",
    );
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "PACKED"), "SHIPPED", associate),
      "A local delivery order goes out with a courier, not a shipping carrier",
    );
  });

  it("says an ended order was cancelled, moved, closed or fulfilled, whatever is asked", () => {
    for (const to of STORE_TASK_STATES) {
      expectRefused(decideTransition(task("PICKUP", "CANCELLED"), to, associate), "This order was cancelled");
    }
    const ended = (endedReason: "MOVED_AWAY" | "CLOSED" | "FULFILLED_ELSEWHERE") =>
      decideTransition(task("PICKUP", "CANCELLED", { endedReason }), "PICKING", associate);
    expectRefused(ended("MOVED_AWAY"), "This order was moved to another location");
    expectRefused(ended("CLOSED"), "This order was closed in Shopify");
    expectRefused(ended("FULFILLED_ELSEWHERE"), "This order was already fulfilled in Shopify");
  });

  it("says a finished order was picked up, shipped or delivered", () => {
    expectRefused(
      decideTransition(task("PICKUP", "PICKED_UP"), "PICKED_UP", associate),
      "This order was already picked up",
    );
    expectRefused(decideTransition(task("SHIP", "SHIPPED"), "SHIPPED", associate), "This order was already shipped");
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "DELIVERED"), "EXCEPTION", associate),
      "This order was already delivered",
    );
  });

  it("says where the order already is when a step goes backwards or repeats", () => {
    expectRefused(
      decideTransition(task("PICKUP", "READY"), "PICKING", associate),
      "This order is already ready for pickup",
    );
    expectRefused(
      decideTransition(task("PICKUP", "PICKING"), "PICKING", associate),
      "This order is already being picked",
    );
    expectRefused(decideTransition(task("SHIP", "PACKED"), "PACKED", associate), "This order is already packed");
    expectRefused(
      decideTransition(task("PICKUP", "STAGED"), "STAGED", associate),
      "This order is already staged in bin A3",
    );
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "OUT_FOR_DELIVERY"), "OUT_FOR_DELIVERY", associate),
      "This order is already out for delivery",
    );
    expectRefused(decideTransition(task("PICKUP", "PICKING"), "NEW", associate), "An order cannot go back to new");
  });

  it("names the step that comes first when one is skipped", () => {
    expectRefused(
      decideTransition(task("PICKUP", "PICKING"), "STAGED", associate),
      "Pack the order before staging it in a bin",
    );
    expectRefused(
      decideTransition(task("PICKUP", "STAGED"), "PICKED_UP", associate),
      "Mark the order ready before handing it over",
    );
    expectRefused(decideTransition(task("SHIP", "PICKING"), "SHIPPED", associate), "Pack the order before shipping it");
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "NEW"), "OUT_FOR_DELIVERY", associate),
      "Pack the order before handing it to the courier",
    );
    expectRefused(
      decideTransition(task("LOCAL_DELIVERY", "STAGED"), "DELIVERED", associate),
      "Hand the order to the courier before marking it delivered",
    );
  });

  it("leaves cancelling to Shopify", () => {
    expectRefused(
      decideTransition(task("PICKUP", "PICKING"), "CANCELLED", { by: "ASSOCIATE", endedReason: "CANCELLED" }),
      "Orders are cancelled in Shopify; the store's task then ends by itself",
    );
  });

  it("keeps an order with the courier from being cancelled or reported", () => {
    const withCourier = task("LOCAL_DELIVERY", "OUT_FOR_DELIVERY");
    expectRefused(
      decideTransition(withCourier, "CANCELLED", { by: "SYSTEM", endedReason: "CANCELLED" }),
      "This order is already out for delivery",
    );
    expectRefused(decideTransition(withCourier, "EXCEPTION", everything), "This order is already with the courier");
  });

  it("refuses a step that does not exist", () => {
    // A request's `to` is checked by the route; this shows what gets through if it is not.
    const decision = decideTransition(task("PICKUP", "NEW"), "LOST" as StoreTaskState, associate);
    expect(decision).toMatchObject({ ok: false, code: "INVALID", field: "to" });
  });
});

describe("an order waiting on an exception", () => {
  const reported = { ...beanie, exception: "NOT_FOUND" as const };

  it("holds every step but another report while its line is rerouted", () => {
    const waiting = task("PICKUP", "EXCEPTION", { lines: [shirt, reported] });
    for (const to of ["PACKED", "STAGED", "READY", "PICKED_UP"] as const) {
      expectRefused(
        decideTransition(waiting, to, everything),
        "This order is waiting for its missing item to be moved to another store",
      );
    }
    expectRefused(
      decideTransition(waiting, "PICKING", { by: "ASSOCIATE" }),
      "This order is waiting for its missing item to be moved to another store",
    );
  });

  it("goes back to picking once the reported line has moved away, reporting progress again", () => {
    const rerouted = task("PICKUP", "EXCEPTION", { lines: [shirt, { ...reported, takenOff: true }] });
    expect(decideTransition(rerouted, "PICKING", { by: "SYSTEM" })).toMatchObject({
      ok: true,
      from: "EXCEPTION",
      to: "PICKING",
      shopifyEffect: "REPORT_PROGRESS",
    });
  });

  it("goes back to picking once the merchant released the line (its exception cleared)", () => {
    const released = task("SHIP", "EXCEPTION", { lines: [shirt, beanie] });
    expect(decideTransition(released, "PICKING", { by: "SYSTEM" }).ok).toBe(true);
  });

  it("does not resume while the reported line is still on the task", () => {
    expectRefused(
      decideTransition(task("PICKUP", "EXCEPTION", { lines: [shirt, reported] }), "PICKING", { by: "SYSTEM" }),
      "Wool Beanie is still waiting to be moved to another store or released",
    );
  });

  it("does not resume when every line moved away: the task ends instead", () => {
    const allGone = task("PICKUP", "EXCEPTION", {
      lines: [
        { ...shirt, exception: "DAMAGED", takenOff: true },
        { ...reported, takenOff: true },
      ],
    });
    expectRefused(
      decideTransition(allGone, "PICKING", { by: "SYSTEM" }),
      "Every item of this order moved to another location: nothing is left to pick here",
    );
    expect(decideTransition(allGone, "CANCELLED", { by: "SYSTEM", endedReason: "MOVED_AWAY" })).toMatchObject({
      ok: true,
      details: { endedReason: "MOVED_AWAY" },
    });
  });

  it("takes a report of another line, not a second report of the same one", () => {
    const waiting = task("PICKUP", "EXCEPTION", { lines: [shirt, reported] });
    expect(
      decideTransition(waiting, "EXCEPTION", { by: "ASSOCIATE", exception: { lineItemId: "11", reason: "DAMAGED" } }),
    ).toMatchObject({ ok: true, from: "EXCEPTION", to: "EXCEPTION" });
    expectRefused(
      decideTransition(waiting, "EXCEPTION", { by: "ASSOCIATE", exception: { lineItemId: "12", reason: "DAMAGED" } }),
      "Wool Beanie is already reported not found",
    );
  });
});

describe("what each step needs", () => {
  it("packs when every line still here is picked, a line moved away by an exception aside", () => {
    const lines = [shirt, { ...beanie, picked: 0, exception: "NOT_FOUND" as const, takenOff: true }];
    expect(decideTransition(task("PICKUP", "PICKING", { lines }), "PACKED", { by: "ASSOCIATE" }).ok).toBe(true);
    expectRefused(
      decideTransition(task("PICKUP", "PICKING", { lines: [] }), "PACKED", { by: "ASSOCIATE" }),
      "This order has nothing left to pack",
    );
  });

  it("stages in a bin read as typed or scanned, upper-cased", () => {
    const staged = decideTransition(task("PICKUP", "PACKED"), "STAGED", { by: "ASSOCIATE", bin: "  a3 \n" });
    expect(staged).toMatchObject({ ok: true, details: { bin: "A3" } });
    expect(decideTransition(task("PICKUP", "PACKED"), "STAGED", { by: "ASSOCIATE" })).toEqual({
      ok: false,
      code: "INVALID",
      field: "bin",
      message: "Enter or scan the bin the order is in",
    });
    expect(
      decideTransition(task("LOCAL_DELIVERY", "PACKED"), "STAGED", { by: "ASSOCIATE", bin: "A3/B" }),
    ).toMatchObject({
      ok: false,
      field: "bin",
      message: "A bin code has only letters, digits, dashes and spaces",
    });
  });

  it("ships with a carrier and a tracking number", () => {
    const packed = task("SHIP", "PACKED");
    expect(
      decideTransition(packed, "SHIPPED", { by: "ASSOCIATE", trackingNumber: "1Z999AA10123456784" }),
    ).toMatchObject({ ok: false, code: "INVALID", field: "carrier", message: "Choose the carrier" });
    expect(decideTransition(packed, "SHIPPED", { by: "ASSOCIATE", carrier: "UPS", trackingNumber: " " })).toMatchObject(
      {
        ok: false,
        field: "trackingNumber",
        message: "Enter or scan the tracking number",
      },
    );
    expect(
      decideTransition(packed, "SHIPPED", {
        by: "ASSOCIATE",
        carrier: " UPS ",
        trackingNumber: "1z 999 aa1 0123456784",
      }),
    ).toEqual({
      ok: true,
      from: "PACKED",
      to: "SHIPPED",
      shopifyEffect: "FULFILL",
      details: { carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
    });
  });

  it("sends a local delivery out with a courier's name and an optional https tracking link", () => {
    const packed = task("LOCAL_DELIVERY", "PACKED");
    expect(decideTransition(packed, "OUT_FOR_DELIVERY", { by: "ASSOCIATE" })).toMatchObject({
      ok: false,
      field: "courierName",
      message: "Enter the name of the driver or courier taking the order",
    });
    expect(
      decideTransition(packed, "OUT_FOR_DELIVERY", {
        by: "ASSOCIATE",
        courierName: "Sam",
        trackingUrl: "http://t.co/x",
      }),
    ).toMatchObject({
      ok: false,
      field: "trackingUrl",
      message: "A tracking link must be a web address starting with https://",
    });
    expect(decideTransition(packed, "OUT_FOR_DELIVERY", { by: "ASSOCIATE", courierName: " Sam " })).toMatchObject({
      ok: true,
      shopifyEffect: "FULFILL",
      details: { courierName: "Sam", trackingUrl: null },
    });
    expect(
      decideTransition(packed, "OUT_FOR_DELIVERY", {
        by: "ASSOCIATE",
        courierName: "Sam",
        trackingUrl: "https://zip.example/t/42",
      }),
    ).toMatchObject({ ok: true, details: { trackingUrl: "https://zip.example/t/42" } });
  });

  it("hands over only a verified order, with the ID checked when the merchant requires it", () => {
    const ready = task("PICKUP", "READY");
    expect(decideTransition(ready, "PICKED_UP", { by: "ASSOCIATE" })).toMatchObject({
      ok: false,
      code: "INVALID",
      field: "handover",
      message: "Check the customer's pickup code, QR code, or order number and last name before handing over",
    });
    const byCode = { method: "PICKUP_CODE", idChecked: false } as const;
    expect(decideTransition(ready, "PICKED_UP", { by: "ASSOCIATE", handover: byCode })).toEqual({
      ok: true,
      from: "READY",
      to: "PICKED_UP",
      shopifyEffect: "FULFILL",
      details: { handover: byCode },
    });
    expect(
      decideTransition(ready, "PICKED_UP", { by: "ASSOCIATE", handover: byCode, requireIdCheck: true }),
    ).toMatchObject({
      ok: false,
      field: "idChecked",
      message: "Check the customer's ID before handing over the order",
    });
    expect(
      decideTransition(ready, "PICKED_UP", {
        by: "ASSOCIATE",
        handover: { method: "NAME_AND_ORDER", idChecked: true },
        requireIdCheck: true,
      }),
    ).toMatchObject({ ok: true, details: { handover: { method: "NAME_AND_ORDER", idChecked: true } } });
  });

  it("reports an exception on a line of the order, with a reason and an optional note", () => {
    const picking = task("PICKUP", "PICKING");
    expect(
      decideTransition(picking, "EXCEPTION", {
        by: "ASSOCIATE",
        exception: { lineItemId: "12", reason: "DAMAGED", note: "  Torn seam  " },
      }),
    ).toEqual({
      ok: true,
      from: "PICKING",
      to: "EXCEPTION",
      shopifyEffect: null,
      details: { exception: { lineItemId: "12", reason: "DAMAGED", note: "Torn seam" } },
    });
    expect(decideTransition(picking, "EXCEPTION", { by: "ASSOCIATE" })).toMatchObject({
      ok: false,
      field: "reason",
      message: "Choose why the item cannot be picked: not found or damaged",
    });
    expect(
      decideTransition(picking, "EXCEPTION", { by: "ASSOCIATE", exception: { lineItemId: "99", reason: "NOT_FOUND" } }),
    ).toMatchObject({ ok: false, field: "lineItemId", message: "That item is not on this order" });
    expect(
      decideTransition(picking, "EXCEPTION", {
        by: "ASSOCIATE",
        exception: { lineItemId: "12", reason: "NOT_FOUND", note: "x".repeat(501) },
      }),
    ).toMatchObject({ ok: false, field: "note", message: "Keep the note to 500 characters" });
  });

  it("ends a task only with the reason Shopify gave", () => {
    expect(decideTransition(task("PICKUP", "READY"), "CANCELLED", { by: "SYSTEM" })).toMatchObject({
      ok: false,
      code: "INVALID",
      field: "endedReason",
    });
  });

  it("may stage a local delivery or send it straight from packing", () => {
    expect(legalTargets("LOCAL_DELIVERY", "PACKED")).toEqual(["STAGED", "OUT_FOR_DELIVERY", "EXCEPTION", "CANCELLED"]);
    expect(legalTargets("PICKUP", "PACKED")).toEqual(["STAGED", "EXCEPTION", "CANCELLED"]);
    expect(legalTargets("SHIP", "PACKED")).toEqual(["SHIPPED", "EXCEPTION", "CANCELLED"]);
    expect(legalTargets("LOCAL_DELIVERY", "OUT_FOR_DELIVERY")).toEqual(["DELIVERED"]);
  });
});
