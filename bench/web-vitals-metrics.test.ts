import { describe, expect, it } from "vitest";
import {
  cumulativeLayoutShift,
  interactionToNextPaint,
  interactions,
  phases,
  type EventEntry,
  type ShiftEntry,
} from "./web-vitals-metrics";

const shift = (startTime: number, value: number, hadRecentInput = false): ShiftEntry => ({
  startTime,
  value,
  hadRecentInput,
  sources: [],
});

const event = (
  interactionId: number,
  name: string,
  startTime: number,
  duration: number,
  processing: [number, number],
): EventEntry => ({
  name,
  interactionId,
  startTime,
  duration,
  processingStart: processing[0],
  processingEnd: processing[1],
  target: null,
});

describe("cumulativeLayoutShift", () => {
  it("is the largest session window, not the sum of every shift", () => {
    // Two windows: 0.02 + 0.03 (within 1 s of each other), then 0.04 two seconds later.
    expect(cumulativeLayoutShift([shift(100, 0.02), shift(900, 0.03), shift(2900, 0.04)])).toBeCloseTo(0.05);
  });

  it("closes a window after 5 s even when shifts keep coming", () => {
    const steady = Array.from({ length: 12 }, (_, index) => shift(index * 800, 0.01));
    // Shifts at 0 … 4800 ms share a window (7 of them); the one at 5600 ms opens the next.
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.07);
  });

  it("leaves out shifts that followed input, and those after `until`", () => {
    const shifts = [shift(100, 0.02), shift(300, 0.5, true), shift(600, 0.03), shift(5000, 0.2)];
    expect(cumulativeLayoutShift(shifts, 4000)).toBeCloseTo(0.05);
    expect(cumulativeLayoutShift([])).toBe(0);
  });
});

describe("interactions and INP", () => {
  it("groups entries by interaction and takes the longest, splitting it like web-vitals", () => {
    const found = interactions([
      event(7, "pointerdown", 1000, 80, [1010, 1012]),
      event(7, "click", 1030, 56, [1031, 1060]),
      event(9, "keydown", 2000, 24, [2001, 2005]),
      event(0, "pointermove", 1500, 200, [1500, 1600]),
    ]);
    expect(found.map((interaction) => [interaction.interactionId, interaction.duration])).toEqual([
      [7, 80],
      [9, 24],
    ]);
    expect(phases(found[0]!)).toEqual({ delay: 10, processing: 50, presentation: 20 });
  });

  it("is the worst interaction below 50, one in fifty let off above", () => {
    expect(interactionToNextPaint([])).toBeNull();
    expect(interactionToNextPaint([24, 120, 40])).toBe(120);
    const many = [...Array.from({ length: 60 }, () => 30), 400];
    expect(interactionToNextPaint(many)).toBe(30);
  });
});
