import { isDatabaseBusy } from "~/models/database-busy.server";
import type { z } from "zod";
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";
import { numericId } from "./pos-inputs";
import type { PosCaller, PosOutcome } from "./pos-outcome";

/**
 * The POS API's HTTP side, shared by every app/routes/api.pos.* route: the POS session token
 * checked (`authenticate.public.pos`, which also answers the CORS preflight), the location and
 * input read, the service's outcome sent as JSON, and CORS headers on every answer, the app's
 * own errors and the library's 401 included (without them the extension sees a network error).
 */

/** The longest body a POS request needs but a photo's (a handover with every field is under 1 KB). */
const MAX_BODY_BYTES = 16 * 1024;

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** The headers the library's `cors` adds, for answers given before it could (its own 401). */
function withCorsHeaders(request: Request, response: Response): Response {
  const origin = request.headers.get("Origin");
  if (origin && origin !== env.SHOPIFY_APP_URL) {
    response.headers.set("Access-Control-Allow-Origin", "*");
    response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.headers.set("Access-Control-Expose-Headers", "X-Shopify-API-Request-Failure-Reauthorize-Url");
  }
  return response;
}

function errorResponse(status: number, body: ErrorBody): Response {
  return Response.json(body, { status });
}

type Cors = (response: Response) => Response;

interface Authenticated {
  shop: string;
  userId: string | null;
  cors: Cors;
}

/** The verified session, or the answer to give instead (the preflight, or a 401 with CORS headers). */
async function authenticatePos(request: Request): Promise<Authenticated | Response> {
  try {
    const { sessionToken, cors } = await authenticate.public.pos(request);
    const shop = new URL(sessionToken.dest).hostname;
    return { shop, userId: sessionToken.sub || null, cors };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    if (thrown.status !== 401) return thrown;
    return withCorsHeaders(
      request,
      errorResponse(401, { code: "UNAUTHORIZED", message: "Sign in again: your POS login could not be confirmed" }),
    );
  }
}

function firstIssue(error: z.ZodError, prefix?: string): ErrorBody {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || prefix;
  return {
    code: "INVALID",
    message: field ? `${field}: ${issue?.message ?? "is not valid"}` : (issue?.message ?? "The request is not valid"),
    ...(field ? { field } : {}),
  };
}

function answer(outcome: PosOutcome<unknown>): Response {
  return outcome.ok
    ? Response.json(outcome.answer)
    : errorResponse(outcome.refusal.status, {
        code: outcome.refusal.code,
        message: outcome.refusal.message,
        ...(outcome.refusal.field ? { field: outcome.refusal.field } : {}),
      });
}

type BodyReading = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: ErrorBody };

async function readBody(request: Request, maxBytes: number): Promise<BodyReading> {
  const tooLarge: BodyReading = {
    ok: false,
    status: 413,
    error: { code: "TOO_LARGE", message: "The request is too large" },
  };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  const text = await request.text();
  if (text.length > maxBytes) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: { code: "INVALID", message: "The request's body is not JSON" } };
  }
}

type Caller = Omit<PosCaller, "staffMemberId">;

/** Authenticates, reads the location, runs `handle`, and answers with CORS headers whatever happens. */
async function respond(request: Request, handle: (caller: Caller, cors: Cors) => Promise<Response>): Promise<Response> {
  const authenticated = await authenticatePos(request);
  if (authenticated instanceof Response) return authenticated;
  const { cors } = authenticated;
  const locationId = numericId.safeParse(new URL(request.url).searchParams.get("locationId") ?? "");
  if (!locationId.success) {
    return cors(
      errorResponse(400, {
        code: "INVALID",
        message: "locationId must be the POS location's numeric id",
        field: "locationId",
      }),
    );
  }
  try {
    return cors(
      await handle({ shop: authenticated.shop, userId: authenticated.userId, locationId: locationId.data }, cors),
    );
  } catch (error) {
    return cors(failureResponse(error));
  }
}

/**
 * What an unexpected failure answers. A database too busy to take the request (a burst of
 * devices) is a 503 with Retry-After, which the extension keeps and sends again; anything else is
 * logged and a 500.
 */
export function failureResponse(error: unknown): Response {
  if (isDatabaseBusy(error)) {
    const response = errorResponse(503, { code: "BUSY", message: "Omniroute is busy: trying again in a moment" });
    response.headers.set("Retry-After", "2");
    return response;
  }
  console.error("POS API request failed", error);
  return errorResponse(500, { code: "SERVER_ERROR", message: "Something went wrong: try again in a moment" });
}

/** A GET: the query read by `query`, the service's outcome answered. */
export function posRead<Query>(
  request: Request,
  query: z.ZodType<Query>,
  handle: (caller: Caller, query: Query) => Promise<PosOutcome<unknown>>,
): Promise<Response> {
  return respond(request, async (caller) => {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return errorResponse(400, firstIssue(parsed.error));
    return answer(await handle(caller, parsed.data));
  });
}

/**
 * A POST: the JSON body read by `body`, the staff member's claim taken from it, the outcome
 * answered. A body over `maxBodyBytes` (16 KB unless the route needs more: a photo) is a 413.
 */
export function posChange<Body extends { staffMemberId?: string }>(
  request: Request,
  body: z.ZodType<Body, unknown>,
  handle: (caller: PosCaller, body: Body) => Promise<PosOutcome<unknown>>,
  { maxBodyBytes = MAX_BODY_BYTES }: { maxBodyBytes?: number } = {},
): Promise<Response> {
  return respond(request, async (caller) => {
    if (request.method !== "POST") return errorResponse(405, { code: "INVALID", message: "Use POST" });
    const read = await readBody(request, maxBodyBytes);
    if (!read.ok) return errorResponse(read.status, read.error);
    const parsed = body.safeParse(read.value);
    if (!parsed.success) return errorResponse(400, firstIssue(parsed.error));
    return answer(await handle({ ...caller, staffMemberId: parsed.data.staffMemberId ?? null }, parsed.data));
  });
}

/** The loader of a POST-only route: the preflight (OPTIONS) reaches it; a GET is told to POST. */
export function posChangeOnly(request: Request): Promise<Response> {
  return respond(request, async () => errorResponse(405, { code: "INVALID", message: "Use POST" }));
}
