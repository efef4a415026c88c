import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";
import { meaningOfTwilioError } from "./twilio-errors";

/**
 * The one Twilio adapter: texts through a shop's own Twilio account with the real SDK and tells
 * what came of it as a value, never as a vendor error. Twilio takes no idempotency key, so an
 * answer that never came is UNKNOWN — the message may be on its way — and `recentMessagesTo`
 * is how the caller finds out before it ever sends again.
 */

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** The shop's Messaging Service: it picks the sender and keeps the shop's own opt-out list. */
  messagingServiceSid: string | null;
  /** The sender when the shop has no Messaging Service. */
  fromNumber?: string | null;
}

export interface SmsToSend {
  account: TwilioAccount;
  /** E.164. */
  to: string;
  body: string;
  /** Where Twilio posts this message's status changes (carries the notification id). */
  statusCallbackUrl: string | null;
  /** After this long unsent, Twilio drops the message: a late "ready" text is worse than none. */
  validityPeriodSeconds?: number;
}

export type SmsSendOutcome =
  | { kind: "SENT"; sid: string; status: string }
  /** Twilio answered and refused: not sent, and the same request would be refused again. */
  | {
      kind: "REFUSED";
      code: number | null;
      message: string;
      optedOut: boolean;
      badNumber: boolean;
      accountProblem: boolean;
    }
  /** No answer, a 5xx or a broken connection: the message may or may not have been sent. */
  | { kind: "UNKNOWN"; message: string };

export interface SentSms {
  sid: string;
  to: string;
  body: string;
  status: string;
  dateCreated: Date;
  errorCode: number | null;
}

export type RecentMessagesOutcome = { kind: "OK"; messages: SentSms[] } | { kind: "UNKNOWN"; message: string };

export interface TwilioMessagingOptions {
  /** Another host than api.twilio.com: the local emulator in development and tests (TWILIO_API_URL). */
  apiUrl?: string;
  /** How long to wait for Twilio's answer before taking the outcome as unknown. */
  timeoutMs?: number;
}

export interface TwilioMessaging {
  sendSms(sms: SmsToSend): Promise<SmsSendOutcome>;
  recentMessagesTo(query: { account: TwilioAccount; to: string; sentAfter: Date }): Promise<RecentMessagesOutcome>;
}

/** Twilio usually answers in well under a second; a job should not hang on it for the SDK's 30 s. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000;
/** Twilio's longest validity period (36 h); its shortest is 1 s. */
export const MAX_VALIDITY_PERIOD_SECONDS = 36 * 3600;
// A reconciliation looks at this many of the number's newest messages: far more than one shop
// sends one shopper in the window a send can be in doubt.
const RECENT_MESSAGES_LIMIT = 50;

function httpClientFor(options: TwilioMessagingOptions): TwilioRequestClient {
  const timeout = options.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS;
  const apiUrl = options.apiUrl?.replace(/\/+$/, "");
  if (!apiUrl) return new twilio.RequestClient({ timeout, autoRetry: false });
  /** Sends the SDK's requests, path and query unchanged, to the stand-in instead of Twilio. */
  class StandInRequestClient extends twilio.RequestClient {
    override request<TData>(request: TwilioRequestClient.RequestOptions<TData>) {
      const target = new URL(request.uri);
      return super.request<TData>({ ...request, uri: `${apiUrl}${target.pathname}${target.search}` });
    }
  }
  return new StandInRequestClient({ timeout, autoRetry: false });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Sorts a failed call. The SDK rejects with a RestException (or TwilioServiceException) carrying
 * Twilio's HTTP `status` and error `code` when Twilio answered, with axios's error when no answer
 * came, and with a plain Error when it refused the request before sending it (a malformed SID).
 */
export function classifyTwilioFailure(error: unknown, timeoutMs: number): Exclude<SmsSendOutcome, { kind: "SENT" }> {
  const message = error instanceof Error ? error.message : String(error);
  if (isRecord(error) && typeof error["status"] === "number" && !("isAxiosError" in error)) {
    const status = error["status"];
    const code = typeof error["code"] === "number" && error["code"] > 0 ? error["code"] : null;
    // 429: not taken, but not refused for good either; the caller reconciles and may try again.
    if (status >= 500 || status === 429) return { kind: "UNKNOWN", message: `Twilio answered ${status}: ${message}` };
    return { kind: "REFUSED", code, message, ...meaningOfTwilioError(code) };
  }
  if (isRecord(error) && error["isAxiosError"] === true) {
    const code = typeof error["code"] === "string" ? error["code"] : "";
    const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT";
    return {
      kind: "UNKNOWN",
      message: timedOut
        ? `Twilio did not answer within ${timeoutMs / 1000} s`
        : `Twilio could not be reached: ${message}`,
    };
  }
  return { kind: "REFUSED", code: null, message, optedOut: false, badNumber: false, accountProblem: false };
}

export function createTwilioMessaging(options: TwilioMessagingOptions = {}): TwilioMessaging {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS;
  const httpClient = httpClientFor(options);
  // A client per account (each shop's own credentials), sharing one HTTP client and its sockets.
  const clientFor = (account: TwilioAccount) => twilio(account.accountSid, account.authToken, { httpClient });

  return {
    async sendSms({ account, to, body, statusCallbackUrl, validityPeriodSeconds }) {
      try {
        const sender = account.messagingServiceSid
          ? { messagingServiceSid: account.messagingServiceSid }
          : account.fromNumber
            ? { from: account.fromNumber }
            : null;
        if (!sender) {
          return {
            kind: "REFUSED",
            code: null,
            message: "The shop's Twilio account has no Messaging Service and no sender number",
            optedOut: false,
            badNumber: false,
            accountProblem: true,
          };
        }
        const validityPeriod =
          validityPeriodSeconds === undefined
            ? {}
            : { validityPeriod: Math.max(1, Math.min(MAX_VALIDITY_PERIOD_SECONDS, Math.round(validityPeriodSeconds))) };
        const message = await clientFor(account).messages.create({
          to,
          body,
          ...sender,
          ...(statusCallbackUrl ? { statusCallback: statusCallbackUrl } : {}),
          ...validityPeriod,
        });
        return { kind: "SENT", sid: message.sid, status: message.status };
      } catch (error) {
        return classifyTwilioFailure(error, timeoutMs);
      }
    },

    async recentMessagesTo({ account, to, sentAfter }) {
      try {
        // Not Twilio's DateSent filter: a message still queued has no date sent, and it is
        // exactly the one a reconciliation must find. Newest first, filtered on creation.
        const messages = await clientFor(account).messages.list({ to, limit: RECENT_MESSAGES_LIMIT });
        return {
          kind: "OK",
          messages: messages
            .filter((message) => message.dateCreated >= sentAfter && message.direction !== "inbound")
            .map((message) => ({
              sid: message.sid,
              to: message.to,
              body: message.body,
              status: message.status,
              dateCreated: message.dateCreated,
              errorCode: message.errorCode ?? null,
            })),
        };
      } catch (error) {
        const failure = classifyTwilioFailure(error, timeoutMs);
        return { kind: "UNKNOWN", message: failure.message };
      }
    },
  };
}

/**
 * Whether a request really comes from Twilio: `X-Twilio-Signature` is Twilio's HMAC, keyed with
 * the account's auth token, of the URL Twilio called — the public one, exactly, query included —
 * and every form field.
 */
export function validateTwilioSignature(
  authToken: string,
  signature: string | null,
  publicUrl: string,
  params: Record<string, string>,
): boolean {
  if (!signature) return false;
  try {
    return twilio.validateRequest(authToken, signature, publicUrl, params);
  } catch {
    return false;
  }
}

/** TwiML answering an inbound text with one message (escaped by the SDK). */
export function replyTwiml(text: string): string {
  const response = new twilio.twiml.MessagingResponse();
  response.message(text);
  return response.toString();
}

/** TwiML answering an inbound text with nothing. */
export function emptyTwiml(): string {
  return new twilio.twiml.MessagingResponse().toString();
}
