import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { SHOP_DATA_TABLES, type CustomerIdentity } from "~/models/data-registry.server";
import { findDataRequest, saveDataRequestReport } from "~/models/customer-data-requests.server";

export type TableCounts = Partial<Record<Prisma.ModelName, number>>;

/** shop/redact: every row the app holds for the shop, in every registered table, goes. */
export async function eraseShopData(shop: string): Promise<TableCounts> {
  return prisma.$transaction(async (tx) => {
    const erased: TableCounts = {};
    for (const table of SHOP_DATA_TABLES) erased[table.model] = await table.eraseShop(tx, shop);
    return erased;
  });
}

/** customers/redact: the customer's personal data is deleted or anonymised everywhere. */
export async function redactCustomerData(shop: string, customer: CustomerIdentity): Promise<TableCounts> {
  return prisma.$transaction(async (tx) => {
    const touched: TableCounts = {};
    for (const table of SHOP_DATA_TABLES) {
      if (table.customerData) touched[table.model] = await table.customerData.redact(tx, shop, customer);
    }
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
