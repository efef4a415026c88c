import prisma from "~/db.server";
import { replaceBinLocations, saveBinLocation } from "~/models/item-bin-locations.server";
import { listLiveLocations } from "~/models/locations.server";
import { findStoreTask } from "~/models/store-tasks.server";
import { BIN_IMPORT_MAX_BYTES, binImportTooLarge, readBinImport, type BinImportRefusal } from "./bin-locations-csv";
import { answered, LOCATION_NOT_A_STORE, refused, TASK_NOT_HERE, type PosCaller, type PosOutcome } from "./pos-outcome";
import { loadTaskView, storeOf } from "./task-reads.server";
import type { TaskView } from "./task-view";

/**
 * Where each item is kept in each store: the merchant's CSV import on the Stores page, and a
 * picker's "found it at …" from POS. Either replaces what was known for that store and SKU and
 * becomes the bin the pick screen shows, with when it was confirmed.
 */

export type BinImportOutcome = { ok: true; imported: number; stores: number } | BinImportRefusal;

/** Imports the merchant's `location,sku,bin` file: every row, or none when any row is wrong. */
export async function importBinLocations(shop: string, csv: string, now = new Date()): Promise<BinImportOutcome> {
  const stores = (await listLiveLocations(prisma, shop)).flatMap((location) =>
    location.profile?.kind === "STORE" ? [{ locationId: location.locationId, name: location.name }] : [],
  );
  const reading = readBinImport(csv, stores);
  if (!reading.ok) return reading;
  const bins = reading.rows.map((row) => ({
    locationId: row.locationId,
    sku: row.sku,
    code: row.code,
    source: "MERCHANT" as const,
    confirmedAt: now,
  }));
  // A full file is 5,000 rows: more than the default five seconds on a slow disk.
  await prisma.$transaction((tx) => replaceBinLocations(tx, shop, bins), { timeout: 60_000 });
  return { ok: true, imported: bins.length, stores: new Set(bins.map((bin) => bin.locationId)).size };
}

/** The Stores page's upload: a CSV file, or the rows pasted as text; a file over 1 MB is not read. */
export async function importBinLocationsFrom(
  shop: string,
  upload: Blob | string,
  now = new Date(),
): Promise<BinImportOutcome> {
  if (typeof upload !== "string" && upload.size > BIN_IMPORT_MAX_BYTES) return binImportTooLarge();
  return importBinLocations(shop, typeof upload === "string" ? upload : await upload.text(), now);
}

export interface FoundItInput {
  readonly lineItemId: string;
  /** Where the picker found it, already read by readItemLocationCode. */
  readonly code: string;
}

/**
 * A picker found the line's item somewhere else: that place becomes the item's bin at this store
 * (source PICKER, confirmed now). The same request again writes the same place, so a resend has
 * one effect; the answer is the task with the line's new bin.
 */
export async function recordFoundBinLocation(
  caller: PosCaller,
  taskId: string,
  input: FoundItInput,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView }>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const task = await findStoreTask(prisma, caller.shop, caller.locationId, taskId);
  if (!task) return refused("NOT_FOUND", TASK_NOT_HERE);
  const line = task.lines.find((candidate) => candidate.lineItemId === input.lineItemId);
  if (!line) return refused("NOT_FOUND", "That item is not on this order", "lineItemId");
  if (!line.sku) {
    return refused("INVALID", `${line.title} has no SKU, so where it is cannot be remembered`, "lineItemId");
  }
  await saveBinLocation(prisma, caller.shop, {
    locationId: caller.locationId,
    sku: line.sku,
    code: input.code,
    source: "PICKER",
    confirmedAt: now,
  });
  const view = await loadTaskView(caller, taskId, now, store.settings);
  return view ? answered({ task: view }) : refused("NOT_FOUND", TASK_NOT_HERE);
}
