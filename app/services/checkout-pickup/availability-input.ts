import { z } from "zod";
import { MAX_PICKUP_FIELD_LENGTH } from "~/domain/locations/pickup-option-match";

/**
 * What the checkout extension sends to ask for a pickup option's promise: the cart's variants
 * and quantities (never prices or a customer: nothing in the body is trusted beyond what it
 * names), and the pickup option as checkout describes it (name and address, no location id).
 */

export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 999;

const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/([1-9]\d{0,19})$/;

const text = z.string().max(MAX_PICKUP_FIELD_LENGTH);

export const availabilityBodySchema = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.string().regex(VARIANT_GID, "must be a ProductVariant GID"),
        quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_CART_LINES),
  option: z.object({
    name: text,
    address: z.object({
      address1: text,
      address2: text.nullish(),
      city: text,
      // Some countries have no postal codes; checkout then gives none.
      zip: text.nullish(),
      provinceCode: text.nullish(),
      countryCode: text,
    }),
  }),
});

export type AvailabilityBody = z.infer<typeof availabilityBodySchema>;

/** "gid://shopify/ProductVariant/123" → "123", as the mirror keys variants; null for anything else. */
export function numericVariantId(gid: string): string | null {
  return VARIANT_GID.exec(gid)?.[1] ?? null;
}
