/**
 * The one OneSignal adapter: creates a push notification through OneSignal's REST API
 * (POST {base}/notifications, https://documentation.onesignal.com/reference/create-message) for
 * one shopper, named by external id, and tells what came of it as a value, never as a thrown
 * vendor error.
 *
 * Every request carries an `idempotency_key`: OneSignal answers a repeated key (for 30 days) with
 * the first request's result and sends nothing twice, so a push whose answer was lost may be sent
 * again with the same key.
 */

export const ONESIGNAL_API_URL = "https://api.onesignal.com";
/** Long enough for OneSignal's usual sub-second answer on a bad day, short enough for a job. */
export const DEFAULT_PUSH_TIMEOUT_MS = 10_000;

export interface OneSignalAccount {
  appId: string;
  restApiKey: string;
}

export interface OneSignalPush {
  /** The shopper's OneSignal external id (the app uses Shopify's customer id). */
  externalId: string;
  heading: string;
  body: string;
  /** Opened when the shopper taps the notification. */
  url?: string;
  /** A UUID unique to this message: the notification row's id. */
  idempotencyKey: string;
}

export type OneSignalPushOutcome =
  /** Created; `id` is OneSignal's notification id. */
  | { kind: "SENT"; id: string }
  /** The key was accepted but the shopper has no subscribed device: nothing was created. */
  | { kind: "NO_SUBSCRIBED_DEVICE"; message: string }
  /** OneSignal refused the request (a 4xx): the key, the app id or the message. Sending it again fails again. */
  | { kind: "REFUSED"; status: number; message: string }
  /** No answer, a 5xx, a rate limit or a broken connection: it may have been sent; repeat it with the same key. */
  | { kind: "UNKNOWN"; message: string };

export interface OneSignalClientOptions {
  /** Another host than api.onesignal.com: the local emulator in development and tests. */
  apiUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface OneSignalClient {
  send(account: OneSignalAccount, push: OneSignalPush): Promise<OneSignalPushOutcome>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** OneSignal's `errors`, in its own words: an array of sentences, or an object such as `{ invalid_aliases: … }`. */
function errorText(errors: unknown): string | null {
  if (Array.isArray(errors)) {
    const sentences = errors.filter((entry): entry is string => typeof entry === "string");
    return sentences.length > 0 ? sentences.join("; ") : null;
  }
  if (isRecord(errors)) return JSON.stringify(errors);
  return null;
}

/** What a 200 means: a notification id, or (an empty id) no recipient could receive it. */
function acceptedOutcome(body: unknown): OneSignalPushOutcome {
  const id = isRecord(body) && typeof body["id"] === "string" ? body["id"] : "";
  if (id !== "") return { kind: "SENT", id };
  const errors = isRecord(body) ? body["errors"] : undefined;
  const noDevice = isRecord(errors) && isRecord(errors["invalid_aliases"]);
  return {
    kind: "NO_SUBSCRIBED_DEVICE",
    message: noDevice
      ? "The shopper has no device subscribed to this shop's push notifications"
      : (errorText(errors) ?? "OneSignal had no subscribed recipient for it"),
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

export function createOneSignalClient(options: OneSignalClientOptions = {}): OneSignalClient {
  const base = (options.apiUrl ?? ONESIGNAL_API_URL).replace(/\/$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  return {
    async send(account, push) {
      let response: Response;
      try {
        response = await fetchImpl(`${base}/notifications`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            authorization: `Key ${account.restApiKey}`,
          },
          body: JSON.stringify({
            app_id: account.appId,
            include_aliases: { external_id: [push.externalId] },
            target_channel: "push",
            headings: { en: push.heading },
            contents: { en: push.body },
            ...(push.url ? { url: push.url } : {}),
            idempotency_key: push.idempotencyKey,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        return {
          kind: "UNKNOWN",
          message: timedOut
            ? `OneSignal did not answer within ${timeoutMs / 1000} s`
            : `OneSignal could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const body = await readJson(response);
      if (response.ok) return acceptedOutcome(body);
      const words = errorText(isRecord(body) ? body["errors"] : undefined) ?? `OneSignal answered ${response.status}`;
      // Too many requests is not a refusal of this message: it goes again, with the same key.
      if (response.status === 429 || response.status >= 500) return { kind: "UNKNOWN", message: words };
      // Older answers to a send nobody can receive: 400 "All included players are not subscribed".
      if (/not subscribed/i.test(words)) return { kind: "NO_SUBSCRIBED_DEVICE", message: words };
      return { kind: "REFUSED", status: response.status, message: words };
    },
  };
}
