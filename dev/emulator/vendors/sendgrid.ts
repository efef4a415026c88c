import { type KeyObject } from "node:crypto";
import {
  authorizationCredentials,
  emptyResponse,
  isRecord,
  jsonResponse,
  parseJsonBody,
  type EmulatorRequest,
  type EmulatorResponse,
  type FetchFunction,
} from "./http-types";
import { type OutboxRecord, type OutboxSource } from "./outbox";
import { PendingWork } from "./pending-work";
import { postCallback, type CallbackOutcome } from "./post-callback";
import { postOverNodeHttp } from "./post-over-node-http";
import { SeededRandom } from "../../seeded-random";
import {
  generateSendgridSigningKeys,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  signSendgridPayload,
} from "./sendgrid-signature";

/**
 * A stand-in for SendGrid's v3 Mail Send API: bearer-key auth, the request validated as SendGrid
 * validates it with SendGrid's error bodies, 202 with `X-Message-Id`, then signed Event Webhook
 * posts (processed, delivered, optionally open) to the app.
 */
export type SendgridSandboxOptions = {
  apiKey: string;
  /** The app's Event Webhook URL; no events are posted without one. */
  eventWebhookUrl?: string;
  now?: () => Date;
  /**
   * The clock the event batches are signed by; defaults to `now`. The demo moves `now` (its
   * clock) but signs by real time: the app refuses a batch signed far from its own clock.
   */
  signingNow?: () => Date;
  fetch?: FetchFunction;
  /** Time between acceptance and each batch of events. */
  eventDelayMs?: number;
  /** Also post an `open` event for each recipient after delivery. */
  openEvents?: boolean;
  seed?: number;
};

export type SendgridRecipient = {
  email: string;
  personalizationIndex: number;
  sgMessageId: string;
  subject: string | undefined;
  customArgs: Record<string, string>;
  status: "sandbox" | "accepted" | "processed" | "delivered" | "open";
};

export type SendgridMailRecord = {
  messageId: string;
  acceptedAt: Date;
  from: string;
  body: string;
  /** The JSON body the app sent. */
  request: Record<string, unknown>;
  recipients: SendgridRecipient[];
};

export type SendgridEvent = Record<string, string | number | boolean | string[]>;

export type SendgridEventDelivery = {
  url: string;
  payload: string;
  events: SendgridEvent[];
  signature: string;
  timestamp: string;
  at: Date;
  outcome: CallbackOutcome;
};

type SendgridFieldError = { message: string; field: string | null; help: string | null };

const HELP_BASE = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const EVENT_TIMEOUT_MS = 30_000;

export class SendgridSandbox implements OutboxSource {
  /** The Signed Event Webhook verification key, base64 DER SPKI as SendGrid shows it. */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;
  private readonly now: () => Date;
  private readonly fetchFunction: FetchFunction;
  private readonly random: SeededRandom;
  private readonly work = new PendingWork();
  private readonly mails: SendgridMailRecord[] = [];
  private readonly eventLog: SendgridEventDelivery[] = [];

  constructor(private readonly options: SendgridSandboxOptions) {
    const keys = generateSendgridSigningKeys();
    this.publicKey = keys.publicKey;
    this.privateKey = keys.privateKey;
    this.now = options.now ?? (() => new Date());
    this.fetchFunction = options.fetch ?? postOverNodeHttp;
    this.random = new SeededRandom(options.seed);
  }

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const route = `${request.method} ${request.path.replace(/\/$/, "")}`;
    const known = route === "POST /v3/mail/send" || route === "GET /v3/user/webhooks/event/settings/signed";
    if (!known) return jsonResponse(404, { errors: [{ field: null, message: "resource not found" }] });
    if (authorizationCredentials(request, "Bearer") !== this.options.apiKey) {
      return sendgridErrors(401, [
        { message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null },
      ]);
    }
    if (route === "GET /v3/user/webhooks/event/settings/signed") {
      return jsonResponse(200, { public_key: this.publicKey });
    }
    return this.send(request.body);
  }

  list(): SendgridMailRecord[] {
    return [...this.mails];
  }

  eventDeliveries(): SendgridEventDelivery[] {
    return [...this.eventLog];
  }

  outbox(): OutboxRecord[] {
    return this.mails.flatMap((mail) =>
      mail.recipients.map((recipient) => ({
        channel: "email" as const,
        id: mail.messageId,
        to: recipient.email,
        from: mail.from,
        ...(recipient.subject !== undefined ? { subject: recipient.subject } : {}),
        body: mail.body,
        at: mail.acceptedAt,
        status: recipient.status,
        raw: mail.request,
      })),
    );
  }

  clear(): void {
    this.mails.length = 0;
    this.eventLog.length = 0;
  }

  pending(): number {
    return this.work.count;
  }

  idle(): Promise<void> {
    return this.work.idle();
  }

  stop(): void {
    this.work.stop();
  }

  private send(rawBody: string): EmulatorResponse {
    const parsed = parseJsonBody(rawBody);
    if (!parsed.ok || !isRecord(parsed.value)) {
      return sendgridErrors(400, [{ message: "Bad Request", field: null, help: null }]);
    }
    const mail = parsed.value;
    const errors = validateMail(mail);
    if (errors.length > 0) return sendgridErrors(400, errors);

    const messageId = this.random.bytes(16).toString("base64url").slice(0, 22);
    const personalizations = (mail["personalizations"] as unknown[]).filter(isRecord);
    const rootCustomArgs = stringRecord(mail["custom_args"]);
    // Sandbox mode validates and answers 200 without sending, exactly as SendGrid does.
    const sandboxMode = isRecord(mail["mail_settings"]) && isEnabled(mail["mail_settings"]["sandbox_mode"]);
    const recipients = personalizations.flatMap((personalization, personalizationIndex) =>
      (["to", "cc", "bcc"] as const)
        .flatMap((field) => addresses(personalization[field]))
        .map((email, recipientIndex) => ({
          email,
          personalizationIndex,
          sgMessageId: `${messageId}.emulator-${personalizationIndex}-${recipientIndex}.0`,
          subject: stringOrUndefined(personalization["subject"]) ?? stringOrUndefined(mail["subject"]),
          customArgs: { ...rootCustomArgs, ...stringRecord(personalization["custom_args"]) },
          status: sandboxMode ? ("sandbox" as const) : ("accepted" as const),
        })),
    );
    const record: SendgridMailRecord = {
      messageId,
      acceptedAt: this.now(),
      from: String((mail["from"] as Record<string, unknown>)["email"]),
      body: describeBody(mail),
      request: mail,
      recipients,
    };
    this.mails.push(record);
    if (sandboxMode) return emptyResponse(200);
    this.scheduleEvents(record, categories(mail["categories"]));
    return emptyResponse(202, { "x-message-id": messageId });
  }

  private scheduleEvents(record: SendgridMailRecord, mailCategories: string[]): void {
    const url = this.options.eventWebhookUrl;
    const stages: Array<SendgridRecipient["status"]> = ["processed", "delivered"];
    if (this.options.openEvents) stages.push("open");
    const delay = this.options.eventDelayMs ?? 100;
    const runStage = (index: number): void => {
      const stage = stages[index];
      if (!stage) return;
      this.work.schedule(delay, async () => {
        const at = this.now();
        const events = record.recipients.map((recipient) => {
          recipient.status = stage;
          return this.event(record, recipient, stage, at, mailCategories);
        });
        if (url) await this.postEvents(url, events);
        runStage(index + 1);
      });
    };
    runStage(0);
  }

  private event(
    record: SendgridMailRecord,
    recipient: SendgridRecipient,
    stage: SendgridRecipient["status"],
    at: Date,
    mailCategories: string[],
  ): SendgridEvent {
    // Custom args go first so that SendGrid's own fields win, as they do in its payloads.
    const event: SendgridEvent = {
      ...recipient.customArgs,
      email: recipient.email,
      timestamp: Math.floor(at.getTime() / 1000),
      event: stage,
      sg_event_id: this.random.bytes(16).toString("base64url").slice(0, 22),
      sg_message_id: recipient.sgMessageId,
      "smtp-id": `<${record.messageId}@emulator.sendgrid.local>`,
    };
    if (mailCategories.length > 0) event["category"] = mailCategories;
    if (stage === "delivered") {
      event["response"] = "250 OK";
      event["ip"] = "127.0.0.1";
      event["tls"] = 1;
    }
    if (stage === "open") {
      event["useragent"] = "Mozilla/5.0 (emulator)";
      event["ip"] = "127.0.0.1";
      event["sg_machine_open"] = false;
    }
    return event;
  }

  private async postEvents(url: string, events: SendgridEvent[]): Promise<void> {
    const payload = JSON.stringify(events);
    const timestamp = String(Math.floor((this.options.signingNow ?? this.now)().getTime() / 1000));
    const signature = signSendgridPayload(this.privateKey, payload, timestamp);
    const at = this.now();
    const outcome = await postCallback(this.fetchFunction, url, {
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "SendGrid Event API",
        [SENDGRID_SIGNATURE_HEADER]: signature,
        [SENDGRID_TIMESTAMP_HEADER]: timestamp,
      },
      body: payload,
      timeoutMs: EVENT_TIMEOUT_MS,
    });
    this.eventLog.push({ url, payload, events, signature, timestamp, at, outcome });
  }
}

/** Every problem with a Mail Send body, in SendGrid's words; empty when it would be accepted. */
export function validateMail(mail: Record<string, unknown>): SendgridFieldError[] {
  const errors: SendgridFieldError[] = [];
  const hasTemplate = typeof mail["template_id"] === "string" && mail["template_id"] !== "";
  const personalizations = mail["personalizations"];
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push({
      message: "The personalizations field is required and must have at least one personalization.",
      field: "personalizations",
      help: `${HELP_BASE}#-Personalizations-Errors`,
    });
  } else {
    personalizations.forEach((personalization: unknown, index) => {
      const to = isRecord(personalization) ? personalization["to"] : undefined;
      if (!Array.isArray(to) || to.length === 0) {
        errors.push({
          message:
            "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
          field: `personalizations.${index}.to`,
          help: `${HELP_BASE}#message.personalizations.to`,
        });
        return;
      }
      to.forEach((recipient: unknown, recipientIndex) => {
        const email = isRecord(recipient) ? recipient["email"] : undefined;
        if (typeof email !== "string" || !EMAIL.test(email)) {
          errors.push({
            message: "Does not contain a valid address.",
            field: `personalizations.${index}.to.${recipientIndex}.email`,
            help: `${HELP_BASE}#message.personalizations.to`,
          });
        }
      });
    });
  }

  const from = mail["from"];
  const fromEmail = isRecord(from) ? from["email"] : undefined;
  if (typeof fromEmail !== "string" || fromEmail === "") {
    errors.push({
      message:
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
      field: "from.email",
      help: `${HELP_BASE}#message.from`,
    });
  } else if (!EMAIL.test(fromEmail)) {
    errors.push({
      message: "The from email does not contain a valid address.",
      field: "from.email",
      help: `${HELP_BASE}#message.from`,
    });
  }

  const everyPersonalizationHasSubject =
    Array.isArray(personalizations) &&
    personalizations.length > 0 &&
    personalizations.every((item: unknown) => isRecord(item) && typeof item["subject"] === "string" && item["subject"]);
  const rootSubject = typeof mail["subject"] === "string" && mail["subject"] !== "";
  if (!hasTemplate && !rootSubject && !everyPersonalizationHasSubject) {
    errors.push({
      message:
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
      field: "subject",
      help: `${HELP_BASE}#message.subject`,
    });
  }

  const content = mail["content"];
  if (!hasTemplate && (!Array.isArray(content) || content.length === 0)) {
    errors.push({
      message:
        "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
      field: "content",
      help: `${HELP_BASE}#message.content`,
    });
  } else if (Array.isArray(content)) {
    content.forEach((block: unknown, index) => {
      const value = isRecord(block) ? block["value"] : undefined;
      if (typeof value !== "string" || value === "") {
        errors.push({
          message: "The content value must be a string at least one character in length.",
          field: `content.${index}.value`,
          help: `${HELP_BASE}#message.content.value`,
        });
      }
    });
  }
  return errors;
}

function sendgridErrors(status: number, errors: SendgridFieldError[]): EmulatorResponse {
  return jsonResponse(status, { errors });
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => (isRecord(item) && typeof item["email"] === "string" ? [item["email"]] : []));
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isEnabled(setting: unknown): boolean {
  return isRecord(setting) && setting["enable"] === true;
}

function categories(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** What the demo shows as the email's body: the plain text, else the HTML, else the template. */
function describeBody(mail: Record<string, unknown>): string {
  const blocks = Array.isArray(mail["content"]) ? mail["content"].filter(isRecord) : [];
  const plain = blocks.find((block) => block["type"] === "text/plain") ?? blocks[0];
  if (plain && typeof plain["value"] === "string") return plain["value"];
  const templateId = stringOrUndefined(mail["template_id"]) ?? "";
  const personalization = Array.isArray(mail["personalizations"]) ? mail["personalizations"][0] : undefined;
  const data = isRecord(personalization) ? personalization["dynamic_template_data"] : undefined;
  return `template ${templateId}${data === undefined ? "" : ` ${JSON.stringify(data)}`}`;
}
