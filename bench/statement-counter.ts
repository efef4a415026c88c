import pg from "pg";

/**
 * Counts the statements this process sends to PostgreSQL (every pg client's `query`, which the
 * app's Prisma adapter and pg-boss both go through; BEGIN and COMMIT included). A round trip costs
 * CPU on both sides, so statements per request is the bench's figure that does not move with the
 * machine's load. Install it before the app opens its pool.
 */
export function countStatements(): () => number {
  let statements = 0;
  const query = pg.Client.prototype.query;
  // Re-wrapping a prototype method: its overloads cannot be named one by one, hence the loose type.
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (query as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return () => statements;
}
