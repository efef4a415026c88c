import prisma from "~/db.server";
import { inventoryCsvHeaderLine, inventoryCsvLine } from "~/domain/inventory/inventory-csv";
import {
  encodeInventoryCursor,
  type InventoryPageQuery,
  type InventorySort,
} from "~/domain/inventory/inventory-page-query";
import { sellableForRouting } from "~/domain/inventory/sellable-for-routing";
import { findInventoryCells, isLiveLocation, type InventoryCellRow } from "~/models/inventory-page.server";
import {
  catalogueSyncedAt,
  countLevelsSyncedSince,
  latestFullSyncJob,
  type FullSyncJob,
} from "~/models/inventory-sync-status.server";
import { inventoryFullSyncJob } from "~/services/inventory/full-sync.job.server";
import { liveLocationName } from "~/services/locations/location-search.server";
import { currentRoutingSettings } from "~/services/routing-settings/settings.server";

/** The Inventory page's reads (the mirror, SKU by location) and its one write (sync now). */

export const INVENTORY_PAGE_SIZE = 50;
const CSV_BATCH_SIZE = 1_000;

export interface InventoryCell {
  /** Unique on the page: the level's location and inventory item. */
  id: string;
  sku: string;
  productTitle: string | null;
  variantTitle: string | null;
  barcode: string | null;
  locationId: string;
  /** The location's name, or its id when the mirror has not read the location yet. */
  locationName: string;
  kind: InventoryCellRow["kind"];
  available: number;
  reserved: number;
  sellable: number;
  /** A store holding fewer units than the store minimum for routing. */
  belowStoreMinimum: boolean;
}

export interface SyncStatus {
  /** When the last full sync finished (or, before any job is on record, read the catalogue). */
  lastSyncedAt: Date | null;
  job: FullSyncJob | null;
  /** While a sync runs: levels it has written so far. */
  levelsSynced: number | null;
}

export type InventoryPage =
  | {
      found: true;
      cells: InventoryCell[];
      nextCursor: string | null;
      /** The location the page is filtered by, named for its picker; null when not filtered. */
      locationName: string | null;
      storeMinUnits: number;
      sync: SyncStatus;
    }
  | { found: false };

function cellOf(row: InventoryCellRow, storeMinUnits: number): InventoryCell {
  const sellable = sellableForRouting(row, storeMinUnits);
  return {
    id: `${row.locationId}:${row.inventoryItemId}`,
    sku: row.sku,
    productTitle: row.productTitle,
    variantTitle: row.variantTitle,
    barcode: row.barcode,
    locationId: row.locationId,
    locationName: row.locationName ?? `Location ${row.locationId}`,
    kind: row.kind,
    available: row.available,
    reserved: row.reserved,
    sellable,
    belowStoreMinimum: row.kind === "STORE" && sellable < storeMinUnits,
  };
}

function nextCursorOf(sort: InventorySort, rows: readonly InventoryCellRow[], pageSize: number): string | null {
  const last = rows[pageSize - 1];
  return rows.length > pageSize && last ? encodeInventoryCursor(sort, last) : null;
}

async function syncStatus(shop: string): Promise<SyncStatus> {
  const [job, catalogue] = await Promise.all([
    latestFullSyncJob(prisma, shop, inventoryFullSyncJob.queue),
    catalogueSyncedAt(prisma, shop),
  ]);
  const running = job?.state === "RUNNING" && job.startedAt !== null;
  return {
    lastSyncedAt: job?.state === "DONE" && job.completedAt ? job.completedAt : catalogue,
    job,
    levelsSynced: running ? await countLevelsSyncedSince(prisma, shop, job.startedAt!) : null,
  };
}

/**
 * One page of the shop's inventory under the query, with the name of the location it is filtered
 * by and how the mirror is syncing. Not found when the query filters by a location the shop does not have.
 */
export async function loadInventoryPage(shop: string, query: InventoryPageQuery, now: Date): Promise<InventoryPage> {
  const { settings } = await currentRoutingSettings(shop);
  const [locationName, rows, sync] = await Promise.all([
    query.locationId === null ? null : liveLocationName(shop, query.locationId),
    findInventoryCells(prisma, shop, query, {
      storeMinUnits: settings.storeMinUnits,
      now,
      limit: INVENTORY_PAGE_SIZE + 1,
    }),
    syncStatus(shop),
  ]);
  if (query.locationId !== null && locationName === null) return { found: false };
  return {
    found: true,
    cells: rows.slice(0, INVENTORY_PAGE_SIZE).map((row) => cellOf(row, settings.storeMinUnits)),
    nextCursor: nextCursorOf(query.sort, rows, INVENTORY_PAGE_SIZE),
    locationName,
    storeMinUnits: settings.storeMinUnits,
    sync,
  };
}

/** Whether the location is one of the shop's (the export refuses a filter by another shop's). */
export function isShopLocation(shop: string, locationId: string): Promise<boolean> {
  return isLiveLocation(prisma, shop, locationId);
}

/**
 * Every cell under the query (its cursor ignored) as CSV, read in keyset batches while the body
 * is sent, so a national chain's 640,000 levels never sit in memory at once.
 */
export function inventoryCsvStream(shop: string, query: InventoryPageQuery, now: Date): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = null as InventoryPageQuery["after"];
  let started = false;
  let done = false;
  let storeMinUnits: number | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        storeMinUnits = (await currentRoutingSettings(shop)).settings.storeMinUnits;
        controller.enqueue(encoder.encode(inventoryCsvHeaderLine()));
        return;
      }
      if (done || storeMinUnits === null) return;
      const rows = await findInventoryCells(
        prisma,
        shop,
        { ...query, after },
        { storeMinUnits, now, limit: CSV_BATCH_SIZE },
      );
      const minimum = storeMinUnits;
      const text = rows
        .map((row) => inventoryCsvLine({ ...cellOf(row, minimum), locationId: row.locationId }))
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      const last = rows.at(-1);
      if (rows.length < CSV_BATCH_SIZE || !last) {
        done = true;
        controller.close();
      } else {
        after = last;
      }
    },
  });
}

export type SyncNowOutcome = "QUEUED" | "ALREADY_QUEUED";

/** Queues the mirror's full sync now (the same job as install and nightly; one queued at most). */
export async function syncInventoryNow(shop: string): Promise<SyncNowOutcome> {
  const id = await prisma.$transaction((tx) => inventoryFullSyncJob.enqueue(tx, { shop }));
  return id === null ? "ALREADY_QUEUED" : "QUEUED";
}
