import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { CustomerIdentity } from "./data-registry.server";
import { toStoredJson } from "./stored-json";

type Db = Prisma.TransactionClient;

/** Records a customers/data_request once per Shopify request id; returns the row id. */
export async function recordDataRequest(
  db: Db,
  shop: string,
  requestId: string,
  customer: CustomerIdentity,
): Promise<string> {
  const row = await db.customerDataRequest.upsert({
    where: { shop_requestId: { shop, requestId } },
    create: {
      shop,
      requestId,
      customerId: customer.id,
      email: customer.email,
      phone: customer.phone,
      orderIds: customer.orderIds,
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

export function findDataRequest(db: Db, shop: string, id: string) {
  return db.customerDataRequest.findFirst({ where: { shop, id } });
}

/** A data request's report as stored: what the app holds on the customer, table by table, as JSON. */
const storedReportSchema = z.object({
  shop: z.string(),
  requestId: z.string(),
  customer: z.json(),
  generatedAt: z.string(),
  tables: z.record(z.string(), z.array(z.json())),
});

export async function saveDataRequestReport(db: Db, shop: string, id: string, report: object): Promise<void> {
  // Round-tripped through JSON so dates are stored as the strings the merchant will read.
  const stored = toStoredJson(storedReportSchema, JSON.parse(JSON.stringify(report)), {
    table: "CustomerDataRequest",
    id,
    field: "report",
  });
  await db.customerDataRequest.updateMany({ where: { shop, id }, data: { report: stored, fulfilledAt: new Date() } });
}
