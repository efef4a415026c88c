import type { GraphQLResolveInfo } from "graphql";
import type { ShopContext } from "../context";

/** What resolvers can reach: the shop being served and how the request is running. */
export interface ResolverContext {
  shop: ShopContext;
  /** Inside a bulk operation page sizes are lifted and every item is returned. */
  bulk: boolean;
  /** Where bulk result files are served from, e.g. http://127.0.0.1:4000. */
  publicUrl: string;
  /** Starts a bulk query (the emulator owns the running and the files). */
  runBulkQuery: (query: string) => BulkStart;
}

/** bulkOperationRunQuery's outcome: the operation started, or Shopify's userError code and message. */
export type BulkStart =
  | { ok: true; operationId: number }
  | { ok: false; code: "INVALID" | "OPERATION_IN_PROGRESS"; message: string };

/**
 * Resolver arguments are coerced against the schema by graphql-js before a resolver runs,
 * so each resolver may read them with the shape its field declares.
 */
export type Args = Record<string, unknown>;

export type FieldResolver = (source: unknown, args: Args, context: ResolverContext, info: GraphQLResolveInfo) => unknown;

export type ResolverMap = Record<string, Record<string, FieldResolver>>;

/**
 * Declares resolvers for one GraphQL type with a typed source and typed arguments. The cast is
 * where the schema's guarantee (this type's resolvers only ever see this type's source, with
 * arguments already coerced) is handed to TypeScript.
 */
export function resolversFor<S>(fields: {
  // `never`: each resolver annotates the argument shape its field declares.
  [field: string]: (source: S, args: never, context: ResolverContext, info: GraphQLResolveInfo) => unknown;
}): Record<string, FieldResolver> {
  return fields as unknown as Record<string, FieldResolver>;
}
