/**
 * Core Web Vitals from the browser's own performance entries, for bench/web-vitals.bench.ts.
 *
 * In the page: OBSERVER_SCRIPT (installed as an init script, so it runs in every frame before the
 * frame's own scripts) keeps every 'largest-contentful-paint', 'layout-shift' and 'event' entry
 * (Event Timing, durationThreshold 16 ms) of the frame in window.__omnirouteVitals; READ_SCRIPT
 * returns them with the frame's navigation timing and performance marks.
 * Here: the metrics from those entries, as web-vitals (Google's library) defines them.
 */

export interface LcpEntry {
  startTime: number;
  size: number;
  element: string | null;
  url: string;
}

export interface ShiftEntry {
  startTime: number;
  value: number;
  hadRecentInput: boolean;
  sources: (string | null)[];
}

export interface EventEntry {
  name: string;
  interactionId: number;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
  target: string | null;
}

export interface FrameVitals {
  /** The frame's performance.timeOrigin (ms since the epoch). */
  timeOrigin: number;
  url: string;
  ttfb: number | null;
  fcp: number | null;
  loadEventEnd: number | null;
  lcp: LcpEntry[];
  shifts: ShiftEntry[];
  events: EventEntry[];
  marks: { name: string; startTime: number }[];
  errors: string[];
}

// Plain JavaScript in strings: functions handed to Playwright are serialized with their source,
// and tsx's transform adds helpers to that source that do not exist in the page.
export const OBSERVER_SCRIPT = String.raw`(() => {
  if (window.__omnirouteVitals) return;
  const vitals = { lcp: [], shifts: [], events: [], errors: [] };
  window.__omnirouteVitals = vitals;
  const describe = (node) => {
    if (!node) return null;
    if (node.nodeType !== 1) return node.nodeName;
    let text = node.tagName.toLowerCase();
    if (node.id) text += "#" + node.id;
    const classes = typeof node.className === "string" ? node.className.trim().split(/\s+/).filter(Boolean) : [];
    if (classes.length) text += "." + classes.slice(0, 2).join(".");
    const words = (node.textContent || "").slice(0, 200).trim().replace(/\s+/g, " ").slice(0, 48);
    return words ? text + ' "' + words + '"' : text;
  };
  const observe = (type, record, options) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record(entry);
      }).observe({ type, buffered: true, ...options });
    } catch (error) {
      vitals.errors.push(type + ": " + (error && error.message));
    }
  };
  observe("largest-contentful-paint", (entry) =>
    vitals.lcp.push({ startTime: entry.startTime, size: entry.size, element: describe(entry.element), url: entry.url || "" }),
  );
  observe("layout-shift", (entry) =>
    vitals.shifts.push({
      startTime: entry.startTime,
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: (entry.sources || []).map((source) => describe(source.node)),
    }),
  );
  observe(
    "event",
    (entry) => {
      if (!entry.interactionId) return;
      vitals.events.push({
        name: entry.name,
        interactionId: entry.interactionId,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
        target: describe(entry.target),
      });
    },
    { durationThreshold: 16 },
  );
})();`;

export const READ_SCRIPT = String.raw`(() => {
  const vitals = window.__omnirouteVitals || { lcp: [], shifts: [], events: [], errors: ["observer not installed"] };
  const navigation = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    timeOrigin: performance.timeOrigin,
    url: location.href,
    ttfb: navigation ? navigation.responseStart : null,
    fcp: fcp ? fcp.startTime : null,
    loadEventEnd: navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null,
    lcp: vitals.lcp.slice(),
    shifts: vitals.shifts.slice(),
    events: vitals.events.slice(),
    marks: performance.getEntriesByType("mark").map((mark) => ({ name: mark.name, startTime: mark.startTime })),
    errors: vitals.errors.slice(),
  };
})()`;

/** The last LCP candidate: the page's LCP (reported before the first input, as the browser stops there). */
export function largestContentfulPaint(entries: readonly LcpEntry[]): LcpEntry | null {
  return entries.length ? entries[entries.length - 1]! : null;
}

/**
 * CLS: the largest session window of layout shifts not caused by recent input, a window ending
 * after a 1 s gap without shifts or once it spans 5 s. `until` leaves out shifts from then on.
 */
export function cumulativeLayoutShift(shifts: readonly ShiftEntry[], until = Infinity): number {
  let largest = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  const counted = shifts
    .filter((shift) => !shift.hadRecentInput && shift.startTime < until)
    .sort((a, b) => a.startTime - b.startTime);
  for (const shift of counted) {
    if (shift.startTime - previous < 1000 && shift.startTime - windowStart < 5000) {
      current += shift.value;
    } else {
      current = shift.value;
      windowStart = shift.startTime;
    }
    previous = shift.startTime;
    largest = Math.max(largest, current);
  }
  return largest;
}

/** The largest shifts not caused by input, largest first: what moved. */
export function worstShifts(shifts: readonly ShiftEntry[], count = 3): ShiftEntry[] {
  return shifts
    .filter((shift) => !shift.hadRecentInput)
    .sort((a, b) => b.value - a.value)
    .slice(0, count);
}

export interface Interaction {
  interactionId: number;
  /** The longest of the interaction's event entries, as INP counts it. */
  duration: number;
  startTime: number;
  /** The longest entry (its name and target say what was touched). */
  entry: EventEntry;
  /** Every entry of the interaction that reached the threshold (e.g. pointerdown, pointerup, click). */
  entries: EventEntry[];
}

/** Event Timing entries grouped into interactions (pointerdown/pointerup/click or keydown/keyup). */
export function interactions(events: readonly EventEntry[]): Interaction[] {
  const byId = new Map<number, Interaction>();
  for (const entry of events) {
    if (!entry.interactionId) continue;
    const known = byId.get(entry.interactionId);
    if (!known) {
      byId.set(entry.interactionId, {
        interactionId: entry.interactionId,
        duration: entry.duration,
        startTime: entry.startTime,
        entry,
        entries: [entry],
      });
    } else {
      known.entries.push(entry);
      known.startTime = Math.min(known.startTime, entry.startTime);
      if (entry.duration > known.duration) {
        known.duration = entry.duration;
        known.entry = entry;
      }
    }
  }
  return [...byId.values()].sort((a, b) => a.startTime - b.startTime);
}

/**
 * INP as web-vitals computes it: the longest interaction, except that one in fifty is let off
 * (the 98th percentile) once there are fifty or more. Null when nothing reached 16 ms.
 */
export function interactionToNextPaint(durations: readonly number[]): number | null {
  if (!durations.length) return null;
  const sorted = [...durations].sort((a, b) => b - a);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length / 50))]!;
}

/**
 * An interaction's input delay (its first event's wait for the main thread), processing (from the
 * first handler's start to the last one's end, whatever ran between them) and presentation delay
 * (from there to the next paint), in ms, as web-vitals' attribution splits them.
 */
export function phases(interaction: Pick<Interaction, "startTime" | "duration" | "entries">): {
  delay: number;
  processing: number;
  presentation: number;
} {
  const first = interaction.entries.reduce((a, b) => (b.startTime < a.startTime ? b : a));
  const processingStart = Math.min(...interaction.entries.map((entry) => entry.processingStart));
  const processingEnd = Math.max(...interaction.entries.map((entry) => entry.processingEnd));
  const delay = first.processingStart - first.startTime;
  const processing = processingEnd - processingStart;
  return { delay, processing, presentation: Math.max(0, interaction.startTime + interaction.duration - processingEnd) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
