import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Shopify's documented webhook examples (shopify/webhooks-2026-04/metadatas/<topic>.json, key
 * `response`), for tests that hold the emulator's payloads to them.
 */

const METADATAS = path.resolve(import.meta.dirname, "../../../shopify/webhooks-2026-04/metadatas");

export function documentedExample(topic: string): unknown {
  const metadata: unknown = JSON.parse(readFileSync(path.join(METADATAS, `${topic}.json`), "utf8"));
  if (typeof metadata !== "object" || metadata === null || !("response" in metadata)) {
    throw new Error(`${topic}: the metadata file has no documented example`);
  }
  return metadata.response;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Where `actual` is not shaped like `example`: a key the example has and `actual` lacks, a key
 * `actual` adds, or a value of another kind. Null stands for any value on either side (Shopify
 * sends null for what a shop lacks); arrays are compared by their first elements.
 */
export function shapeDifferences(actual: unknown, example: unknown, at = "$"): string[] {
  const actualKind = kindOf(actual);
  const exampleKind = kindOf(example);
  if (actualKind === "null" || exampleKind === "null") return [];
  if (actualKind !== exampleKind) return [`${at}: ${actualKind} where the example has ${exampleKind}`];
  if (Array.isArray(actual) && Array.isArray(example)) {
    return actual.length > 0 && example.length > 0 ? shapeDifferences(actual[0], example[0], `${at}[0]`) : [];
  }
  if (actualKind !== "object") return [];
  const actualRecord = actual as Record<string, unknown>; // kindOf said "object": a plain JSON object
  const exampleRecord = example as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(exampleRecord)) {
    if (!(key in actualRecord)) differences.push(`${at}.${key}: missing`);
    else differences.push(...shapeDifferences(actualRecord[key], exampleRecord[key], `${at}.${key}`));
  }
  for (const key of Object.keys(actualRecord)) {
    if (!(key in exampleRecord)) differences.push(`${at}.${key}: not in the example`);
  }
  return differences;
}
