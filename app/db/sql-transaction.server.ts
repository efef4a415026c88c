import { sqlPool } from "~/db.server";
import { SqlTransaction } from "./sql.server";

/**
 * Runs `work` in a transaction on a connection of the app's pool: committed when it resolves,
 * rolled back when it throws. A connection whose rollback failed is discarded, not reused.
 * `work` runs every statement on `tx`: taking another connection of the pool while holding this
 * one could wait forever once the pool is all held by transactions doing the same.
 */
export async function inSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await sqlPool.connect();
  let broken: Error | undefined;
  try {
    const tx = new SqlTransaction(client);
    await tx.query("BEGIN");
    try {
      const result = await work(tx);
      await tx.query("COMMIT");
      return result;
    } catch (error) {
      await tx.query("ROLLBACK").catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
