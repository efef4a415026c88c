import prisma from "~/db.server";
import { formatDateTime } from "~/domain/date-time";
import { binLocationsFor } from "~/models/item-bin-locations.server";
import { listLiveLocations } from "~/models/locations.server";
import { findStoreTask } from "~/models/store-tasks.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { fetchShopOverview } from "~/shopify/operations/shop-overview.server";
import { packingSlipHtml, pickListHtml, type PrintDocument, type PrintTask } from "./print-documents";
import { PRINT_PATH, readPrintToken, signPrintToken, type PrintClaims } from "./print-links.server";
import { answered, LOCATION_NOT_A_STORE, refused, TASK_NOT_HERE, type PosCaller, type PosOutcome } from "./pos-outcome";
import { storeOf } from "./task-reads.server";

/**
 * A store task on paper: POS asks for a print link with its session (printLink), then POS's
 * Printing API loads that link (printPage), which names the shop, store, task and document.
 */

/** The link POS prints from: a path under the app URL, signed and good for a few minutes. */
export async function printLink(
  caller: PosCaller,
  taskId: string,
  document: PrintDocument,
  now = new Date(),
): Promise<PosOutcome<{ src: string; expiresAt: string }>> {
  if (!(await storeOf(caller))) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const task = await findStoreTask(prisma, caller.shop, caller.locationId, taskId);
  if (!task) return refused("NOT_FOUND", TASK_NOT_HERE);
  const { token, expiresAt } = signPrintToken(
    { shop: caller.shop, locationId: caller.locationId, taskId: task.id, document },
    now,
  );
  return answered({ src: `${PRINT_PATH}?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() });
}

export type PrintPage = { status: 200; html: string } | { status: 401 | 404; message: string };

/**
 * The shop's name for the pickup slip's heading. Shopify is asked at print time (the app keeps no
 * copy), briefly since an associate waits at the printer; when it cannot answer, the store's own
 * name heads the slip rather than no slip at all.
 */
async function shopNameOr(shop: string, fallback: string): Promise<string> {
  try {
    return (await fetchShopOverview(adminClientForShop(shop, { maxAttempts: 2, timeoutMs: 5_000 }))).name;
  } catch (error) {
    console.warn(`print: the shop name of ${shop} could not be read; the store's name is printed instead`, error);
    return fallback;
  }
}

async function printTaskFor(
  claims: PrintClaims,
): Promise<{ task: PrintTask; storeName: string; timeZone: string } | null> {
  const store = (await listLiveLocations(prisma, claims.shop)).find(
    (location) => location.locationId === claims.locationId && location.profile?.kind === "STORE",
  );
  if (!store?.profile) return null;
  const task = await findStoreTask(prisma, claims.shop, claims.locationId, claims.taskId);
  if (!task) return null;
  const skus = task.lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const bins = await binLocationsFor(prisma, claims.shop, claims.locationId, skus);
  return {
    storeName: store.name,
    timeZone: store.profile.timeZone,
    task: {
      id: task.id,
      orderName: task.orderName,
      kind: task.kind,
      customerName: task.customerName,
      pickupCode: task.pickupCode,
      // A line moved to another store is not this store's to pick or pack.
      lines: task.lines
        .filter((line) => line.takenOffAt === null)
        .map((line) => ({
          title: line.title,
          variantTitle: line.variantTitle,
          sku: line.sku,
          quantity: line.quantity,
          bin: line.sku ? (bins.get(line.sku)?.code ?? null) : null,
        })),
    },
  };
}

/** The page a print link shows, or why it shows none (a bad or old link, a task no longer here). */
export async function printPage(token: string | null, now = new Date()): Promise<PrintPage> {
  const reading = readPrintToken(token, now);
  if (!reading.ok) {
    return {
      status: 401,
      message:
        reading.reason === "EXPIRED"
          ? "This print link has expired: press Print again on the POS"
          : "This print link is not valid: press Print again on the POS",
    };
  }
  const found = await printTaskFor(reading.claims);
  if (!found) return { status: 404, message: "This order is not at this store" };
  const printedAt = formatDateTime(now, found.timeZone);
  if (reading.claims.document === "PICK_LIST") {
    return { status: 200, html: pickListHtml(found.task, { shopName: "", storeName: found.storeName, printedAt }) };
  }
  const shopName = found.task.kind === "PICKUP" ? await shopNameOr(reading.claims.shop, found.storeName) : "";
  return { status: 200, html: packingSlipHtml(found.task, { shopName, storeName: found.storeName, printedAt }) };
}
