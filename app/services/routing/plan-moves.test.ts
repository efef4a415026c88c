import { describe, expect, it } from "vitest";
import type { Assignment } from "~/domain/routing/types";
import { planMoves, type CurrentFulfillmentOrder } from "./plan-moves";

const assignment = (locationId: string, lines: [string, number][]): Assignment => ({
  locationId,
  lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
  cost: 8,
  distanceMiles: 1,
});

const fo = (id: string, locationId: string, lines: [string, string, number][]): CurrentFulfillmentOrder => ({
  id,
  locationId,
  movable: true,
  lineItems: lines.map(([lineId, sku, remainingQuantity]) => ({ id: lineId, sku, remainingQuantity })),
});

describe("planning the moves of a decision", () => {
  it("moves a whole fulfilment order that is all going elsewhere", () => {
    const plan = planMoves([fo("F1", "W", [["L1", "A", 2]])], [assignment("S", [["A", 2]])]);
    expect(plan).toEqual({
      moves: [{ fulfillmentOrderId: "F1", fromLocationId: "W", toLocationId: "S", lineItems: null, movable: true }],
      stays: [],
    });
  });

  it("moves nothing when the fulfilment order is already where it was decided", () => {
    const plan = planMoves([fo("F1", "S", [["L1", "A", 2]])], [assignment("S", [["A", 2]])]);
    expect(plan).toEqual({ moves: [], stays: [{ fulfillmentOrderId: "F1", locationId: "S" }] });
  });

  it("moves only the line items a split sends elsewhere", () => {
    const plan = planMoves(
      [
        fo("F1", "W", [
          ["L1", "A", 1],
          ["L2", "B", 2],
          ["L3", "C", 1],
        ]),
      ],
      [assignment("W", [["A", 1]]), assignment("S1", [["B", 2]]), assignment("S2", [["C", 1]])],
    );
    expect(plan.moves).toEqual([
      {
        fulfillmentOrderId: "F1",
        fromLocationId: "W",
        toLocationId: "S1",
        lineItems: [{ id: "L2", quantity: 2 }],
        movable: true,
      },
      {
        fulfillmentOrderId: "F1",
        fromLocationId: "W",
        toLocationId: "S2",
        lineItems: [{ id: "L3", quantity: 1 }],
        movable: true,
      },
    ]);
  });

  it("leaves fulfilment orders Shopify already split across the decided locations where they are", () => {
    const plan = planMoves(
      [fo("F1", "S1", [["L1", "A", 1]]), fo("F2", "S2", [["L2", "B", 1]])],
      [assignment("S1", [["A", 1]]), assignment("S2", [["B", 1]])],
    );
    expect(plan.moves).toEqual([]);
    expect(plan.stays).toHaveLength(2);
  });
});
