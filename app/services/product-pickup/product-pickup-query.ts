import { z } from "zod";
import { MAX_LINE_QUANTITY } from "~/services/checkout-pickup/availability-input";
import { MAX_PRODUCT_PAGE_STORES } from "./pickup-stores-for-shopper";

/**
 * What the product page's block asks through the App Proxy (a GET, so query parameters): the
 * selected variant (Liquid's numeric `variant.id`, or its GID), how many, the shopper's ZIP, and
 * how many stores to list. Shopify adds and signs `shop`, `timestamp`, `path_prefix`,
 * `logged_in_customer_id` and `signature`; they are checked by the proxy's authentication, not here.
 */

export const DEFAULT_PRODUCT_PAGE_STORES = 5;

const VARIANT = /^(?:gid:\/\/shopify\/ProductVariant\/)?([1-9]\d{0,19})$/;
/** A postal code as shoppers type them (US ZIP, ZIP+4, or another country's); only US ZIPs are located. */
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,9}$/;

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const productPickupQuerySchema = z.object({
  variantId: z
    .string()
    .regex(VARIANT, "must be a variant id")
    .transform((value) => VARIANT.exec(value)?.[1] ?? value),
  quantity: wholeNumber(MAX_LINE_QUANTITY).default(1),
  zip: z
    .string()
    .max(20)
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.union([z.literal(""), z.string().regex(POSTAL_CODE, "must be a postal code")]))
    .transform((value) => (value === "" ? null : value))
    .default(null),
  limit: wholeNumber(MAX_PRODUCT_PAGE_STORES).default(DEFAULT_PRODUCT_PAGE_STORES),
});

export type ProductPickupQuery = z.infer<typeof productPickupQuerySchema>;

/** The query's own parameters, each once (a repeated one counts as not valid rather than either value). */
export function productPickupParameters(url: URL): Record<string, string | string[]> {
  const parameters: Record<string, string | string[]> = {};
  for (const key of Object.keys(productPickupQuerySchema.shape)) {
    const values = url.searchParams.getAll(key);
    if (values.length === 1) parameters[key] = values[0] ?? "";
    else if (values.length > 1) parameters[key] = values;
  }
  return parameters;
}
