import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cheapestMinimumCover } from "./indexed-split";
import { canonicalTotal, planSplit, type SplitCandidate } from "./split";

function candidate(id: string, cost: number, servedLines: number[], distance = 1): SplitCandidate {
  return { id, cost, distance, servedLines };
}

function chosenIds(lineCount: number, candidates: SplitCandidate[]): string[] | null {
  const plan = planSplit(lineCount, candidates);
  return plan === null ? null : plan.parts.map((part) => candidates[part.candidate]!.id).sort();
}

/** Every subset, ranked by (size, canonical total, sorted ids): the objective, by brute force. */
function bruteForce(lineCount: number, candidates: readonly SplitCandidate[]): string[] | null {
  let best: { size: number; total: number; ids: string[] } | null = null;
  for (let subset = 1; subset < 1 << candidates.length; subset++) {
    const members = candidates.filter((_, i) => (subset & (1 << i)) !== 0);
    const covered = new Set(members.flatMap((member) => member.servedLines));
    if (covered.size < lineCount) continue;
    const total = canonicalTotal(members.map((member) => member.cost));
    const ids = members.map((member) => member.id).sort();
    const better =
      best === null ||
      members.length < best.size ||
      (members.length === best.size &&
        (total < best.total || (total === best.total && ids.join("\u0000") < best.ids.join("\u0000"))));
    if (better) best = { size: members.length, total, ids };
  }
  return best?.ids ?? null;
}

const problemArb = fc
  .record({
    lineCount: fc.integer({ min: 1, max: 6 }),
    candidates: fc.array(
      fc.record({
        // Few distinct costs, so equal totals and id tie-breaks come up often.
        cost: fc.constantFrom(1, 2, 2.5, 3, 0.1, 0.2, 0.30000000000000004),
        distance: fc.integer({ min: 0, max: 3 }),
        serves: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      }),
      { minLength: 0, maxLength: 9 },
    ),
  })
  .map(({ lineCount, candidates }) => ({
    lineCount,
    candidates: candidates.map((c, i) =>
      candidate(
        `C${(i * 7) % 10}${i}`,
        c.cost,
        c.serves.flatMap((serves, line) => (serves && line < lineCount ? [line] : [])),
        c.distance,
      ),
    ),
  }));

describe("planSplit", () => {
  it("covers every line with the fewest candidates", () => {
    const candidates = [
      candidate("A", 1, [0]),
      candidate("B", 1, [1]),
      candidate("C", 1, [2]),
      candidate("ABC-PRICEY", 50, [0, 1, 2]),
    ];
    expect(chosenIds(3, candidates)).toEqual(["ABC-PRICEY"]);
  });

  it("prefers the lowest total cost among covers of the same size", () => {
    const candidates = [
      candidate("AB", 5, [0, 1]),
      candidate("C", 5, [2]),
      candidate("A", 1, [0]),
      candidate("BC", 2, [1, 2]),
    ];
    expect(chosenIds(3, candidates)).toEqual(["A", "BC"]);
  });

  it("breaks an exact cost tie by the smaller sorted ids", () => {
    const candidates = [candidate("Z", 1, [0]), candidate("Y", 1, [1]), candidate("X", 1, [0]), candidate("W", 1, [1])];
    expect(chosenIds(2, candidates)).toEqual(["W", "X"]);
  });

  it("gives each line to the cheapest chosen candidate that can serve it, in line order", () => {
    const candidates = [candidate("AB", 3, [0, 1]), candidate("BC", 2, [1, 2])];
    const plan = planSplit(3, candidates);
    expect(plan?.parts).toEqual([
      { candidate: 0, lines: [0] },
      { candidate: 1, lines: [1, 2] },
    ]);
  });

  it("returns null when some line has no candidate", () => {
    expect(planSplit(2, [candidate("A", 1, [0])])).toBeNull();
  });

  it("handles orders longer than a 32-bit mask, merging lines the same candidates serve", () => {
    const lineCount = 40;
    const evens = Array.from({ length: lineCount }, (_, line) => line).filter((line) => line % 2 === 0);
    const odds = Array.from({ length: lineCount }, (_, line) => line).filter((line) => line % 2 === 1);
    const candidates = [candidate("EVENS", 2, evens), candidate("ODDS", 2, odds), candidate("ODDS-PRICEY", 3, odds)];
    expect(chosenIds(lineCount, candidates)).toEqual(["EVENS", "ODDS"]);
  });

  it("handles more than 30 distinct line classes with bigint masks", () => {
    const lineCount = 34;
    const candidates = Array.from({ length: lineCount }, (_, line) =>
      candidate(`L${String(line).padStart(2, "0")}`, 1, [line]),
    );
    candidates.push(
      candidate(
        "ALL-BUT-LAST",
        10,
        Array.from({ length: lineCount - 1 }, (_, line) => line),
      ),
    );
    expect(chosenIds(lineCount, candidates)).toEqual(["ALL-BUT-LAST", "L33"]);
  });

  it("agrees with brute force on small random problems, ties included", () => {
    fc.assert(
      fc.property(problemArb, ({ lineCount, candidates }) => {
        expect(chosenIds(lineCount, candidates)).toEqual(bruteForce(lineCount, candidates));
      }),
      { numRuns: 1500 },
    );
  });

  it("does not depend on the order candidates are given in", () => {
    fc.assert(
      fc.property(problemArb, ({ lineCount, candidates }) => {
        expect(chosenIds(lineCount, [...candidates].reverse())).toEqual(chosenIds(lineCount, candidates));
      }),
      { numRuns: 500 },
    );
  });
});

describe("cheapestMinimumCover (the indexed engine's split search)", () => {
  it("finds the same cover as planSplit on random problems", () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 40 }), ({ lineCount, candidates }, offset) => {
        // Candidates sit at scattered positions of a 2-word bitset.
        const positions = candidates.map((_, i) => (offset + i * 5) % 64);
        const byPosition = new Map(positions.map((position, i) => [position, candidates[i]!]));
        if (byPosition.size < candidates.length) return;
        const lineRows = Array.from({ length: lineCount }, () => new Uint32Array(2));
        candidates.forEach((c, i) => {
          for (const line of c.servedLines) lineRows[line]![positions[i]! >>> 5]! |= 1 << (positions[i]! & 31);
        });
        const ids = Array.from({ length: 64 }, (_, position) => byPosition.get(position)?.id ?? `unused-${position}`);
        const chosen = cheapestMinimumCover({
          lineCount,
          words: 2,
          lineRows,
          ids,
          costOf: (position) => byPosition.get(position)!.cost,
          costLowerBound: (position) => byPosition.get(position)!.cost / 2,
          cheapestPossibleCost: 0,
          costMemo: new Float64Array(64),
          costStamp: new Uint32Array(64),
          stamp: 1,
        });
        expect(chosen === null ? null : chosen.map((position) => ids[position]!).sort()).toEqual(
          chosenIds(lineCount, candidates),
        );
      }),
      { numRuns: 1500 },
    );
  });
});
