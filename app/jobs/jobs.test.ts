import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import prisma, { databaseUrl } from "~/db.server";
import { startBoss } from "./boss.server";
import { enqueueInTransaction } from "./jobs.server";
import { deadLetterQueueOf } from "./queues";
import { waitForJobState } from "../../tests/support/jobs";

// A queue of this test's own, with short retry delays so backoff is observable quickly.
const FLAKY = "test.flaky";
const RELIABLE = "test.reliable";

let boss: PgBoss;

beforeAll(async () => {
  boss = await startBoss({ databaseUrl, supervise: true });
  await boss.createQueue(RELIABLE, { name: RELIABLE });
  await boss.createQueue(deadLetterQueueOf(FLAKY), { name: deadLetterQueueOf(FLAKY) });
  await boss.createQueue(FLAKY, {
    name: FLAKY,
    retryLimit: 2,
    retryDelay: 1,
    retryBackoff: true,
    deadLetter: deadLetterQueueOf(FLAKY),
  });
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

describe("jobs enqueued with a state change", () => {
  it("never runs a job enqueued in a transaction that rolled back, and changes nothing", async () => {
    const seen: string[] = [];
    await boss.work<{ marker: string }>(RELIABLE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job) seen.push(job.data.marker);
    });
    let jobId: string | null = null;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.shopInstallation.create({ data: { shop: "rolled-back.myshopify.com" } });
        jobId = await enqueueInTransaction(boss, tx, RELIABLE, { marker: "rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");

    const committedId = await prisma.$transaction(async (tx) => {
      await tx.shopInstallation.create({ data: { shop: "committed.myshopify.com" } });
      return enqueueInTransaction(boss, tx, RELIABLE, { marker: "committed" });
    });

    expect(jobId).not.toBeNull();
    expect(await boss.getJobById(RELIABLE, jobId!, { includeArchive: true })).toBeNull();
    const done = await waitForJobState(boss, RELIABLE, committedId!, ["completed"]);
    expect(done.data).toEqual({ marker: "committed" });
    expect(seen).toEqual(["committed"]);
    expect(await prisma.shopInstallation.count({ where: { shop: "rolled-back.myshopify.com" } })).toBe(0);
  });

  it("retries a failing job with growing delays, then moves it to the dead-letter queue", async () => {
    const attempts: number[] = [];
    await boss.work(FLAKY, { pollingIntervalSeconds: 0.5 }, async () => {
      attempts.push(Date.now());
      throw new Error("vendor down");
    });
    const id = await boss.send(FLAKY, { shop: "flaky.myshopify.com" });
    const failed = await waitForJobState(boss, FLAKY, id!, ["failed"], 30_000);

    expect(attempts).toHaveLength(3);
    expect(failed.retryCount).toBe(2);
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    // retryDelay 1 s with backoff: the second wait is longer than the first.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);

    const dead = await boss.fetch<{ shop: string }>(deadLetterQueueOf(FLAKY));
    expect(dead.map((job) => job.data)).toContainEqual({ shop: "flaky.myshopify.com" });
  });
});
