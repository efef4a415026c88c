import type { Prisma } from "@prisma/client";

import { sqlRows, type Db as SqlDb } from "~/db/sql.server";

type Db = Prisma.TransactionClient;

/** How to reach an order's shopper (see OrderContact in prisma/schema.prisma). */
export interface OrderContactFacts {
  orderId: string;
  email: string | null;
  orderPhone: string | null;
  customerPhone: string | null;
  shippingPhone: string | null;
  billingPhone: string | null;
  smsMarketingConsent: boolean;
  /** Shopify's numeric customer id: the push recipient (OneSignal external id); null for a guest checkout. */
  customerId: string | null;
}

/** A contact as written: an order saved before customer ids were kept has none. */
export type OrderContactInput = Omit<OrderContactFacts, "customerId"> & { customerId?: string | null };

/** Keeps the order's contact as the latest orders/create (or a redelivery of it) gave it. Idempotent. */
export async function upsertOrderContact(db: Db, shop: string, contact: OrderContactInput): Promise<void> {
  const { orderId, ...values } = contact;
  await db.orderContact.upsert({
    where: { shop_orderId: { shop, orderId } },
    create: { shop, orderId, ...values },
    update: values,
  });
}

/** The columns of OrderContactFacts, as every reader selects them. */
export const ORDER_CONTACT_FIELDS = {
  orderId: true,
  email: true,
  orderPhone: true,
  customerPhone: true,
  shippingPhone: true,
  billingPhone: true,
  smsMarketingConsent: true,
  customerId: true,
} as const satisfies Record<keyof OrderContactFacts, true>;

const ORDER_CONTACT_COLUMNS = Object.keys(ORDER_CONTACT_FIELDS)
  .map((field) => `"${field}"`)
  .join(", ");

export async function findOrderContact(db: SqlDb, shop: string, orderId: string): Promise<OrderContactFacts | null> {
  const [row] = await sqlRows<OrderContactFacts>(
    db,
    `SELECT ${ORDER_CONTACT_COLUMNS} FROM "OrderContact" WHERE "shop" = $1 AND "orderId" = $2`,
    [shop, orderId],
  );
  return row ?? null;
}
