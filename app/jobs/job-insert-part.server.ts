import type pg from "pg";
import type { StatementPart } from "~/db/gated-insert";
import type { SqlExecutor } from "~/db/sql.server";
import { JOB_SCHEMA } from "./boss.server";
import { queuePartitionTable } from "./pg-boss-statements";

/** Where a queued job's part goes in its statement: placeholders from `first`, queued only when `gate` has a row. */
export interface JobPartPlacement {
  first: number;
  /** A CTE of the same statement; the job is queued only when it has a row. */
  gate: string;
}

/** pg-boss 10's insert of one job (its plans.js insertJob): the queue's row supplies the policy. */
const QUEUE_JOIN = /\bJOIN (\w+)\.queue q ON j\.name = q\.name\b/;

/**
 * pg-boss's own INSERT of a job, exactly as `enqueue` would send it (the queue's policy, the
 * singleton key, the start time: pg-boss writes the statement and its values), taken as a part of
 * a larger statement instead of being run (decision 048). Its placeholders are renumbered from
 * `first`, and its row is joined to `gate`'s, so the job is queued only when the gate's CTE has a
 * row: an event recorded once queues its jobs once.
 *
 * `enqueue` is the job definition's enqueue given the executor to send through; it must send
 * exactly the one insert.
 */
export async function queuedJobPart(
  enqueue: (db: SqlExecutor) => Promise<unknown>,
  { first, gate }: JobPartPlacement,
): Promise<StatementPart> {
  const sent: pg.QueryConfig<unknown[]>[] = [];
  const capture: SqlExecutor = {
    async query<Row extends pg.QueryResultRow>(textOrConfig: string | pg.QueryConfig<unknown[]>, values?: unknown[]) {
      sent.push(typeof textOrConfig === "string" ? { text: textOrConfig, values } : textOrConfig);
      // What pg-boss reads back: the new job's id. The real id is made when the statement runs.
      const rows = [{ id: "queued-with-its-statement" }] as unknown as Row[];
      return { rows, rowCount: 1, command: "INSERT", oid: 0, fields: [] } satisfies pg.QueryResult<Row>;
    },
  };
  await enqueue(capture);
  const [insert] = sent;
  if (sent.length !== 1 || !insert || !QUEUE_JOIN.test(insert.text)) {
    throw new Error(`Expected one pg-boss job insert to take into a statement, got ${sent.length} statement(s)`);
  }
  const text = insert.text
    .replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first - 1}`)
    .replace(QUEUE_JOIN, (join) => `${join} AND EXISTS (SELECT 1 FROM ${gate})`);
  return { text, values: insert.values ?? [] };
}

/**
 * Cancels, as a part of a larger statement, the job of `queue` queued under `singletonKey` while
 * it still waits to start, when `gate`'s CTE has a row: pg-boss's own cancel (plans.js
 * cancelJobs: completed now, state cancelled), by the key instead of the id, on the queue's
 * partition (decision 044) and through its index of keys (job_i1 or job_i3). A job already taken
 * by a worker is left to run.
 */
export function cancelledWaitingJobPart(
  queue: string,
  singletonKey: string,
  { first, gate }: JobPartPlacement,
): StatementPart {
  return {
    text: `UPDATE ${JOB_SCHEMA}.${queuePartitionTable(queue)} SET completed_on = now(), state = 'cancelled'
            WHERE name = $${first} AND COALESCE(singleton_key, '') = $${first + 1} AND state = 'created'
              AND EXISTS (SELECT 1 FROM ${gate})`,
    values: [queue, singletonKey],
  };
}
