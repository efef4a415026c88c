import crypto from "node:crypto";
import pg from "pg";

export const TEMPLATE_DATABASE = "omniroute_template";

/** A new database cloned from the migrated template; returns its URL. */
export async function createDatabaseFromTemplate(adminUrl: string): Promise<string> {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
