import type PgBoss from "pg-boss";
import { sqlRows, type Db } from "~/db/sql.server";

/**
 * Lets pg-boss write its job row through the caller's transaction (Prisma's, or plain SQL's on
 * node-postgres, which takes pg-boss's values as they are), so a state change and the job that
 * follows from it commit (or roll back) together.
 */
export function transactionJobDb(tx: Db): PgBoss.Db {
  // On node-postgres, prepared as the app's own statements are (decision 034).
  if (!("$queryRawUnsafe" in tx))
    return { executeSql: async (text: string, values: unknown[]) => ({ rows: await sqlRows(tx, text, values) }) };
  return {
    async executeSql(text: string, values: unknown[]) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toDriverValue));
      return { rows };
    },
  };
}

// pg-boss hands node-postgres objects for its jsonb parameter; Prisma's driver adapter
// binds only scalars, so objects go over as JSON text (the SQL casts them to jsonb).
function toDriverValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return value;
}
