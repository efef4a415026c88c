import { env } from "~/env.server";

/**
 * A request Twilio posts to the app (a status callback, an inbound text), read as Twilio sends
 * it: a urlencoded form, of a size Twilio's never exceeds, and the public URL it was signed for.
 */

// An inbound text is at most 1,600 characters plus ten media URLs: a few KiB. Anything far
// larger is not Twilio.
export const MAX_TWILIO_FORM_BYTES = 64 * 1024;

export type TwilioForm =
  | { ok: true; params: Record<string, string>; signature: string | null; publicUrl: string }
  | { ok: false; response: Response };

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export const forbidden = () => plain(403, "Forbidden");
export const badRequest = (why: string) => plain(400, `Bad request: ${why}`);

/**
 * The URL Twilio called, as it called it: behind a TLS-terminating proxy the app sees an
 * internal http URL, but Twilio signed the public one (SHOPIFY_APP_URL) with this path and query.
 */
export function publicUrlOf(request: Request): string {
  const url = new URL(request.url);
  return `${env.SHOPIFY_APP_URL.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

export async function readTwilioForm(request: Request): Promise<TwilioForm> {
  if (request.method !== "POST") {
    return { ok: false, response: new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } }) };
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_TWILIO_FORM_BYTES) return { ok: false, response: plain(413, "Too large") };
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("Content-Type") ?? "")) {
    return { ok: false, response: badRequest("expected a form") };
  }
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, response: badRequest("unreadable body") };
  }
  if (Buffer.byteLength(text, "utf8") > MAX_TWILIO_FORM_BYTES) return { ok: false, response: plain(413, "Too large") };

  const form = new URLSearchParams(text);
  // No prototype: a field named __proto__ is a field like any other.
  const params = Object.create(null) as Record<string, string>;
  for (const [name, value] of form) {
    // Twilio never repeats a field; a repeated one could mean two things to two readers.
    if (Object.hasOwn(params, name)) return { ok: false, response: badRequest(`${name} repeated`) };
    params[name] = value;
  }
  return { ok: true, params, signature: request.headers.get("X-Twilio-Signature"), publicUrl: publicUrlOf(request) };
}
