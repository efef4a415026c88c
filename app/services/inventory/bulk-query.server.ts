import {
  BULK_OPERATION_STATUS_QUERY,
  CURRENT_BULK_QUERY_QUERY,
  RUN_BULK_QUERY_MUTATION,
} from "~/shopify/operations/inventory-mirror.server";
import type { AdminClient } from "~/shopify/admin-client.server";

/**
 * Runs a bulk query to completion: starts it (or resumes the same query already running, as
 * after a retried job, since Shopify runs one bulk query per shop and app at a time), polls
 * until it finishes, and returns where its JSONL is. Every failure throws, so the job's
 * retries take over.
 */

export interface BulkQueryOptions {
  admin: AdminClient;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** First wait between polls; it doubles up to maxPollIntervalMs. */
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** Give up waiting after this long; the job's retry resumes the same operation. */
  maxWaitMs: number;
}

export interface CompletedBulkQuery {
  operationId: string;
  /** Null when the query matched nothing (Shopify writes no file). */
  url: string | null;
  /** When Shopify started it, by Shopify's clock. */
  createdAt: Date;
  objectCount: number;
}

export class BulkQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkQueryError";
  }
}

const RUNNING = new Set(["CREATED", "RUNNING"]);

/**
 * Starts the query, or resumes it when it is already running. Shopify runs one bulk query per shop
 * and app at a time, and the install starts two syncs that each run one (variants and inventory):
 * while another query runs, or when the start loses that race (OPERATION_IN_PROGRESS), this waits
 * for it with the same growing polls, up to maxWaitMs, rather than failing the job into a long
 * retry backoff.
 */
async function startOrResume(query: string, options: BulkQueryOptions): Promise<string> {
  const { admin } = options;
  const deadline = options.now().getTime() + options.maxWaitMs;
  let interval = options.pollIntervalMs;
  for (;;) {
    const {
      data: { currentBulkOperation: current },
    } = await admin.request(CURRENT_BULK_QUERY_QUERY, {});
    let busyWith = current && RUNNING.has(current.status) ? current.id : null;
    if (current && busyWith && current.query === query) return current.id;
    if (!busyWith) {
      const {
        data: { bulkOperationRunQuery: started },
      } = await admin.request(RUN_BULK_QUERY_MUTATION, { query });
      const problems = started?.userErrors ?? [];
      if (problems.some((error) => error.code === "OPERATION_IN_PROGRESS")) busyWith = "another operation";
      else if (problems.length > 0) {
        const described = problems.map((error) => `${error.code ?? "ERROR"}: ${error.message}`).join("; ");
        throw new BulkQueryError(`bulkOperationRunQuery refused the query: ${described}`);
      } else if (!started?.bulkOperation) throw new BulkQueryError("bulkOperationRunQuery returned no operation");
      else return started.bulkOperation.id;
    }
    if (options.now().getTime() + interval > deadline) {
      throw new BulkQueryError(`Another bulk query (${busyWith}) is still running for this shop; try again later`);
    }
    await options.sleep(interval);
    interval = Math.min(interval * 2, options.maxPollIntervalMs);
  }
}

export async function runBulkQuery(query: string, options: BulkQueryOptions): Promise<CompletedBulkQuery> {
  const operationId = await startOrResume(query, options);
  const deadline = options.now().getTime() + options.maxWaitMs;
  let interval = options.pollIntervalMs;
  for (;;) {
    const {
      data: { bulkOperation: operation },
    } = await options.admin.request(BULK_OPERATION_STATUS_QUERY, { id: operationId });
    if (!operation) throw new BulkQueryError(`Bulk operation ${operationId} not found`);
    if (operation.status === "COMPLETED") {
      return {
        operationId,
        url: operation.url ?? null,
        createdAt: new Date(operation.createdAt),
        objectCount: Number(operation.objectCount),
      };
    }
    if (!RUNNING.has(operation.status)) {
      throw new BulkQueryError(
        `Bulk operation ${operationId} ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}`,
      );
    }
    if (options.now().getTime() + interval > deadline) {
      throw new BulkQueryError(`Bulk operation ${operationId} still ${operation.status} after ${options.maxWaitMs} ms`);
    }
    await options.sleep(interval);
    interval = Math.min(interval * 2, options.maxPollIntervalMs);
  }
}
