import {
  execute,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { emulatorFieldResolver } from "./execute";
import type { ResolverContext } from "./resolvers/types";

/**
 * Bulk query operations: the inner query is checked against Shopify's bulk rules (at least one
 * connection, at most five, nested at most two deep, no top-level node/nodes), run over every
 * page, and written as JSONL the way Shopify writes it: one line per node, nodes of nested
 * connections on their own lines after their parent with `__parentId`.
 */

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_NESTING = 2;

function isConnection(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

/** Counts connections and their deepest nesting in a selection (fragments are not allowed by Shopify's bulk rules either way). */
function connectionShape(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLObjectType,
  depth: number,
): { count: number; depth: number } {
  let count = 0;
  let deepest = depth;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) {
      if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition) {
        const type = schema.getType(selection.typeCondition.name.value);
        if (isObjectType(type)) {
          const inner = connectionShape(schema, selection.selectionSet, type, depth);
          count += inner.count;
          deepest = Math.max(deepest, inner.depth);
        }
      }
      continue;
    }
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    if (isConnection(named)) {
      count += 1;
      const node = nodeSelection(selection);
      const nodeType = getNamedType(named.getFields()["edges"]?.type);
      const nodeField = isObjectType(nodeType) ? getNamedType(nodeType.getFields()["node"]?.type) : undefined;
      if (node && isObjectType(nodeField)) {
        const inner = connectionShape(schema, node.selectionSet, nodeField, depth + 1);
        count += inner.count;
        deepest = Math.max(deepest, inner.depth);
      } else deepest = Math.max(deepest, depth + 1);
    } else {
      const inner = connectionShape(schema, selection.selectionSet, named, depth);
      count += inner.count;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { count, depth: deepest };
}

/** The `node` (under `edges`) or `nodes` selection of a connection field. */
function nodeSelection(field: FieldNode): FieldNode | undefined {
  for (const s of field.selectionSet?.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    if (s.name.value === "nodes") return s;
    if (s.name.value === "edges") {
      const node = s.selectionSet?.selections.find((n): n is FieldNode => n.kind === Kind.FIELD && n.name.value === "node");
      if (node) return node;
    }
  }
  return undefined;
}

export function checkBulkQuery(schema: GraphQLSchema, query: string): { ok: true; document: DocumentNode } | { ok: false; message: string } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, message: `Invalid bulk query: ${error instanceof Error ? error.message : String(error)}` };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { ok: false, message: `Invalid bulk query: ${errors.map((e) => e.message).join("; ")}` };
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== "query") {
    return { ok: false, message: "Bulk queries must contain exactly one query operation." };
  }
  for (const s of operation.selectionSet.selections) {
    if (s.kind === Kind.FIELD && (s.name.value === "node" || s.name.value === "nodes")) {
      return { ok: false, message: "Bulk queries cannot contain a top level `node` or `nodes` field." };
    }
  }
  const root = schema.getQueryType();
  if (!root) return { ok: false, message: "no query type" };
  const shape = connectionShape(schema, operation.selectionSet, root, 0);
  if (shape.count === 0) return { ok: false, message: "Bulk queries must contain at least one connection." };
  if (shape.count > MAX_BULK_CONNECTIONS) {
    return { ok: false, message: `Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.` };
  }
  if (shape.depth > MAX_BULK_NESTING) {
    return { ok: false, message: `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_NESTING}.` };
  }
  return { ok: true, document };
}

type Json = Record<string, unknown>;

function connectionNodes(value: unknown): Json[] | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Json;
  if (Array.isArray(record.edges)) {
    return record.edges.flatMap((e: unknown) => {
      const node = e && typeof e === "object" ? (e as Json).node : undefined;
      return node && typeof node === "object" ? [node as Json] : [];
    });
  }
  if (Array.isArray(record.nodes)) return record.nodes.filter((n): n is Json => !!n && typeof n === "object");
  return null;
}

/** Splits a node into its own line and the nested connections' nodes, recursively, in Shopify's order. */
function flatten(node: Json, parentId: string | null, out: string[]): void {
  const line: Json = {};
  const nested: Json[][] = [];
  for (const [key, value] of Object.entries(node)) {
    const children = connectionNodes(value);
    if (children) nested.push(children);
    else line[key] = value;
  }
  if (parentId !== null) line.__parentId = parentId;
  out.push(JSON.stringify(line));
  const id = typeof node.id === "string" ? node.id : null;
  for (const children of nested) for (const child of children) flatten(child, id, out);
}

export interface BulkResult {
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
  error: string | null;
}

export function runBulkQuery(schema: GraphQLSchema, document: DocumentNode, context: ResolverContext): BulkResult {
  const result = execute({
    schema,
    document,
    contextValue: { ...context, bulk: true },
    fieldResolver: emulatorFieldResolver,
  }) as ExecutionResult;
  if (result.errors && result.errors.length > 0) {
    return { jsonl: "", objectCount: 0, rootObjectCount: 0, error: result.errors.map((e) => e.message).join("; ") };
  }
  const lines: string[] = [];
  let roots = 0;
  for (const value of Object.values(result.data ?? {})) {
    const nodes = connectionNodes(value);
    if (!nodes) continue;
    roots += nodes.length;
    for (const node of nodes) flatten(node, null, lines);
  }
  return { jsonl: lines.length > 0 ? `${lines.join("\n")}\n` : "", objectCount: lines.length, rootObjectCount: roots, error: null };
}
