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
 * The end of pg-boss's fetch: the jobs it picked (`grouped`, one per key for singleton and stately
 * queues) joined to the job table to be set active. The condition on the picked jobs runs to the
 * parenthesis before RETURNING; its lines end in `--` comments, so what follows it starts on a
 * new line.
 */
const FETCH_JOIN = /\bFROM grouped\s+WHERE name = \$1 AND j\.id = grouped\.id\s+AND (\([\s\S]*\))\s+RETURNING\b/;

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
 * - The fetch's join of the jobs it picked to the job table becomes `j.id = ANY(ARRAY(...))` of
 *   the same jobs (decision 052). Its generic plan is made once per connection, from the
 *   partition's size then; made while the queue was small, it walked every job of the queue
 *   for each fetch (at 50 orders a second, 5,000 rows and 1,900 buffers a fetch within minutes),
 *   and the array looks the picked jobs up in the primary key whatever the size.
 */
export function pgBossStatementAsSent(text: string, values: readonly unknown[] | undefined): string {
  const shape = shapeOf(text);
  const queue = values?.[0];
  if (shape.schema === null || typeof queue !== "string") return shape.byIds;
  let sent = shape.onPartition.get(queue);
  if (sent === undefined) {
    const partition = `${shape.schema}.${queuePartitionTable(queue)}`;
    sent = shape.byIds.replace(new RegExp(`\\b${shape.schema}\\.job\\b`, "g"), partition);
    shape.onPartition.set(queue, sent);
  }
  return sent;
}

/** What a text becomes, worked out once per text (and per queue for a one-queue statement). */
interface StatementShape {
  byIds: string;
  /** pg-boss's schema when the text is a one-queue statement; null otherwise. */
  schema: string | null;
  /** The text on each queue's partition, by queue (a few dozen queues). */
  onPartition: Map<string, string>;
}

/**
 * pg-boss sends a few dozen texts; each is worked out once, and the same string sent each time
 * keeps finding its prepared statement's name a lookup. Past the cap (texts that vary per call,
 * which pg-boss's do not), texts are worked out every time instead of kept.
 */
const MAX_SHAPES = 500;
const shapes = new Map<string, StatementShape>();

function shapeOf(text: string): StatementShape {
  const known = shapes.get(text);
  if (known) return known;
  const shape: StatementShape = {
    byIds: text
      .replace(IDS_UNNESTED, (_, ids: string) => `id = ANY(${ids}::uuid[])`)
      .replace(
        FETCH_JOIN,
        (_, picked: string) =>
          `WHERE name = $1 AND j.id = ANY(ARRAY(SELECT grouped.id FROM grouped WHERE ${picked}\n))\n RETURNING`,
      ),
    schema: ONE_QUEUE_STATEMENTS.map((statement) => statement.exec(text)?.[1]).find((schema) => schema) ?? null,
    onPartition: new Map(),
  };
  if (shapes.size < MAX_SHAPES) shapes.set(text, shape);
  return shape;
}
