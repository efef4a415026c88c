import { afterEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { databaseUrl } from "~/db.server";
import { startBoss } from "./boss.server";
import { preparedStatementName } from "~/db/prepared-statement-name";
import { PreparedJobDb } from "./prepared-job-db.server";
import { queuePartitionTable } from "./pg-boss-statements";

const APPLICATION_NAME = "omniroute-jobs-prepared-test";

let db: PreparedJobDb | null = null;

afterEach(async () => {
  await db?.close();
  db = null;
});

async function openDb(): Promise<PreparedJobDb> {
  db = new PreparedJobDb({ connectionString: databaseUrl, application_name: APPLICATION_NAME, max: 1 });
  await db.open();
  return db;
}

async function connectionsNamed(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1",
      [applicationName],
    );
    return rows[0]!.count;
  } finally {
    await client.end();
  }
}

describe("pg-boss's connection with prepared statements", () => {
  it("prepares each parameterised statement once on its connection, under a name of its text", async () => {
    const jobs = await openDb();
    const text = "SELECT $1::int + 1 AS next";
    expect((await jobs.executeSql(text, [1])).rows).toEqual([{ next: 2 }]);
    expect((await jobs.executeSql(text, [41])).rows).toEqual([{ next: 42 }]);

    const prepared = await jobs.executeSql("SELECT name, statement FROM pg_prepared_statements WHERE statement = $1", [
      text,
    ]);
    expect(prepared.rows).toEqual([{ name: preparedStatementName(text), statement: text }]);
  });

  it("plans generically, so a statement over the partitioned job table is planned once, not per call", async () => {
    const jobs = await openDb();
    expect((await jobs.executeSql("SHOW plan_cache_mode")).rows).toEqual([{ plan_cache_mode: "force_generic_plan" }]);
  });

  it("runs texts without parameters as they are, several statements at once included", async () => {
    const jobs = await openDb();
    await jobs.executeSql(
      "CREATE TEMP TABLE prepared_job_db_probe (n int); INSERT INTO prepared_job_db_probe VALUES (7)",
    );
    expect((await jobs.executeSql("SELECT n FROM prepared_job_db_probe")).rows).toEqual([{ n: 7 }]);
    const several = "CREATE TEMP TABLE prepared_job_db_probe (n int); INSERT INTO prepared_job_db_probe VALUES (7)";
    const prepared = await jobs.executeSql(
      "SELECT statement FROM pg_prepared_statements WHERE statement = ANY($1::text[])",
      [[several, "SELECT n FROM prepared_job_db_probe"]],
    );
    expect(prepared.rows).toEqual([]);
  });

  it("is opened by pg-boss's start and closed by its stop, leaving no connection behind", async () => {
    const applicationName = `${APPLICATION_NAME}-lifecycle`;
    const boss = await startBoss({ databaseUrl, supervise: false, applicationName });
    const queue = "test.prepared-job-db";
    await boss.createQueue(queue, { name: queue });
    const id = await boss.send(queue, { n: 1 });
    const [fetched] = await boss.fetch<{ n: number }>(queue);
    expect(fetched?.id).toBe(id);
    await boss.complete(queue, fetched!.id);
    expect((await boss.getJobById(queue, id!))?.state).toBe("completed");
    expect(await connectionsNamed(applicationName)).toBeGreaterThan(0);

    await boss.stop({ graceful: false, wait: true });
    expect(await connectionsNamed(applicationName)).toBe(0);
    expect((await boss.getDb().executeSql("SELECT 1 AS one", [])).rows).toEqual([]);
  });

  it("fetches and completes a queue's jobs on the queue's own partition of the job table", async () => {
    const applicationName = `${APPLICATION_NAME}-partition`;
    const boss = await startBoss({ databaseUrl, supervise: false, applicationName });
    const queue = `test.prepared-job-db-partition-${crypto.randomUUID()}`;
    await boss.createQueue(queue, { name: queue });
    const ids = [await boss.send(queue, { n: 1 }), await boss.send(queue, { n: 2 })];
    // The real query, watched: every call passes through to node-postgres.
    const query = vi.spyOn(pg.Pool.prototype, "query");
    let calls: unknown[][] = [];
    try {
      const fetched = await boss.fetch<{ n: number }>(queue, { batchSize: 5 });
      expect(fetched.map((job) => job.id).sort()).toEqual([...ids].sort());
      await boss.complete(
        queue,
        fetched.map((job) => job.id),
      );
      for (const id of ids) expect((await boss.getJobById(queue, id!))?.state).toBe("completed");
    } finally {
      calls = [...query.mock.calls];
      query.mockRestore();
      await boss.stop({ graceful: false, wait: true });
    }

    const partition = queuePartitionTable(queue);
    const sent = calls.flatMap(([config]) =>
      typeof config === "object" && config !== null && "text" in config ? [String(config.text)] : [],
    );
    const fetches = sent.filter((text) => /WITH next as/.test(text));
    const completions = sent.filter((text) => /SET completed_on = now\(\)/.test(text));
    expect(fetches).toHaveLength(1);
    expect(completions).toHaveLength(1);
    for (const text of [...fetches, ...completions]) {
      expect(text).toContain(`pgboss.${partition}`);
      expect(text).not.toMatch(/pgboss\.job\b/);
    }
    expect(await partitionOf(queue)).toBe(partition);
    // Planned generically, the completion looks its jobs up by id rather than scanning the queue's.
    expect(await genericPlanOf(completions[0]!, `'${queue}', ARRAY[gen_random_uuid()], null`)).toMatch(
      /Index Cond: \(\(name = \$1\) AND \(id = ANY \(\$2\)\)\)/,
    );
    // So does the fetch, planned while its queue is small: it sets active the jobs it picked,
    // found by id, rather than walking every job of the queue to match them (decision 052).
    const fetchPlan = await genericPlanOf(fetches[0]!, `'${queue}', 5`);
    expect(fetchPlan).toMatch(/Index Cond: \(\(name = \$1\) AND \(id = ANY \(\(InitPlan \d+\)\.col1\)\)\)/);
    expect(fetchPlan).not.toMatch(/Join Filter/);
  });

  it("fetches one job per key from a singleton queue, as pg-boss's own fetch does", async () => {
    const boss = await startBoss({ databaseUrl, supervise: false, applicationName: `${APPLICATION_NAME}-singleton` });
    const queue = `test.prepared-job-db-singleton-${crypto.randomUUID()}`;
    try {
      await boss.createQueue(queue, { name: queue, policy: "singleton" });
      const first = await boss.send(queue, { n: 1 }, { singletonKey: "order-1" });
      const second = await boss.send(queue, { n: 2 }, { singletonKey: "order-1" });
      const other = await boss.send(queue, { n: 3 }, { singletonKey: "order-2" });
      expect([first, second, other].every(Boolean)).toBe(true);

      const fetched = await boss.fetch<{ n: number }>(queue, { batchSize: 5 });
      // One of order-1's two (pg-boss does not say which), and order-2's.
      expect(fetched).toHaveLength(2);
      expect(fetched.map((job) => job.id)).toContain(other);
      const waiting = [first, second].filter((id) => !fetched.some((job) => job.id === id));
      expect(waiting).toHaveLength(1);
      expect((await boss.getJobById(queue, waiting[0]!))?.state).toBe("created");
      // While the key's job is active, its next one waits.
      expect(await boss.fetch(queue, { batchSize: 5 })).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("finds nothing, as pg-boss's own statement does, when fetching from a queue that was never created", async () => {
    const boss = await startBoss({ databaseUrl, supervise: false, applicationName: `${APPLICATION_NAME}-missing` });
    try {
      expect(await boss.fetch("test.prepared-job-db-never-created")).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});

/** The partition pg-boss made for the queue, as its queue table records it. */
async function partitionOf(queue: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ partition_name: string }>(
      "SELECT partition_name FROM pgboss.queue WHERE name = $1",
      [queue],
    );
    return rows[0]?.partition_name ?? null;
  } finally {
    await client.end();
  }
}

/** PostgreSQL's generic plan of `text` (as the job connection plans it) run with `args`, as EXPLAIN prints it. */
async function genericPlanOf(text: string, args: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c plan_cache_mode=force_generic_plan" });
  await client.connect();
  try {
    await client.query(`PREPARE probe AS ${text}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN EXECUTE probe(${args})`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
