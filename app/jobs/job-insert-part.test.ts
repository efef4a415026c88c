import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sqlPool } from "~/db.server";
import { sqlRows } from "~/db/sql.server";
import { defineJob } from "./job-definition.server";
import { queuedJobPart } from "./job-insert-part.server";
import { stopJobQueue } from "./jobs.server";

afterAll(async () => {
  await stopJobQueue();
});

const partJob = defineJob({
  queue: "test.job-insert-part",
  policy: { policy: "stately", retryLimit: 4, retryDelay: 7, retryBackoff: true, expireInSeconds: 90 },
  payload: z.object({ key: z.string() }),
  singletonKey: ({ key }) => key,
  run: async () => undefined,
  consumer: { concurrency: 1, idlePollMs: 60_000 },
  deadLetter: { describe: () => "A test job" },
});

interface QueuedJob {
  data: { key: string };
  singletonKey: string;
  priority: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireIn: string;
  policy: string;
  deadLetter: string;
  heldBackSeconds: number;
  keptSeconds: number;
}

async function queuedJobs(key: string): Promise<QueuedJob[]> {
  return sqlRows<QueuedJob>(
    sqlPool,
    `SELECT data, singleton_key AS "singletonKey", priority, retry_limit AS "retryLimit", retry_delay AS "retryDelay",
            retry_backoff AS "retryBackoff", expire_in::text AS "expireIn", policy, dead_letter AS "deadLetter",
            round(extract(epoch FROM start_after - created_on))::int AS "heldBackSeconds",
            round(extract(epoch FROM keep_until - start_after))::int AS "keptSeconds"
       FROM pgboss.job WHERE name = $1 AND data->>'key' = $2`,
    [partJob.queue, key],
  );
}

/** Runs the part behind a gate CTE that has a row when `open`; returns how many jobs it queued. */
async function runBehindGate(key: string, open: boolean, startAfterSeconds?: number): Promise<number> {
  const part = await partJob.enqueuePart({ key }, { first: 2, gate: "gate" }, { startAfterSeconds });
  const [row] = await sqlRows<{ queued: number }>(
    sqlPool,
    `WITH gate AS (SELECT 1 WHERE $1::boolean), queued AS (${part.text}) SELECT count(*)::int AS "queued" FROM queued`,
    [open, ...part.values],
  );
  return row!.queued;
}

describe("a job queued as a part of another statement", () => {
  it("is the job its definition's enqueue queues: the same payload, queue policy, hold and retention", async () => {
    const suffix = `${Date.now()}-${Math.random()}`;
    await partJob.enqueue(sqlPool, { key: `alone-${suffix}` }, { startAfterSeconds: 30 });

    expect(await runBehindGate(`part-${suffix}`, true, 30)).toBe(1);

    const [alone] = await queuedJobs(`alone-${suffix}`);
    const [part] = await queuedJobs(`part-${suffix}`);
    expect(part).toEqual({ ...alone, data: { key: `part-${suffix}` }, singletonKey: `part-${suffix}` });
    expect(part).toMatchObject({ retryLimit: 4, retryDelay: 7, retryBackoff: true, policy: "stately" });
    expect(part!.heldBackSeconds).toBe(30);
  });

  it("is not queued when its gate has no row", async () => {
    const key = `closed-${Date.now()}-${Math.random()}`;

    expect(await runBehindGate(key, false)).toBe(0);

    expect(await queuedJobs(key)).toEqual([]);
  });

  it("is queued once while the same work waits on its stately queue", async () => {
    const key = `twice-${Date.now()}-${Math.random()}`;

    expect(await runBehindGate(key, true)).toBe(1);
    expect(await runBehindGate(key, true)).toBe(0);

    expect(await queuedJobs(key)).toHaveLength(1);
  });

  it("refuses an enqueue that sends anything but one pg-boss job insert", async () => {
    await expect(queuedJobPart(async (db) => db.query("SELECT 1"), { first: 1, gate: "gate" })).rejects.toThrow(
      "Expected one pg-boss job insert",
    );
    await expect(queuedJobPart(async () => undefined, { first: 1, gate: "gate" })).rejects.toThrow(
      "got 0 statement(s)",
    );
  });
});

/** Runs the cancel behind a gate CTE that has a row when `open`; returns the states of the key's jobs after. */
async function cancelBehindGate(key: string, open: boolean): Promise<string[]> {
  const part = partJob.cancelWaitingPart({ key }, { first: 2, gate: "gate" });
  await sqlRows(sqlPool, `WITH gate AS (SELECT 1 WHERE $1::boolean), cancelled AS (${part.text}) SELECT 1`, [
    open,
    ...part.values,
  ]);
  const rows = await sqlRows<{ state: string }>(
    sqlPool,
    `SELECT state::text AS state FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on`,
    [partJob.queue, key],
  );
  return rows.map((row) => row.state);
}

describe("a waiting job cancelled as a part of another statement", () => {
  it("cancels the job its key names while it waits to start, when the gate has a row", async () => {
    const key = `cancel-${Date.now()}-${Math.random()}`;
    await partJob.enqueue(sqlPool, { key }, { startAfterSeconds: 30 });

    expect(await cancelBehindGate(key, true)).toEqual(["cancelled"]);
    // The key is free again: the same work can be queued anew.
    expect(await runBehindGate(key, true)).toBe(1);
  });

  it("leaves the job waiting when the gate has no row, and leaves other keys' jobs alone", async () => {
    const key = `kept-${Date.now()}-${Math.random()}`;
    const other = `other-${Date.now()}-${Math.random()}`;
    await partJob.enqueue(sqlPool, { key }, { startAfterSeconds: 30 });
    await partJob.enqueue(sqlPool, { key: other }, { startAfterSeconds: 30 });

    expect(await cancelBehindGate(key, false)).toEqual(["created"]);
    expect(await cancelBehindGate(`${other}-not-it`, true)).toEqual([]);
    expect((await queuedJobs(other)).length).toBe(1);
    expect(await cancelBehindGate(other, false)).toEqual(["created"]);
  });

  it("leaves a job a worker has already taken to run", async () => {
    const key = `taken-${Date.now()}-${Math.random()}`;
    await partJob.enqueue(sqlPool, { key });
    await sqlRows(
      sqlPool,
      `UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND singleton_key = $2`,
      [partJob.queue, key],
    );

    expect(await cancelBehindGate(key, true)).toEqual(["active"]);
  });
});
