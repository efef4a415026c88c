import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import {
  LOCATION_QUERY_MAX_LENGTH,
  LOCATION_SEARCH_SCOPES,
  type LocationSearchScope,
} from "~/domain/locations/location-search";
import { searchLocations } from "~/services/locations/location-search.server";

/**
 * The shop's locations whose name matches `q`, for the location pickers (Inventory's and
 * Messages' filters, the Routing rules page's "Try it"): `?q=austin&scope=PICKUP`.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const query = params.get("q") ?? "";
  const scope = params.get("scope") ?? "ALL";
  if (query.length > LOCATION_QUERY_MAX_LENGTH)
    return Response.json(
      { error: `Search with at most ${LOCATION_QUERY_MAX_LENGTH} characters of the name` },
      { status: 400 },
    );
  if (!(LOCATION_SEARCH_SCOPES as readonly string[]).includes(scope))
    return Response.json({ error: `scope must be one of ${LOCATION_SEARCH_SCOPES.join(", ")}` }, { status: 400 });
  return Response.json(await searchLocations(session.shop, query, scope as LocationSearchScope));
};
