import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env.server";
import { resolveDatabase, MIGRATIONS_DIR } from "./db/database-url.server";
import { applyMigrations } from "./db/migrations.server";

/**
 * The app's one PostgreSQL: DATABASE_URL, or the embedded server when it is unset (then
 * migrated here, so development needs no setup step; production runs `npm run db:migrate`
 * before starting, see docs/operations.md).
 */
const database = await resolveDatabase(env);
if (database.embedded) await applyMigrations(database.url, MIGRATIONS_DIR);

export const databaseUrl: string = database.url;

interface Database {
  url: string;
  prisma: PrismaClient;
  pool: pg.Pool;
}

declare global {
  // Survives Vite's module reloads in development, so each edit does not open a new pool.
  var __omnirouteDb: Database | undefined;
}

/**
 * Timestamp columns (without time zone) hold UTC, as Prisma writes them: the app's own SQL reads
 * them as UTC whatever the machine's zone (node-postgres would read them as local time). Prisma's
 * driver adapter passes parsers of its own with each query, so this touches only plain SQL.
 */
function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const utcTimestampTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

/**
 * One pool of connections: Prisma runs on it, and so do the few hot statements written as plain
 * SQL (decision 014), which then share the process's connection budget rather than add to it.
 */
function sharedDatabase(url: string): Database {
  if (globalThis.__omnirouteDb?.url !== url) {
    const pool = new pg.Pool({
      connectionString: url,
      types: utcTimestampTypes,
      // Connections stay open when idle (node-postgres closes them after 10 s): a page opened after
      // a quiet spell otherwise waited 150–250 ms for new connections and for each statement to be
      // planned again on them (decision 034). They do not keep a finished script alive.
      idleTimeoutMillis: 0,
      allowExitOnIdle: true,
    });
    // A connection that fails while idle in the pool (the server restarted, a failover, an
    // administrator ended it) is reported on the pool; without a listener that report would end
    // the process. The pool has already dropped it and opens another when one is next needed.
    pool.on("error", (error) => console.error("[db] an idle connection was lost:", error.message));
    globalThis.__omnirouteDb = {
      url,
      pool,
      prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }),
    };
  }
  return globalThis.__omnirouteDb;
}

const { prisma, pool } = sharedDatabase(databaseUrl);

export default prisma;
export { prisma };
/** The pool under Prisma, for statements in app/models/ that Prisma would make several round trips of. */
export const sqlPool: pg.Pool = pool;
