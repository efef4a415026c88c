import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { actualQueryCost, requestedQueryCost, SINGLE_QUERY_MAX_COST } from "./cost";
import { bulkMutations } from "./mutations/bulk";
import { fulfillmentMutations } from "./mutations/fulfillment";
import { inventoryGroupResolvers, inventoryMutations } from "./mutations/inventory";
import { metafieldMutations } from "./mutations/metafields";
import { orderMutations } from "./mutations/orders";
import { objectResolvers } from "./resolvers/objects";
import { queryResolvers } from "./resolvers/query";
import type { ResolverContext, ResolverMap } from "./resolvers/types";
import type { CostBucket } from "./throttle";

/**
 * One Admin GraphQL request, the way Shopify answers it: validation errors in Shopify's shape
 * (HTTP 200), the requested cost checked against the single-query limit and the shop's
 * bucket, execution with the emulator's resolvers, the unused cost refunded, and
 * `extensions.cost` on every answer.
 */

export const resolvers: ResolverMap = {
  ...queryResolvers,
  ...objectResolvers,
  InventoryAdjustmentGroup: inventoryGroupResolvers,
  Mutation: { ...fulfillmentMutations, ...inventoryMutations, ...metafieldMutations, ...bulkMutations, ...orderMutations },
};

/**
 * Implemented fields resolve; otherwise a view's own property answers; anything else fails
 * loudly, so a query that reaches past the emulator is never silently given null.
 */
export const emulatorFieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
  const resolver = resolvers[info.parentType.name]?.[info.fieldName];
  if (resolver) return resolver(source, args, context, info);
  if (source !== null && typeof source === "object" && Object.hasOwn(source, info.fieldName)) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  throw new GraphQLError(`not emulated: ${info.parentType.name}.${info.fieldName}`, {
    extensions: { code: "NOT_EMULATED" },
  });
};

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Shopify's path for a validation error: operation, then field names down to the node. */
function pathTo(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (found) return false;
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter((a): a is ASTNode => !Array.isArray(a) && typeof a === "object" && "kind" in a);
      found = chain.flatMap((a) => {
        if (a.kind === Kind.OPERATION_DEFINITION) return [a.name ? `${a.operation} ${a.name.value}` : a.operation];
        if (a.kind === Kind.FRAGMENT_DEFINITION) return [`fragment ${a.name.value}`];
        if (a.kind === Kind.INLINE_FRAGMENT) return [a.typeCondition ? `... on ${a.typeCondition.name.value}` : "..."];
        if (a.kind === Kind.FIELD) return [a.alias?.value ?? a.name.value];
        if (a.kind === Kind.ARGUMENT) return [a.name.value];
        return [];
      });
      return false;
    },
  });
  return found;
}

/** A type reference without list and non-null marks: "[Order!]!" → "Order". */
const bare = (typeRef: string | undefined) => (typeRef ?? "").replace(/[[\]!]/g, "");

/** Rewrites graphql-js validation messages into the ones Shopify's GraphQL server gives. */
export function shopifyValidationError(error: GraphQLError, document: DocumentNode): ShopifyError {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  const node = error.nodes?.[0];
  const path = node ? pathTo(document, node) : undefined;
  const base = { locations, ...(path ? { path } : {}) };
  let m = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (m) {
    return {
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      ...base,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    };
  }
  m = /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"\./.exec(error.message);
  if (m) {
    return {
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      ...base,
      extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] },
    };
  }
  m = /^Field "(?:[^".]+\.)?([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./.exec(error.message);
  if (m) {
    return {
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      ...base,
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    };
  }
  m = /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./.exec(error.message);
  if (m) {
    return {
      message: `Field must have selections (field '${m[1]}' returns ${bare(m[2])} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      ...base,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: bare(m[2]) },
    };
  }
  m = /^Variable "\$([^"]+)" is never used/.exec(error.message);
  if (m) {
    return { message: `Variable $${m[1]} is declared by anonymous query but not used`, ...base, extensions: { code: "variableNotUsed", variableName: m[1] } };
  }
  return { message: error.message, ...base };
}

function formatExecutionError(error: GraphQLError): ShopifyError {
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    ...(error.path ? { path: [...error.path] } : {}),
    ...(error.extensions && Object.keys(error.extensions).length > 0 ? { extensions: { ...error.extensions } } : {}),
  };
}

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminGraphqlAnswer {
  status: number;
  body: object;
}

export const THROTTLED_DOCUMENTATION = "https://shopify.dev/api/usage/rate-limits";

type CheckedDocument =
  | { syntaxError: GraphQLError }
  | { document: DocumentNode; validationErrors: readonly GraphQLError[] };

/** Documents an app sends again and again, each parsed and validated once. */
const CHECKED_DOCUMENTS_KEPT = 500;
/** Longer documents (none of the app's come close) are checked every time rather than kept. */
const CHECKED_DOCUMENT_MAX_CHARS = 20_000;
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, CheckedDocument>>();

/**
 * The query parsed and validated against the schema, from a per-schema cache: an app sends the
 * same few documents with new variables, and graphql-js's validation alone was about 4 % of a
 * pipeline bench's CPU (emulator and app together). Documents are only read by execution, so one parsed
 * document serves every request. The cache is emptied when full and keeps no long document, so
 * hostile or generated queries cannot grow it.
 */
function checkedDocument(schema: GraphQLSchema, query: string): CheckedDocument {
  let cache = checkedDocuments.get(schema);
  if (!cache) checkedDocuments.set(schema, (cache = new Map()));
  const held = cache.get(query);
  if (held) return held;
  let checked: CheckedDocument;
  try {
    const document = parse(query);
    checked = { document, validationErrors: validate(schema, document) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    checked = { syntaxError: error };
  }
  if (query.length > CHECKED_DOCUMENT_MAX_CHARS) return checked;
  if (cache.size >= CHECKED_DOCUMENTS_KEPT) cache.clear();
  cache.set(query, checked);
  return checked;
}

export function runAdminGraphql(input: {
  schema: GraphQLSchema;
  rawBody: string;
  context: ResolverContext;
  bucket: CostBucket;
  now: () => Date;
  forceThrottle: boolean;
}): AdminGraphqlAnswer {
  const { schema, context, bucket, now } = input;
  let body: GraphqlRequestBody;
  try {
    const parsed: unknown = JSON.parse(input.rawBody);
    body = parsed && typeof parsed === "object" ? (parsed as GraphqlRequestBody) : {};
  } catch {
    body = {};
  }
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }
  const variables =
    body.variables && typeof body.variables === "object" && !Array.isArray(body.variables)
      ? (body.variables as Record<string, unknown>)
      : {};
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;

  const checked = checkedDocument(schema, body.query);
  if ("syntaxError" in checked) {
    const error = checked.syntaxError;
    return { status: 200, body: { errors: [{ message: error.message, locations: error.locations }] } };
  }
  const { document, validationErrors } = checked;
  if (validationErrors.length > 0) {
    return { status: 200, body: { errors: validationErrors.map((e) => shopifyValidationError(e, document)) } };
  }
  const operation: OperationDefinitionNode | null | undefined = getOperationAST(document, operationName);
  if (!operation) {
    return {
      status: 200,
      body: { errors: [{ message: operationName ? `No operation named "${operationName}"` : "An operation name is required" }] },
    };
  }
  if (operation.operation === "subscription") {
    return { status: 200, body: { errors: [{ message: "Subscriptions are not supported" }] } };
  }

  const costInput = { schema, document, operation, variables };
  const requested = requestedQueryCost(costInput);
  const cost = (actual: number) => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: bucket.status(now()),
  });
  if (requested > SINGLE_QUERY_MAX_COST) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
          },
        ],
        extensions: { cost: cost(0) },
      },
    };
  }
  if (input.forceThrottle) bucket.drain(now());
  if (!bucket.tryTake(requested, now())) {
    return {
      status: 200,
      body: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: THROTTLED_DOCUMENTATION } }],
        extensions: { cost: { ...cost(0), actualQueryCost: null } },
      },
    };
  }

  const result = execute({
    schema,
    document,
    operationName,
    variableValues: variables,
    contextValue: context,
    fieldResolver: emulatorFieldResolver,
  }) as ExecutionResult;
  if (result instanceof Promise) throw new Error("emulator resolvers must be synchronous");

  const actual = result.data ? Math.min(requested, actualQueryCost(costInput, result.data)) : 0;
  bucket.refund(requested - actual, now());
  const answer: Record<string, unknown> = {};
  if (result.errors) answer.errors = result.errors.map(formatExecutionError);
  if (result.data !== undefined) answer.data = result.data;
  answer.extensions = { cost: cost(actual) };
  return { status: 200, body: answer };
}
