import { describe, expect, it } from "vitest";
import { pgBossStatementAsSent, queuePartitionTable } from "./pg-boss-statements";

describe("pg-boss's statements as the job connection sends them", () => {
  it("names a queue's partition as pg-boss's create_queue does: 'j' and the SHA-224 of the queue's name", () => {
    expect(queuePartitionTable("routing.resolve-trigger")).toMatch(/^j[0-9a-f]{56}$/);
    expect(queuePartitionTable("a")).not.toBe(queuePartitionTable("b"));
  });

  it("looks jobs up by id with = ANY, wherever pg-boss unnests an id array", () => {
    const text = "DELETE FROM pgboss.job WHERE name = $1 AND id IN (SELECT UNNEST($2::uuid[])) AND state < 'completed'";
    expect(pgBossStatementAsSent(text, ["q", []])).toBe(
      "DELETE FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state < 'completed'",
    );
  });

  it("leaves every other statement as it is", () => {
    const text = "SELECT * FROM pgboss.queue WHERE name = $1";
    expect(pgBossStatementAsSent(text, ["q"])).toBe(text);
    expect(pgBossStatementAsSent("SELECT 1", undefined)).toBe("SELECT 1");
  });
});
