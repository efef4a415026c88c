import {
  AdminApiAuthError,
  AdminApiError,
  AdminApiQueryError,
  AdminApiUnavailableError,
} from "./admin-api-errors";
import {
  type AdminOperation,
  type AdminOperationData,
  type AdminOperationVariables,
  operationHeading,
} from "./admin-operations";
import { readAdminApiAnswer, type AdminApiAnswer, type ReportedCost } from "./admin-api-response";
import { CostBucketEstimates } from "./cost-bucket-estimates";
import type { CallCost, CostMeter } from "./cost-meter";
import { backoffDelayMs, DEFAULT_BACKOFF_POLICY, type BackoffPolicy } from "./retry-backoff";

/**
 * A shop's Admin GraphQL client, for jobs (./admin-client-for-shop.server) and pages
 * (./admin-client-for-request.server): it paces itself on the shop's cost bucket, retries
 * what Shopify says is transient, and reports every call's cost. It speaks to Shopify through
 * an injected transport (the Shopify library in the app, a fake in unit tests) and reads time,
 * randomness and sleep from injected functions, so its decisions are testable without waiting.
 *
 * Failures end in one of the typed errors of ./admin-api-errors: a job lets
 * AdminApiUnavailableError fail it (pg-boss retries later, then dead-letters it).
 */

export interface AdminGraphqlRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string;
  /** Aborted when the client gives up waiting for this answer. */
  signal: AbortSignal;
}

export interface AdminGraphqlReply {
  status: number;
  /** The parsed JSON body, or the text when the answer was not JSON (a gateway's HTML page). */
  body: unknown;
  /** From a Retry-After header, when there was one. */
  retryAfterMs?: number | null;
}

/**
 * Sends one request and returns Shopify's answer, whatever its status. Throws an AdminApiError
 * for what it already knows to be final (no session for the shop), or a Response for Remix to
 * send (a page's re-authentication); any other throw is taken for a network failure.
 */
export type AdminGraphqlTransport = (request: AdminGraphqlRequest) => Promise<AdminGraphqlReply>;

export interface AdminClientOptions {
  shop: string;
  send: AdminGraphqlTransport;
  /** Shared by every client of the process, so clients of one shop pace together. */
  estimates?: CostBucketEstimates;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Sends that may fail (5xx, 429, network, timeout) before giving up. */
  maxAttempts?: number;
  /** THROTTLED answers retried (after waiting for the bucket) before giving up. */
  maxThrottledRetries?: number;
  /** How long one send may take before it counts as failed. */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Every call of this client is recorded here (as well as in a per-call meter). */
  costMeter?: CostMeter;
}

export interface AdminRequestOptions {
  costMeter?: CostMeter;
  /** Overrides the cost expected for pacing (by default the last requested cost seen for the name). */
  expectedCost?: number;
  /**
   * A mutation whose answer was lost (timeout, network error, 500) may have been applied, so it
   * is not sent again unless it is safe to repeat. Queries always are.
   */
  idempotent?: boolean;
}

export interface AdminResult<Data> {
  data: Data;
  cost: CallCost;
}

export interface AdminClient {
  readonly shop: string;
  /** A codegen-typed `#graphql` document: its variables and data are typed by its text. */
  request<Operation extends AdminOperation>(
    operation: Operation,
    variables: AdminOperationVariables<Operation>,
    options?: AdminRequestOptions,
  ): Promise<AdminResult<AdminOperationData<Operation>>>;
  /** Any document, data untyped (for documents built at run time). */
  requestUntyped(
    document: string,
    variables?: Record<string, unknown>,
    options?: AdminRequestOptions,
  ): Promise<AdminResult<unknown>>;
}

export const ADMIN_CLIENT_DEFAULTS = {
  maxAttempts: 5,
  maxThrottledRetries: 8,
  timeoutMs: 15_000,
} as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type SendOutcome = AdminApiAnswer | { kind: "lost"; reason: string };

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const shop = options.shop;
  const estimates = options.estimates ?? new CostBucketEstimates();
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? ADMIN_CLIENT_DEFAULTS.maxAttempts;
  const maxThrottledRetries = options.maxThrottledRetries ?? ADMIN_CLIENT_DEFAULTS.maxThrottledRetries;
  const timeoutMs = options.timeoutMs ?? ADMIN_CLIENT_DEFAULTS.timeoutMs;
  const backoff = options.backoff ?? DEFAULT_BACKOFF_POLICY;

  async function sendOnce(request: Omit<AdminGraphqlRequest, "signal">): Promise<SendOutcome> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Raced as well as signalled: a transport that ignores the signal still cannot hold us.
    const timedOut = new Promise<"timed out">((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve("timed out");
      }, timeoutMs);
    });
    try {
      const reply = await Promise.race([options.send({ ...request, signal: controller.signal }), timedOut]);
      if (reply === "timed out") return { kind: "lost", reason: `no answer within ${timeoutMs} ms` };
      return readAdminApiAnswer(reply.status, reply.body, reply.retryAfterMs ?? null);
    } catch (error) {
      if (error instanceof AdminApiError || error instanceof Response) throw error;
      if (controller.signal.aborted) return { kind: "lost", reason: `no answer within ${timeoutMs} ms` };
      return { kind: "lost", reason: `network error: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  function observeCost(operationName: string, cost: ReportedCost | null): void {
    if (!cost) return;
    estimates.rememberRequestedCost(operationName, cost.requestedQueryCost);
    if (cost.throttleStatus) estimates.observe(shop, cost.throttleStatus, now());
  }

  async function requestUntyped(
    document: string,
    variables?: Record<string, unknown>,
    requestOptions: AdminRequestOptions = {},
  ): Promise<AdminResult<unknown>> {
    const heading = operationHeading(document);
    const operationName = heading.name;
    const meters = [options.costMeter, requestOptions.costMeter].filter((meter) => meter !== undefined);
    const mayRepeatLostSend = heading.kind === "query" || requestOptions.idempotent === true;
    let sends = 0;
    let failedSends = 0;
    let throttledAnswers = 0;

    const unavailable = (lastCause: string, outcomeUnknown = false) =>
      new AdminApiUnavailableError({ shop, operationName, attempts: sends, lastCause, outcomeUnknown });

    for (;;) {
      const expectedCost = requestOptions.expectedCost ?? estimates.expectedCost(operationName);
      const pacingWaitMs = estimates.reserve(shop, expectedCost, now());
      if (pacingWaitMs > 0) await sleep(pacingWaitMs);

      sends += 1;
      const outcome = await sendOnce({ query: document, variables, operationName });

      switch (outcome.kind) {
        case "data": {
          observeCost(operationName, outcome.cost);
          const cost: CallCost = {
            requested: outcome.cost?.requestedQueryCost ?? 0,
            actual: outcome.cost?.actualQueryCost ?? null,
          };
          for (const meter of meters) meter.recordCall(operationName, cost);
          return { data: outcome.data, cost };
        }
        case "throttled": {
          observeCost(operationName, outcome.cost);
          throttledAnswers += 1;
          if (throttledAnswers > maxThrottledRetries) {
            throw unavailable(`THROTTLED ${throttledAnswers} times`);
          }
          for (const meter of meters) meter.recordRetry(operationName, "throttled");
          // The pacing wait at the top of the loop covers the deficit Shopify reported. If the
          // report is missing or says the points are there (another process raced us), back off.
          const available = estimates.availableAt(shop, now());
          const needed = requestOptions.expectedCost ?? estimates.expectedCost(operationName);
          if (available === null || available >= needed) await sleep(backoffDelayMs(throttledAnswers, random, backoff));
          continue;
        }
        case "unavailable":
        case "lost": {
          failedSends += 1;
          const surelyNotApplied = outcome.kind === "unavailable" && outcome.surelyNotApplied;
          if (!surelyNotApplied && !mayRepeatLostSend) throw unavailable(outcome.reason, true);
          if (failedSends >= maxAttempts) throw unavailable(outcome.reason);
          for (const meter of meters) meter.recordRetry(operationName, "failed");
          const retryAfterMs = outcome.kind === "unavailable" ? outcome.retryAfterMs : null;
          await sleep(backoffDelayMs(failedSends, random, backoff, retryAfterMs));
          continue;
        }
        case "unauthorized":
          throw new AdminApiAuthError(shop, operationName, outcome.reason);
        case "refused":
          throw new AdminApiQueryError(shop, operationName, outcome.errors, outcome.status);
      }
    }
  }

  return {
    shop,
    requestUntyped,
    async request(operation, variables, requestOptions) {
      const result = await requestUntyped(operation, variables as Record<string, unknown>, requestOptions);
      // The codegen types describe what Shopify returns for this exact document.
      return result as AdminResult<AdminOperationData<typeof operation>>;
    },
  };
}
