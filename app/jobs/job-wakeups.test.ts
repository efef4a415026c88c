import { describe, expect, it, vi } from "vitest";
import crypto from "node:crypto";
import pg from "pg";
import prisma, { databaseUrl } from "~/db.server";
import { startBoss } from "./boss.server";
import { startJobRunner, stopJobRunner } from "./job-runner.server";
import { JOB_WAKEUP_CHANNEL, JobWakeupListener } from "./job-wakeups.server";
import { enqueueInTransaction } from "./jobs.server";
import { eventually, waitForJobState } from "../../tests/support/jobs";
import { IDLE_POLL_MS, useTestQueues } from "../../tests/support/test-queues";

const queues = useTestQueues("wakeups");
const { createQueue, onCleanup } = queues;

function enqueue(queue: string, data: object): Promise<string | null> {
  return prisma.$transaction((tx) => enqueueInTransaction(queues.boss, tx, queue, data));
}

/**
 * Watches the real `boss.fetch` (the spy passes every call through), so a test can wait until
 * a consumer has looked at its queue and found it empty: from then on it sleeps its idle poll.
 */
function watchFetches(queue: string): { untilEmptyFetches: (count: number) => Promise<void> } {
  const spy = vi.spyOn(queues.boss, "fetch");
  onCleanup(() => spy.mockRestore());
  const emptyFetches = () =>
    spy.mock.settledResults.filter(
      (result, i) =>
        spy.mock.calls[i]?.[0] === queue &&
        result.type === "fulfilled" &&
        Array.isArray(result.value) &&
        result.value.length === 0,
    ).length;
  return { untilEmptyFetches: (count) => eventually(async () => emptyFetches() >= count, 5_000) };
}

async function startListener(
  onWake: (queue: string) => void,
  errors: unknown[] = [],
  url = databaseUrl,
): Promise<JobWakeupListener> {
  const listener = new JobWakeupListener({
    databaseUrl: url,
    onWake,
    onError: (error) => errors.push(error),
    reconnectDelayMs: 50,
  });
  await listener.start();
  onCleanup(() => listener.stop());
  return listener;
}

/** A database's listening connections (by default this file's; other test files share the server). */
async function listenerBackends(database?: string): Promise<{ pid: number; state: string | null; query: string }[]> {
  return prisma.$queryRaw`
    SELECT pid, state, query FROM pg_stat_activity
    WHERE application_name = 'omniroute-wakeups' AND datname = COALESCE(${database ?? null}::text, current_database())`;
}

async function terminateListenerBackends(database?: string): Promise<void> {
  for (const { pid } of await listenerBackends(database)) await prisma.$queryRaw`SELECT pg_terminate_backend(${pid})`;
}

function isListening(backends: { state: string | null; query: string }[]): boolean {
  return backends.length === 1 && backends[0]!.state === "idle" && backends[0]!.query.startsWith("LISTEN");
}

/** Runs statements that cannot run in a transaction (CREATE DATABASE and the like). */
async function runAsAdmin(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe("job wake-ups", () => {
  it("runs a job enqueued with enqueueInTransaction as soon as its transaction commits, with the consumer's idle poll a minute away", async () => {
    const queue = await createQueue();
    const fetches = watchFetches(queue);
    const ran: unknown[] = [];
    await startJobRunner(queues.boss, databaseUrl, [
      {
        queue,
        runStored: async (data) => void ran.push(data),
        consumer: { concurrency: 1, idlePollMs: IDLE_POLL_MS },
      },
    ]);
    onCleanup(() => stopJobRunner(5_000));
    await fetches.untilEmptyFetches(1);

    const id = await enqueue(queue, { order: 1 });

    await waitForJobState(queues.boss, queue, id!, ["completed"], 5_000);
    expect(ran).toEqual([{ order: 1 }]);
  });

  it("never runs or announces a job enqueued in a transaction that rolls back", async () => {
    const queue = await createQueue();
    const later = await createQueue();
    const fetches = watchFetches(queue);
    const ran: unknown[] = [];
    const { consumer, errors: consumerErrors } = queues.startConsumer(queue, async (data) => void ran.push(data));
    const announced: string[] = [];
    await startListener((name) => {
      announced.push(name);
      if (name === queue) consumer.wake();
    });
    await fetches.untilEmptyFetches(1);

    let rolledBackId: string | null = null;
    await expect(
      prisma.$transaction(async (tx) => {
        rolledBackId = await enqueueInTransaction(queues.boss, tx, queue, { order: "rolled back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // PostgreSQL delivers announcements in commit order: once a later transaction's has
    // arrived, an earlier one's never will.
    await enqueue(later, { order: "later" });
    await eventually(async () => announced.includes(later), 5_000);

    expect(announced).toEqual([later]);
    expect(rolledBackId).not.toBeNull();
    expect(await queues.boss.getJobById(queue, rolledBackId!, { includeArchive: true })).toBeNull();
    // Woken by hand, the consumer looks and finds nothing to run.
    consumer.wake();
    await fetches.untilEmptyFetches(2);
    expect(ran).toEqual([]);
    expect(consumerErrors).toEqual([]);
  });

  it("is announced by PostgreSQL for every job written ready to run, whoever writes it, and not for one held back", async () => {
    const queue = await createQueue();
    const held = await createQueue();
    const announced: string[] = [];
    await startListener((name) => announced.push(name));
    await eventually(async () => isListening(await listenerBackends()), 5_000);

    // pg-boss's own send, outside any of the app's transactions (as its cron and retries write jobs).
    await queues.boss.send(held, { order: "later" }, { startAfter: 60 });
    await queues.boss.send(queue, { order: "now" });
    await eventually(async () => announced.includes(queue), 5_000);

    expect(announced).toEqual([queue]);
  });

  it("has one announcing trigger on the job table however many processes start pg-boss at once", async () => {
    const [first, second] = await Promise.all([
      startBoss({ databaseUrl, supervise: false, applicationName: "wakeups-a" }),
      startBoss({ databaseUrl, supervise: false, applicationName: "wakeups-b" }),
    ]);
    onCleanup(() => Promise.all([first.stop({ graceful: false }), second.stop({ graceful: false })]));

    const triggers = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_trigger
      WHERE tgname = 'omniroute_announce_job' AND tgrelid = 'pgboss.job'::regclass`;
    expect(triggers).toEqual([{ n: 1 }]);
  });

  it("reconnects when its connection drops, and a job announced afterwards still wakes an idle consumer", async () => {
    const queue = await createQueue();
    const fetches = watchFetches(queue);
    const ran: unknown[] = [];
    const { consumer, errors: consumerErrors } = queues.startConsumer(queue, async (data) => void ran.push(data));
    const errors: unknown[] = [];
    await startListener((name) => name === queue && consumer.wake(), errors);
    await eventually(async () => (await listenerBackends()).length === 1, 5_000);
    const [dropped] = await listenerBackends();

    await terminateListenerBackends();
    // Listening again on a new connection (LISTEN is its last statement, and it is idle).
    await eventually(async () => {
      const backends = await listenerBackends();
      return isListening(backends) && backends[0]!.pid !== dropped!.pid;
    }, 5_000);
    expect(errors).not.toEqual([]);
    await fetches.untilEmptyFetches(1);

    const id = await enqueue(queue, { order: "after reconnect" });

    await waitForJobState(queues.boss, queue, id!, ["completed"], 5_000);
    expect(ran).toEqual([{ order: "after reconnect" }]);
    expect(consumerErrors).toEqual([]);
    expect(await listenerBackends()).toHaveLength(1);
  });

  it("stop() closes the connection and cancels a reconnect that was pending", async () => {
    const errors: unknown[] = [];
    const listener = await startListener(() => undefined, errors);
    await eventually(async () => (await listenerBackends()).length === 1, 5_000);

    await terminateListenerBackends();
    await eventually(async () => errors.length > 0, 5_000);
    await listener.stop();
    // Several times the reconnect delay: a reconnect that was not cancelled would have happened.
    await new Promise((resolve) => setTimeout(resolve, 300));

    await eventually(async () => (await listenerBackends()).length === 0, 5_000);
  });

  it("stop() while still connecting leaves no connection behind", async () => {
    const listener = new JobWakeupListener({ databaseUrl, onWake: () => undefined, onError: () => undefined });
    const starting = listener.start();
    await listener.stop();
    await starting;

    await eventually(async () => (await listenerBackends()).length === 0, 5_000);
  });

  it("keeps retrying while the database refuses connections, and hears announcements once it accepts them", async () => {
    // A database of this test's own, so that refusing connections leaves everything else alone.
    const database = `wakeups_${crypto.randomBytes(4).toString("hex")}`;
    await runAsAdmin(databaseUrl, `CREATE DATABASE ${database}`);
    onCleanup(() => runAsAdmin(databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    const woken: string[] = [];
    const errors: unknown[] = [];
    await startListener((queue) => woken.push(queue), errors, url.toString());
    await eventually(async () => isListening(await listenerBackends(database)), 5_000);

    await runAsAdmin(databaseUrl, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await terminateListenerBackends(database);
    // Several attempts refused, each reported, none given up on.
    const refusals = () => errors.filter((error) => String(error).includes("not currently accepting connections"));
    await eventually(async () => refusals().length >= 2, 5_000);
    await runAsAdmin(databaseUrl, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await eventually(async () => isListening(await listenerBackends(database)), 5_000);

    await runAsAdmin(url.toString(), `SELECT pg_notify('${JOB_WAKEUP_CHANNEL}', 'some.queue')`);
    await eventually(async () => woken.includes("some.queue"), 5_000);
    expect(woken).toEqual(["some.queue"]);
  });
});
