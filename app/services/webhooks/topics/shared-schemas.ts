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
