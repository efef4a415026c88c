import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { SHOP_DATA_TABLES, type CustomerIdentity } from "~/models/data-registry.server";
import { findDataRequest, saveDataRequestReport } from "~/models/customer-data-requests.server";
import { deleteShopJobs } from "~/models/shop-jobs.server";
import { deleteWebhookEvent, findWebhookEvent } from "~/models/webhook-events.server";
import { customersRedactPayload } from "~/services/webhooks/topics/shared-schemas";

export type TableCounts = Partial<Record<Prisma.ModelName, number>>;

/** The shop/redact job's queue (shop-redact.job.server.ts), named here to keep that job's own row. */
const SHOP_REDACT_QUEUE = "compliance.shop-redact";

/**
 * shop/redact: every row the app holds for the shop, in every registered table, goes, and its
 * jobs with them (queued ones would only fail, kept ones hold ids of its orders and customers);
 * the erasure's own job row stays for pg-boss to complete.
 */
export async function eraseShopData(shop: string): Promise<TableCounts & { jobs: number }> {
  return prisma.$transaction(async (tx) => {
    const erased: TableCounts = {};
    for (const table of SHOP_DATA_TABLES) erased[table.model] = await table.eraseShop(tx, shop);
    return { ...erased, jobs: await deleteShopJobs(tx, shop, { except: [SHOP_REDACT_QUEUE] }) };
  });
}

async function redactInTransaction(
  tx: Prisma.TransactionClient,
  shop: string,
  customer: CustomerIdentity,
): Promise<TableCounts> {
  const touched: TableCounts = {};
  for (const table of SHOP_DATA_TABLES) {
    if (table.customerData) touched[table.model] = await table.customerData.redact(tx, shop, customer);
  }
  return touched;
}

/** customers/redact: the customer's personal data is deleted or anonymised everywhere. */
export async function redactCustomerData(shop: string, customer: CustomerIdentity): Promise<TableCounts> {
  return prisma.$transaction((tx) => redactInTransaction(tx, shop, customer));
}

/**
 * customers/redact, from the stored webhook its job names: the customer it names is redacted,
 * and that webhook goes with the rest of their data, in one transaction. Run again (a retry
 * after the erasure committed), it finds the webhook gone and has nothing left to do.
 */
export async function redactCustomerOfWebhook(shop: string, webhookEventId: string): Promise<TableCounts> {
  return prisma.$transaction(async (tx) => {
    const event = await findWebhookEvent(tx, shop, webhookEventId);
    if (!event) return {};
    const parsed = customersRedactPayload.safeParse(event.payload);
    // Stored only after this same schema accepted it: anything else is a bug to see, not to skip.
    if (!parsed.success) throw new Error(`customers/redact ${webhookEventId} of ${shop} no longer reads as one`);
    const { customer, orders_to_redact: orderIds } = parsed.data;
    const touched = await redactInTransaction(tx, shop, { ...customer, orderIds });
    await deleteWebhookEvent(tx, shop, webhookEventId);
    return touched;
  });
}

export interface CustomerDataReport {
  shop: string;
  requestId: string;
  customer: CustomerIdentity;
  generatedAt: string;
  tables: Partial<Record<Prisma.ModelName, unknown[]>>;
}

/**
 * customers/data_request: assembles what the app holds on the customer and stores it on
 * the request, for the merchant to pass on. Running it again rebuilds the same report.
 */
export async function assembleCustomerDataReport(
  shop: string,
  dataRequestId: string,
  now: Date,
): Promise<CustomerDataReport | null> {
  return prisma.$transaction(async (tx) => {
    const request = await findDataRequest(tx, shop, dataRequestId);
    if (!request) return null;
    const customer: CustomerIdentity = {
      id: request.customerId,
      email: request.email,
      phone: request.phone,
      orderIds: request.orderIds,
    };
    const tables: CustomerDataReport["tables"] = {};
    for (const table of SHOP_DATA_TABLES) {
      if (table.customerData) tables[table.model] = await table.customerData.export(tx, shop, customer);
    }
    const report: CustomerDataReport = {
      shop,
      requestId: request.requestId,
      customer,
      generatedAt: now.toISOString(),
      tables,
    };
    await saveDataRequestReport(tx, shop, dataRequestId, report);
    return report;
  });
}
