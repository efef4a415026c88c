import type { LoaderFunctionArgs } from "@remix-run/node";
import { appProxyGet } from "~/services/product-pickup/app-proxy-endpoint.server";
import { productPickupAvailability } from "~/services/product-pickup/product-pickup-availability.server";
import { productPickupParameters, productPickupQuerySchema } from "~/services/product-pickup/product-pickup-query";

/**
 * GET /apps/omniroute/pickup-availability?variantId=&quantity=&zip=&limit= through the shop's App
 * Proxy (shopify.app.toml [app_proxy]), for the theme's "Pickup availability" block
 * (extensions/pickup-availability) → { zip, sortedBy, message, stores: [{ id, name, address,
 * distanceMiles, status, headline, … }] }.
 */
export const loader = ({ request }: LoaderFunctionArgs) =>
  appProxyGet(request, productPickupParameters, productPickupQuerySchema, (shop, query) =>
    productPickupAvailability(shop, query),
  );
