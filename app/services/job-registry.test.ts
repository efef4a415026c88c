import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import prisma, { databaseUrl } from "~/db.server";
import { JOBS } from "~/services/job-registry.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { ensureJobQueues } from "~/jobs/boss.server";
import { defineJob, JobPayloadError, type AnyJobDefinition } from "~/jobs/job-definition.server";
import { startJobRunner, stopJobRunner } from "~/jobs/job-runner.server";
import { scheduleJobs } from "~/jobs/job-schedules.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { deadLetterQueueOf } from "~/jobs/queues";
import { listShopDeadLetters, retryDeadLetter } from "~/services/dead-letters/dead-letters.server";
import { enqueueInventoryFullSync, enqueueLocationsSync } from "~/services/inventory/sync-triggers.server";
import { enqueueRouteOrder } from "~/services/routing/routing-jobs.server";
import { routingResolveTriggerJob } from "~/services/routing/resolve-trigger.job.server";
import { routingCompareRulesJob } from "~/services/routing-comparison/compare-rules.job.server";
import { startComparison } from "~/services/routing-comparison/comparison.server";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { toSettingsForm } from "~/domain/routing-settings/settings-form";
import { storeTasksAlertEmailJob } from "~/services/store-tasks/alert-email.job.server";
import { storeTasksEscalateTaskJob } from "~/services/store-tasks/escalate-task.job.server";
import { storeTasksRerouteExceptionJob } from "~/services/store-tasks/reroute-exception.job.server";
import { storeTasksShopifyEffectJob } from "~/services/store-tasks/shopify-effect.job.server";
import { storeTasksZeroStoreStockJob } from "~/services/store-tasks/zero-store-stock.job.server";
import { enqueueStoreTaskSync } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "~/services/webhooks/receive-webhook.server";
import { customersDataRequest } from "~/services/webhooks/topics/customers-data-request.server";
import { customersRedact } from "~/services/webhooks/topics/customers-redact.server";
import { shopRedact } from "~/services/webhooks/topics/shop-redact.server";
import { waitForJobState } from "../../tests/support/jobs";
import { uniqueShop } from "../../tests/support/shops";

/**
 * The job registry: one definition per job, which the worker, queue creation, every enqueue and
 * the dead-letter view all read.
 */

afterAll(async () => {
  await stopJobQueue();
});

function jobOf(queue: string): AnyJobDefinition {
  const job = JOBS.find((candidate) => candidate.queue === queue);
  if (!job) throw new Error(`no job in the registry for ${queue}`);
  return job;
}

/** Payloads of `queue`'s waiting jobs (of `shop`, when given), oldest first. */
async function queuedPayloads(queue: string, shop?: string): Promise<unknown[]> {
  const rows = await prisma.$queryRaw<{ data: unknown }[]>`
    SELECT data FROM pgboss.job
     WHERE name = ${queue} AND state = 'created' AND (${shop ?? null}::text IS NULL OR data->>'shop' = ${shop ?? null})
     ORDER BY created_on`;
  return rows.map((row) => row.data);
}

/** Applies a compliance topic's effect as receiving its webhook does, in a transaction. */
async function applyTopic<Schema extends z.ZodType>(
  handler: WebhookTopicHandler<Schema>,
  shop: string,
  body: unknown,
): Promise<void> {
  const payload = handler.payload.parse(body);
  // Prisma's transaction serves both kinds of topic: `apply` takes any Db.
  const apply = handler.apply ?? handler.applyWithPrisma;
  if (!apply) throw new Error(`${handler.topic} is not applied in a transaction`);
  await prisma.$transaction((tx) =>
    apply(tx, {
      shop,
      recordId: crypto.randomUUID(),
      topic: handler.topic,
      eventId: crypto.randomUUID(),
      triggeredAt: new Date(),
      payload,
    }),
  );
}

function appSourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return appSourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * How each job's work is queued in the app: the usual enqueue of its service, or its cron.
 * Each returns the shop the job belongs to (none for the nightly crons).
 */
const USUAL_ENQUEUES: Record<string, (shop: string) => Promise<string | undefined>> = {
  "compliance.shop-redact": async (shop) => {
    await applyTopic(shopRedact, shop, { shop_id: 1, shop_domain: shop });
    return shop;
  },
  "compliance.customer-redact": async (shop) => {
    await applyTopic(customersRedact, shop, {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: 77, email: "ada@example.com", phone: null },
      orders_to_redact: [1001],
    });
    return shop;
  },
  "compliance.customer-data-request": async (shop) => {
    await applyTopic(customersDataRequest, shop, {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: 77, email: "ada@example.com" },
      orders_requested: [1001],
      data_request: { id: 9 },
    });
    return shop;
  },
  "inventory.full-sync": async (shop) => {
    await prisma.$transaction((tx) => enqueueInventoryFullSync(tx, shop));
    return shop;
  },
  "inventory.locations-sync": async (shop) => {
    await prisma.$transaction((tx) => enqueueLocationsSync(tx, shop));
    return shop;
  },
  "inventory.nightly-sync": () => scheduledPayload("inventory.nightly-sync"),
  "webhooks.prune-events": () => scheduledPayload("webhooks.prune-events"),
  "routing.prune-comparisons": () => scheduledPayload("routing.prune-comparisons"),
  "routing.resolve-trigger": async (shop) => {
    await prisma.$transaction((tx) =>
      routingResolveTriggerJob.enqueue(tx, { shop, fulfillmentOrderId: "gid://shopify/FulfillmentOrder/555" }),
    );
    return shop;
  },
  "routing.route-order": async (shop) => {
    await prisma.$transaction((tx) =>
      enqueueRouteOrder(tx, { shop, orderId: "7001", triggerCost: { requested: 4, actual: 2 } }),
    );
    return shop;
  },
  "routing.compare-rules": async (shop) => {
    // A comparison too large for the request: its one job is queued with it.
    const started = await startComparison({
      shop,
      form: toSettingsForm(DEFAULT_ROUTING_SETTINGS),
      currency: "USD",
      now: new Date(),
      enqueue: (tx, payload) => routingCompareRulesJob.enqueue(tx, payload),
      inlineLimit: -1,
    });
    if (!started.ok) throw new Error("the defaults did not parse");
    return shop;
  },
  "store-tasks.sync-fulfillment-order": async (shop) => {
    await prisma.$transaction((tx) => enqueueStoreTaskSync(tx, shop, "gid://shopify/FulfillmentOrder/555"));
    return shop;
  },
  "store-tasks.shopify-effect": async (shop) => {
    await prisma.$transaction((tx) =>
      storeTasksShopifyEffectJob.enqueue(tx, { shop, taskId: crypto.randomUUID(), effect: "PREPARED_FOR_PICKUP" }),
    );
    return shop;
  },
  "store-tasks.reroute-exception": async (shop) => {
    await prisma.$transaction((tx) => storeTasksRerouteExceptionJob.enqueue(tx, { shop, taskId: crypto.randomUUID() }));
    return shop;
  },
  "store-tasks.escalate-task": async (shop) => {
    await prisma.$transaction((tx) => storeTasksEscalateTaskJob.enqueue(tx, { shop, taskId: crypto.randomUUID() }));
    return shop;
  },
  "store-tasks.escalate-due": () => scheduledPayload("store-tasks.escalate-due"),
  "notifications.send-due": () => scheduledPayload("notifications.send-due"),
  "notifications.running-late": () => scheduledPayload("notifications.running-late"),
  "notifications.cancel-uncollected": () => scheduledPayload("notifications.cancel-uncollected"),
  "store-tasks.alert-email": async (shop) => {
    await prisma.$transaction((tx) => storeTasksAlertEmailJob.enqueue(tx, { shop, taskId: crypto.randomUUID() }));
    return shop;
  },
  "store-tasks.zero-store-stock": async (shop) => {
    await prisma.$transaction((tx) =>
      storeTasksZeroStoreStockJob.enqueue(tx, { shop, taskId: crypto.randomUUID(), locationId: "1002", sku: "TEE-M" }),
    );
    return shop;
  },
};

/** A cron job's payload is what its schedule hands pg-boss; it is queued as that job's data. */
async function scheduledPayload(queue: string): Promise<undefined> {
  const boss = await appJobQueue();
  await scheduleJobs(boss, [jobOf(queue)]);
  const schedule = (await boss.getSchedules()).find((candidate) => candidate.name === queue);
  await boss.send(queue, schedule!.data ?? {});
  return undefined;
}

describe("the job registry", () => {
  it("has one definition per queue, and pg-boss gets exactly their queues, each with its dead-letter queue", async () => {
    const boss = await appJobQueue();

    const queues = JOBS.map((job) => job.queue);
    expect(new Set(queues).size).toBe(queues.length);
    const created = (await boss.getQueues()).filter((queue) => !queue.name.startsWith("test."));
    expect(created.map((queue) => queue.name).sort()).toEqual(
      queues.flatMap((queue) => [queue, deadLetterQueueOf(queue)]).sort(),
    );
    for (const job of JOBS) {
      expect(created.find((queue) => queue.name === job.queue)).toMatchObject({
        ...job.policy,
        deadLetter: deadLetterQueueOf(job.queue),
      });
    }
  });

  it("lists every job definition of the app, and jobs are defined only in *.job.server.ts files", async () => {
    const definitionFiles = appSourceFiles("app").filter((file) => file.endsWith(".job.server.ts"));
    const defined: unknown[] = [];
    for (const file of definitionFiles) {
      const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      defined.push(
        ...Object.values(exports).filter((value) => typeof value === "object" && value && "runStored" in value),
      );
    }
    const definingElsewhere = appSourceFiles("app")
      .filter((file) => !file.endsWith(".job.server.ts") && !file.startsWith(path.join("app", "jobs")))
      .filter((file) => fs.readFileSync(file, "utf8").includes("defineJob("));

    expect(defined).toHaveLength(JOBS.length);
    for (const job of defined) expect(JOBS).toContain(job);
    expect(definingElsewhere).toEqual([]);
  });

  it("each job's usual enqueue (or cron) stores a payload that its schema parses", async () => {
    expect(Object.keys(USUAL_ENQUEUES).sort()).toEqual(JOBS.map((job) => job.queue).sort());
    for (const job of JOBS) {
      const shop = await USUAL_ENQUEUES[job.queue]!(uniqueShop());
      const [payload] = await queuedPayloads(job.queue, shop);
      expect(payload, job.queue).toBeDefined();
      expect(job.payload.safeParse(payload).error, job.queue).toBeUndefined();
    }
  });
});

describe("a job whose stored payload does not parse", () => {
  it("fails, with an error naming the queue, the job and what is wrong, without running its handler", async () => {
    const boss = await appJobQueue();
    const handled: unknown[] = [];
    const strictJob = defineJob({
      queue: "test.registry-strict",
      policy: { retryLimit: 0, retryDelay: 1, retryBackoff: false },
      payload: z.object({ shop: z.string() }),
      run: async (payload) => void handled.push(payload),
      consumer: { concurrency: 1, idlePollMs: 100 },
      deadLetter: { describe: () => "A test job" },
    });
    await ensureJobQueues(boss, [strictJob]);
    const id = await boss.send(strictJob.queue, { shop: 42 });
    await startJobRunner(boss, databaseUrl, [strictJob]);
    try {
      const failed = await waitForJobState(boss, strictJob.queue, id!, ["failed"], 10_000);

      expect(failed.output).toMatchObject({
        message: expect.stringMatching(new RegExp(`^test\\.registry-strict job ${id} .*does not parse.*shop`)),
      });
      expect(handled).toEqual([]);
    } finally {
      await stopJobRunner(5_000);
    }
  });

  it("is refused by every registered job with a JobPayloadError naming its queue and the job", async () => {
    for (const job of JOBS) {
      const refusal = job.runStored("not a payload", "job-1");

      await expect(refusal, job.queue).rejects.toBeInstanceOf(JobPayloadError);
      await expect(refusal, job.queue).rejects.toThrow(`${job.queue} job job-1 has a payload that does not parse`);
    }
  });
});

/** What a dead letter of each job looks like, and what the merchant is told it was. */
const DEAD_LETTERS: Record<string, { payload: (shop: string) => object; description: string }> = {
  "compliance.shop-redact": { payload: (shop) => ({ shop }), description: "Store data erasure" },
  "compliance.customer-redact": {
    payload: (shop) => ({ shop, webhookEventId: crypto.randomUUID() }),
    description: "Customer data erasure",
  },
  "compliance.customer-data-request": {
    payload: (shop) => ({ shop, dataRequestId: "request-1" }),
    description: "Customer data request",
  },
  "inventory.full-sync": { payload: (shop) => ({ shop }), description: "Inventory full sync from Shopify" },
  "inventory.locations-sync": { payload: (shop) => ({ shop }), description: "Locations sync from Shopify" },
  "routing.resolve-trigger": {
    payload: (shop) => ({ shop, fulfillmentOrderId: "gid://shopify/FulfillmentOrder/555" }),
    description: "Routing the order of fulfilment order 555",
  },
  "routing.route-order": {
    payload: (shop) => ({ shop, orderId: "7001", triggerCost: { requested: 4, actual: 2 } }),
    description: "Routing order 7001",
  },
  "routing.compare-rules": {
    payload: (shop) => ({ shop, comparisonId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10" }),
    description: "Comparing draft routing rules with the last 30 days",
  },
  "store-tasks.sync-fulfillment-order": {
    payload: (shop) => ({ shop, fulfillmentOrderId: "555" }),
    description: "Updating the store task of fulfilment order 555",
  },
  "store-tasks.shopify-effect": {
    payload: (shop) => ({ shop, taskId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10", effect: "PREPARED_FOR_PICKUP" }),
    description: "Telling Shopify a store order is ready for pickup",
  },
  "store-tasks.reroute-exception": {
    payload: (shop) => ({ shop, taskId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10" }),
    description: "Moving the missing items of a store order to another location",
  },
  "store-tasks.escalate-task": {
    payload: (shop) => ({ shop, taskId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10" }),
    description: "Moving a store order from a store that has not started it",
  },
  "store-tasks.alert-email": {
    payload: (shop) => ({ shop, taskId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10" }),
    description: "Emailing a store about a new order",
  },
  "store-tasks.zero-store-stock": {
    payload: (shop) => ({ shop, taskId: "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10", locationId: "1002", sku: "TEE-M" }),
    description: "Setting Shopify's stock of TEE-M to 0 at the store that could not pick it for a store order",
  },
};

/** The nightly crons' jobs belong to no shop, so no merchant sees them; their definitions still say. */
const SHOPLESS_DEAD_LETTERS: Record<string, string> = {
  "inventory.nightly-sync": "Nightly inventory sync of every store",
  "webhooks.prune-events": "Removing webhook events past their retention",
  "routing.prune-comparisons": "Removing routing comparisons past their retention",
  "store-tasks.escalate-due": "Escalating store orders not started in time",
  "notifications.send-due": "Sending customer messages that came due",
  "notifications.running-late": "Telling shoppers their pickup is running late",
  "notifications.cancel-uncollected": "Cancelling pickup orders not collected in time",
};

async function deadLetter(queue: string, payload: object): Promise<string> {
  const id = await (await appJobQueue()).send(deadLetterQueueOf(queue), payload);
  return id!;
}

describe("dead letters, as each job's definition describes and retries them", () => {
  it("covers every job of the registry", () => {
    expect([...Object.keys(DEAD_LETTERS), ...Object.keys(SHOPLESS_DEAD_LETTERS)].sort()).toEqual(
      JOBS.map((job) => job.queue).sort(),
    );
  });

  it("are listed to the shop with what the work was", async () => {
    for (const [queue, { payload, description }] of Object.entries(DEAD_LETTERS)) {
      const shop = uniqueShop();
      const id = await deadLetter(queue, payload(shop));

      expect(await listShopDeadLetters(shop), queue).toEqual([expect.objectContaining({ id, description })]);
    }
  });

  it("are queued again once by a retry, as their usual enqueue queues them; a second retry finds nothing", async () => {
    for (const [queue, { payload }] of Object.entries(DEAD_LETTERS)) {
      const shop = uniqueShop();
      const id = await deadLetter(queue, payload(shop));

      expect(await retryDeadLetter(shop, id), queue).toBe("QUEUED");
      expect(await retryDeadLetter(shop, id), queue).toBe("NOT_FOUND");
      const queued = await queuedPayloads(queue, shop);
      expect(queued, queue).toHaveLength(1);
      expect(jobOf(queue).payload.safeParse(queued[0]).success, queue).toBe(true);
      expect(await listShopDeadLetters(shop), queue).toEqual([]);
    }
  });

  it("of work keyed to a shop, order or sync, add nothing when the same work is already queued", async () => {
    const keyed = [
      "inventory.full-sync",
      "inventory.locations-sync",
      "routing.resolve-trigger",
      "routing.route-order",
      "store-tasks.sync-fulfillment-order",
      "store-tasks.reroute-exception",
      "store-tasks.escalate-task",
    ];
    for (const queue of keyed) {
      const shop = uniqueShop();
      const first = await deadLetter(queue, DEAD_LETTERS[queue]!.payload(shop));
      const second = await deadLetter(queue, DEAD_LETTERS[queue]!.payload(shop));

      expect(await retryDeadLetter(shop, first), queue).toBe("QUEUED");
      expect(await retryDeadLetter(shop, second), queue).toBe("QUEUED");
      expect(await queuedPayloads(queue, shop), queue).toHaveLength(1);
    }
  });

  it("of an order's routing are queued again without the trigger's cost, which the attempts that gave up counted", async () => {
    const shop = uniqueShop();
    const id = await deadLetter("routing.route-order", DEAD_LETTERS["routing.route-order"]!.payload(shop));

    await retryDeadLetter(shop, id);

    expect(await queuedPayloads("routing.route-order", shop)).toEqual([{ shop, orderId: "7001" }]);
  });

  it("of the nightly crons are described and queued again by their definitions", async () => {
    for (const [queue, description] of Object.entries(SHOPLESS_DEAD_LETTERS)) {
      const job = jobOf(queue);
      await ensureJobQueues(await appJobQueue(), [job]);
      const before = (await queuedPayloads(queue)).length;

      expect(await job.describeDeadLetter({}), queue).toBe(description);
      await prisma.$transaction((tx) => job.retryDeadLetter(tx, {}, "dead-letter-1"));
      expect(await queuedPayloads(queue), queue).toHaveLength(before + 1);
    }
  });
});
