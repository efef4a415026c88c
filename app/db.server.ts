import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
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

function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

declare global {
  // Survives Vite's module reloads in development, so each edit does not open a new pool.
  var __omnirouteDb: { url: string; prisma: PrismaClient } | undefined;
}

function sharedClient(url: string): PrismaClient {
  if (globalThis.__omnirouteDb?.url !== url) {
    globalThis.__omnirouteDb = { url, prisma: createPrismaClient(url) };
  }
  return globalThis.__omnirouteDb.prisma;
}

const prisma: PrismaClient = sharedClient(databaseUrl);

export default prisma;
export { prisma };
