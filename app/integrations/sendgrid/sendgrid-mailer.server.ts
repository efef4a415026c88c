import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";

/**
 * The one SendGrid adapter: sends one email through SendGrid's v3 Mail Send API with the real
 * SDK (`@sendgrid/mail`) and tells what came of it as a value, never as a vendor error. The
 * store's new-order email uses it with the app's own account (app-sendgrid-account.server.ts);
 * customer notifications with each shop's (customer-email.server.ts).
 */

export interface EmailAddress {
  email: string;
  name?: string;
}

export interface EmailMessage {
  to: EmailAddress;
  from: EmailAddress;
  subject: string;
  text: string;
  html: string;
  /** Opaque ids only, never personal data: SendGrid echoes them in its event webhook. */
  customArgs?: Record<string, string>;
  categories?: string[];
  /** The unsubscribe (suppression) group: lets a customer opt out of reminders without losing receipts. */
  asmGroupId?: number;
}

export type SendOutcome =
  /** Accepted; `messageId` is SendGrid's X-Message-Id (null when it gave none, as in sandbox mode). */
  | { ok: true; messageId: string | null }
  /**
   * Refused (a 4xx, or the SDK refused the message before sending): not sent, and sending it again
   * would fail again. `status` is SendGrid's (401: the key; 400: the message), null when none was sent.
   */
  | { ok: false; kind: "REJECTED"; status: number | null; error: string }
  /** No answer, a 5xx or a broken connection: it may have been sent. */
  | { ok: false; kind: "AMBIGUOUS"; error: string };

export interface SendGridMailer {
  send(message: EmailMessage): Promise<SendOutcome>;
}

export interface SendGridCredentials {
  apiKey: string;
  /** Another host than api.sendgrid.com: the local emulator in development and tests. */
  baseUrl?: string;
  /** How long to wait for SendGrid's answer before taking the send as ambiguous. */
  timeoutMs?: number;
}

/** Long enough for SendGrid's usual sub-second answer on a bad day, short enough for a job. */
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** What SendGrid's error body says, in its own words ("Does not contain a valid address. (personalizations.0.to.0.email)"). */
function sendGridErrorText(status: number, body: unknown): string {
  const errors =
    typeof body === "object" && body !== null && "errors" in body && Array.isArray(body.errors) ? body.errors : [];
  const messages = errors.flatMap((error: unknown) => {
    if (typeof error !== "object" || error === null || !("message" in error) || typeof error.message !== "string") {
      return [];
    }
    const field = "field" in error && typeof error.field === "string" && error.field ? ` (${error.field})` : "";
    return [`${error.message}${field}`];
  });
  return messages.length > 0 ? messages.join("; ") : `SendGrid answered ${status}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Sorts a failed send. The SDK rejects with a ResponseError (numeric `code`, `response.body`)
 * when SendGrid answered 4xx or 5xx, with axios's error when no answer came (timeout, refused or
 * reset connection), and with a plain Error when it refused the message before any request.
 */
export function classifySendFailure(error: unknown, timeoutMs: number): Exclude<SendOutcome, { ok: true }> {
  if (isRecord(error) && typeof error["code"] === "number" && isRecord(error["response"])) {
    const status = error["code"];
    const text = sendGridErrorText(status, error["response"]["body"]);
    return status >= 400 && status < 500
      ? { ok: false, kind: "REJECTED", status, error: text }
      : { ok: false, kind: "AMBIGUOUS", error: text };
  }
  if (isRecord(error) && error["isAxiosError"] === true) {
    const code = typeof error["code"] === "string" ? error["code"] : "";
    const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT";
    const message = error instanceof Error ? error.message : code;
    return {
      ok: false,
      kind: "AMBIGUOUS",
      error: timedOut
        ? `SendGrid did not answer within ${timeoutMs / 1000} s`
        : `SendGrid could not be reached: ${message}`,
    };
  }
  return { ok: false, kind: "REJECTED", status: null, error: error instanceof Error ? error.message : String(error) };
}

function headerValue(headers: unknown, name: string): string | null {
  if (!isRecord(headers)) return null;
  const value = headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * A client of its own, not the SDK's shared singleton: each account (the app's, each shop's)
 * keeps its key and host.
 */
export function createSendGridClient(credentials: SendGridCredentials): Client {
  const client = new Client();
  client.setApiKey(credentials.apiKey);
  // setApiKey resets the host, so the override goes in after it.
  if (credentials.baseUrl) client.setDefaultRequest("baseUrl", credentials.baseUrl);
  // The client's typings leave out its request timeout; the mail service sets it on the client.
  const timeoutSetter = new MailService();
  timeoutSetter.setClient(client);
  timeoutSetter.setTimeout(credentials.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS);
  return client;
}

export function createSendGridMailer(credentials: SendGridCredentials): SendGridMailer {
  const timeoutMs = credentials.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const mail = new MailService();
  mail.setClient(createSendGridClient(credentials));

  return {
    async send(message) {
      try {
        const [response] = await mail.send({
          to: message.to,
          from: message.from,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.customArgs ? { customArgs: message.customArgs } : {}),
          ...(message.categories ? { categories: message.categories } : {}),
          ...(message.asmGroupId !== undefined ? { asm: { groupId: message.asmGroupId } } : {}),
        });
        return { ok: true, messageId: headerValue(response.headers, "x-message-id") };
      } catch (error) {
        return classifySendFailure(error, timeoutMs);
      }
    },
  };
}
