import { expect, it } from "vitest";
import pg from "pg";
import { databaseUrl, sqlPool } from "~/db.server";
import { sqlRows } from "./sql.server";

it("keeps the process up and serving when the server ends a pooled connection while it sits idle", async () => {
  const client = await sqlPool.connect();
  const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
  client.release();

  // As a restart or failover would: the server ends the idle connection from its side.
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
  // The pool has reported and dropped the lost connection by the time the next query needs one.
  await expect
    .poll(async () => {
      const [row] = await sqlRows<{ pid: number }>(sqlPool, "SELECT pg_backend_pid() AS pid", []);
      return row?.pid !== pid;
    })
    .toBe(true);
});
