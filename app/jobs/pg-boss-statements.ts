import { createHash } from "node:crypto";

/**
 * pg-boss 10 keeps each queue's jobs in a partition of its job table, a table of its own named
 * after the queue (its create_queue function: 'j' and the queue name's SHA-224).
 */
export function queuePartitionTable(queue: string): string {
  return `j${createHash("sha224").update(queue).digest("hex")}`;
}

/**
 * pg-boss's statements that touch one queue's jobs and nothing else, as pg-boss 10 writes them;
 * the queue's name is their first parameter. The fetch and the completion are a worker's two
 * statements per job.
 */
const ONE_QUEUE_STATEMENTS = [
  // fetchNextJob
  /^\s*WITH next as \(\s*SELECT id, singleton_key, policy\s+FROM (\w+)\.job\s+WHERE name = \$1\s/,
  // completeJobs
  /^\s*WITH results AS \(\s*UPDATE (\w+)\.job\s+SET completed_on = now\(\),\s+state = 'completed',[\s\S]*WHERE name = \$1\s/,
];

/** How pg-boss names the jobs a statement is about: an array parameter, unnested. */
const IDS_UNNESTED = /\bid IN \(SELECT UNNEST\((\$\d+)::uuid\[\]\)\)/g;

/**
 * pg-boss's statement as this app's job connection sends it (decision 044), or the text as it is:
 *
 * - A statement on one queue's jobs runs on that queue's partition instead of the partitioned
 *   table. Over the whole table, its plan spans every queue's partition: each run locks and sets
 *   up all of them, and any of them being analysed throws the plan away for another that takes
 *   about 20 ms to make. The rows are the same ones: the queue's jobs live nowhere else.
 * - `id IN (SELECT UNNEST($2::uuid[]))` becomes `id = ANY($2::uuid[])`, the same jobs. Planned
 *   generically (decision 034), the first is a scan of every job of the queue, completed ones
 *   included (pg-boss keeps them a week), for each completion; the second looks the ids up in
 *   the job table's primary key.
 */
export function pgBossStatementAsSent(text: string, values: readonly unknown[] | undefined): string {
  const byIds = text.replace(IDS_UNNESTED, (_, ids: string) => `id = ANY(${ids}::uuid[])`);
  const queue = values?.[0];
  if (typeof queue !== "string") return byIds;
  for (const statement of ONE_QUEUE_STATEMENTS) {
    const schema = statement.exec(text)?.[1];
    if (schema)
      return byIds.replace(new RegExp(`\\b${schema}\\.job\\b`, "g"), `${schema}.${queuePartitionTable(queue)}`);
  }
  return byIds;
}
