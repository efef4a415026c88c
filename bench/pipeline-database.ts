import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { MIGRATIONS_DIR } from "../app/db/database-url.server";
import { applyMigrations } from "../app/db/migrations.server";
import { freePort } from "../tests/support/ports";
import pg from "pg";

const BENCH_DATABASE = "omniroute_bench";
/**
 * How often autovacuum looks at the bench's database. PostgreSQL's default (1 min) suits a
 * database that has been busy for days, where each look finds a little to do. The bench's is
 * minutes old: its first look came about three minutes in, during a routing window, and vacuumed and
 * analysed all the ingest's and routing's writes at once (PostgreSQL's CPU per order that window
 * twice the next one's, p95 near 1 s). Looking every 10 s, as operators set it for a busy
 * database (docs/operations.md), spreads that work over the windows that caused it, still counted
 * as PostgreSQL's CPU.
 */
const AUTOVACUUM_NAPTIME = "10s";

export interface BenchDatabase {
  url: string;
  /** The server's postmaster process: its CPU and its backends' are the database's share of a window. */
  postmasterPid: number;
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** A throwaway PostgreSQL of the bench's own, in a temp dir on a free port, with every migration applied. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-bench-pg-"));
  // The server may run as the `postgres` user (when this process is root); it must reach the dir.
  fs.chmodSync(dataDir, 0o755);
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "cluster"), port: await freePort() });
    await ensureDatabase(server.adminUrl, BENCH_DATABASE);
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER SYSTEM SET autovacuum_naptime = '${AUTOVACUUM_NAPTIME}'`);
      await admin.query("SELECT pg_reload_conf()");
    } finally {
      await admin.end();
    }
    const url = server.databaseUrl(BENCH_DATABASE);
    await applyMigrations(url, MIGRATIONS_DIR);
    // postmaster.pid's first line is the server's process id.
    const postmasterPid = Number(
      fs.readFileSync(path.join(dataDir, "cluster", "postmaster.pid"), "utf8").split("\n")[0],
    );
    return {
      url,
      postmasterPid,
      async dispose() {
        await server.stop();
        removeDataDir();
      },
    };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}
