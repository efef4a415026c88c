import { z } from "zod";
import { env } from "~/env.server";
import { openToken, signToken } from "~/services/signed-links/signed-token.server";
import { PRINT_DOCUMENTS, type PrintDocument } from "./print-documents";

/**
 * The signed, short-lived link POS prints from (`shopify.printing.print(src)`). POS fetches the
 * src itself, and Shopify does not document that it sends the session token with it, so the link
 * carries its own proof: which shop, store, task and document, until when, signed with the app's
 * secret. A task id alone, or a link for another task or past its time, prints nothing.
 */

/** Long enough for POS to fetch the page after the button is pressed, short enough to be useless later. */
export const PRINT_LINK_SECONDS = 5 * 60;
/** The app's page POS loads, under the app URL. */
export const PRINT_PATH = "/print/store-task";

export interface PrintClaims {
  shop: string;
  locationId: string;
  taskId: string;
  document: PrintDocument;
}

const payloadSchema = z.object({
  shop: z.string().min(1),
  locationId: z.string().min(1),
  taskId: z.string().min(1),
  document: z.enum(PRINT_DOCUMENTS),
  expiresAt: z.number().int(),
});

export function signPrintToken(
  claims: PrintClaims,
  now: Date,
  secret: string = env.SHOPIFY_API_SECRET,
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + PRINT_LINK_SECONDS * 1000);
  const payload = JSON.stringify({ ...claims, expiresAt: Math.floor(expiresAt.getTime() / 1000) });
  return { token: signToken("print-link", payload, secret), expiresAt };
}

export type PrintTokenReading = { ok: true; claims: PrintClaims } | { ok: false; reason: "INVALID" | "EXPIRED" };

/** The link's claims when its signature holds and its time has not passed. */
export function readPrintToken(
  token: string | null,
  now: Date,
  secret: string = env.SHOPIFY_API_SECRET,
): PrintTokenReading {
  const payload = openToken("print-link", token, secret);
  if (payload === null) return { ok: false, reason: "INVALID" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(payload);
  } catch {
    return { ok: false, reason: "INVALID" };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  if (parsed.data.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: "EXPIRED" };
  const { expiresAt: _expiresAt, ...claims } = parsed.data;
  return { ok: true, claims };
}
