import { unauthenticated } from "~/shopify.server";

/**
 * How the inventory mirror calls the Admin API: a query and its variables in, the response's
 * `data` out, errors thrown. Injected, so a pacing, retrying client can take the place of
 * the plain one below without the sync knowing.
 */
export type AdminGraphql = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

export class AdminGraphqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdminGraphqlError";
  }
}

/** The shop's Admin API through its stored offline session (for jobs, outside a request). */
export function shopAdminGraphql(shop: string): AdminGraphql {
  return async <Data>(query: string, variables?: Record<string, unknown>): Promise<Data> => {
    const { admin } = await unauthenticated.admin(shop);
    const response = await admin.graphql(query, variables ? { variables } : undefined);
    const body = (await response.json()) as { data?: Data | null; errors?: unknown };
    if (body.data === undefined || body.data === null) {
      throw new AdminGraphqlError(`Admin GraphQL answered without data: ${JSON.stringify(body.errors ?? null)}`);
    }
    return body.data;
  };
}
