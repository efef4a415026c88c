import type { z } from "zod";
import { authenticate } from "~/shopify.server";
import {
  type Cors,
  errorResponse,
  extensionSession,
  failureResponse as endpointFailure,
  firstIssue,
  readJsonBody,
} from "~/services/extension-endpoint/extension-endpoint.server";
import { numericId } from "./pos-inputs";
import type { PosCaller, PosOutcome } from "./pos-outcome";

/**
 * The POS API's HTTP side, shared by every app/routes/api.pos.* route: the POS session token
 * checked (`authenticate.public.pos`, which also answers the CORS preflight), the location and
 * input read, the service's outcome sent as JSON, and CORS headers on every answer
 * (extension-endpoint.server.ts, which the checkout's endpoints share).
 */

/** The longest body a POS request needs but a photo's (a handover with every field is under 1 KB). */
const MAX_BODY_BYTES = 16 * 1024;

function answer(outcome: PosOutcome<unknown>): Response {
  return outcome.ok
    ? Response.json(outcome.answer)
    : errorResponse(outcome.refusal.status, {
        code: outcome.refusal.code,
        message: outcome.refusal.message,
        ...(outcome.refusal.field ? { field: outcome.refusal.field } : {}),
      });
}

type Caller = Omit<PosCaller, "staffMemberId">;

/** Authenticates, reads the location, runs `handle`, and answers with CORS headers whatever happens. */
async function respond(request: Request, handle: (caller: Caller, cors: Cors) => Promise<Response>): Promise<Response> {
  const authenticated = await extensionSession(
    request,
    (request) => authenticate.public.pos(request),
    "Sign in again: your POS login could not be confirmed",
  );
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
      await handle({ shop: authenticated.shop, userId: authenticated.subject, locationId: locationId.data }, cors),
    );
  } catch (error) {
    return cors(failureResponse(error));
  }
}

/** What an unexpected failure answers: 503 with Retry-After when the database is busy (the device sends it again), else 500. */
export function failureResponse(error: unknown): Response {
  return endpointFailure(error, "POS API");
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
    const read = await readJsonBody(request, maxBodyBytes);
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
