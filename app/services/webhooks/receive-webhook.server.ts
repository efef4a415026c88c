import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import prisma from "~/db.server";
import type { Db } from "~/db/sql.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { isDatabaseBusy } from "~/models/database-busy.server";
import { recordWebhookEventOnce, type NewWebhookEvent } from "~/models/webhook-events.server";
import { verifyWebhook, WebhookRejection } from "./authenticate-webhook.server";

/** A webhook that passed verification, validation and dedupe, about to take effect. */
export interface AcceptedWebhook<Payload> {
  shop: string;
  /** The app's WebhookEvent row holding it: what a job names instead of copying the payload. */
  recordId: string;
  topic: string;
  eventId: string;
  triggeredAt: Date;
  payload: Payload;
}

interface WebhookTopic<Schema extends z.ZodType> {
  /** As Shopify's library names it: `app/uninstalled` → `APP_UNINSTALLED`. */
  topic: string;
  payload: Schema;
  /** The customer and orders the payload concerns, kept for customers/redact. */
  subject?(payload: z.infer<Schema>): { customerId?: string | null; orderIds?: string[] };
  /**
   * The shop the payload says it is about (compliance topics name it in the body): a body naming
   * another shop than the signed header is refused, never applied to either.
   */
  shopDomainOf?(payload: z.infer<Schema>): string;
  /** Payload as stored; lets a topic keep less than it was sent. */
  stored?(payload: z.infer<Schema>): Prisma.InputJsonValue;
}

/**
 * A topic's effect, in the same transaction as its dedupe record: on node-postgres (decision 015),
 * as the order and fulfilment-order topics that every routed order sends are.
 */
interface AppliedInTransaction<Schema extends z.ZodType> {
  apply(tx: Db, webhook: AcceptedWebhook<z.infer<Schema>>): Promise<void>;
  applyWithPrisma?: never;
  recordAndApply?: never;
}

/** The rare topics whose effects use Prisma's model API (install, redaction, locations): a Prisma transaction. */
interface AppliedInPrismaTransaction<Schema extends z.ZodType> {
  applyWithPrisma(tx: Prisma.TransactionClient, webhook: AcceptedWebhook<z.infer<Schema>>): Promise<void>;
  apply?: never;
  recordAndApply?: never;
}

/**
 * For the busiest topics: the event recorded (once, for an installed shop) and its effect applied
 * in one statement, without a transaction's round trips (decision 014).
 */
interface AppliedInOneStatement<Schema extends z.ZodType> {
  recordAndApply(event: NewWebhookEvent, payload: z.infer<Schema>): Promise<void>;
  apply?: never;
  applyWithPrisma?: never;
}

export type WebhookTopicHandler<Schema extends z.ZodType> = WebhookTopic<Schema> &
  (AppliedInTransaction<Schema> | AppliedInPrismaTransaction<Schema> | AppliedInOneStatement<Schema>);

/** Shopify's mandatory privacy topics: answered for any shop, installed or not. */
const COMPLIANCE_TOPICS = new Set(["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"]);

function reject(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/**
 * The one path every webhook takes: verify (401/400), validate the payload (400),
 * then in one transaction record the event id and apply the effect. A redelivered event
 * finds its id recorded and has no second effect; either way Shopify gets a fast 200.
 */
export async function receiveWebhook<Schema extends z.ZodType>(
  request: Request,
  handler: WebhookTopicHandler<Schema>,
): Promise<Response> {
  let webhook;
  try {
    webhook = await verifyWebhook(request);
  } catch (error) {
    if (error instanceof WebhookRejection) return reject(error.status, error.message);
    throw error;
  }
  if (webhook.topic !== handler.topic) {
    return reject(400, `This endpoint takes ${handler.topic} webhooks, not ${webhook.topic}`);
  }
  const parsed = handler.payload.safeParse(webhook.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return reject(400, `Invalid ${handler.topic} payload: ${problems.join("; ")}`);
  }
  const payload = parsed.data as z.infer<Schema>;
  const named = handler.shopDomainOf?.(payload);
  if (named !== undefined && named.toLowerCase() !== webhook.shop.toLowerCase()) {
    return reject(400, `The body's shop_domain (${named}) is not the shop that sent it`);
  }
  const triggeredAt = parseTimestamp(webhook.triggeredAt) ?? new Date();
  const eventId = webhook.eventId ?? webhook.webhookId;
  const subject = handler.subject?.(payload) ?? {};

  const event: NewWebhookEvent = {
    shop: webhook.shop,
    topic: webhook.topic,
    eventId,
    webhookId: webhook.webhookId,
    apiVersion: webhook.apiVersion,
    triggeredAt,
    customerId: subject.customerId ?? null,
    orderIds: subject.orderIds ?? [],
    payload: handler.stored ? handler.stored(payload) : (webhook.payload as Prisma.InputJsonValue),
  };
  try {
    await recordAndApply(handler, event, payload);
  } catch (error) {
    // Out of connections in a burst: nothing was kept, and Shopify delivers it again later.
    if (isDatabaseBusy(error)) return reject(503, "Busy: the webhook was not recorded; deliver it again");
    throw error;
  }
  return new Response(null, { status: 200 });
}

/** Records the event once and applies its effect: in one statement, or in one transaction. */
async function recordAndApply<Schema extends z.ZodType>(
  handler: WebhookTopicHandler<Schema>,
  event: NewWebhookEvent,
  payload: z.infer<Schema>,
): Promise<void> {
  if (handler.recordAndApply) {
    await handler.recordAndApply(event, payload);
    return;
  }
  // A shop that never installed the app has nothing here to change (its webhooks are signed with
  // the app's one secret all the same): answered 200, nothing kept. Compliance topics still count.
  const requireInstalled = !COMPLIANCE_TOPICS.has(handler.topic);
  const accepted = (recordId: string): AcceptedWebhook<z.infer<Schema>> => ({
    shop: event.shop,
    recordId,
    topic: event.topic,
    eventId: event.eventId,
    triggeredAt: event.triggeredAt ?? new Date(),
    payload,
  });
  if (handler.applyWithPrisma) {
    const { applyWithPrisma } = handler;
    await prisma.$transaction(async (tx) => {
      const recorded = await recordWebhookEventOnce(tx, event, { requireInstalled });
      if (recorded) await applyWithPrisma(tx, accepted(recorded));
    });
    return;
  }
  const { apply } = handler;
  await inSqlTransaction(async (tx) => {
    const recorded = await recordWebhookEventOnce(tx, event, { requireInstalled });
    if (recorded) await apply(tx, accepted(recorded));
  });
}

function parseTimestamp(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
