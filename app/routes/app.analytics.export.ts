import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { analyticsCsvExport } from "~/services/analytics/analytics-page.server";

/** The Analytics page's CSV export: the range's figures in total and for every location of the shop. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const exported = await analyticsCsvExport(session.shop, new URL(request.url).searchParams, new Date());
  if (!exported.ok) return Response.json({ error: exported.error }, { status: 400 });
  return new Response(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.filename}"`,
      "Cache-Control": "no-store",
    },
  });
};
