import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { pgBossStatementAsSent, queuePartitionTable } from "./pg-boss-statements";

/** pg-boss's own statement texts (a module it ships untyped), so the rewrite is tested on what pg-boss sends. */
const plans = createRequire(import.meta.url)("pg-boss/src/plans.js") as {
  fetchNextJob(schema: string): (options: object) => string;
};

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

  it("sets active the jobs a fetch picked by their ids, on the queue's partition, with pg-boss's per-key condition", () => {
    const fetch = plans.fetchNextJob("pgboss");
    for (const text of [fetch({}), fetch({ includeMetadata: true, priority: false, ignoreStartAfter: true })]) {
      const sent = pgBossStatementAsSent(text, ["routing.resolve-trigger", 8]);
      expect(sent).toContain(`UPDATE pgboss.${queuePartitionTable("routing.resolve-trigger")} j SET`);
      expect(sent).not.toContain("j.id = grouped.id");
      expect(sent).toMatch(
        /WHERE name = \$1 AND j\.id = ANY\(ARRAY\(SELECT grouped\.id FROM grouped WHERE \(\s*\(grouped\.grouped_policy IN \('singleton', 'stately'\) AND grouped\.row_number = 1\) -- [^\n]*\n\s*OR COALESCE\(grouped\.grouped_policy, ''\) NOT IN \('singleton', 'stately'\) -- [^\n]*\n\s*\)\n\)\)\n RETURNING j\./,
      );
    }
  });

  it("leaves every other statement as it is", () => {
    const text = "SELECT * FROM pgboss.queue WHERE name = $1";
    expect(pgBossStatementAsSent(text, ["q"])).toBe(text);
    expect(pgBossStatementAsSent("SELECT 1", undefined)).toBe("SELECT 1");
  });
});
