import { JsonlLineSplitter } from "~/domain/inventory/bulk-inventory-lines";
import type { CompletedBulkQuery } from "./bulk-query.server";

/** Downloads a bulk result; the URL is Shopify's storage (the emulator in development). */
export type DownloadBulkResult = (url: string) => Promise<Response>;

/**
 * The JSONL lines of a completed bulk query, read as the body arrives, so a result of any size
 * streams through in constant memory. A query that matched nothing has no file: no lines.
 */
export async function* bulkResultLines(
  operation: CompletedBulkQuery,
  download: DownloadBulkResult,
): AsyncGenerator<string> {
  if (!operation.url) return;
  const response = await download(operation.url);
  if (!response.ok || !response.body) {
    throw new Error(`Downloading bulk operation ${operation.operationId} failed: HTTP ${response.status}`);
  }
  const splitter = new JsonlLineSplitter();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield* splitter.push(decoder.decode(value, { stream: true }));
  }
  yield* [...splitter.push(decoder.decode()), ...splitter.end()];
}
