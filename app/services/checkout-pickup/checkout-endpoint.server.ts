import type { z } from "zod";
import { authenticate } from "~/shopify.server";
import {
  errorResponse,
  extensionSession,
  failureResponse,
  firstIssue,
  readJsonBody,
} from "~/services/extension-endpoint/extension-endpoint.server";

/**
 * The HTTP side of the app/routes/api.checkout.* routes the checkout extension calls: checkout's
 * session token checked (`authenticate.public.checkout`; the shop is the token's `dest`, never the
 * body), the JSON body read and checked, the service's outcome answered, CORS on every answer.
 */

/** A cart of 100 lines with a pickup option is under 10 KB. */
const MAX_BODY_BYTES = 32 * 1024;

export type CheckoutOutcome =
  | { ok: true; answer: unknown }
  | { ok: false; refusal: { status: number; code: string; message: string; field?: string } };

const UNAUTHORIZED = "The checkout's session could not be confirmed";

const usePost = () => errorResponse(405, { code: "METHOD_NOT_ALLOWED", message: "Use POST" });

/** A POST: the body read by `body`, `handle`'s outcome answered as JSON. */
export async function checkoutPost<Body>(
  request: Request,
  body: z.ZodType<Body, unknown>,
  handle: (shop: string, body: Body) => Promise<CheckoutOutcome>,
): Promise<Response> {
  const session = await extensionSession(request, (request) => authenticate.public.checkout(request), UNAUTHORIZED);
  if (session instanceof Response) return session;
  const { cors } = session;
  try {
    if (request.method !== "POST") return cors(usePost());
    const read = await readJsonBody(request, MAX_BODY_BYTES);
    if (!read.ok) return cors(errorResponse(read.status, read.error));
    const parsed = body.safeParse(read.value);
    if (!parsed.success) return cors(errorResponse(400, firstIssue(parsed.error)));
    const outcome = await handle(session.shop, parsed.data);
    return cors(
      outcome.ok
        ? Response.json(outcome.answer)
        : errorResponse(outcome.refusal.status, {
            code: outcome.refusal.code,
            message: outcome.refusal.message,
            ...(outcome.refusal.field ? { field: outcome.refusal.field } : {}),
          }),
    );
  } catch (error) {
    return cors(failureResponse(error, "Checkout API"));
  }
}

/** The loader of a POST-only route: the preflight (OPTIONS) reaches it and is answered 204; a GET is told to POST. */
export async function checkoutPostOnly(request: Request): Promise<Response> {
  const session = await extensionSession(request, (request) => authenticate.public.checkout(request), UNAUTHORIZED);
  if (session instanceof Response) return session;
  return session.cors(usePost());
}
