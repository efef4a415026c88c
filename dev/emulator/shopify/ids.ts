/** Shopify global ids: gid://shopify/<Type>/<number>[?query]. */
export function gid(type: string, id: number | string, query?: Record<string, string | number>): string {
  const base = `gid://shopify/${type}/${id}`;
  if (!query) return base;
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${base}?${params.toString()}`;
}

export interface ParsedGid {
  type: string;
  id: number;
  params: URLSearchParams;
}

export function parseGid(value: string): ParsedGid | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { type: match[1], id: Number(match[2]), params: new URLSearchParams(match[3] ?? "") };
}

/** The numeric id of a gid of the expected type, or null when it is another type or malformed. */
export function idOf(value: string, type: string): number | null {
  const parsed = parseGid(value);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** A numeric id given as a number, a numeric string or a gid of the expected type; null otherwise. */
export function numericId(value: number | string, type: string): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (/^\d+$/.test(value)) return Number(value);
  return idOf(value, type);
}
