import path from "node:path";
import type { RunningPostgres } from "./embedded-postgres.server";

export interface DatabaseSettings {
  DATABASE_URL?: string | undefined;
  EMBEDDED_POSTGRES_DIR: string;
  EMBEDDED_POSTGRES_PORT: number;
}

export const EMBEDDED_DATABASE_NAME = "omniroute";
export const MIGRATIONS_DIR = path.resolve("prisma", "migrations");
/** prisma/schema.prisma as of the latest migration (see scripts/db-new-migration.ts). */
export const SCHEMA_SNAPSHOT = path.join(MIGRATIONS_DIR, "schema-at-latest-migration.prisma");

export interface ResolvedDatabase {
  url: string;
  embedded: RunningPostgres | null;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under EMBEDDED_POSTGRES_DIR,
 * started (or joined), so `npm run dev` needs no database set up by hand.
 */
export async function resolveDatabase(settings: DatabaseSettings): Promise<ResolvedDatabase> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, embedded: null };
  // Loaded only when used: the package takes over SIGINT/SIGTERM to stop its server on exit,
  // which a process on a real database (a production worker) must keep for itself.
  const { ensureDatabase, startEmbeddedPostgres } = await import("./embedded-postgres.server");
  const embedded = await startEmbeddedPostgres({
    dataDir: settings.EMBEDDED_POSTGRES_DIR,
    port: settings.EMBEDDED_POSTGRES_PORT,
  });
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  return { url: embedded.databaseUrl(EMBEDDED_DATABASE_NAME), embedded };
}
