import { describe, expect, it } from "vitest";
import { taskInAnswer } from "./observed-task";

describe("the task the stand-in sees in the app's answers", () => {
  it("offers each line's barcode, else its SKU", () => {
    const task = taskInAnswer({
      task: {
        id: "t1",
        orderName: "#1001",
        state: "PICKING",
        lines: [
          {
            lineItemId: "1",
            title: "Crew Tee",
            variantTitle: "XS",
            barcode: "0123456789012",
            sku: "TEE-XS",
            quantity: 2,
            picked: 1,
          },
          { lineItemId: "2", title: "Cap", variantTitle: null, barcode: null, sku: "CAP", quantity: 1, picked: 0 },
        ],
      },
    });
    expect(task?.lines.map((line) => line.code)).toEqual(["0123456789012", "CAP"]);
    expect(task?.lines[0]).toMatchObject({ quantity: 2, picked: 1, variantTitle: "XS" });
  });

  it("ignores answers that carry no task (the queue, errors)", () => {
    expect(taskInAnswer({ counts: {}, tasks: [] })).toBeNull();
    expect(taskInAnswer({ code: "WRONG_ITEM", message: "Not on this order" })).toBeNull();
    expect(taskInAnswer({ task: { id: "t1", state: "NEW" } })).toBeNull();
  });
});
