import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { comparisonView } from "~/services/routing-comparison/comparison.server";

/**
 * One "Compare with the last 30 days" run of the shop, as the Routing rules page polls it while
 * it runs (progress) and reads it once done (the report). Another shop's id is a 404.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const comparison = await comparisonView(session.shop, params.comparisonId ?? "");
  if (!comparison) throw Response.json({ error: "No such comparison in this shop" }, { status: 404 });
  return Response.json({ comparison });
};
