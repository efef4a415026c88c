/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
 * PostgreSQL when it is unset. Safe to run from several processes at once.
 */
import { parseDatabaseEnv } from "../app/config/environment";
import { resolveDatabase, MIGRATIONS_DIR } from "../app/db/database-url.server";
import { applyMigrations } from "../app/db/migrations.server";

async function main(): Promise<void> {
  const settings = parseDatabaseEnv(process.env);
  const database = await resolveDatabase(settings);
  try {
    const result = await applyMigrations(database.url, MIGRATIONS_DIR);
    for (const name of result.applied) console.log(`applied ${name}`);
    console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
