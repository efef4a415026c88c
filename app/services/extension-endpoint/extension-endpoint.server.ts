import type { z } from "zod";
import { isDatabaseBusy } from "~/models/database-busy.server";
import { env } from "~/env.server";
import { firstUnstorableText } from "~/services/http/storable-text";

/**
 * The HTTP side every endpoint a UI extension calls shares (the POS API, the checkout's pickup
 * availability): the extension's session token checked, JSON bodies read within a size limit,
 * errors answered as `{ code, message, field? }`, and CORS headers on every answer, the app's
 * own errors and the library's 401 included (without them the extension sees a network error
 * rather than the answer).
 */

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

export type Cors = (response: Response) => Response;

export function errorResponse(status: number, body: ErrorBody): Response {
  return Response.json(body, { status });
}

/** The headers the library's `cors` adds, for answers given before it could (its own 401). */
export function withCorsHeaders(request: Request, response: Response): Response {
  const origin = request.headers.get("Origin");
  if (origin && origin !== env.SHOPIFY_APP_URL) {
    response.headers.set("Access-Control-Allow-Origin", "*");
    response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.headers.set("Access-Control-Expose-Headers", "X-Shopify-API-Request-Failure-Reauthorize-Url");
  }
  return response;
}

export interface ExtensionSession {
  /** The shop's myshopify domain, from the token's `dest`. */
  shop: string;
  /** The token's `sub`, when it has one (a POS user, a signed-in customer). */
  subject: string | null;
  cors: Cors;
}

interface LibraryAuthentication {
  sessionToken: { dest: string; sub?: string };
  cors: Cors;
}

/**
 * The verified session, or the answer to give instead: the library's own (the preflight's 204,
 * a bot's 410) or a 401 with CORS headers and `unauthorizedMessage`.
 */
export async function extensionSession(
  request: Request,
  authenticateWith: (request: Request) => Promise<LibraryAuthentication>,
  unauthorizedMessage: string,
): Promise<ExtensionSession | Response> {
  try {
    const { sessionToken, cors } = await authenticateWith(request);
    return { shop: new URL(sessionToken.dest).hostname, subject: sessionToken.sub || null, cors };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    if (thrown.status !== 401) return thrown;
    return withCorsHeaders(request, errorResponse(401, { code: "UNAUTHORIZED", message: unauthorizedMessage }));
  }
}

/** A 400's body: the first problem zod found, naming its field. */
export function firstIssue(error: z.ZodError, prefix?: string): ErrorBody {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || prefix;
  return {
    code: "INVALID",
    message: field ? `${field}: ${issue?.message ?? "is not valid"}` : (issue?.message ?? "The request is not valid"),
    ...(field ? { field } : {}),
  };
}

export type BodyReading = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: ErrorBody };

/** The request's JSON body, or why not: over `maxBytes` (413), not JSON, or holding text the database cannot store (400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyReading> {
  const tooLarge: BodyReading = {
    ok: false,
    status: 413,
    error: { code: "TOO_LARGE", message: "The request is too large" },
  };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  const text = await request.text();
  if (text.length > maxBytes) return tooLarge;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, status: 400, error: { code: "INVALID", message: "The request's body is not JSON" } };
  }
  const unstorable = firstUnstorableText(value);
  if (unstorable !== null) {
    return {
      ok: false,
      status: 400,
      error: {
        code: "INVALID",
        message: `${unstorable} holds a NUL character or an unpaired surrogate`,
        field: unstorable,
      },
    };
  }
  return { ok: true, value };
}

/**
 * What an unexpected failure answers. A database too busy to take the request (a burst of
 * devices or checkouts) is a 503 with Retry-After; anything else is logged (as `what`) and a 500.
 */
export function failureResponse(error: unknown, what: string): Response {
  if (isDatabaseBusy(error)) {
    const response = errorResponse(503, { code: "BUSY", message: "Omniroute is busy: trying again in a moment" });
    response.headers.set("Retry-After", "2");
    return response;
  }
  console.error(`${what} request failed`, error);
  return errorResponse(500, { code: "SERVER_ERROR", message: "Something went wrong: try again in a moment" });
}
