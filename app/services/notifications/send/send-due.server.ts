import prisma from "~/db.server";
import {
  CADENCE_STEP_KEYS,
  cadenceStep,
  nextSendableAt,
  SKIP_REASONS,
  type CadenceStepKey,
  type NotificationSettings,
} from "~/domain/notifications";
import { asmGroupIdFor } from "~/domain/notifications/suppression-groups";
import { CUSTOMER_EMAIL_OF_STEP, emailTemplateFor } from "~/domain/email/customer-email-templates";
import { renderCustomerEmail, type RenderedCustomerEmail } from "~/domain/email/render-customer-email";
import { smsNumberForOrder } from "~/domain/sms/phone-numbers";
import { env } from "~/env.server";
import { sendCustomerEmail, type CustomerEmailTransport } from "~/integrations/sendgrid/customer-email.server";
import { twilioMessaging } from "~/integrations/twilio/twilio-from-environment.server";
import type { TwilioMessaging } from "~/integrations/twilio/twilio-messaging.server";
import type { OneSignalClient } from "~/integrations/onesignal/onesignal-push.server";
import { emailOptOutsAmong } from "~/models/notification-email-events.server";
import { readNotificationSettings, storeTimeZoneOf } from "~/models/notification-plans.server";
import {
  countNotificationAttempt,
  lockDueNotifications,
  lockNotificationsInDoubt,
  markNotificationsSending,
  nextNotificationSendAt,
  orderContactsOf,
  pickupTasksOfOrders,
  postponeNotification,
  recordNotificationRecipients,
  recordSendOutcomes,
  smsOptedOutAmong,
  type NotificationToSend,
  type SendOutcomeWrite,
} from "~/models/notification-sending.server";
import type { OrderContactFacts } from "~/models/order-contacts.server";
import { pickupStoresOf } from "~/models/pickup-pass.server";
import { findShopTimeZone } from "~/models/shop-installations.server";
import { smsUndeliverableAmong } from "~/models/sms-undeliverable.server";
import { shopNameForPass } from "~/services/pickup-pass/shop-name.server";
import { sendShopSms } from "../sms/send-sms.server";
import { shopTwilioAccount, type ShopTwilioAccount } from "../sms/messaging-account.server";
import { cadenceClock } from "../clock.server";
import { fallBackToNextChannel } from "../fallback.server";
import { oneSignalFromEnvironment, shopPushChannel } from "../push/onesignal-channel.server";
import type { PushChannel } from "../push/push-channel";
import { MAX_PUSH_ATTEMPTS, preparePush, sendPush, type PreparedPush } from "../push/send-push.server";
import { textDidNotReachShopper, undeliverableByTextReason } from "../sms/undeliverable.server";
import { emailFactsOf, messageFactsFrom, shipmentsForMessages, type MessageFacts } from "./message-facts.server";
import { shopSendGridSender, type ShopSendGridSender } from "./shop-sendgrid-account.server";
import {
  smsTextFor,
  TIME_SENSITIVE_SMS_STEPS,
  TIME_SENSITIVE_VALIDITY_SECONDS,
  type SmsFacts,
} from "~/domain/notifications/sms-text";

/**
 * notifications.send-due: sends the customer messages that came due, each at most once.
 *
 * A run takes due rows (SCHEDULED, sendAt ≤ now) in batches with FOR UPDATE SKIP LOCKED; a row
 * due inside its quiet hours (the window may have changed since it was planned) is moved to the
 * window's opening instead; the others are marked SENDING, and that is committed before any
 * vendor is called. Each is then sent from the shop's own account and becomes SENT, FAILED,
 * SKIPPED (not sent by decision, with the reason the order page shows) or UNKNOWN (no answer, a
 * 5xx: it may have gone). Twilio and SendGrid take no idempotency key, so an UNKNOWN is never
 * sent again blindly:
 * - a text is looked for in the number's recent messages at Twilio (after its status callback
 *   had a chance to settle it); found, it is SENT with that SID; not found, it is sent once more,
 *   and never a third time;
 * - an email is never sent again: SendGrid's Mail Send has no lookup by our id, so an email
 *   whose answer was lost stays UNKNOWN, and SendGrid's events (which carry the notification id
 *   in customArgs) settle it if it went. A shopper emailed twice is worse than one told by text
 *   and by the pickup pass.
 * - a push is sent again with the same idempotency key (the row's id), which OneSignal
 *   answers with the first send's result, never sending it twice.
 * A row left SENDING for minutes (its worker was killed mid-send) is reconciled the same way.
 */

export interface SendingDependencies {
  messaging(): TwilioMessaging;
  emailTransport(): CustomerEmailTransport;
  shopName(shop: string): Promise<string | null>;
  now(): Date;
  /** OneSignal (or its stand-in); unset: as the environment says. */
  push?(): OneSignalClient;
}

export const defaultSendingDependencies: SendingDependencies = {
  messaging: twilioMessaging,
  emailTransport: () => (env.SENDGRID_API_URL ? { baseUrl: env.SENDGRID_API_URL } : {}),
  shopName: (shop) => shopNameForPass(shop),
  // The cadence's clock: real time, or the demo's moved clock (ADR 012).
  now: () => cadenceClock.now(),
};

/** Rows taken per transaction: the locks are held only while the batch is marked. */
export const SEND_BATCH_SIZE = 100;
/** Vendor calls in flight at once per run. */
export const SEND_CONCURRENCY = 16;
/** A text UNKNOWN this long is looked for at Twilio (its status callback usually comes first). */
export const RECONCILE_UNKNOWN_AFTER_MS = 30_000;
/** A row SENDING this long was left by a worker that stopped mid-send. */
export const STUCK_SENDING_AFTER_MS = 5 * 60_000;
/** A text looked for at Twilio may have been created this much before its sendAt by Twilio's clock. */
const CLOCK_SLACK_MS = 60_000;
/** Every try at a message: its first send and, for a text Twilio has no record of, one more. */
const MAX_SEND_ATTEMPTS = 2;

export const NO_SMS_ACCOUNT = "SMS is not set up: add your Twilio account in Settings";
export const NO_EMAIL_ACCOUNT = "Email is not set up: add your SendGrid account in Settings";
export const EMAIL_OPTED_OUT = "The shopper asked this shop's emails to stop";
export const EMAIL_GROUP_OPTED_OUT = "The shopper unsubscribed from this kind of email (reminders or feedback)";
export const EMAIL_OUTCOME_UNKNOWN =
  "SendGrid's answer was lost, so it may or may not have arrived; it is not sent twice";
const NO_TEXT_FOR_STEP = "The app has no message for this step on this channel";
/** US shops' numbers are read as US numbers when they carry no country code (as the cadence reads them). */
const DEFAULT_PHONE_COUNTRY = "US";

const isCadenceStep = (step: string): step is CadenceStepKey => (CADENCE_STEP_KEYS as readonly string[]).includes(step);

export type SendResult = "SENT" | "FAILED" | "UNKNOWN" | "SKIPPED" | "ALREADY_SETTLED";

export interface SendingRunSummary {
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
  postponed: number;
  reconciled: number;
}

const emptySummary = (): SendingRunSummary => ({
  sent: 0,
  failed: 0,
  unknown: 0,
  skipped: 0,
  postponed: 0,
  reconciled: 0,
});

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachWithLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

type Outcome = Omit<SendOutcomeWrite, "shop" | "id" | "at"> & { at?: Date };

/** Where a send's outcome goes: written at once, or gathered and written a few dozen at a time. */
interface OutcomeRecorder {
  record(row: NotificationToSend, outcome: Outcome, at: Date): Promise<SendResult>;
}

const outcome = (status: Outcome["status"], fields: Partial<Omit<Outcome, "status">> = {}): Outcome => ({
  status,
  providerMessageId: null,
  errorCode: null,
  reason: null,
  sentAt: null,
  ...fields,
});

/** Writes each outcome as it comes: what a reconciliation settles, row by row. */
const recordNow: OutcomeRecorder = {
  async record(row, result, at) {
    const moved = await recordSendOutcomes(prisma, [{ ...result, shop: row.shop, id: row.id, at }]);
    // A SENT a status callback got to first is still a text sent.
    return moved.has(row.id) || result.status === "SENT" ? result.status : "ALREADY_SETTLED";
  },
};

/** Outcomes gathered this many at a time: one statement instead of one per message. */
const OUTCOMES_PER_WRITE = 50;

/**
 * Gathers a batch's outcomes and writes them OUTCOMES_PER_WRITE at a time (and the rest when the
 * batch is done). A worker stopping before a write leaves those rows SENDING: reconciled, not resent blindly.
 */
class GatheredOutcomes implements OutcomeRecorder {
  private pending: SendOutcomeWrite[] = [];
  private readonly writes: Promise<unknown>[] = [];

  record(row: NotificationToSend, result: Outcome, at: Date): Promise<SendResult> {
    this.pending.push({ ...result, shop: row.shop, id: row.id, at });
    if (this.pending.length >= OUTCOMES_PER_WRITE) this.write();
    return Promise.resolve(result.status);
  }

  async written(): Promise<void> {
    this.write();
    await Promise.all(this.writes);
  }

  private write(): void {
    const outcomes = this.pending;
    if (outcomes.length === 0) return;
    this.pending = [];
    this.writes.push(
      recordSendOutcomes(prisma, outcomes).catch((error: unknown) => {
        console.error(`notifications: recording ${outcomes.length} outcomes failed; they are reconciled later`, error);
      }),
    );
  }
}

/** What one pass reads once per shop, whatever the number of its messages. */
class ShopFacts {
  private readonly twilio = new Map<string, Promise<ShopTwilioAccount | null>>();
  private readonly sendGrid = new Map<string, Promise<ShopSendGridSender | null>>();
  private readonly settingsOf = new Map<string, Promise<NotificationSettings>>();
  private readonly names = new Map<string, Promise<string>>();
  private readonly pushChannels = new Map<string, Promise<PushChannel | null>>();

  constructor(private readonly deps: SendingDependencies) {}

  pushChannel(shop: string) {
    return memo(this.pushChannels, shop, () => shopPushChannel(shop, (this.deps.push ?? oneSignalFromEnvironment)()));
  }

  twilioAccount(shop: string) {
    return memo(this.twilio, shop, () => shopTwilioAccount(shop));
  }

  sendGridSender(shop: string) {
    return memo(this.sendGrid, shop, () => shopSendGridSender(shop));
  }

  settings(shop: string) {
    return memo(this.settingsOf, shop, () => readNotificationSettings(prisma, shop));
  }

  shopName(shop: string) {
    // A text must name its sender; the shop's handle stands in when Shopify does not answer.
    return memo(
      this.names,
      shop,
      async () => (await this.deps.shopName(shop)) ?? shop.replace(/\.myshopify\.com$/, ""),
    );
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let held = cache.get(key);
  if (!held) {
    held = read();
    cache.set(key, held);
  }
  return held;
}

/** A taken row, ready to go to its vendor, or what it becomes without going. */
type Prepared =
  | { kind: "SKIP"; row: NotificationToSend; reason: string }
  | { kind: "SMS"; row: NotificationToSend; to: string; body: string; account: ShopTwilioAccount }
  | PreparedPush
  | {
      kind: "EMAIL";
      row: NotificationToSend;
      to: string;
      sender: ShopSendGridSender;
      rendered: RenderedCustomerEmail;
      /** The shop's unsubscribe group the email goes in, when it goes in one. */
      asmGroupId: number | null;
    };

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function smsNumberOf(contact: OrderContactFacts | undefined): string | null {
  if (!contact) return null;
  const number = smsNumberForOrder(
    {
      order: { phone: contact.orderPhone },
      customer: { phone: contact.customerPhone },
      shippingAddress: { phone: contact.shippingPhone },
      billingAddress: { phone: contact.billingPhone },
    },
    DEFAULT_PHONE_COUNTRY,
  );
  return number?.phone ?? null;
}

/** A text to a number remembered as undeliverable is not sent: the message goes by its next channel at once. */
async function fallBackFromRememberedNumber(row: NotificationToSend, errorCode: string, now: Date): Promise<void> {
  const reason = undeliverableByTextReason(Number(errorCode));
  await fallBackToNextChannel(prisma, { shop: row.shop, notificationId: row.id }, reason, now, {
    status: "SKIPPED",
    errorCode,
  });
}

/**
 * Decides what each of one shop's taken rows becomes, reading what they need for the whole
 * batch at once: the orders' contacts and pickup tasks, the numbers' opt-outs, the stores.
 */
async function prepareShopRows(
  shop: string,
  rows: readonly NotificationToSend[],
  facts: ShopFacts,
  now: Date,
): Promise<Prepared[]> {
  const orderIds = [...new Set(rows.map((row) => row.orderId))];
  const [contacts, tasks, shipments] = await Promise.all([
    orderContactsOf(prisma, shop, orderIds),
    pickupTasksOfOrders(prisma, shop, orderIds),
    shipmentsForMessages(shop, rows),
  ]);
  const tasksOf = groupBy(tasks, (task) => task.orderId);
  const phones = new Map(
    rows.map((row) => [row.id, row.channel === "SMS" ? smsNumberOf(contacts.get(row.orderId)) : null]),
  );
  const locationIds = new Set([
    ...rows.flatMap((row) => (row.locationId ? [row.locationId] : [])),
    ...tasks.map((task) => task.locationId),
  ]);
  const numbers = [...new Set([...phones.values()].filter((phone) => phone !== null))];
  const emails = rows.flatMap((row) => {
    const email = row.channel === "EMAIL" ? contacts.get(row.orderId)?.email?.trim() : null;
    return email ? [email] : [];
  });
  const [optedOut, undeliverable, stores, emailOptOut] = await Promise.all([
    smsOptedOutAmong(prisma, shop, numbers),
    smsUndeliverableAmong(prisma, shop, numbers),
    pickupStoresOf(prisma, shop, [...locationIds]),
    emailOptOutsAmong(prisma, shop, emails),
  ]);
  const factsOf = (row: NotificationToSend) =>
    messageFactsFrom(row, tasksOf.get(row.orderId) ?? [], stores, now, shipments.get(row.orderId));

  const prepared: Prepared[] = [];
  for (const row of rows) {
    const skip = (reason: string) => prepared.push({ kind: "SKIP", row, reason });
    if (!isCadenceStep(row.step)) {
      skip(NO_TEXT_FOR_STEP);
    } else if (row.channel === "SMS") {
      const to = phones.get(row.id) ?? null;
      const account = await facts.twilioAccount(shop);
      const settings = await facts.settings(shop);
      const body = smsTextFor(row.step, smsFactsOf(factsOf(row), await facts.shopName(shop), settings), settings.texts);
      if (!to) skip(SKIP_REASONS.NO_PHONE);
      else if (optedOut.has(to)) skip(SKIP_REASONS.SMS_OPTED_OUT);
      else if (undeliverable.has(to)) await fallBackFromRememberedNumber(row, undeliverable.get(to)!, now);
      else if (!account) skip(NO_SMS_ACCOUNT);
      else if (!body) skip(NO_TEXT_FOR_STEP);
      else prepared.push({ kind: "SMS", row, to, body, account });
    } else if (row.channel === "PUSH") {
      const settings = await facts.settings(shop);
      const push = await preparePush(row, {
        customerId: contacts.get(row.orderId)?.customerId ?? null,
        channel: await facts.pushChannel(shop),
        facts: smsFactsOf(factsOf(row), await facts.shopName(shop), settings),
        texts: settings.texts,
        now,
      });
      if (push?.kind === "NO_TEXT") skip(NO_TEXT_FOR_STEP);
      else if (push) prepared.push(push);
    } else {
      const emailStep = CUSTOMER_EMAIL_OF_STEP[row.step];
      const to = contacts.get(row.orderId)?.email?.trim();
      if (!emailStep) skip(NO_TEXT_FOR_STEP);
      else if (!to) skip(SKIP_REASONS.NO_EMAIL);
      else {
        const sender = await facts.sendGridSender(shop);
        if (!sender) {
          skip(NO_EMAIL_ACCOUNT);
          continue;
        }
        const asmGroupId = asmGroupIdFor(row.step, sender.groups);
        const optOut = emailOptOut(to, asmGroupId);
        if (optOut) {
          skip(optOut.kind === "GROUP_UNSUBSCRIBED" ? EMAIL_GROUP_OPTED_OUT : EMAIL_OPTED_OUT);
          continue;
        }
        const settings = await facts.settings(shop);
        const rendered = renderCustomerEmail(
          emailStep,
          emailTemplateFor(emailStep, settings.emailTemplates),
          emailFactsOf(
            factsOf(row),
            await facts.shopName(shop),
            emailStep === "FEEDBACK" ? settings.feedbackOffer : null,
            settings.emailLogoUrl ?? null,
          ),
        );
        prepared.push({ kind: "EMAIL", row, to, sender, rendered, asmGroupId });
      }
    }
  }
  return prepared;
}

/** Prepares a batch of taken rows, shop by shop. A shop whose reading fails leaves its rows SENDING (reconciled later). */
async function prepareRows(rows: readonly NotificationToSend[], facts: ShopFacts, now: Date): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const [shop, shopRows] of groupBy(rows, (row) => row.shop)) {
    try {
      prepared.push(...(await prepareShopRows(shop, shopRows, facts, now)));
    } catch (error) {
      console.error(`notifications: preparing ${shopRows.length} messages of ${shop} failed; reconciled later`, error);
    }
  }
  return prepared;
}

function smsFactsOf(facts: MessageFacts, shopName: string, settings: NotificationSettings): SmsFacts {
  return {
    shopName,
    orderName: facts.orderName,
    storeName: facts.store?.name ?? null,
    storeAddress: facts.store?.address ?? null,
    pickupPassUrl: facts.pickupPassUrl,
    offer: settings.feedbackOffer || null,
    trackingUrl: facts.trackingUrl,
  };
}

const sentOutcome = (providerMessageId: string | null, at: Date) => outcome("SENT", { providerMessageId, sentAt: at });

async function sendOneSms(
  send: Extract<Prepared, { kind: "SMS" }>,
  deps: SendingDependencies,
  recorder: OutcomeRecorder,
): Promise<SendResult> {
  const { row } = send;
  const result = await sendShopSms(
    {
      shop: row.shop,
      notificationId: row.id,
      to: send.to,
      body: send.body,
      ...(TIME_SENSITIVE_SMS_STEPS.has(row.step) ? { validityPeriodSeconds: TIME_SENSITIVE_VALIDITY_SECONDS } : {}),
    },
    { messaging: deps.messaging(), now: deps.now(), account: send.account },
  );
  const at = deps.now();
  switch (result.kind) {
    case "NO_ACCOUNT":
      return recorder.record(row, outcome("SKIPPED", { reason: NO_SMS_ACCOUNT }), at);
    case "SENT":
      return recorder.record(row, sentOutcome(result.sid, at), at);
    case "REFUSED": {
      // A number Twilio says cannot take texts (21211, 21614 …): remembered, and the message goes another way.
      const text = { shop: row.shop, notificationId: row.id, phone: send.to, code: result.code };
      if (await textDidNotReachShopper(prisma, text, at, { errorCode: String(result.code) })) return "FAILED";
      return recorder.record(
        row,
        outcome("FAILED", {
          errorCode: result.code === null ? null : String(result.code),
          reason: result.optedOut ? SKIP_REASONS.SMS_OPTED_OUT : `Twilio refused it: ${result.message}`,
        }),
        at,
      );
    }
    case "UNKNOWN":
      return recorder.record(row, outcome("UNKNOWN", { reason: result.message }), at);
  }
}

async function sendOneEmail(
  send: Extract<Prepared, { kind: "EMAIL" }>,
  deps: SendingDependencies,
  recorder: OutcomeRecorder,
): Promise<SendResult> {
  const { row } = send;
  const result = await sendCustomerEmail(
    {
      apiKey: send.sender.apiKey,
      from: send.sender.from,
      to: send.to,
      ...send.rendered,
      customArgs: { notificationId: row.id, shop: row.shop },
      ...(send.asmGroupId === null ? {} : { asmGroupId: send.asmGroupId }),
    },
    deps.emailTransport(),
  );
  const at = deps.now();
  if (result.ok) return recorder.record(row, sentOutcome(result.messageId, at), at);
  if (result.kind === "REJECTED") {
    const failed = outcome("FAILED", {
      errorCode: result.status === null ? null : String(result.status),
      reason: `SendGrid refused it: ${result.error}`,
    });
    return recorder.record(row, failed, at);
  }
  return recorder.record(row, outcome("UNKNOWN", { reason: `${EMAIL_OUTCOME_UNKNOWN} (${result.error})` }), at);
}

async function sendOnePush(
  send: PreparedPush,
  deps: SendingDependencies,
  recorder: OutcomeRecorder,
): Promise<SendResult> {
  const result = await sendPush(send, () => deps.now());
  const at = deps.now();
  if (result.status === "FELL_BACK") return "SKIPPED";
  if (result.status === "SENT") return recorder.record(send.row, sentOutcome(result.providerMessageId, at), at);
  return recorder.record(send.row, outcome(result.status, { reason: result.reason }), at);
}

/** Sends one prepared row. Never throws: a failure leaves it SENDING, reconciled later. */
async function sendPrepared(
  send: Prepared,
  deps: SendingDependencies,
  recorder: OutcomeRecorder,
): Promise<SendResult | null> {
  try {
    if (send.kind === "SKIP")
      return await recorder.record(send.row, outcome("SKIPPED", { reason: send.reason }), deps.now());
    if (send.kind === "PUSH") return await sendOnePush(send, deps, recorder);
    return send.kind === "SMS" ? await sendOneSms(send, deps, recorder) : await sendOneEmail(send, deps, recorder);
  } catch (error) {
    console.error(`notifications: sending ${send.row.id} of ${send.row.shop} failed; it is reconciled later`, error);
    return null;
  }
}

/** Writes the recipients of the rows about to go (one statement), then sends them, a few at a time. */
async function sendAll(
  prepared: readonly Prepared[],
  deps: SendingDependencies,
  recorder: OutcomeRecorder,
  onResult: (result: SendResult | null) => void,
): Promise<void> {
  const going = prepared.filter((send) => send.kind !== "SKIP");
  await recordNotificationRecipients(
    prisma,
    going.map((send) => ({ shop: send.row.shop, id: send.row.id, recipient: send.to })),
  );
  await eachWithLimit(prepared, SEND_CONCURRENCY, async (send) => onResult(await sendPrepared(send, deps, recorder)));
}

function count(summary: SendingRunSummary, result: SendResult | null): void {
  if (result === "SENT") summary.sent++;
  else if (result === "FAILED") summary.failed++;
  else if (result === "UNKNOWN") summary.unknown++;
  else if (result === "SKIPPED") summary.skipped++;
}

interface RowWindowFacts {
  zone: string;
  settings: NotificationSettings;
}

/** Takes one batch of due rows; those inside their quiet hours are postponed, the rest marked SENDING. */
async function takeDueBatch(
  now: Date,
  shop: string | undefined,
): Promise<{ taken: NotificationToSend[]; postponed: number; locked: number }> {
  return prisma.$transaction(async (tx) => {
    const rows = await lockDueNotifications(tx, { now, limit: SEND_BATCH_SIZE, shop });
    const facts = new Map<string, RowWindowFacts>();
    const taken: NotificationToSend[] = [];
    let postponed = 0;
    for (const row of rows) {
      if (isCadenceStep(row.step)) {
        const key = `${row.shop}\n${row.locationId ?? ""}`;
        let known = facts.get(key);
        if (!known) {
          const storeZone = row.locationId ? await storeTimeZoneOf(tx, row.shop, row.locationId) : null;
          known = {
            zone: storeZone ?? (await findShopTimeZone(tx, row.shop)),
            settings: await readNotificationSettings(tx, row.shop),
          };
          facts.set(key, known);
        }
        const opens = nextSendableAt(now, cadenceStep(row.step).kind, known.zone, known.settings.sendingWindows);
        if (opens > now) {
          await postponeNotification(tx, row.shop, row.id, opens);
          postponed++;
          continue;
        }
      }
      taken.push(row);
    }
    await markNotificationsSending(
      tx,
      taken.map((row) => row.id),
      now,
      { countAttempt: true },
    );
    return { taken: taken.map((row) => ({ ...row, attempts: row.attempts + 1 })), postponed, locked: rows.length };
  });
}

/**
 * Sends every message due at the time of each batch (of `shop` only, when given: a test's own),
 * batch after batch until none is left or `until` (epoch ms) has passed. Returns what came of them.
 */
export async function sendDueNotifications(
  { shop, until }: { shop?: string; until?: number } = {},
  deps: SendingDependencies = defaultSendingDependencies,
): Promise<SendingRunSummary> {
  const summary = emptySummary();
  const facts = new ShopFacts(deps);
  for (;;) {
    const { taken, postponed, locked } = await takeDueBatch(deps.now(), shop);
    summary.postponed += postponed;
    const prepared = await prepareRows(taken, facts, deps.now());
    const recorder = new GatheredOutcomes();
    await sendAll(prepared, deps, recorder, (result) => count(summary, result));
    await recorder.written();
    if (locked < SEND_BATCH_SIZE || (until !== undefined && Date.now() >= until)) return summary;
  }
}

/** Settles a text in doubt from what Twilio holds for its number. */
async function reconcileSms(
  row: NotificationToSend,
  prepared: Prepared | undefined,
  facts: ShopFacts,
  deps: SendingDependencies,
): Promise<SendResult | null> {
  const now = deps.now();
  const account = await facts.twilioAccount(row.shop);
  if (!account) {
    return recordNow.record(
      row,
      outcome("FAILED", { reason: `${NO_SMS_ACCOUNT}; the text's outcome is unknown` }),
      now,
    );
  }
  const lookup = await deps.messaging().recentMessagesTo({
    account,
    to: row.recipient!,
    sentAfter: new Date(row.sendAt.getTime() - CLOCK_SLACK_MS),
  });
  if (lookup.kind === "UNKNOWN") {
    // Twilio cannot be asked now: the text stays in doubt, looked for again on a later run.
    return recordNow.record(row, outcome("UNKNOWN", { reason: `Not yet reconciled: ${lookup.message}` }), now);
  }
  const body = prepared?.kind === "SMS" ? prepared.body : null;
  const found = lookup.messages.find((message) => message.body === body);
  if (found) return recordNow.record(row, sentOutcome(found.sid, now), now);
  if (row.attempts >= MAX_SEND_ATTEMPTS) {
    const reason = "Twilio has no record of it after a second try whose answer was lost too; it is not sent again";
    return recordNow.record(row, outcome("FAILED", { reason }), now);
  }
  // Twilio never had it: the one more try (or, when it should no longer go, what it becomes).
  if (!prepared) return null;
  if (prepared.kind === "SMS") {
    await countNotificationAttempt(prisma, row.shop, row.id);
    return sendOneSms({ ...prepared, row: { ...row, attempts: row.attempts + 1 } }, deps, recordNow);
  }
  return sendPrepared(prepared, deps, recordNow);
}

/** Sends a push in doubt again with the same idempotency key: OneSignal sends it at most once. */
async function reconcilePush(
  row: NotificationToSend,
  prepared: Prepared | undefined,
  deps: SendingDependencies,
): Promise<SendResult | null> {
  if (row.attempts >= MAX_PUSH_ATTEMPTS) {
    const reason = `No answer from the push service after ${MAX_PUSH_ATTEMPTS} tries; it is not sent again`;
    return recordNow.record(row, outcome("FAILED", { reason }), deps.now());
  }
  // Not PUSH: it could no longer go (handed to the next channel, or no text), and was settled so.
  if (prepared?.kind !== "PUSH") return prepared ? sendPrepared(prepared, deps, recordNow) : null;
  await countNotificationAttempt(prisma, row.shop, row.id);
  return sendOnePush({ ...prepared, row: { ...row, attempts: row.attempts + 1 } }, deps, recordNow);
}

/**
 * Settles the messages in doubt (of `shop` only, when given): texts UNKNOWN for a while and rows
 * left SENDING by a stopped worker. Returns what came of them.
 */
export async function reconcileNotificationsInDoubt(
  { shop }: { shop?: string } = {},
  deps: SendingDependencies = defaultSendingDependencies,
): Promise<SendingRunSummary> {
  const summary = emptySummary();
  const now = deps.now();
  const rows = await prisma.$transaction(async (tx) => {
    const locked = await lockNotificationsInDoubt(tx, {
      unknownBefore: new Date(now.getTime() - RECONCILE_UNKNOWN_AFTER_MS),
      stuckBefore: new Date(now.getTime() - STUCK_SENDING_AFTER_MS),
      limit: SEND_BATCH_SIZE,
      shop,
    });
    await markNotificationsSending(
      tx,
      locked.map((row) => row.id),
      now,
      { countAttempt: false },
    );
    return locked;
  });
  const facts = new ShopFacts(deps);
  const onResult = (result: SendResult | null) => {
    if (result && result !== "ALREADY_SETTLED") summary.reconciled++;
    count(summary, result);
  };
  // No recipient was recorded: the run that took it stopped before calling the vendor; it is sent as if new.
  const neverSent = rows.filter((row) => row.recipient === null).map((row) => ({ ...row, attempts: row.attempts + 1 }));
  for (const row of neverSent) await countNotificationAttempt(prisma, row.shop, row.id);
  await sendAll(await prepareRows(neverSent, facts, now), deps, recordNow, onResult);

  const inDoubt = rows.filter((row) => row.recipient !== null);
  const prepared = new Map((await prepareRows(inDoubt, facts, now)).map((entry) => [entry.row.id, entry]));
  await eachWithLimit(inDoubt, SEND_CONCURRENCY, async (row) => {
    try {
      if (row.channel === "SMS") return onResult(await reconcileSms(row, prepared.get(row.id), facts, deps));
      if (row.channel === "PUSH") return onResult(await reconcilePush(row, prepared.get(row.id), deps));
      onResult(await recordNow.record(row, outcome("UNKNOWN", { reason: EMAIL_OUTCOME_UNKNOWN }), deps.now()));
    } catch (error) {
      console.error(`notifications: reconciling ${row.id} of ${row.shop} failed; tried again later`, error);
    }
  });
  return summary;
}

const MIN_IDLE_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The job's run: for `forMs` (most of the minute until the cron queues the next run), sends
 * what comes due as it comes due, looking every `pollMs` and waking early for a row due sooner,
 * and settles what is in doubt every so often.
 */
export async function runNotificationSending(
  { forMs = 55_000, pollMs = 250, shop }: { forMs?: number; pollMs?: number; shop?: string } = {},
  deps: SendingDependencies = defaultSendingDependencies,
): Promise<SendingRunSummary> {
  const total = emptySummary();
  const add = (summary: SendingRunSummary) => {
    for (const key of Object.keys(total) as (keyof SendingRunSummary)[]) total[key] += summary[key];
  };
  const until = Date.now() + forMs;
  let reconcileAt = 0;
  while (Date.now() < until) {
    if (Date.now() >= reconcileAt) {
      add(await reconcileNotificationsInDoubt({ shop }, deps));
      reconcileAt = Date.now() + RECONCILE_UNKNOWN_AFTER_MS / 3;
    }
    add(await sendDueNotifications({ shop, until }, deps));
    const next = await nextNotificationSendAt(prisma, shop);
    const untilNext = next ? next.getTime() - deps.now().getTime() : pollMs;
    // Rows due but held by another run come free within moments: looked at again shortly.
    await sleep(Math.max(MIN_IDLE_MS, Math.min(pollMs, untilNext, until - Date.now())));
  }
  return total;
}
