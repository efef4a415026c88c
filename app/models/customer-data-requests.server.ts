import type { Prisma } from "@prisma/client";
import type { CustomerIdentity } from "./data-registry.server";

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

export async function saveDataRequestReport(
  db: Db,
  shop: string,
  id: string,
  report: Prisma.InputJsonValue,
): Promise<void> {
  await db.customerDataRequest.updateMany({ where: { shop, id }, data: { report, fulfilledAt: new Date() } });
}
