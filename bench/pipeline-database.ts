import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../app/db/embedded-postgres.server";
import { MIGRATIONS_DIR } from "../app/db/database-url.server";
import { applyMigrations } from "../app/db/migrations.server";
import { freePort } from "../tests/support/ports";

const BENCH_DATABASE = "omniroute_bench";

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
