import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import {
  createAdminClient,
  type AdminClient,
  type AdminClientOptions,
  type AdminGraphqlTransport,
} from "./admin-client.server";
import { libraryTransport } from "./library-transport.server";
import { processCostEstimates } from "./process-cost-estimates.server";

/**
 * The Admin API client a page uses, built from its `authenticate.admin(request)`: the same
 * codegen-typed `request`, typed errors, pacing and cost record as a job's client, over the
 * request's own `admin.graphql`.
 */

/** A merchant is waiting for the page: one retry and shorter waits than a job's, then the page shows the failure. */
export const PAGE_ADMIN_CLIENT_DEFAULTS = {
  maxAttempts: 2,
  maxThrottledRetries: 2,
  timeoutMs: 10_000,
} as const satisfies Partial<AdminClientOptions>;

/** What `authenticate.admin(request)` returns that the client needs. */
export interface AuthenticatedAdmin {
  admin: Pick<AdminApiContext, "graphql">;
  session: { shop: string };
}

/**
 * In a request the Shopify library throws a Response for Shopify's HTTP failures: a copy of
 * Shopify's answer (status and body), or, for a refused token, its own re-authentication
 * answer (401 with App Bridge's retry header, or a redirect to the bounce page). The copy is
 * turned back into a reply so the client decides as it does for a job; re-authentication is
 * thrown on for Remix to send.
 */
function isReauthentication(response: Response): boolean {
  return response.status === 401 || (response.status >= 300 && response.status < 400);
}

function requestTransport(viaLibrary: AdminGraphqlTransport): AdminGraphqlTransport {
  return async (request) => {
    try {
      return await viaLibrary(request);
    } catch (thrown) {
      if (!(thrown instanceof Response) || isReauthentication(thrown)) throw thrown;
      return { status: thrown.status, body: await thrown.text() };
    }
  };
}

export function adminClientForRequest(
  context: AuthenticatedAdmin,
  options: Omit<AdminClientOptions, "shop" | "send" | "estimates"> = {},
): AdminClient {
  const shop = context.session.shop;
  const viaLibrary = libraryTransport(shop, () => Promise.resolve({ admin: context.admin }));
  return createAdminClient({
    ...PAGE_ADMIN_CLIENT_DEFAULTS,
    ...options,
    shop,
    send: requestTransport(viaLibrary),
    estimates: processCostEstimates,
  });
}
