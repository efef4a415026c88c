import { describe, expect, it } from "vitest";
import { routeOrder } from "./engine/route-order";
import { explainDecision } from "./explain";
import { lines, request, store, warehouse } from "./test-fixtures";

const names = {
  WP: "Wicker Park",
  LS: "Logan Square",
  LP: "Lincoln Park",
  OP: "Oak Park",
  JOL: "Joliet DC",
  MEM: "Memphis DC",
};

describe("explainDecision", () => {
  it("tells a merchant, in plain sentences, why a same-day order went where it went", () => {
    const decision = routeOrder(
      request({ serviceLevel: "SAME_DAY", lines: lines(["TEE-M", 1], ["CAP", 1]) }, [
        store("WP", { milesAway: 1, stock: { "TEE-M": 2, CAP: 5 } }),
        store("LS", { milesAway: 2, stock: { "TEE-M": 5, CAP: 5 }, isOpen: false }),
        store("LP", { milesAway: 3, stock: { "TEE-M": 5, CAP: 5 } }),
        store("OP", { milesAway: 4, stock: { "TEE-M": 5, CAP: 5 } }),
      ]),
    );
    expect(explainDecision(decision, { names })).toEqual([
      "Order 1001: fulfilled from Lincoln Park.",
      "Same-day delivery: looking for the nearest open store within 10 miles that has every item.",
      "Wicker Park: 2 units of TEE-M, below the minimum of 3.",
      "Logan Square: closed now.",
      "Lincoln Park (3.0 mi, $9.15): chosen, the nearest open store within 10 miles with every item.",
      "Oak Park (4.0 mi, $9.20): also has every item, but is farther.",
    ]);
  });

  it("explains why a nearby store lost to a warehouse on cost", () => {
    const decision = routeOrder(
      request({ lines: lines(["TEE-M", 1], ["CAP", 2]) }, [
        store("LP", { milesAway: 3, stock: { "TEE-M": 5, CAP: 5 }, labourCostPerOrder: 9 }),
        warehouse("JOL", { milesAway: 40, stock: { "TEE-M": 50, CAP: 50 } }),
      ]),
    );
    const sentences = explainDecision(decision, { names });
    expect(sentences).toContain("Lincoln Park: costs $14.15, more than $2.50 over the warehouse's $8.12.");
    expect(sentences).toContain("Joliet DC (40.0 mi, $8.12): chosen, the cheapest warehouse with every item.");
  });

  it("says when and why the pickup store was changed", () => {
    const decision = routeOrder(
      request({ deliveryMethod: "PICK_UP", pickupLocationId: "WP", lines: lines(["TEE-M", 1]) }, [
        store("WP", { stock: { "TEE-M": 1 } }),
        store("LP", { milesAway: 3, stock: { "TEE-M": 5 }, pickupEnabled: false }),
        store("OP", { milesAway: 4, stock: { "TEE-M": 5 } }),
      ]),
    );
    expect(explainDecision(decision, { names })).toEqual([
      "Order 1001: fulfilled from Oak Park.",
      "Pickup: the shopper chose Wicker Park.",
      "Wicker Park: 1 unit of TEE-M, below the minimum of 3.",
      "Lincoln Park: pickup is turned off.",
      "Oak Park (4.0 mi, $9.20): chosen instead, the nearest open store offering pickup with every item.",
      "The pickup store was changed.",
    ]);
  });

  it("names the SKUs no location has when an order is out of stock", () => {
    const decision = routeOrder(
      request({ lines: lines(["TEE-M", 1], ["CAP", 2], ["MUG", 1]) }, [
        warehouse("JOL", { milesAway: 40, stock: { "TEE-M": 50, CAP: 1 } }),
      ]),
    );
    const sentences = explainDecision(decision, { names });
    expect(sentences[0]).toBe("Order 1001: could not be routed.");
    expect(sentences).toContain("Joliet DC: 1 unit of CAP, 2 needed.");
    expect(sentences.at(-1)).toBe("No location can supply CAP and MUG, so the order is out of stock.");
  });

  it("lists what each location of a split ships, and the total", () => {
    const decision = routeOrder(
      request({ lines: lines(["TEE-M", 1], ["CAP", 2]) }, [
        warehouse("JOL", { milesAway: 40, stock: { "TEE-M": 50 } }),
        warehouse("MEM", { milesAway: 500, stock: { CAP: 50 } }),
      ]),
    );
    const sentences = explainDecision(decision, { names });
    expect(sentences[0]).toBe("Order 1001: split across Joliet DC and Memphis DC.");
    expect(sentences.slice(-3)).toEqual([
      "Joliet DC (40.0 mi, $8.12): ships 1 × TEE-M.",
      "Memphis DC (500.0 mi, $9.50): ships 2 × CAP.",
      "Split across 2 locations, the fewest that can supply every item between them, for $17.62 in total.",
    ]);
  });

  it("uses location ids where no name is given, and accepts a Map of names", () => {
    const decision = routeOrder(
      request({}, [
        store("S-9", { milesAway: 1, stock: { "TEE-M": 1 } }),
        warehouse("W-1", { milesAway: 9, stock: { "TEE-M": 1 } }),
      ]),
    );
    expect(explainDecision(decision)).toContain("S-9: 1 unit of TEE-M, below the minimum of 3.");
    expect(explainDecision(decision, { names: new Map([["W-1", "Gary DC"]]) })[0]).toBe(
      "Order 1001: fulfilled from Gary DC.",
    );
  });
});
