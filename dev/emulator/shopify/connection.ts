/**
 * Relay connections as Shopify serves them: `first` or `last` is required (at most 250),
 * cursors are opaque and stable (they name the item, not its offset), `reverse` flips the
 * order. In a bulk operation page sizes do not apply and every item is returned.
 */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 250;

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: key }), "utf8").toString("base64");
}

function decodeCursor(cursor: string): string | number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (parsed && typeof parsed === "object" && "last_id" in parsed) {
      const key = parsed.last_id;
      if (typeof key === "string" || typeof key === "number") return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new Error(`Invalid cursor for current pagination sort.`);
}

export function connection<T, N>(
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => string | number,
  toNode: (item: T) => N,
  options: { bulk?: boolean } = {},
): Connection<N> {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (!options.bulk) {
    if (first === null && last === null) throw new Error("you must provide one of first or last");
    if ((first ?? 0) > MAX_PAGE_SIZE || (last ?? 0) > MAX_PAGE_SIZE) {
      throw new Error(`The page size requested is larger than the maximum allowed (${MAX_PAGE_SIZE}).`);
    }
    if ((first ?? 0) < 0 || (last ?? 0) < 0) throw new Error("Page size must be positive.");
  }
  const ordered = args.reverse ? [...items].reverse() : items;
  let start = 0;
  let end = ordered.length;
  if (args.after) {
    const key = decodeCursor(args.after);
    const index = ordered.findIndex((item) => keyOf(item) === key);
    start = index + 1;
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    const index = ordered.findIndex((item) => keyOf(item) === key);
    if (index >= 0) end = index;
  }
  let slice = ordered.slice(start, Math.max(start, end));
  let hasNextPage = end < ordered.length;
  let hasPreviousPage = start > 0;
  if (!options.bulk) {
    if (first !== null && slice.length > first) {
      slice = slice.slice(0, first);
      hasNextPage = true;
    }
    if (last !== null && slice.length > last) {
      slice = slice.slice(slice.length - last);
      hasPreviousPage = true;
    }
  }
  const edges = slice.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
