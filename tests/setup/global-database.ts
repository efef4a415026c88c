import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../app/db/embedded-postgres.server";
import { applyMigrations } from "../../app/db/migrations.server";
import { MIGRATIONS_DIR } from "../../app/db/database-url.server";
import { startBoss } from "../../app/jobs/boss.server";
import { TEMPLATE_DATABASE } from "../support/database";
import { freePort } from "../support/ports";

/**
 * One throwaway PostgreSQL for the whole run, with a template database that has every
 * migration and the pg-boss schema applied. Each test file then gets its own database
 * cloned from the template (tests/setup/test-environment.ts), which takes milliseconds.
 */
declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplateUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omniroute-test-pg-"));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "cluster"), port: await freePort() });

  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = server.databaseUrl(TEMPLATE_DATABASE);
  await applyMigrations(templateUrl, MIGRATIONS_DIR);
  const boss = await startBoss({ databaseUrl: templateUrl, supervise: false });
  await boss.stop({ graceful: false, wait: true });

  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresTemplateUrl", templateUrl);

  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
