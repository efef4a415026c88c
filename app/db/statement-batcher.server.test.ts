import { describe, expect, it } from "vitest";
import { StatementBatcher } from "./statement-batcher.server";

/** A batch runner that records the batches it is given and can be held until released. */
function recordingRunner(answer: (item: number) => string) {
  const batches: number[][] = [];
  const held: (() => void)[] = [];
  let holding = false;
  return {
    batches,
    hold() {
      holding = true;
    },
    releaseAll() {
      holding = false;
      held.splice(0).forEach((release) => release());
    },
    async run(items: readonly number[]): Promise<string[]> {
      batches.push([...items]);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      if (items.some((item) => item < 0)) throw new Error(`refused ${items.filter((item) => item < 0).join(", ")}`);
      return items.map(answer);
    },
  };
}

describe("a statement batcher", () => {
  it("runs the items that arrive in one tick as one batch and answers each caller its own outcome", async () => {
    const runner = recordingRunner((item) => `outcome of ${item}`);
    const batcher = new StatementBatcher((items: readonly number[]) => runner.run(items), {
      maxBatch: 10,
      maxInFlight: 2,
    });

    const outcomes = await Promise.all([1, 2, 3].map((item) => batcher.run(item)));

    expect(outcomes).toEqual(["outcome of 1", "outcome of 2", "outcome of 3"]);
    expect(runner.batches).toEqual([[1, 2, 3]]);
  });

  it("splits a tick's items at the largest batch", async () => {
    const runner = recordingRunner(String);
    const batcher = new StatementBatcher((items: readonly number[]) => runner.run(items), {
      maxBatch: 2,
      maxInFlight: 5,
    });
    await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.run(item)));
    expect(runner.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("gathers what arrives while the most batches run into the next batch", async () => {
    const runner = recordingRunner(String);
    const batcher = new StatementBatcher((items: readonly number[]) => runner.run(items), {
      maxBatch: 10,
      maxInFlight: 1,
    });
    runner.hold();
    const first = batcher.run(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((item) => batcher.run(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(runner.batches).toEqual([[1]]);

    runner.releaseAll();
    expect(await first).toBe("1");
    expect(await Promise.all(later)).toEqual(["2", "3", "4"]);
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
  });

  it("fails only the caller whose item the batch was refused for, by running a failed batch's items alone", async () => {
    const runner = recordingRunner(String);
    const batcher = new StatementBatcher((items: readonly number[]) => runner.run(items), {
      maxBatch: 10,
      maxInFlight: 2,
    });
    const settled = await Promise.allSettled([1, -2, 3].map((item) => batcher.run(item)));

    expect(settled).toEqual([
      { status: "fulfilled", value: "1" },
      { status: "rejected", reason: new Error("refused -2") },
      { status: "fulfilled", value: "3" },
    ]);
    expect(runner.batches).toEqual([[1, -2, 3], [1], [-2], [3]]);
  });
});
