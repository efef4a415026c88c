import pg from "pg";
import { vi } from "vitest";

/**
 * The text of every statement this process sends to PostgreSQL while `run` runs (each pg client's
 * `query`, which Prisma's adapter, the plain-SQL pool and pg-boss all go through), in order.
 */
export async function statementsSentDuring<Result>(
  run: () => Promise<Result>,
): Promise<{ result: Result; sent: string[] }> {
  const query = vi.spyOn(pg.Client.prototype, "query");
  try {
    const result = await run();
    return { result, sent: textsOf(query.mock.calls) };
  } finally {
    query.mockRestore();
  }
}

function textsOf(calls: readonly unknown[][]): string[] {
  return calls.flatMap(([config]) => {
    if (typeof config === "string") return [config];
    return typeof config === "object" && config !== null && "text" in config ? [String(config.text)] : [];
  });
}
