import { standingSentence, type TaskStanding } from "./state-messages";
import { cleanTyped } from "./transition-fields";
import { itemName, MANUAL_CONFIRM_REASONS, type ManualConfirmReason, type PickLine } from "./types";

/**
 * Picking by scanning: which line a scanned code picks (the variant's barcode, else its SKU),
 * what refuses it (an item not on the order, a line already complete), confirming a line by hand
 * with a reason, the scan accuracy and the pick time.
 */

/** The lines still to be picked at this store (those moved away by an exception are not). */
export function linesHere(lines: readonly PickLine[]): PickLine[] {
  return lines.filter((line) => !line.takenOff);
}

/** Units picked and units to pick, over the lines still here. */
export function pickProgress(lines: readonly PickLine[]): { picked: number; total: number } {
  let picked = 0;
  let total = 0;
  for (const line of linesHere(lines)) {
    picked += Math.min(line.picked, line.quantity);
    total += line.quantity;
  }
  return { picked, total };
}

export function isFullyPicked(lines: readonly PickLine[]): boolean {
  return linesHere(lines).every((line) => line.picked >= line.quantity);
}

/**
 * Why a task takes no scans now, or null when it does: scans are taken while the task is new
 * (the first scan starts picking) or being picked.
 */
export function pickingRefusal(task: TaskStanding): string | null {
  return task.state === "NEW" || task.state === "PICKING" ? null : standingSentence(task);
}

/** GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14: the lengths GS1 pads to 14 digits to compare. */
const GTIN = /^(?:\d{8}|\d{12,14})$/;

/**
 * The same barcode: equal as scanned, or the same GTIN once both are zero-padded to 14 digits,
 * as GS1 compares them (a UPC-A "036000291452" scanned as the EAN-13 "0036000291452").
 * Anything else must match exactly: a barcode is not case-folded.
 */
export function sameBarcode(stored: string | null, scanned: string): boolean {
  const barcode = cleanTyped(stored);
  if (barcode === "" || scanned === "") return false;
  if (barcode === scanned) return true;
  return GTIN.test(barcode) && GTIN.test(scanned) && barcode.padStart(14, "0") === scanned.padStart(14, "0");
}

/** The same SKU, trimmed and ignoring case: SKUs are typed by people and printed in either case. */
export function sameSku(stored: string | null, scanned: string): boolean {
  const sku = cleanTyped(stored);
  return sku !== "" && scanned !== "" && sku.toUpperCase() === scanned.toUpperCase();
}

export type ScanResult =
  | {
      readonly outcome: "PICKED";
      readonly line: PickLine;
      readonly lines: readonly PickLine[];
      readonly matchedBy: "BARCODE" | "SKU";
    }
  | { readonly outcome: "WRONG_ITEM"; readonly message: string; readonly itemName: string | null }
  | { readonly outcome: "OVER_PICKED"; readonly line: PickLine; readonly message: string }
  | { readonly outcome: "EMPTY"; readonly message: string };

export type ScanOutcome = ScanResult["outcome"];

function allPickedMessage(matching: readonly PickLine[]): string {
  const quantity = matching.reduce((sum, line) => sum + line.quantity, 0);
  const name = itemName(matching[0] ?? { title: "this item", variantTitle: null });
  return quantity === 1 ? `${name} is already picked` : `All ${quantity} of ${name} are already picked`;
}

function withPicked(lines: readonly PickLine[], lineItemId: string, add: number): PickLine[] {
  return lines.map((line) => (line.lineItemId === lineItemId ? { ...line, picked: line.picked + add } : line));
}

/**
 * What a scanned code does to the pick: picks one unit of the first line it matches that still
 * needs one (by barcode, and only when no line's barcode matches, by SKU), or says why not.
 * `catalogue` (code → item name, for codes the shop knows) names a wrong item; matched the same
 * way as the lines.
 */
export function scanCode(
  lines: readonly PickLine[],
  rawCode: string,
  catalogue?: ReadonlyMap<string, string>,
): ScanResult {
  const code = cleanTyped(rawCode);
  if (code === "") return { outcome: "EMPTY", message: "Nothing was read: scan again or type the code" };
  const here = linesHere(lines);
  let matchedBy: "BARCODE" | "SKU" = "BARCODE";
  let matching = here.filter((line) => sameBarcode(line.barcode, code));
  if (matching.length === 0) {
    matchedBy = "SKU";
    matching = here.filter((line) => sameSku(line.sku, code));
  }
  if (matching.length === 0) return wrongItem(lines, code, catalogue);
  const open = matching.find((line) => line.picked < line.quantity);
  if (!open) return { outcome: "OVER_PICKED", line: matching[0]!, message: allPickedMessage(matching) };
  return {
    outcome: "PICKED",
    line: { ...open, picked: open.picked + 1 },
    lines: withPicked(lines, open.lineItemId, 1),
    matchedBy,
  };
}

function wrongItem(lines: readonly PickLine[], code: string, catalogue?: ReadonlyMap<string, string>): ScanResult {
  const movedAway = lines.find((line) => line.takenOff && (sameBarcode(line.barcode, code) || sameSku(line.sku, code)));
  if (movedAway) {
    const name = itemName(movedAway);
    return {
      outcome: "WRONG_ITEM",
      message: `${name} was moved to another store: it is no longer on this order`,
      itemName: name,
    };
  }
  for (const [known, name] of catalogue ?? []) {
    if (sameBarcode(known, code) || sameSku(known, code)) {
      return { outcome: "WRONG_ITEM", message: `That's ${name}: it is not on this order`, itemName: name };
    }
  }
  return { outcome: "WRONG_ITEM", message: "This item is not on this order", itemName: null };
}

export type ManualConfirmResult =
  | { readonly ok: true; readonly line: PickLine; readonly lines: readonly PickLine[] }
  | {
      readonly ok: false;
      readonly code: "NOT_FOUND" | "INVALID" | "OVER_PICKED";
      readonly message: string;
      readonly field: "lineItemId" | "quantity" | "reason";
    };

export function isManualConfirmReason(value: unknown): value is ManualConfirmReason {
  return typeof value === "string" && (MANUAL_CONFIRM_REASONS as readonly string[]).includes(value);
}

/**
 * Confirms units of a line without a scan. A reason is required (it is recorded, and the scan
 * accuracy does not count it), and the quantity is from 1 to what is left to pick.
 */
export function confirmLineManually(
  lines: readonly PickLine[],
  lineItemId: string,
  quantity: number,
  reason: ManualConfirmReason | null | undefined,
): ManualConfirmResult {
  if (!isManualConfirmReason(reason)) {
    return {
      ok: false,
      code: "INVALID",
      message: "Choose why the item is confirmed without scanning it",
      field: "reason",
    };
  }
  const line = linesHere(lines).find((candidate) => candidate.lineItemId === lineItemId);
  if (!line) return { ok: false, code: "NOT_FOUND", message: "That item is not on this order", field: "lineItemId" };
  const remaining = line.quantity - line.picked;
  if (remaining <= 0) return { ok: false, code: "OVER_PICKED", message: allPickedMessage([line]), field: "quantity" };
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > remaining) {
    const message =
      remaining === 1
        ? `Only 1 ${itemName(line)} is left to pick: enter 1`
        : `Enter a quantity from 1 to ${remaining}: ${remaining} of ${itemName(line)} are left to pick`;
    return { ok: false, code: "INVALID", message, field: "quantity" };
  }
  return {
    ok: true,
    line: { ...line, picked: line.picked + quantity },
    lines: withPicked(lines, lineItemId, quantity),
  };
}

/** Scans counted for an associate's (or a store's) scan accuracy. */
export interface ScanTally {
  readonly rightScans: number;
  readonly wrongScans: number;
}

/**
 * Counts a scan: one that picked is right; a wrong item is wrong, and so is a scan past a line's
 * quantity, since the associate had one unit too many in hand. An empty read counts for nothing.
 */
export function tallyScan(tally: ScanTally, outcome: ScanOutcome): ScanTally {
  switch (outcome) {
    case "PICKED":
      return { ...tally, rightScans: tally.rightScans + 1 };
    case "WRONG_ITEM":
    case "OVER_PICKED":
      return { ...tally, wrongScans: tally.wrongScans + 1 };
    case "EMPTY":
      return tally;
  }
}

/** Right scans over all scans, 0–1; null before any scan. */
export function scanAccuracy(tally: ScanTally): number | null {
  const scans = tally.rightScans + tally.wrongScans;
  return scans === 0 ? null : tally.rightScans / scans;
}

/**
 * Pick time, first scan to packed, in whole seconds; null until both happened. A packing time
 * before the first scan (two devices' clocks) counts as 0, not as a negative time.
 */
export function pickSeconds(firstScanAt: Date | null | undefined, packedAt: Date | null | undefined): number | null {
  if (!firstScanAt || !packedAt) return null;
  return Math.max(0, Math.round((packedAt.getTime() - firstScanAt.getTime()) / 1000));
}

/** The median of pick times (the middle one, or the mean of the middle two); null for none. */
export function medianSeconds(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
