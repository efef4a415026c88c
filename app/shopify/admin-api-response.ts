import type { GraphqlErrorDetail } from "./admin-api-errors";

/**
 * Reads one Admin GraphQL answer (HTTP status and parsed body) into what the client does next.
 * Shopify answers most failures with HTTP 200 and `errors`: THROTTLED when the cost bucket is
 * short, INTERNAL_SERVER_ERROR for its own faults, anything else for a document it refuses.
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** `extensions.cost` as Shopify reports it on every GraphQL answer it could price. */
export interface ReportedCost {
  requestedQueryCost: number;
  /** Null when the operation did not run (throttled). */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

export type AdminApiAnswer =
  | { kind: "data"; data: unknown; cost: ReportedCost | null }
  | { kind: "throttled"; cost: ReportedCost | null }
  /**
   * Shopify failed or shed load. `surelyNotApplied` is true when the request certainly did not
   * run (429, 502, 503), so even a mutation may be sent again.
   */
  | { kind: "unavailable"; reason: string; surelyNotApplied: boolean; retryAfterMs: number | null }
  | { kind: "unauthorized"; reason: string }
  | { kind: "refused"; errors: GraphqlErrorDetail[]; status: number };

const NOT_APPLIED_STATUSES = new Set([429, 502, 503]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function readThrottleStatus(value: unknown): ThrottleStatus | null {
  if (!isRecord(value)) return null;
  const maximumAvailable = finiteNumber(value.maximumAvailable);
  const currentlyAvailable = finiteNumber(value.currentlyAvailable);
  const restoreRate = finiteNumber(value.restoreRate);
  if (maximumAvailable === null || currentlyAvailable === null || restoreRate === null) return null;
  return { maximumAvailable, currentlyAvailable, restoreRate };
}

export function readReportedCost(body: unknown): ReportedCost | null {
  if (!isRecord(body) || !isRecord(body.extensions) || !isRecord(body.extensions.cost)) return null;
  const cost = body.extensions.cost;
  const requestedQueryCost = finiteNumber(cost.requestedQueryCost);
  if (requestedQueryCost === null) return null;
  return {
    requestedQueryCost,
    actualQueryCost: finiteNumber(cost.actualQueryCost),
    throttleStatus: readThrottleStatus(cost.throttleStatus),
  };
}

function readGraphqlErrors(body: Record<string, unknown>): GraphqlErrorDetail[] {
  const { errors } = body;
  if (errors === undefined || errors === null) return [];
  // Shopify's non-GraphQL failures put a string or an object in `errors`.
  if (!Array.isArray(errors)) return [{ message: typeof errors === "string" ? errors : JSON.stringify(errors) }];
  return errors.map((error): GraphqlErrorDetail => {
    if (!isRecord(error)) return { message: String(error) };
    const code = isRecord(error.extensions) ? error.extensions.code : undefined;
    const path = Array.isArray(error.path)
      ? error.path.filter((part): part is string | number => typeof part === "string" || typeof part === "number")
      : undefined;
    return {
      message: typeof error.message === "string" ? error.message : JSON.stringify(error),
      ...(path ? { path } : {}),
      ...(typeof code === "string" ? { code } : {}),
    };
  });
}

function describeBody(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return (text ?? "").replace(/\s+/g, " ").slice(0, 200);
}

export function readAdminApiAnswer(status: number, body: unknown, retryAfterMs: number | null = null): AdminApiAnswer {
  if (status === 401 || status === 403) return { kind: "unauthorized", reason: `HTTP ${status}: ${describeBody(body)}` };
  if (status === 429 || status >= 500) {
    return {
      kind: "unavailable",
      reason: `HTTP ${status}: ${describeBody(body)}`,
      surelyNotApplied: NOT_APPLIED_STATUSES.has(status),
      retryAfterMs,
    };
  }
  if (!isRecord(body)) {
    // A 200 that is not a JSON object is a broken answer from somewhere between us and Shopify.
    if (status >= 200 && status < 300) {
      return { kind: "unavailable", reason: `HTTP ${status} without a JSON body`, surelyNotApplied: false, retryAfterMs };
    }
    return { kind: "refused", errors: [{ message: describeBody(body) }], status };
  }
  const errors = readGraphqlErrors(body);
  const cost = readReportedCost(body);
  if (status < 200 || status >= 300) {
    return { kind: "refused", errors: errors.length > 0 ? errors : [{ message: describeBody(body) }], status };
  }
  if (errors.some((error) => error.code === "THROTTLED")) return { kind: "throttled", cost };
  if (errors.some((error) => error.code === "INTERNAL_SERVER_ERROR")) {
    return { kind: "unavailable", reason: errors.map((e) => e.message).join("; "), surelyNotApplied: false, retryAfterMs };
  }
  if (errors.length > 0) return { kind: "refused", errors, status };
  if (body.data === undefined || body.data === null) {
    return { kind: "refused", errors: [{ message: "answer without data or errors" }], status };
  }
  return { kind: "data", data: body.data, cost };
}
