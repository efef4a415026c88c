import crypto from "node:crypto";
import { type FetchFunction } from "../vendors/http-types";
import { PendingWork } from "../vendors/pending-work";
import { isSuccess, postCallback, type CallbackOutcome } from "../vendors/post-callback";
import { postOverNodeHttp } from "../vendors/post-over-node-http";
import { SeededRandom } from "../../seeded-random";
import { DELIVERY_TIMEOUT_MS, retryDelayMs } from "./retry-schedule";
import { resolveSubscriptionUri, type WebhookSubscriptions } from "./subscriptions";

/**
 * Delivers webhooks to the app as Shopify does: one POST per subscribed URI, signed with the
 * app secret, retried on failure on Shopify's schedule, with the faults Shopify's at-least-once
 * delivery allows (duplicates, late and out-of-order deliveries, a lost answer) on demand.
 */
export type WebhookEvent = {
  shop: string;
  /** As in the toml and the `X-Shopify-Topic` header: "orders/create". */
  topic: string;
  payload: object;
  occurredAt: Date;
  eventId: string;
};

export type WebhookFaults = {
  /** Chance that a delivery is sent twice (same webhook id and event id). */
  duplicateRate: number;
  /** Chance that a delivery is held back `delayMs` before its first attempt. */
  delayRate: number;
  delayMs: number;
  /** When above 0, deliveries are held this long and then sent in a shuffled order. */
  reorderWindowMs: number;
  /** Chance that the first attempt counts as failed whatever the app answers (the answer was "lost"). */
  failFirstRate: number;
};

export type PublishOptions = { duplicate?: boolean; delayMs?: number; failFirst?: boolean };

export type AppliedFault = "duplicate" | "delay" | "reorder" | "fail-first";

export type WebhookLogEntry = {
  id: number;
  eventId: string;
  /** `null` when nothing was sent. */
  webhookId: string | null;
  shop: string;
  topic: string;
  uri: string | null;
  /** 1 for the first delivery; 0 when nothing was sent. */
  attempt: number;
  status: CallbackOutcome["status"] | "no-subscription" | "unsupported-uri";
  outcome: "delivered" | "retry-scheduled" | "gave-up" | "not-sent";
  /** Shopify-time delay before the next attempt (before `timeScale`), when one is scheduled. */
  nextRetryInMs?: number;
  /** When the attempt started (or the event was turned away). */
  at: Date;
  durationMs: number;
  faults: AppliedFault[];
};

export type WebhookDispatcherOptions = {
  appUrl: string;
  apiSecret: string;
  subscriptions: WebhookSubscriptions;
  now?: () => Date;
  fetch?: FetchFunction;
  /** Multiplies retry delays: 1 is Shopify's real schedule, 0.001 turns hours into seconds. */
  timeScale?: number;
  /** How long the app has to answer; Shopify's 5 s unless a test wants it shorter. */
  timeoutMs?: number;
  seed?: number;
  faults?: Partial<WebhookFaults>;
};

type Delivery = {
  event: WebhookEvent;
  body: string;
  uri: string;
  webhookId: string;
  attempt: number;
  failFirst: boolean;
  faults: AppliedFault[];
};

const NO_FAULTS: WebhookFaults = { duplicateRate: 0, delayRate: 0, delayMs: 0, reorderWindowMs: 0, failFirstRate: 0 };

export class WebhookDispatcher {
  /** Settable at run time; applies to events published afterwards. */
  faults: WebhookFaults;
  private readonly now: () => Date;
  private readonly fetchFunction: FetchFunction;
  private readonly timeScale: number;
  private readonly timeoutMs: number;
  private readonly random: SeededRandom;
  private readonly work = new PendingWork();
  private readonly entries: WebhookLogEntry[] = [];
  private reorderBuffer: Delivery[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.now = options.now ?? (() => new Date());
    this.fetchFunction = options.fetch ?? postOverNodeHttp;
    this.timeScale = options.timeScale ?? 1;
    this.timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    this.random = new SeededRandom(options.seed);
    this.faults = { ...NO_FAULTS, ...options.faults };
  }

  setFaults(faults: Partial<WebhookFaults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  /**
   * Sends the event to every URI subscribed to its topic and returns the webhook id each
   * delivery carries. Delivery happens in the background: await `idle()` to see it finish.
   */
  publish(event: WebhookEvent, options: PublishOptions = {}): Array<{ uri: string; webhookId: string }> {
    const uris = this.options.subscriptions.urisByTopic.get(event.topic) ?? [];
    if (uris.length === 0) {
      this.record(event, { webhookId: null, uri: null, attempt: 0, status: "no-subscription", outcome: "not-sent" });
      return [];
    }
    // One body for every subscription and retry: Shopify redelivers the original payload.
    const body = JSON.stringify(event.payload);
    const published: Array<{ uri: string; webhookId: string }> = [];
    for (const subscribedUri of uris) {
      const uri = resolveSubscriptionUri(this.options.appUrl, subscribedUri);
      if (!uri) {
        this.record(event, {
          webhookId: null,
          uri: subscribedUri,
          attempt: 0,
          status: "unsupported-uri",
          outcome: "not-sent",
        });
        continue;
      }
      const delivery = this.newDelivery(event, body, uri, options);
      published.push({ uri, webhookId: delivery.webhookId });
      const duplicate = options.duplicate ?? this.random.chance(this.faults.duplicateRate);
      const delayMs = options.delayMs ?? (this.random.chance(this.faults.delayRate) ? this.faults.delayMs : 0);
      if (delayMs > 0) delivery.faults.push("delay");
      if (this.faults.reorderWindowMs > 0) delivery.faults.push("reorder");
      if (duplicate) delivery.faults.push("duplicate");
      // The copy is made before the original's first attempt starts, so both begin at attempt 0.
      const copy: Delivery | undefined = duplicate
        ? { ...delivery, failFirst: false, faults: delivery.faults.filter((fault) => fault !== "fail-first") }
        : undefined;
      this.enqueue(delivery, delayMs);
      if (copy) this.enqueue(copy, delayMs);
    }
    return published;
  }

  /** Every delivery attempt (and every event that was not sent), oldest first. */
  log(): WebhookLogEntry[] {
    return [...this.entries];
  }

  clearLog(): void {
    this.entries.length = 0;
  }

  /** Deliveries and retries scheduled or in flight. */
  pending(): number {
    return this.work.count;
  }

  /** Resolves when no delivery or retry is scheduled or in flight. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  /** Cancels every scheduled delivery and retry. */
  stop(): void {
    this.reorderBuffer = [];
    this.work.stop();
  }

  private newDelivery(event: WebhookEvent, body: string, uri: string, options: PublishOptions): Delivery {
    const failFirst = options.failFirst ?? this.random.chance(this.faults.failFirstRate);
    return {
      event,
      body,
      uri,
      webhookId: this.random.uuid(),
      attempt: 0,
      failFirst,
      faults: failFirst ? ["fail-first"] : [],
    };
  }

  private enqueue(delivery: Delivery, delayMs: number): void {
    const windowMs = this.faults.reorderWindowMs;
    if (windowMs <= 0) {
      if (delayMs > 0) this.work.schedule(delayMs, () => this.attempt(delivery));
      else void this.work.run(() => this.attempt(delivery));
      return;
    }
    const hold = (): void => {
      if (this.reorderBuffer.length === 0) this.work.schedule(windowMs, () => this.flushReorderBuffer());
      this.reorderBuffer.push(delivery);
    };
    if (delayMs > 0) this.work.schedule(delayMs, hold);
    else hold();
  }

  /** Sends what the window held, one after another, in an order guaranteed to differ from arrival. */
  private async flushReorderBuffer(): Promise<void> {
    const held = this.reorderBuffer;
    this.reorderBuffer = [];
    let order = this.random.shuffle(held);
    if (held.length > 1 && order.every((delivery, index) => delivery === held[index])) order = [...held].reverse();
    for (const delivery of order) await this.attempt(delivery);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    delivery.attempt += 1;
    const startedAt = this.now();
    const outcome = await postCallback(this.fetchFunction, delivery.uri, {
      headers: this.headers(delivery),
      body: delivery.body,
      timeoutMs: this.timeoutMs,
    });
    const answerLost = delivery.failFirst && delivery.attempt === 1;
    const faults = delivery.faults.filter((fault) => fault !== "fail-first" || delivery.attempt === 1);
    const base = {
      webhookId: delivery.webhookId,
      uri: delivery.uri,
      attempt: delivery.attempt,
      status: outcome.status,
      at: startedAt,
      durationMs: outcome.durationMs,
      faults,
    };
    if (isSuccess(outcome.status) && !answerLost) {
      this.record(delivery.event, { ...base, outcome: "delivered" });
      return;
    }
    const delay = retryDelayMs(delivery.attempt);
    if (delay === undefined) {
      this.record(delivery.event, { ...base, outcome: "gave-up" });
      return;
    }
    this.record(delivery.event, { ...base, outcome: "retry-scheduled", nextRetryInMs: delay });
    this.work.schedule(delay * this.timeScale, () => this.attempt(delivery));
  }

  /** Exactly the headers Shopify sends with a webhook (`ShopifyHeader` in @shopify/shopify-api). */
  private headers(delivery: Delivery): Record<string, string> {
    const { event } = delivery;
    return {
      "Content-Type": "application/json",
      "User-Agent": "Shopify-Captain-Hook",
      "X-Shopify-Topic": event.topic,
      "X-Shopify-Hmac-Sha256": crypto
        .createHmac("sha256", this.options.apiSecret)
        .update(delivery.body, "utf8")
        .digest("base64"),
      "X-Shopify-Shop-Domain": event.shop,
      "X-Shopify-API-Version": this.options.subscriptions.apiVersion,
      "X-Shopify-Webhook-Id": delivery.webhookId,
      "X-Shopify-Event-Id": event.eventId,
      "X-Shopify-Triggered-At": event.occurredAt.toISOString(),
    };
  }

  private record(
    event: WebhookEvent,
    entry: Omit<WebhookLogEntry, "id" | "eventId" | "shop" | "topic" | "at" | "durationMs" | "faults"> &
      Partial<Pick<WebhookLogEntry, "at" | "durationMs" | "faults">>,
  ): void {
    this.entries.push({
      id: this.entries.length + 1,
      eventId: event.eventId,
      shop: event.shop,
      topic: event.topic,
      at: this.now(),
      durationMs: 0,
      faults: [],
      ...entry,
    });
  }
}
