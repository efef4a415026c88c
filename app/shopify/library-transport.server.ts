import { GraphqlQueryError, HttpResponseError, HttpThrottlingError } from "@shopify/shopify-api";
import { SessionNotFoundError, type AdminApiContext } from "@shopify/shopify-app-remix/server";
import { AdminApiAuthError } from "./admin-api-errors";
import type { AdminGraphqlReply, AdminGraphqlRequest, AdminGraphqlTransport } from "./admin-client.server";

/**
 * The admin client's transport through the Shopify library: the shop's offline session (which
 * the library refreshes when its expiring token is due) and `admin.graphql`. The library throws
 * for every answer that is not clean data; this turns those throws back into the status and
 * body Shopify sent, so the client alone decides what to retry. The library's own retries stay
 * off (it is given one try).
 */

export type AdminContextForShop = (shop: string) => Promise<{ admin: Pick<AdminApiContext, "graphql"> }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first : undefined;
  }
  return undefined;
}

function secondsToMs(seconds: number | string | undefined): number | null {
  const value = typeof seconds === "string" ? Number.parseFloat(seconds) : seconds;
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value * 1000 : null;
}

/** What Shopify sent, rebuilt from the library's GraphqlQueryError (HTTP 200 with `errors`). */
function replyFromGraphqlQueryError(error: GraphqlQueryError): AdminGraphqlReply {
  const body = error.body ?? {};
  const clientErrors: unknown = body.errors;
  const graphQLErrors = isRecord(clientErrors) ? clientErrors.graphQLErrors : undefined;
  const status = typeof error.response.status === "number" ? error.response.status : 200;
  return {
    status,
    body: {
      ...(body.data !== undefined ? { data: body.data } : {}),
      ...(body.extensions !== undefined ? { extensions: body.extensions } : {}),
      errors: Array.isArray(graphQLErrors) ? graphQLErrors : [{ message: error.message }],
    },
  };
}

function replyFromHttpResponseError(error: HttpResponseError): AdminGraphqlReply {
  const retryAfterMs =
    error instanceof HttpThrottlingError
      ? secondsToMs(error.response.retryAfter)
      : secondsToMs(headerValue(error.response.headers, "Retry-After"));
  return { status: error.response.code, body: error.message, retryAfterMs };
}

async function adminFor(
  getAdminContext: AdminContextForShop,
  shop: string,
  operationName: string,
): Promise<Pick<AdminApiContext, "graphql"> | AdminGraphqlReply> {
  try {
    return (await getAdminContext(shop)).admin;
  } catch (error) {
    if (error instanceof SessionNotFoundError) {
      throw new AdminApiAuthError(shop, operationName, "no offline session", { cause: error });
    }
    if (error instanceof HttpResponseError && error.response.code >= 400 && error.response.code < 500) {
      throw new AdminApiAuthError(shop, operationName, `token refresh refused: ${error.message}`, { cause: error });
    }
    // The GraphQL request was never sent (refresh or session storage failed): safe to repeat,
    // which 503 tells the client.
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 503, body: `offline session unavailable: ${reason}` };
  }
}

export function libraryTransport(shop: string, getAdminContext: AdminContextForShop): AdminGraphqlTransport {
  return async (request: AdminGraphqlRequest): Promise<AdminGraphqlReply> => {
    const admin = await adminFor(getAdminContext, shop, request.operationName);
    if (!("graphql" in admin)) return admin;
    try {
      const response = await admin.graphql(request.query, {
        ...(request.variables ? { variables: request.variables } : {}),
        signal: request.signal,
        tries: 1,
      });
      const body: unknown = await response.json();
      return { status: response.status, body };
    } catch (error) {
      if (error instanceof GraphqlQueryError) return replyFromGraphqlQueryError(error);
      if (error instanceof HttpResponseError) return replyFromHttpResponseError(error);
      // HttpRequestError and the like: no answer at all (refused, reset, aborted by the
      // client's timeout). The client takes any other throw for a network failure.
      throw error;
    }
  };
}
