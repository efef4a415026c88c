import prisma from "~/db.server";
import {
  effectOfEmailEvent,
  messageIdOf,
  notificationIdOf,
  parseEventBatch,
  shopsNamedIn,
  statusAfterEmailEvent,
  type SendGridEvent,
} from "~/domain/email/sendgrid-events";
import { appEventVerificationKey } from "~/integrations/sendgrid/app-sendgrid-account.server";
import {
  EVENT_SIGNATURE_HEADER,
  EVENT_TIMESTAMP_HEADER,
  isSignedWith,
  type SignedEventBatch,
} from "~/integrations/sendgrid/event-webhook.server";
import { findSendGridAccount } from "~/models/messaging-accounts.server";
import { clearEmailGroupOptOut, recordEmailOptOut } from "~/models/notification-email-events.server";
import { findNotification, moveNotificationForward } from "~/models/notifications.server";
import { recordVendorEvent } from "~/models/vendor-event-receipts.server";
import { readBodyUpTo } from "~/services/http/read-body-up-to";

/**
 * POST /webhooks/sendgrid/events: SendGrid's Event Webhook, from every shop's account and the
 * app's own. Nothing in a batch is believed before its signature is checked:
 *
 * 1. Unsigned, or signed more than 10 minutes ago (a replay): 403. Too large: 413.
 * 2. The body is read as JSON only to learn which shops' keys could have signed it (the events'
 *    `shop` custom arg); not JSON, not a list: 400. Naming more shops than one account serves: 403.
 * 3. The raw bytes are verified against each named shop's key (shops sharing an account share a
 *    key: tried once), then the app's own; none matches: 403, nothing changed.
 * 4. Only events naming a shop whose key signed the batch are applied: a merchant's account can
 *    put any custom args in its mail, so it may only ever speak for its own shop. The app's
 *    account sends only staff emails, whose events are acknowledged.
 *
 * Each applied event is deduped on `sg_event_id` (VendorEventReceipt) in the transaction that
 * applies it; statuses move forward only. SendGrid retries a non-2xx for a day, so a batch the
 * app cannot read is answered 4xx, never 5xx.
 */

export const MAX_EVENT_BODY_BYTES = 5 * 1024 * 1024;
/** How old a signed batch may be: longer than SendGrid's own delivery delay, short enough to stop replays. */
export const MAX_EVENT_AGE_SECONDS = 10 * 60;
/** Clocks differ: a batch signed a little "in the future" is still SendGrid's. */
const MAX_CLOCK_AHEAD_SECONDS = 5 * 60;
/** One SendGrid account serving this many shops is already unusual; more names is a forgery's. */
export const MAX_SHOPS_PER_BATCH = 10;

export interface SendGridEventDependencies {
  /** The Event Webhook verification key of each of these shops' SendGrid accounts that has one. */
  shopEventKeys(shops: readonly string[]): Promise<Map<string, string>>;
  /** The app's own account's key (the staff emails' events); null when it has none. */
  appEventKey(): Promise<string | null>;
  now(): Date;
}

export const defaultSendGridEventDependencies: SendGridEventDependencies = {
  async shopEventKeys(shops) {
    const keys = new Map<string, string>();
    for (const shop of shops) {
      const account = await findSendGridAccount(prisma, shop);
      if (account?.eventPublicKey) keys.set(shop, account.eventPublicKey);
    }
    return keys;
  },
  appEventKey: appEventVerificationKey,
  now: () => new Date(),
};

type Signer = { kind: "SHOPS"; shops: ReadonlySet<string> } | { kind: "APP" };

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status });
}

const refuse = (status: number, error: string) => answer(status, { error });

/** The account whose key signed the batch, trying each distinct key once. */
async function signerOf(
  batch: SignedEventBatch,
  shops: readonly string[],
  deps: SendGridEventDependencies,
): Promise<Signer | null> {
  const shopsByKey = new Map<string, string[]>();
  for (const [shop, key] of await deps.shopEventKeys(shops)) {
    shopsByKey.set(key, [...(shopsByKey.get(key) ?? []), shop]);
  }
  for (const [key, keyShops] of shopsByKey) {
    if (isSignedWith(key, batch)) return { kind: "SHOPS", shops: new Set(keyShops) };
  }
  const appKey = await deps.appEventKey();
  return appKey && isSignedWith(appKey, batch) ? { kind: "APP" } : null;
}

/** Applies one verified event to its shop's notification, once; true when it changed something. */
async function applyEvent(shop: string, notificationId: string, event: SendGridEvent, now: Date): Promise<boolean> {
  const effect = effectOfEmailEvent(event);
  const eventId = event.sg_event_id;
  if (effect.kind === "NONE" || !eventId) return false;
  return prisma.$transaction(async (tx) => {
    if (!(await recordVendorEvent(tx, shop, "SENDGRID", eventId))) return false;
    const notification = await findNotification(tx, shop, notificationId);
    if (!notification || notification.channel !== "EMAIL") return false;
    switch (effect.kind) {
      case "DELIVERED":
      case "FAILED": {
        const next = statusAfterEmailEvent(notification.status, effect);
        if (!next) return false;
        const providerMessageId = messageIdOf(event) ?? undefined;
        const at = event.timestamp === undefined ? now : new Date(event.timestamp * 1000);
        return moveNotificationForward(tx, shop, notificationId, [notification.status], {
          status: next,
          at: now,
          ...(providerMessageId ? { providerMessageId } : {}),
          ...(effect.kind === "DELIVERED"
            ? { deliveredAt: at }
            : { errorCode: effect.errorCode, reason: effect.reason }),
        });
      }
      case "OPTED_OUT":
        if (effect.optOut === "GROUP_UNSUBSCRIBED") {
          // SendGrid always names the group; without it there is nothing to scope the stop to.
          if (effect.asmGroupId === null) return false;
          return recordEmailOptOut(tx, shop, notificationId, { kind: effect.optOut, asmGroupId: effect.asmGroupId });
        }
        return recordEmailOptOut(tx, shop, notificationId, { kind: effect.optOut });
      case "RESUBSCRIBED": {
        const email = notification.recipient ?? event.email;
        if (effect.asmGroupId === null || !email) return false;
        return (await clearEmailGroupOptOut(tx, shop, email, effect.asmGroupId)) > 0;
      }
    }
  });
}

export async function receiveSendGridEvents(
  request: Request,
  deps: SendGridEventDependencies = defaultSendGridEventDependencies,
): Promise<Response> {
  const signature = request.headers.get(EVENT_SIGNATURE_HEADER);
  const timestamp = request.headers.get(EVENT_TIMESTAMP_HEADER);
  if (!signature || !timestamp) return refuse(403, "The batch is not signed");
  if (!/^\d{1,12}$/.test(timestamp)) return refuse(403, "The signature's timestamp is not a time");
  const ageSeconds = deps.now().getTime() / 1000 - Number(timestamp);
  if (ageSeconds > MAX_EVENT_AGE_SECONDS || ageSeconds < -MAX_CLOCK_AHEAD_SECONDS) {
    return refuse(403, "The batch was signed too long ago");
  }

  const body = await readBodyUpTo(request, MAX_EVENT_BODY_BYTES);
  if (body.kind === "TOO_LARGE") return refuse(413, "The batch is too large");
  if (body.kind === "UNREADABLE") return refuse(400, "The body could not be read");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    return refuse(400, "The body is not UTF-8");
  }
  const parsed = parseEventBatch(text);
  if (!parsed.ok) return refuse(400, parsed.problem);
  const shops = shopsNamedIn(parsed.events);
  if (shops.length > MAX_SHOPS_PER_BATCH) return refuse(403, "The batch names more shops than one account serves");

  const signer = await signerOf({ rawBody: body.bytes, signature, timestamp }, shops, deps);
  if (!signer) return refuse(403, "The signature does not match");
  if (signer.kind === "APP") return answer(200, { applied: 0 });

  const now = deps.now();
  let applied = 0;
  for (const event of parsed.events) {
    const notificationId = event ? notificationIdOf(event) : null;
    if (!event?.shop || !signer.shops.has(event.shop) || !notificationId) continue;
    if (await applyEvent(event.shop, notificationId, event, now)) applied += 1;
  }
  return answer(200, { applied });
}
