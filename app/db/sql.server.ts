import type { Prisma } from "@prisma/client";
import type pg from "pg";
import { preparedStatementName } from "./prepared-statement-name";

/**
 * Plain SQL for the hot paths (decision 015). A Prisma model query costs about 1.2 ms of CPU in
 * this process and a statement on node-postgres about 0.1 ms, so the statements an order runs
 * through many times are written in SQL here and run on a node-postgres connection, in
 * transactions opened by `inSqlTransaction` (sql-transaction.server.ts). Model functions written this way take a `Db`:
 * a node-postgres executor (the pool, or such a transaction) or a Prisma client or transaction,
 * so the callers that hold a Prisma transaction keep theirs and run the same SQL in it.
 */

/** What runs a statement on node-postgres: the pool (one statement each) or an SqlTransaction. */
export interface SqlExecutor {
  query<Row extends pg.QueryResultRow>(
    textOrConfig: string | pg.QueryConfig<unknown[]>,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
}

export type Db = Prisma.TransactionClient | SqlExecutor;

function isPrisma(db: Db): db is Prisma.TransactionClient {
  return "$queryRawUnsafe" in db;
}

/**
 * Values as both drivers bind them alike: a Date as its UTC instant (timestamp columns hold UTC;
 * node-postgres would otherwise send the machine's local time), an object as JSON text for a
 * `::jsonb` parameter. Arrays of scalars go as they are.
 */
function bindable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/** The rows a statement returns. Write casts so both drivers read alike (`::int` for counts). */
export async function sqlRows<Row extends pg.QueryResultRow>(
  db: Db,
  text: string,
  values: readonly unknown[] = [],
): Promise<Row[]> {
  const bound = values.map(bindable);
  if (isPrisma(db)) return db.$queryRawUnsafe<Row[]>(text, ...bound);
  return (await db.query<Row>(prepared(text, bound))).rows;
}

/** The number of rows a statement wrote. */
export async function sqlExecute(db: Db, text: string, values: readonly unknown[] = []): Promise<number> {
  const bound = values.map(bindable);
  if (isPrisma(db)) return db.$executeRawUnsafe(text, ...bound);
  return (await db.query(prepared(text, bound))).rowCount ?? 0;
}

/**
 * A statement with parameters goes named, so each connection parses it once and PostgreSQL may
 * keep its plan (decision 034): an unnamed one is parsed and planned on every call, which cost
 * PostgreSQL more CPU than running them on the routing path. One without parameters may hold
 * several statements, which only the unnamed simple protocol runs.
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig<unknown[]> {
  const name = values.length > 0 ? preparedStatementName(text) : null;
  return name ? { name, text, values } : { text, values };
}

/**
 * One connection's transaction. Statements run one after another in the order they were
 * issued, as in a Prisma transaction, even when the caller starts several at once
 * (node-postgres deprecates queueing on a busy client).
 */
export class SqlTransaction implements SqlExecutor {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.PoolClient) {}

  query<Row extends pg.QueryResultRow>(
    textOrConfig: string | pg.QueryConfig<unknown[]>,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>> {
    const run = this.tail.then(() =>
      typeof textOrConfig === "string"
        ? this.client.query<Row>(textOrConfig, values)
        : this.client.query<Row>(textOrConfig),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }
}
