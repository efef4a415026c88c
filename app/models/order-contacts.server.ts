import { castPlaceholders, selectRow, type GatedInsertOptions, type StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db as SqlDb } from "~/db/sql.server";

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
export async function upsertOrderContact(db: SqlDb, shop: string, contact: OrderContactInput): Promise<void> {
  const { text, values } = orderContactUpsert(shop, contact);
  await sqlExecute(db, text, values);
}

/** The types of orderContactUpsert's values, in their order. */
const ORDER_CONTACT_TYPES = [
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "boolean",
  "text",
  "timestamp(3)",
  "boolean",
] as const;

/** upsertOrderContact's statement, alone or as part of another (orders/create's, decision 044). */
export function orderContactUpsert(
  shop: string,
  contact: OrderContactInput,
  { first = 1, gate = null }: GatedInsertOptions = {},
): StatementPart {
  const placeholders = castPlaceholders(ORDER_CONTACT_TYPES, first);
  const customerIdGiven = placeholders.at(-1)!;
  // A customer id left out (undefined) keeps the one held; null clears it.
  return {
    text: `INSERT INTO "OrderContact"
       ("shop", "orderId", "email", "orderPhone", "customerPhone", "shippingPhone", "billingPhone",
        "smsMarketingConsent", "customerId", "updatedAt")
     ${selectRow(placeholders.slice(0, -1), gate)}
     ON CONFLICT ("shop", "orderId") DO UPDATE
        SET "email" = EXCLUDED."email", "orderPhone" = EXCLUDED."orderPhone",
            "customerPhone" = EXCLUDED."customerPhone", "shippingPhone" = EXCLUDED."shippingPhone",
            "billingPhone" = EXCLUDED."billingPhone", "smsMarketingConsent" = EXCLUDED."smsMarketingConsent",
            "customerId" = CASE WHEN ${customerIdGiven} THEN EXCLUDED."customerId" ELSE "OrderContact"."customerId" END,
            "updatedAt" = EXCLUDED."updatedAt"`,
    values: [
      shop,
      contact.orderId,
      contact.email,
      contact.orderPhone,
      contact.customerPhone,
      contact.shippingPhone,
      contact.billingPhone,
      contact.smsMarketingConsent,
      contact.customerId ?? null,
      new Date(),
      contact.customerId !== undefined,
    ],
  };
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

export const ORDER_CONTACT_COLUMNS = Object.keys(ORDER_CONTACT_FIELDS)
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
