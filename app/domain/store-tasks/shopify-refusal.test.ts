import { describe, expect, it } from "vitest";
import { shopifyRefusalMessage } from "./shopify-refusal";
import { storeTaskTimeline, type TimelineEvent } from "./timeline";

/** The words for a Shopify call the app gave up on: on POS, and on the order page's store timeline. */

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));

describe("a Shopify call the app gave up on", () => {
  it("tells the associate what Shopify did not accept, and to ask their manager", () => {
    expect(shopifyRefusalMessage("FULFILL")).toBe(
      "Shopify did not accept that the order left the store — ask your manager",
    );
  });

  it("is a problem step on the order's store timeline; the merchant's retry is not a step", () => {
    const events: TimelineEvent[] = [
      { at: at(0), fromState: null, toState: "NEW", staffMemberId: null, detail: { kind: "ASSIGNED" } },
      {
        at: at(2),
        fromState: "PICKING",
        toState: "PICKING",
        staffMemberId: null,
        detail: { kind: "SHOPIFY_GAVE_UP", effect: "REPORT_PROGRESS" },
      },
      {
        at: at(9),
        fromState: "PICKING",
        toState: "PICKING",
        staffMemberId: null,
        detail: { kind: "SHOPIFY_RETRIED", effect: "REPORT_PROGRESS" },
      },
    ];

    const steps = storeTaskTimeline(events, []);

    expect(steps.map((step) => [step.label, step.problem])).toEqual([
      [steps[0]!.label, false],
      ["Shopify did not accept that picking started", true],
    ]);
  });
});
