/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the schema of the latest migration to prisma/schema.prisma.
 *
 * Prisma's own flow (a shadow database, or introspecting one) needs the native schema
 * engine, which cannot be downloaded here, and the Wasm engine cannot introspect through
 * the pg adapter. So the schema as of the latest migration is kept beside the migrations
 * (SCHEMA_SNAPSHOT) and diffed schema-to-schema; the engine still needs a live server to
 * talk to, which the embedded PostgreSQL provides. A test fails when schema.prisma and the
 * snapshot differ, so a model change cannot ship without its migration.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseDatabaseEnv } from "../app/config/environment";
import { MIGRATIONS_DIR, SCHEMA_SNAPSHOT } from "../app/db/database-url.server";
import { startEmbeddedPostgres } from "../app/db/embedded-postgres.server";

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: npm run db:new-migration -- <snake_case_name>");
  }
  const settings = parseDatabaseEnv(process.env);
  const server = await startEmbeddedPostgres({
    dataDir: settings.EMBEDDED_POSTGRES_DIR,
    port: settings.EMBEDDED_POSTGRES_PORT,
  });
  try {
    const from = fs.existsSync(SCHEMA_SNAPSHOT) ? ["--from-schema-datamodel", SCHEMA_SNAPSHOT] : ["--from-empty"];
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { env: { ...process.env, DATABASE_URL: server.adminUrl }, encoding: "utf8" },
    );
    if (!/^\s*(CREATE|ALTER|DROP)/im.test(sql)) {
      console.log("prisma/schema.prisma matches the latest migration; nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync("prisma/schema.prisma", SCHEMA_SNAPSHOT);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
