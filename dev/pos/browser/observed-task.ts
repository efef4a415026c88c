/**
 * The task a POS screen last read from the app, as the stand-in sees it pass by in the app's
 * answers: the scanner panel offers its barcodes.
 */
export interface ObservedLine {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  /** What the associate scans: the variant's barcode, else its SKU (the app accepts either). */
  code: string | null;
  quantity: number;
  picked: number;
}

export interface ObservedTask {
  id: string;
  orderName: string;
  state: string;
  lines: ObservedLine[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const count = (value: unknown): number => (typeof value === "number" ? value : 0);

function lineOf(value: unknown): ObservedLine | null {
  if (!isRecord(value) || typeof value.lineItemId !== "string") return null;
  return {
    lineItemId: value.lineItemId,
    title: text(value.title) ?? "Item",
    variantTitle: text(value.variantTitle),
    code: text(value.barcode) ?? text(value.sku),
    quantity: count(value.quantity),
    picked: count(value.picked),
  };
}

/** The task in an answer of the app's POS API (`{ task }`), when there is one with lines. */
export function taskInAnswer(answer: unknown): ObservedTask | null {
  if (!isRecord(answer) || !isRecord(answer.task)) return null;
  const task = answer.task;
  if (typeof task.id !== "string" || typeof task.state !== "string" || !Array.isArray(task.lines)) return null;
  return {
    id: task.id,
    orderName: text(task.orderName) ?? "",
    state: task.state,
    lines: task.lines.map(lineOf).filter((line): line is ObservedLine => line !== null),
  };
}
