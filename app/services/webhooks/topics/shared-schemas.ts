import { z } from "zod";

/** Shopify sends ids as JSON numbers (or strings in newer payloads); we keep strings. */
export const shopifyId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

export const complianceCustomer = z.object({
  id: shopifyId.nullish().transform((value) => value ?? null),
  email: z
    .string()
    .nullish()
    .transform((value) => value || null),
  phone: z
    .string()
    .nullish()
    .transform((value) => value || null),
});

/** customers/redact's body: also read back from the stored webhook by the erasure job. */
export const customersRedactPayload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
  customer: complianceCustomer,
  orders_to_redact: z.array(shopifyId).default([]),
});
