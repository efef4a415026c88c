import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { applyMigrations, readMigrations } from "./migrations.server";
import { MIGRATIONS_DIR, SCHEMA_SNAPSHOT } from "./database-url.server";

async function emptyDatabase(): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `migrations_${crypto.randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("the migration applier", () => {
  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations(url, MIGRATIONS_DIR);
    const second = await applyMigrations(url, MIGRATIONS_DIR);
    const names = readMigrations(MIGRATIONS_DIR).map((migration) => migration.name);

    expect(first.applied).toEqual(names);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(names);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
    }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("applies each migration once when two appliers start at the same time", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "001_counter": `CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);`,
      "002_bump": `SELECT pg_sleep(0.2); UPDATE counter SET n = n + 1;`,
    });
    const results = await Promise.all([
      applyMigrations(url, dir),
      applyMigrations(url, dir),
      applyMigrations(url, dir),
    ]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual(["001_counter", "002_bump"]);
    expect(await query<{ n: number }>(url, "SELECT n FROM counter")).toEqual([{ n: 2 }]);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(2);
  });

  it("rolls a failing migration back, records the failure and refuses to go on until it is resolved", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "001_ok": `CREATE TABLE kept (id int);`,
      "002_broken": `CREATE TABLE half (id int); SELECT * FROM no_such_table;`,
    });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/002_broken failed: .*no_such_table/);
    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'half'`)).toHaveLength(0);
    const [failed] = await query<{ logs: string; finished_at: Date | null }>(
      url,
      `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '002_broken'`,
    );
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toContain("no_such_table");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/002_broken failed earlier/);
  });

  it("has a migration for every change to prisma/schema.prisma", () => {
    // scripts/db-new-migration.ts updates the snapshot with each migration it writes.
    expect(fs.readFileSync(SCHEMA_SNAPSHOT, "utf8")).toBe(fs.readFileSync("prisma/schema.prisma", "utf8"));
  });
});
