import {
  basicCredentials,
  jsonResponse,
  type EmulatorRequest,
  type EmulatorResponse,
  type FetchFunction,
} from "./http-types";
import { type OutboxRecord, type OutboxSource } from "./outbox";
import { PendingWork } from "./pending-work";
import { postCallback, type CallbackOutcome } from "./post-callback";
import { postOverNodeHttp } from "./post-over-node-http";
import { SeededRandom } from "../../seeded-random";
import { smsSegmentCount } from "./sms-segments";
import { paramsFromForm, twilioSignature, type TwilioParams } from "./twilio-signature";

/**
 * A stand-in for Twilio's Programmable Messaging REST API (2010-04-01): it authenticates and
 * validates like Twilio, answers with Twilio's Message resource and error bodies, moves each
 * message through sent → delivered with signed status callbacks, and can post signed inbound
 * SMS (STOP, HELP …) to the app.
 */
export const TWILIO_API_VERSION = "2010-04-01";

export type TwilioSandboxOptions = {
  accountSid: string;
  authToken: string;
  /** API keys of the account (`SK…` SID and secret), accepted in place of the auth token. */
  apiKeys?: ReadonlyArray<{ sid: string; secret: string }>;
  /** Where inbound SMS are posted (the app's messaging webhook). */
  inboundUrl?: string;
  /** The sender Twilio picks when a message names only a MessagingServiceSid. */
  messagingServiceNumber?: string;
  now?: () => Date;
  fetch?: FetchFunction;
  /** Time from queued to sent, and from sent to delivered. */
  callbackDelayMs?: number;
  seed?: number;
};

export type TwilioMessageStatus = "accepted" | "queued" | "sent" | "delivered" | "undelivered" | "received";

/** The Message resource, field for field as Twilio's JSON has it. */
export type TwilioMessageResource = {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: "outbound-api" | "inbound";
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: TwilioMessageStatus;
  subresource_uris: { media: string };
  to: string;
  uri: string;
};

export type TwilioMessageRecord = {
  resource: TwilioMessageResource;
  createdAt: Date;
  statusCallback: string | null;
  mediaUrls: string[];
  /** The form the app posted (or, for inbound messages, the one the sandbox posted). */
  request: TwilioParams;
};

export type TwilioCallbackRecord = {
  kind: "status" | "inbound";
  url: string;
  params: Record<string, string>;
  signature: string;
  at: Date;
  outcome: CallbackOutcome;
};

type TwilioError = { status: number; code: number; message: string };

/**
 * The carrier errors a delivered-to-Twilio message can end with (Twilio's error dictionary,
 * twilio.com/docs/api/errors/3000x): the handset off or out of coverage (30003, often temporary),
 * a number no longer in service (30005), a landline or a carrier out of reach (30006).
 */
export const UNDELIVERED_ERRORS = {
  30003: "Unreachable destination handset",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
} as const;
export type UndeliveredErrorCode = keyof typeof UNDELIVERED_ERRORS;

const E164 = /^\+[1-9]\d{1,14}$/;
const OPT_OUT_KEYWORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);
const OPT_IN_KEYWORDS = new Set(["START", "YES", "UNSTOP"]);
const HELP_KEYWORDS = new Set(["HELP", "INFO"]);
const CALLBACK_TIMEOUT_MS = 15_000;
const PRICE_PER_SEGMENT = 0.0079;

export class TwilioSandbox implements OutboxSource {
  private readonly options: Required<Pick<TwilioSandboxOptions, "accountSid" | "authToken" | "callbackDelayMs">> &
    TwilioSandboxOptions;
  private readonly now: () => Date;
  private readonly fetchFunction: FetchFunction;
  private readonly random: SeededRandom;
  private readonly work = new PendingWork();
  private readonly messages = new Map<string, TwilioMessageRecord>();
  private readonly callbackLog: TwilioCallbackRecord[] = [];
  /** Recipients who texted STOP: Twilio refuses to message them until they text START. */
  private readonly optedOut = new Set<string>();
  /** Numbers whose messages end `undelivered`, with the error code Twilio gives for each. */
  private readonly undeliverable = new Map<string, UndeliveredErrorCode>();

  constructor(options: TwilioSandboxOptions) {
    this.options = { callbackDelayMs: 100, ...options };
    this.now = options.now ?? (() => new Date());
    this.fetchFunction = options.fetch ?? postOverNodeHttp;
    this.random = new SeededRandom(options.seed);
  }

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages(?:\/([^/]+?))?\.json$/.exec(request.path);
    if (!match) return twilioError({ status: 404, code: 20404, message: notFoundMessage(request.path) });
    if (!this.isAuthenticated(request)) {
      return twilioError(
        { status: 401, code: 20003, message: "Authenticate" },
        { "www-authenticate": 'Basic realm="Twilio API"' },
      );
    }
    const [, accountSid, messageSid] = match;
    if (accountSid !== this.options.accountSid) {
      return twilioError({ status: 404, code: 20404, message: notFoundMessage(request.path) });
    }
    if (messageSid !== undefined) {
      if (request.method !== "GET") return methodNotAllowed();
      const record = this.messages.get(messageSid);
      if (!record) return twilioError({ status: 404, code: 20404, message: notFoundMessage(request.path) });
      return jsonResponse(200, record.resource);
    }
    if (request.method === "POST") return this.createMessage(new URLSearchParams(request.body));
    if (request.method === "GET") return this.listMessages(request);
    return methodNotAllowed();
  }

  /** Outbound messages the app sent, oldest first. */
  list(): TwilioMessageRecord[] {
    return [...this.messages.values()].filter((record) => record.resource.direction === "outbound-api");
  }

  /** Inbound messages posted to the app with `simulateInbound`. */
  inbound(): TwilioMessageRecord[] {
    return [...this.messages.values()].filter((record) => record.resource.direction === "inbound");
  }

  callbacks(): TwilioCallbackRecord[] {
    return [...this.callbackLog];
  }

  outbox(): OutboxRecord[] {
    return this.list().map(({ resource, createdAt, request }) => ({
      channel: "sms",
      id: resource.sid,
      to: resource.to,
      ...(resource.from ? { from: resource.from } : {}),
      body: resource.body,
      at: createdAt,
      status: resource.status,
      raw: request,
    }));
  }

  clear(): void {
    this.messages.clear();
    this.callbackLog.length = 0;
    this.optedOut.clear();
    this.undeliverable.clear();
  }

  /** Messages to this number end `undelivered` with error 30003, as for a handset that is off. */
  markUnreachable(phoneNumber: string): void {
    this.markUndeliverable(phoneNumber, 30003);
  }

  /**
   * Messages to this number are accepted and then end `undelivered` with `errorCode`, as Twilio
   * reports a carrier's refusal: 30006 for a landline, 30005 for a number no longer in service.
   */
  markUndeliverable(phoneNumber: string, errorCode: UndeliveredErrorCode): void {
    this.undeliverable.set(phoneNumber, errorCode);
  }

  /**
   * Posts an inbound SMS to the app's inbound URL, signed as Twilio signs it. STOP and START
   * words change whether the sandbox will still message that sender, as Twilio's default
   * opt-out handling does.
   */
  async simulateInbound(message: {
    from: string;
    to: string;
    body: string;
    mediaUrls?: string[];
  }): Promise<{ sid: string; outcome: CallbackOutcome }> {
    const url = this.options.inboundUrl;
    if (!url) throw new Error("TwilioSandbox: set inboundUrl to simulate inbound messages");
    const sid = this.newSid("SM");
    const mediaUrls = message.mediaUrls ?? [];
    const keyword = message.body.trim().toUpperCase();
    const optOutType = OPT_OUT_KEYWORDS.has(keyword)
      ? "STOP"
      : OPT_IN_KEYWORDS.has(keyword)
        ? "START"
        : HELP_KEYWORDS.has(keyword)
          ? "HELP"
          : undefined;
    if (optOutType === "STOP") this.optedOut.add(message.from);
    if (optOutType === "START") this.optedOut.delete(message.from);

    const params: Record<string, string> = {
      ToCountry: "US",
      SmsMessageSid: sid,
      NumMedia: String(mediaUrls.length),
      SmsSid: sid,
      SmsStatus: "received",
      Body: message.body,
      FromCountry: "US",
      To: message.to,
      NumSegments: String(smsSegmentCount(message.body)),
      MessageSid: sid,
      AccountSid: this.options.accountSid,
      From: message.from,
      ApiVersion: TWILIO_API_VERSION,
      ...(optOutType ? { OptOutType: optOutType } : {}),
    };
    mediaUrls.forEach((mediaUrl, index) => {
      params[`MediaUrl${index}`] = mediaUrl;
      params[`MediaContentType${index}`] = "image/jpeg";
    });
    const createdAt = this.now();
    this.messages.set(sid, {
      resource: this.resource({
        sid,
        createdAt,
        direction: "inbound",
        status: "received",
        from: message.from,
        to: message.to,
        body: message.body,
        messagingServiceSid: null,
        numMedia: mediaUrls.length,
      }),
      createdAt,
      statusCallback: null,
      mediaUrls,
      request: params,
    });
    let outcome: CallbackOutcome | undefined;
    await this.work.run(async () => {
      outcome = await this.postSigned("inbound", url, params);
    });
    return { sid, outcome: outcome ?? { status: "network-error", responseBody: "", durationMs: 0 } };
  }

  pending(): number {
    return this.work.count;
  }

  /** Resolves when every scheduled status change and callback has happened. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  stop(): void {
    this.work.stop();
  }

  private isAuthenticated(request: EmulatorRequest): boolean {
    const credentials = basicCredentials(request);
    if (!credentials) return false;
    if (credentials.username === this.options.accountSid) return credentials.password === this.options.authToken;
    return (this.options.apiKeys ?? []).some(
      (key) => key.sid === credentials.username && key.secret === credentials.password,
    );
  }

  private createMessage(form: URLSearchParams): EmulatorResponse {
    const invalid = this.validate(form);
    if (invalid) return twilioError(invalid);

    const to = form.get("To") ?? "";
    const body = form.get("Body") ?? "";
    const from = form.get("From");
    const messagingServiceSid = form.get("MessagingServiceSid");
    const mediaUrls = form.getAll("MediaUrl");
    const sid = this.newSid("SM");
    const createdAt = this.now();
    const record: TwilioMessageRecord = {
      // A messaging service picks its sender later, so Twilio answers "accepted" with no from.
      resource: this.resource({
        sid,
        createdAt,
        direction: "outbound-api",
        status: from ? "queued" : "accepted",
        from: from || null,
        to,
        body,
        messagingServiceSid: messagingServiceSid || null,
        numMedia: mediaUrls.length,
      }),
      createdAt,
      statusCallback: form.get("StatusCallback") || null,
      mediaUrls,
      request: paramsFromForm(form),
    };
    this.messages.set(sid, record);
    const response = jsonResponse(201, record.resource);
    this.scheduleDelivery(record);
    return response;
  }

  private validate(form: URLSearchParams): TwilioError | undefined {
    const to = form.get("To");
    const from = form.get("From");
    const body = form.get("Body") ?? "";
    if (!to) return { status: 400, code: 21604, message: "A 'To' phone number is required." };
    if (!from && !form.get("MessagingServiceSid")) {
      return { status: 400, code: 21603, message: "A 'From' phone number is required." };
    }
    if (!body && form.getAll("MediaUrl").length === 0) {
      return { status: 400, code: 21602, message: "Message body is required." };
    }
    if (!E164.test(to))
      return { status: 400, code: 21211, message: `The 'To' number ${to} is not a valid phone number.` };
    if (from && !E164.test(from) && !/^\d{5,6}$/.test(from) && !/^[A-Za-z0-9 ]{1,11}$/.test(from)) {
      return {
        status: 400,
        code: 21212,
        message: `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
      };
    }
    if ([...body].length > 1600) {
      return { status: 400, code: 21617, message: "The concatenated message body exceeds the 1600 character limit." };
    }
    const statusCallback = form.get("StatusCallback");
    if (statusCallback && !isHttpUrl(statusCallback)) {
      return { status: 400, code: 21609, message: "Invalid StatusCallback url" };
    }
    if (this.optedOut.has(to)) {
      return { status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" };
    }
    return undefined;
  }

  private listMessages(request: EmulatorRequest): EmulatorResponse {
    const to = request.query.get("To");
    const from = request.query.get("From");
    const pageSize = Math.min(1000, Math.max(1, Number(request.query.get("PageSize") ?? "50") || 50));
    // Twilio lists newest first.
    const matching = [...this.messages.values()]
      .reverse()
      .map((record) => record.resource)
      .filter((resource) => (!to || resource.to === to) && (!from || resource.from === from))
      .slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${this.options.accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    return jsonResponse(200, {
      end: Math.max(0, matching.length - 1),
      first_page_uri: uri,
      messages: matching,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    });
  }

  /** queued → sent → delivered (or undelivered), each step a callback when one was asked for. */
  private scheduleDelivery(record: TwilioMessageRecord): void {
    const delay = this.options.callbackDelayMs;
    this.work.schedule(delay, async () => {
      const sentAt = this.now();
      if (!record.resource.from) record.resource.from = this.options.messagingServiceNumber ?? "+15005550006";
      this.updateStatus(record, "sent", sentAt);
      record.resource.date_sent = rfc2822(sentAt);
      await this.sendStatusCallback(record);
      this.work.schedule(delay, async () => {
        const errorCode = this.undeliverable.get(record.resource.to);
        const finalStatus = errorCode === undefined ? "delivered" : "undelivered";
        if (errorCode !== undefined) {
          record.resource.error_code = errorCode;
          record.resource.error_message = UNDELIVERED_ERRORS[errorCode];
        } else {
          const segments = Number(record.resource.num_segments);
          record.resource.price = (-PRICE_PER_SEGMENT * segments).toFixed(5);
        }
        this.updateStatus(record, finalStatus, this.now());
        await this.sendStatusCallback(record);
      });
    });
  }

  private updateStatus(record: TwilioMessageRecord, status: TwilioMessageStatus, at: Date): void {
    record.resource.status = status;
    record.resource.date_updated = rfc2822(at);
  }

  private async sendStatusCallback(record: TwilioMessageRecord): Promise<void> {
    const url = record.statusCallback;
    if (!url) return;
    const { resource } = record;
    const params: Record<string, string> = {
      SmsSid: resource.sid,
      SmsStatus: resource.status,
      MessageStatus: resource.status,
      To: resource.to,
      ...(resource.messaging_service_sid ? { MessagingServiceSid: resource.messaging_service_sid } : {}),
      MessageSid: resource.sid,
      AccountSid: resource.account_sid,
      From: resource.from ?? "",
      ApiVersion: TWILIO_API_VERSION,
      ...(resource.error_code !== null ? { ErrorCode: String(resource.error_code) } : {}),
      ...(resource.status === "delivered" ? { RawDlrDoneDate: rawDlrDoneDate(this.now()) } : {}),
    };
    await this.postSigned("status", url, params);
  }

  private async postSigned(
    kind: TwilioCallbackRecord["kind"],
    url: string,
    params: Record<string, string>,
  ): Promise<CallbackOutcome> {
    const signature = twilioSignature(this.options.authToken, url, params);
    const at = this.now();
    const outcome = await postCallback(this.fetchFunction, url, {
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "X-Twilio-Signature": signature,
        "I-Twilio-Idempotency-Token": this.random.uuid(),
        "User-Agent": "TwilioProxy/1.1",
        Accept: "*/*",
      },
      body: new URLSearchParams(params).toString(),
      timeoutMs: CALLBACK_TIMEOUT_MS,
    });
    this.callbackLog.push({ kind, url, params, signature, at, outcome });
    return outcome;
  }

  private resource(fields: {
    sid: string;
    createdAt: Date;
    direction: TwilioMessageResource["direction"];
    status: TwilioMessageStatus;
    from: string | null;
    to: string;
    body: string;
    messagingServiceSid: string | null;
    numMedia: number;
  }): TwilioMessageResource {
    const accountSid = this.options.accountSid;
    const base = `/2010-04-01/Accounts/${accountSid}/Messages/${fields.sid}`;
    const date = rfc2822(fields.createdAt);
    return {
      account_sid: accountSid,
      api_version: TWILIO_API_VERSION,
      body: fields.body,
      date_created: date,
      date_sent: null,
      date_updated: date,
      direction: fields.direction,
      error_code: null,
      error_message: null,
      from: fields.from,
      messaging_service_sid: fields.messagingServiceSid,
      num_media: String(fields.numMedia),
      num_segments: String(smsSegmentCount(fields.body)),
      price: null,
      price_unit: "USD",
      sid: fields.sid,
      status: fields.status,
      subresource_uris: { media: `${base}/Media.json` },
      to: fields.to,
      uri: `${base}.json`,
    };
  }

  private newSid(prefix: string): string {
    return prefix + this.random.hex(32);
  }
}

function twilioError(error: TwilioError, headers: Record<string, string> = {}): EmulatorResponse {
  return jsonResponse(
    error.status,
    {
      code: error.code,
      message: error.message,
      more_info: `https://www.twilio.com/docs/errors/${error.code}`,
      status: error.status,
    },
    headers,
  );
}

function methodNotAllowed(): EmulatorResponse {
  return twilioError({ status: 405, code: 20004, message: "Method not allowed" });
}

function notFoundMessage(path: string): string {
  return `The requested resource ${path} was not found`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Twilio's dates: RFC 2822 with a numeric zone, e.g. "Thu, 24 Aug 2023 05:01:45 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

/** The carrier's delivery-receipt time, YYMMDDhhmm in UTC. */
function rawDlrDoneDate(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(2, 12);
}
