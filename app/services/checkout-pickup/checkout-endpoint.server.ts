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
 * The HTTP side of the routes the checkout extension calls (app/routes/api.checkout.*, and
 * api.customer-account.* for its order status block): the surface's session token checked
 * (`authenticate.public.checkout` or `.customerAccount`; the shop is the token's `dest`, never the
 * body), the JSON body read and checked, the service's outcome answered, CORS on every answer.
 */

/** A cart of 100 lines with a pickup option is under 10 KB. */
const MAX_BODY_BYTES = 32 * 1024;

export type CheckoutOutcome =
  | { ok: true; answer: unknown }
  | { ok: false; refusal: { status: number; code: string; message: string; field?: string } };

const UNAUTHORIZED = "The checkout's session could not be confirmed";
const CUSTOMER_ACCOUNT_UNAUTHORIZED = "The customer account's session could not be confirmed";

/** Who signs the session token of a storefront extension surface, and what to say when it does not check out. */
interface Surface {
  authenticate: (request: Request) => ReturnType<typeof authenticate.public.checkout>;
  unauthorized: string;
}

const CHECKOUT: Surface = {
  authenticate: (request) => authenticate.public.checkout(request),
  unauthorized: UNAUTHORIZED,
};
/** The order status page lives in customer accounts: its token is the customer account's. */
const CUSTOMER_ACCOUNT: Surface = {
  authenticate: (request) => authenticate.public.customerAccount(request),
  unauthorized: CUSTOMER_ACCOUNT_UNAUTHORIZED,
};

const usePost = () => errorResponse(405, { code: "METHOD_NOT_ALLOWED", message: "Use POST" });

async function surfacePost<Body>(
  surface: Surface,
  request: Request,
  body: z.ZodType<Body, unknown>,
  handle: (shop: string, body: Body) => Promise<CheckoutOutcome>,
): Promise<Response> {
  const session = await extensionSession(request, surface.authenticate, surface.unauthorized);
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

async function surfacePostOnly(surface: Surface, request: Request): Promise<Response> {
  const session = await extensionSession(request, surface.authenticate, surface.unauthorized);
  if (session instanceof Response) return session;
  return session.cors(usePost());
}

/** A POST from a checkout extension (checkout, thank-you page): the body read by `body`, `handle`'s outcome answered as JSON. */
export const checkoutPost = <Body>(
  request: Request,
  body: z.ZodType<Body, unknown>,
  handle: (shop: string, body: Body) => Promise<CheckoutOutcome>,
) => surfacePost(CHECKOUT, request, body, handle);

/** The loader of a POST-only route: the preflight (OPTIONS) reaches it and is answered 204; a GET is told to POST. */
export const checkoutPostOnly = (request: Request) => surfacePostOnly(CHECKOUT, request);

/** A POST from a customer account extension (the order status page). */
export const customerAccountPost = <Body>(
  request: Request,
  body: z.ZodType<Body, unknown>,
  handle: (shop: string, body: Body) => Promise<CheckoutOutcome>,
) => surfacePost(CUSTOMER_ACCOUNT, request, body, handle);

export const customerAccountPostOnly = (request: Request) => surfacePostOnly(CUSTOMER_ACCOUNT, request);
