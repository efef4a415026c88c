import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { readInventoryPageQuery } from "~/domain/inventory/inventory-page-query";
import { inventoryCsvStream, isShopLocation } from "~/services/inventory-page/inventory-page.server";

/**
 * The Inventory page's CSV export: every SKU at every location under the page's search and
 * filters (its cursor ignored), streamed as it is read.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const reading = readInventoryPageQuery(new URL(request.url).searchParams);
  if (!reading.ok) return Response.json({ error: reading.error }, { status: 400 });
  const query = { ...reading.query, after: null };
  if (query.locationId !== null && !(await isShopLocation(session.shop, query.locationId))) {
    return Response.json({ error: "No such location in this shop" }, { status: 404 });
  }
  return new Response(inventoryCsvStream(session.shop, query, new Date()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="inventory.csv"',
      "Cache-Control": "no-store",
    },
  });
};
