import { EventEmitter } from "node:events";
import pg from "pg";
import { preparedStatementName } from "~/db/prepared-statement-name";
import { pgBossStatementAsSent } from "./pg-boss-statements";

/** PostgreSQL's undefined_table: a queue's partition that is not there (a queue never created). */
const UNDEFINED_TABLE = "42P01";

/**
 * pg-boss's connection, with its statements prepared once per connection (decision 034).
 *
 * pg-boss sends every statement unnamed, so PostgreSQL parses and plans it on every call. Its job
 * table is partitioned by queue (a partition per queue and dead-letter queue), which makes each
 * plan dear: measured with pg_stat_statements on `bench/routing-worker-cost.ts`, planning pg-boss's
 * fetch, send and complete cost 11 ms of PostgreSQL's CPU per routed order, more than the app's
 * own statements took to run. Named, each text is parsed once per connection and, with
 * `plan_cache_mode=force_generic_plan`, planned once: the queue's partition is chosen when the
 * plan runs (run-time partition pruning) instead of when it is made.
 *
 * Statements with parameters are the only ones named: PostgreSQL prepares one statement at a
 * time, and pg-boss's multi-statement texts (its migrations, queue creation, maintenance) carry no
 * parameters; they go as before.
 *
 * Some of pg-boss's statements are sent in a form that plans better (decision 044,
 * pgBossStatementAsSent): a worker's fetch and completion go to the queue's own partition.
 *
 * It stands in for pg-boss's own `Db` (src/db.js) with the same lifecycle: `isOurs` tells pg-boss
 * to open it on start, close it on stop and forward its errors, as it does its own.
 */
export class PreparedJobDb extends EventEmitter {
  readonly isOurs = true;
  readonly events = { error: "error" } as const;
  opened = false;
  private pool: pg.Pool | null = null;

  constructor(private readonly config: { connectionString: string; application_name: string; max: number }) {
    super();
  }

  async open(): Promise<void> {
    const pool = new pg.Pool({
      ...this.config,
      options: "-c plan_cache_mode=force_generic_plan",
      // A connection keeps its plans: closed when idle (node-postgres's default is 10 s), the next
      // one would plan each statement again, at tens of milliseconds each over every partition.
      idleTimeoutMillis: 0,
    });
    pool.on("error", (error) => this.emit("error", error));
    this.pool = pool;
    this.opened = true;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    if (!pool || pool.ending) return;
    this.opened = false;
    await pool.end();
  }

  /** Once closed, answers no rows (pg-boss's own Db answers nothing; its stopped timers may still ask). */
  async executeSql(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    if (!this.opened || !this.pool) return { rows: [], rowCount: 0, command: "", oid: 0, fields: [] };
    const asSent = pgBossStatementAsSent(text, values);
    if (asSent === text) return this.run(text, values);
    try {
      return await this.run(asSent, values);
    } catch (error) {
      // A queue that does not exist has no partition: pg-boss's own statement finds no jobs for it.
      if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return this.run(text, values);
      throw error;
    }
  }

  private run(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    const pool = this.pool;
    if (!pool) return Promise.resolve({ rows: [], rowCount: 0, command: "", oid: 0, fields: [] });
    const name = values && values.length > 0 ? preparedStatementName(text) : null;
    return name ? pool.query({ name, text, values }) : pool.query(text, values);
  }
}
