import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Jobs that gave up after their retries, as pg-boss keeps them in each queue's dead-letter
 * queue (`<queue>.dead-letter`, see app/jobs/queues.ts). A job belongs to the shop its data
 * names; every query here is scoped by it.
 */
export interface StoredDeadLetter {
  id: string;
  /** The dead-letter queue's name. */
  name: string;
  data: Prisma.JsonValue;
  /** The last attempt's error, as the worker recorded it. */
  output: Prisma.JsonValue;
  createdOn: Date;
}

const DEAD_LETTERS = `name LIKE '%.dead-letter' AND state = 'created' AND data->>'shop' = $1`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shop's dead letters, newest first. */
export function listDeadLetters(db: Db, shop: string, take: number): Promise<StoredDeadLetter[]> {
  return db.$queryRawUnsafe<StoredDeadLetter[]>(
    `SELECT id::text, name, data, output, created_on AS "createdOn"
       FROM pgboss.job
      WHERE ${DEAD_LETTERS}
      ORDER BY created_on DESC, id
      LIMIT $2`,
    shop,
    take,
  );
}

/** Removes one of the shop's dead letters and returns it; null when the shop has no such dead letter. */
export async function takeDeadLetter(db: Db, shop: string, id: string): Promise<StoredDeadLetter | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.$queryRawUnsafe<StoredDeadLetter[]>(
    `DELETE FROM pgboss.job
      WHERE ${DEAD_LETTERS} AND id = $2::uuid
      RETURNING id::text, name, data, output, created_on AS "createdOn"`,
    shop,
    id,
  );
  return row ?? null;
}
