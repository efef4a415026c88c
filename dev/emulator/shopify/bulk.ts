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
  type GraphQLFieldResolver,
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

/** How long one macrotask of a bulk run may take before it hands the event loop back. */
const SLICE_BUDGET_MS = 20;
/**
 * Root items per execution slice: a slice's result tree is held until it is written out, and
 * flattening it is one macrotask (50 locations of 320 stock lines: about 16,000 lines).
 */
const ROOT_SLICE = 50;

export class BulkRunCanceled extends Error {
  constructor() {
    super("bulk operation canceled");
  }
}

/**
 * Runs deferred pieces of a bulk run a few per macrotask. Each step schedules the next with
 * setImmediate only once it has run: immediates queued together all run in one check phase,
 * with no I/O between them, and the emulator would stop answering for the whole run. A piece's
 * subtree is completed by graphql-js in the microtasks right after its step, so the step's cost
 * is only known at the next step: the number of pieces per step adapts to keep steps near the
 * budget (small nested connections are cheap; a location's 320 stock lines are not).
 */
class CooperativeQueue {
  private readonly pending: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  private perStep = 1;
  private lastStepAt = 0;

  constructor(private readonly isCanceled: () => boolean) {}

  defer<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push(() => {
        try {
          if (this.isCanceled()) throw new BulkRunCanceled();
          resolve(work());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.pending.length) return;
    this.scheduled = true;
    setImmediate(this.step);
  }

  private readonly step = (): void => {
    this.scheduled = false;
    const now = performance.now();
    if (this.lastStepAt > 0) {
      const took = now - this.lastStepAt;
      if (took < SLICE_BUDGET_MS / 4) this.perStep = Math.min(this.perStep * 2, 4096);
      else if (took > SLICE_BUDGET_MS) this.perStep = Math.max(1, Math.floor(this.perStep / 2));
    }
    this.lastStepAt = now;
    for (let n = 0; n < this.perStep && this.head < this.pending.length; n++) {
      const work = this.pending[this.head];
      this.pending[this.head++] = noop;
      work?.();
    }
    if (this.head >= this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
      // More pieces come from graphql-js in the microtasks after this step; defer() schedules them.
      this.lastStepAt = 0;
      return;
    }
    this.schedule();
  };
}

function noop(): void {}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A root connection's items for one slice of the run: `edges`/`nodes` cut to [start, end). */
function sliceOf(value: unknown, start: number, end: number): { value: unknown; more: boolean } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return { value, more: false };
  const record = value as Json;
  let more = false;
  const cut = (items: unknown): unknown => {
    if (!Array.isArray(items)) return items;
    if (items.length > end) more = true;
    return items.slice(start, end);
  };
  return { value: { ...record, edges: cut(record.edges), nodes: cut(record.nodes) }, more };
}

export interface BulkRunOptions {
  /** Checked between steps; once true the run stops with BulkRunCanceled. */
  isCanceled?: () => boolean;
  /** The running counts after each slice, as Shopify's objectCount and rootObjectCount run. */
  onProgress?: (objectCount: number, rootObjectCount: number) => void;
}

/**
 * Runs a checked bulk query in the background, as Shopify does, without holding the event loop.
 * The query is executed once per slice of ROOT_SLICE root items (the root connection is resolved
 * once and cut), each slice written to JSONL as soon as it completes, so neither the result tree
 * of a national-sized run nor its GC pauses build up; inside a slice, connections below the root
 * resolve a few per macrotask (see CooperativeQueue). GraphQL requests, token exchanges and
 * control calls are answered meanwhile.
 */
export async function runBulkQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: ResolverContext,
  options: BulkRunOptions = {},
): Promise<BulkResult> {
  const isCanceled = options.isCanceled ?? (() => false);
  const queue = new CooperativeQueue(isCanceled);
  const roots = new Map<string, unknown>();
  let slice = 0;
  let more = false;
  const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, ctx, info) => {
    if (!isConnection(getNamedType(info.returnType))) return emulatorFieldResolver(source, args, ctx, info);
    if (info.path.prev !== undefined) return queue.defer(() => emulatorFieldResolver(source, args, ctx, info));
    const key = String(info.path.key);
    if (!roots.has(key)) roots.set(key, emulatorFieldResolver(source, args, ctx, info));
    const cut = sliceOf(roots.get(key), slice * ROOT_SLICE, (slice + 1) * ROOT_SLICE);
    more ||= cut.more;
    return cut.value;
  };
  const contextValue: ResolverContext = { ...context, bulk: true };
  const parts: string[] = [];
  let objectCount = 0;
  let rootObjectCount = 0;
  do {
    more = false;
    const result: ExecutionResult = await execute({ schema, document, contextValue, fieldResolver });
    if (isCanceled()) throw new BulkRunCanceled();
    if (result.errors && result.errors.length > 0) {
      if (result.errors.some((e) => e.originalError instanceof BulkRunCanceled)) throw new BulkRunCanceled();
      return { jsonl: "", objectCount: 0, rootObjectCount: 0, error: result.errors.map((e) => e.message).join("; ") };
    }
    // Serialising a slice (some 16,000 lines) is itself cut into steps of the same budget.
    let lines: string[] = [];
    let stepStart = performance.now();
    for (const value of Object.values(result.data ?? {})) {
      const nodes = connectionNodes(value);
      if (!nodes) continue;
      rootObjectCount += nodes.length;
      for (const node of nodes) {
        flatten(node, null, lines);
        if (performance.now() - stepStart < SLICE_BUDGET_MS) continue;
        objectCount += lines.length;
        parts.push(`${lines.join("\n")}\n`);
        lines = [];
        await yieldToLoop();
        if (isCanceled()) throw new BulkRunCanceled();
        stepStart = performance.now();
      }
    }
    objectCount += lines.length;
    if (lines.length > 0) parts.push(`${lines.join("\n")}\n`);
    options.onProgress?.(objectCount, rootObjectCount);
    slice++;
    await yieldToLoop();
  } while (more);
  return { jsonl: parts.join(""), objectCount, rootObjectCount, error: null };
}
