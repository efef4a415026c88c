import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBit,
  countBits,
  hasBit,
  lowestPosition,
  popcount32,
  removeBit,
  withoutLowestBit,
  wordHas,
  wordOf,
  wordsFor,
} from "./bitset";

const positionsArb = fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 40 });

function setOf(positions: readonly number[], count = 100): Uint32Array {
  const bits = new Uint32Array(wordsFor(count));
  for (const position of positions) addBit(bits, position);
  return bits;
}

/** Every position the set holds, by walking its words' set bits lowest first. */
function walk(bits: Uint32Array): number[] {
  const found: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]!; word !== 0; word = withoutLowestBit(word)) found.push(lowestPosition(w, word));
  }
  return found;
}

describe("position bitsets", () => {
  it("take one 32-bit word per 32 positions, and at least one word", () => {
    expect([0, 1, 32, 33, 64].map(wordsFor)).toEqual([1, 1, 1, 2, 2]);
  });

  it("hold exactly the positions added and not removed", () => {
    fc.assert(
      fc.property(positionsArb, positionsArb, (added, removed) => {
        const bits = setOf(added);
        for (const position of removed) removeBit(bits, position);
        for (let position = 0; position < 100; position++) {
          const expected = added.includes(position) && !removed.includes(position);
          expect(hasBit(bits, position)).toBe(expected);
          expect(wordHas(bits[wordOf(position)]!, position)).toBe(expected);
        }
      }),
    );
  });

  it("keep several sets in one array, a row of words each", () => {
    const words = wordsFor(40);
    const rows = new Uint32Array(3 * words);
    addBit(rows, 35, 1 * words);
    expect(hasBit(rows, 35, 1 * words)).toBe(true);
    expect(hasBit(rows, 35, 0)).toBe(false);
    expect(hasBit(rows, 35, 2 * words)).toBe(false);
  });

  it("walk their positions lowest first, each once, bit 31 included", () => {
    fc.assert(
      fc.property(positionsArb, (positions) => {
        expect(walk(setOf([...positions, 31]))).toEqual([...new Set([...positions, 31])].sort((a, b) => a - b));
      }),
    );
  });

  it("count their positions", () => {
    fc.assert(
      fc.property(positionsArb, (positions) => {
        const bits = setOf(positions);
        expect(countBits(bits)).toBe(positions.length);
        expect(popcount32(bits[0]!)).toBe(positions.filter((position) => position < 32).length);
      }),
    );
    expect(popcount32(0xffffffff)).toBe(32);
  });
});
