/**
 * What can go wrong calling a shop's Admin API, as types a job can act on:
 * - AdminApiUnavailableError: Shopify could not be reached or kept failing (5xx, 429, network,
 *   timeouts, throttling) after the client's own retries. Transient: let the job fail, pg-boss
 *   retries it later and finally dead-letters it.
 * - AdminApiQueryError: Shopify refused the document (validation, access, cost limit). Retrying
 *   cannot help; it is a bug or a missing scope.
 * - AdminApiAuthError: no usable offline token for the shop (401, no session, refresh refused).
 *   The merchant must open the app again (or it was uninstalled); retrying here cannot help.
 * - AdminApiUserError: a mutation ran and answered `userErrors`: the request was understood but
 *   refused for this data (e.g. the location does not stock an item).
 */

export abstract class AdminApiError extends Error {
  constructor(
    message: string,
    readonly shop: string,
    readonly operationName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class AdminApiUnavailableError extends AdminApiError {
  override readonly name = "AdminApiUnavailableError";
  readonly attempts: number;
  readonly lastCause: string;
  /** True when a mutation may have run (its answer was lost) and so was not sent again. */
  readonly outcomeUnknown: boolean;

  constructor(details: {
    shop: string;
    operationName: string;
    attempts: number;
    lastCause: string;
    outcomeUnknown?: boolean;
    cause?: unknown;
  }) {
    const unknownOutcome = details.outcomeUnknown
      ? " (the mutation may have been applied: re-read before trying again)"
      : "";
    super(
      `Admin API unavailable for ${details.operationName} on ${details.shop} after ${details.attempts} attempt(s): ${details.lastCause}${unknownOutcome}`,
      details.shop,
      details.operationName,
      { cause: details.cause },
    );
    this.attempts = details.attempts;
    this.lastCause = details.lastCause;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

export interface GraphqlErrorDetail {
  message: string;
  path?: readonly (string | number)[];
  code?: string;
}

export class AdminApiQueryError extends AdminApiError {
  override readonly name = "AdminApiQueryError";

  constructor(
    shop: string,
    operationName: string,
    readonly errors: readonly GraphqlErrorDetail[],
    readonly httpStatus: number,
  ) {
    super(
      `Admin API refused ${operationName} on ${shop} (HTTP ${httpStatus}): ${errors.map(describeGraphqlError).join("; ")}`,
      shop,
      operationName,
    );
  }
}

export class AdminApiAuthError extends AdminApiError {
  override readonly name = "AdminApiAuthError";

  constructor(shop: string, operationName: string, reason: string, options?: { cause?: unknown }) {
    super(`No valid Admin API access for ${shop} (${operationName}): ${reason}`, shop, operationName, options);
  }
}

export interface MutationUserError {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
}

export class AdminApiUserError extends Error {
  override readonly name = "AdminApiUserError";

  constructor(
    readonly mutation: string,
    readonly userErrors: readonly MutationUserError[],
  ) {
    super(`${mutation} refused: ${userErrors.map(describeUserError).join("; ")}`);
  }
}

function describeGraphqlError(error: GraphqlErrorDetail): string {
  const where = error.path && error.path.length > 0 ? ` at ${error.path.join(".")}` : "";
  const code = error.code ? ` [${error.code}]` : "";
  return `${error.message}${where}${code}`;
}

function describeUserError(error: MutationUserError): string {
  const field = error.field && error.field.length > 0 ? `${error.field.join(".")}: ` : "";
  const code = error.code ? ` [${error.code}]` : "";
  return `${field}${error.message}${code}`;
}
