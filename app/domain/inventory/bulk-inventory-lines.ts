import { numericIdOf } from "../shopify-ids";

/**
 * Reads the JSONL of the inventory mirror's bulk query (InventoryLevelsForMirror) one line at
 * a time, so a file of any size streams through in constant memory. Shopify writes each
 * location on its own line and each of its inventory levels on a later line with the
 * location's id as `__parentId`; a level line therefore carries everything needed, and no
 * earlier line has to be kept.
 */

export interface MirroredLevel {
  /** Numeric Shopify ids, as webhooks carry them. */
  readonly locationId: string;
  readonly inventoryItemId: string;
  readonly sku: string | null;
  readonly available: number;
  readonly committed: number | null;
  readonly onHand: number | null;
  /** Shopify's updatedAt of the level (ISO 8601). */
  readonly updatedAt: string;
}

export type BulkInventoryLine =
  | { readonly kind: "location"; readonly locationId: string }
  | { readonly kind: "level"; readonly level: MirroredLevel }
  | { readonly kind: "blank" };

export class BulkLineError extends Error {
  constructor(message: string, line: string) {
    super(`${message}: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`);
    this.name = "BulkLineError";
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quantitiesByName(value: unknown): Map<string, number> {
  const byName = new Map<string, number>();
  if (!Array.isArray(value)) return byName;
  for (const entry of value) {
    if (isObject(entry) && typeof entry.name === "string" && Number.isInteger(entry.quantity)) {
      byName.set(entry.name, entry.quantity as number);
    }
  }
  return byName;
}

function levelFrom(record: JsonObject, locationId: string, line: string): MirroredLevel {
  const item = isObject(record.item) ? record.item : null;
  const inventoryItemId = numericIdOf(item?.id, "InventoryItem");
  if (!inventoryItemId) throw new BulkLineError("Inventory level without its item's id", line);
  if (typeof record.updatedAt !== "string" || Number.isNaN(Date.parse(record.updatedAt))) {
    throw new BulkLineError("Inventory level without updatedAt", line);
  }
  const quantities = quantitiesByName(record.quantities);
  const available = quantities.get("available");
  if (available === undefined) throw new BulkLineError("Inventory level without its available quantity", line);
  const sku = typeof item?.sku === "string" && item.sku.trim() !== "" ? item.sku : null;
  return {
    locationId,
    inventoryItemId,
    sku,
    available,
    committed: quantities.get("committed") ?? null,
    onHand: quantities.get("on_hand") ?? null,
    updatedAt: record.updatedAt,
  };
}

/** One JSONL line of the bulk result. Throws BulkLineError on a line it cannot trust. */
export function readBulkInventoryLine(line: string): BulkInventoryLine {
  if (line.trim() === "") return { kind: "blank" };
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new BulkLineError("Not JSON", line);
  }
  if (!isObject(record)) throw new BulkLineError("Not a JSON object", line);
  if (record.__parentId === undefined) {
    const locationId = numericIdOf(record.id, "Location");
    if (!locationId) throw new BulkLineError("Top-level line is not a location", line);
    return { kind: "location", locationId };
  }
  const locationId = numericIdOf(record.__parentId, "Location");
  if (!locationId) throw new BulkLineError("Nested line whose parent is not a location", line);
  return { kind: "level", level: levelFrom(record, locationId, line) };
}

/**
 * Cuts a stream of text chunks into lines; a line split across chunks is joined. `push`
 * returns the lines completed by a chunk, `end` the last line if the text did not end
 * with a newline.
 */
export class JsonlLineSplitter {
  private pending = "";

  push(chunk: string): string[] {
    const text = this.pending + chunk;
    const lines = text.split("\n");
    this.pending = lines.pop() ?? "";
    return lines.map(stripCarriageReturn);
  }

  end(): string[] {
    const last = stripCarriageReturn(this.pending);
    this.pending = "";
    return last === "" ? [] : [last];
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
