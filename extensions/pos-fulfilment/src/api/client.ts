import { host } from "../host";

const SIGN_IN_AGAIN = "Sign in again: Omniroute could not confirm your POS login.";
const UNREACHABLE = "Can't reach Omniroute. Check the connection, then try again.";

/**
 * An answer the associate reads: the server's `{code, message}` as it sent them, or the
 * extension's own sentence when the server could not be reached or gave no usable answer.
 */
export class PosApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status, or null when no answer arrived. */
    readonly status: number | null,
    readonly field?: string,
  ) {
    super(message);
    this.name = "PosApiError";
  }

  get signInAgain(): boolean {
    return this.code === "UNAUTHORIZED";
  }

  /**
   * The server did not decide this request (no answer, a server failure, or a login to renew):
   * the action stays kept and is sent again with the same requestId. A 4xx is a decision:
   * the same request would get the same answer.
   */
  get worthRetrying(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500 || this.signInAgain;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type Query = Record<string, string | number | undefined>;

/**
 * One call to the app's POS API. In POS a relative URL is resolved against the app's
 * `application_url` (shopify.dev, POS UI extensions, "App authentication"); the session token
 * is also sent explicitly, as the API contract asks, so the same code works wherever the
 * extension runs. Every call names the device's location.
 */
export async function callPosApi(method: "GET" | "POST", path: string, query: Query = {}, body?: object) {
  const { session } = host();
  const token = await session.getSessionToken();
  if (!token) throw new PosApiError("UNAUTHORIZED", SIGN_IN_AGAIN, 401);

  const search = new URLSearchParams({ locationId: String(session.currentSession.locationId) });
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));

  let response: Response;
  try {
    response = await fetch(`/api/pos/${path}?${search}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new PosApiError("UNREACHABLE", UNREACHABLE, null);
  }

  if (response.status === 401) throw new PosApiError("UNAUTHORIZED", SIGN_IN_AGAIN, 401);
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.ok) return answer;

  if (isRecord(answer) && typeof answer.code === "string" && typeof answer.message === "string") {
    const field = typeof answer.field === "string" ? answer.field : undefined;
    throw new PosApiError(answer.code, answer.message, response.status, field);
  }
  throw new PosApiError(
    "SERVER_ERROR",
    `Omniroute had a problem (${response.status}). Try again in a moment.`,
    response.status,
  );
}

/** For an answer that does not have the contract's shape: nothing is shown from it. */
export function unexpectedAnswer(): PosApiError {
  return new PosApiError(
    "BAD_ANSWER",
    "Omniroute sent an answer this screen can't read. Try again, or tell your manager.",
    200,
  );
}
