import { InvalidShopError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { errorResponse, failureResponse, firstIssue } from "~/services/extension-endpoint/extension-endpoint.server";
import type { z } from "zod";

/**
 * The HTTP side of the app/routes/apps.omniroute.* routes the storefront calls through the App
 * Proxy: the query's signature checked (`authenticate.public.appProxy`; the shop is the signed
 * `shop` parameter of a shop that has the app installed, never anything else the request says),
 * the query read and checked, the service's outcome answered as JSON. The storefront's own origin
 * serves these (the proxy), so no CORS; shoppers' answers are not cached on the way.
 */

const NOT_SIGNED = "The request was not signed by the shop's app proxy";
const NOT_INSTALLED = "Omniroute is not installed on this shop";

export type ProxyOutcome =
  | { ok: true; answer: unknown }
  | { ok: false; refusal: { status: number; code: string; message: string; field?: string } };

function json(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** The shop whose proxy signed the request, or the 401 to answer instead. */
async function proxiedShop(request: Request): Promise<string | Response> {
  try {
    const { session } = await authenticate.public.appProxy(request);
    if (!session) return errorResponse(401, { code: "UNAUTHORIZED", message: NOT_INSTALLED });
    return session.shop;
  } catch (thrown) {
    // The library throws a 400 for a missing, forged or stale signature; a signed query naming
    // no valid shop fails when its session is looked up.
    if (thrown instanceof Response || thrown instanceof InvalidShopError) {
      return errorResponse(401, { code: "UNAUTHORIZED", message: NOT_SIGNED });
    }
    throw thrown;
  }
}

/** A proxied GET: the query read by `query` from the URL's parameters, `handle`'s outcome answered. */
export async function appProxyGet<Query>(
  request: Request,
  parameters: (url: URL) => unknown,
  query: z.ZodType<Query, unknown>,
  handle: (shop: string, query: Query) => Promise<ProxyOutcome>,
): Promise<Response> {
  try {
    const shop = await proxiedShop(request);
    if (shop instanceof Response) return json(shop);
    const parsed = query.safeParse(parameters(new URL(request.url)));
    if (!parsed.success) return json(errorResponse(400, firstIssue(parsed.error)));
    const outcome = await handle(shop, parsed.data);
    return json(
      outcome.ok
        ? Response.json(outcome.answer)
        : errorResponse(outcome.refusal.status, {
            code: outcome.refusal.code,
            message: outcome.refusal.message,
            ...(outcome.refusal.field ? { field: outcome.refusal.field } : {}),
          }),
    );
  } catch (error) {
    return json(failureResponse(error, "App proxy"));
  }
}
