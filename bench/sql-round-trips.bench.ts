// npx tsx bench/sql-round-trips.bench.ts — what a statement's round trip to a local PostgreSQL
// costs in CPU, node's and PostgreSQL's, and what node-postgres's pipeline mode would save on a
// transaction of two statements: BEGIN sent with the first, COMMIT with the last, against each
// waited for in turn as `inSqlTransaction` does. Each variant runs with the cores idling between
// transactions (a 1 ms timer, as between a busy pipeline's statements at 50 orders a second) and
// back to back; the timer's own cost is measured and taken out. Figures are per transaction, and
// the pipelined variants' as a ratio of the sequential one's, measured in the same process.
import pg from "pg";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { processTreeCpuMs } from "./process-cpu";
import { runBench } from "./run-bench";

const TRANSACTIONS = 1_500;
const WARM_UP_TRANSACTIONS = 300;
const ROUNDS = 2;

type Transaction = (client: pg.PoolClient) => Promise<unknown>;

const statement = (client: pg.PoolClient, value: number) =>
  client.query({ name: "round-trip", text: "SELECT $1::int + 1 AS next", values: [value] });

/** `baseline`: the variant the pipelined ones are a ratio of (the transaction as the app sends it). */
const VARIANTS: { name: string; pipeline: boolean; baseline?: true; run: Transaction }[] = [
  { name: "one statement, no transaction", pipeline: false, run: (client) => statement(client, 1) },
  {
    name: "BEGIN, 2 statements, COMMIT, each waited for",
    pipeline: false,
    baseline: true,
    run: async (client) => {
      await client.query("BEGIN");
      await statement(client, 1);
      await statement(client, 2);
      await client.query("COMMIT");
    },
  },
  {
    name: "BEGIN with the first, COMMIT with the last",
    pipeline: true,
    run: async (client) => {
      const [, first] = await Promise.all([client.query("BEGIN"), statement(client, 1)]);
      await Promise.all([statement(client, first.rows[0].next), client.query("COMMIT")]);
    },
  },
  {
    name: "all four pipelined",
    pipeline: true,
    run: (client) =>
      Promise.all([client.query("BEGIN"), statement(client, 1), statement(client, 2), client.query("COMMIT")]),
  },
];

const idle = () => new Promise((resolve) => setTimeout(resolve, 1));

interface PerTransaction {
  nodeUs: number;
  postgresUs: number;
}

async function measure(
  database: BenchDatabase,
  pipeline: boolean,
  run: Transaction,
  idling: boolean,
): Promise<PerTransaction> {
  const pool = new pg.Pool({ connectionString: database.url, max: 1, pipeline });
  const client = await pool.connect();
  try {
    for (let i = 0; i < WARM_UP_TRANSACTIONS; i++) await run(client);
    const postgresBefore = processTreeCpuMs(database.postmasterPid);
    const nodeBefore = process.cpuUsage();
    for (let i = 0; i < TRANSACTIONS; i++) {
      await run(client);
      if (idling) await idle();
    }
    const node = process.cpuUsage(nodeBefore);
    return {
      nodeUs: (node.user + node.system) / TRANSACTIONS,
      postgresUs: ((processTreeCpuMs(database.postmasterPid) - postgresBefore) * 1000) / TRANSACTIONS,
    };
  } finally {
    client.release();
    await pool.end();
  }
}

async function main(): Promise<void> {
  const database = await startBenchDatabase();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const idling of [true, false]) {
        const timer = idling
          ? await measure(database, false, async () => undefined, true)
          : { nodeUs: 0, postgresUs: 0 };
        let sequential: PerTransaction | undefined;
        console.log(`round ${round}, ${idling ? "idling 1 ms between transactions" : "back to back"}:`);
        for (const variant of VARIANTS) {
          const raw = await measure(database, variant.pipeline, variant.run, idling);
          const cost = { nodeUs: raw.nodeUs - timer.nodeUs, postgresUs: raw.postgresUs - timer.postgresUs };
          if (variant.baseline) sequential = cost;
          const ratio =
            sequential && variant.pipeline
              ? ` (${((cost.nodeUs + cost.postgresUs) / (sequential.nodeUs + sequential.postgresUs)).toFixed(2)}× the sequential)`
              : "";
          console.log(
            `  ${variant.name.padEnd(46)} node ${cost.nodeUs.toFixed(0).padStart(4)} µs, PostgreSQL ${cost.postgresUs.toFixed(0).padStart(4)} µs per transaction${ratio}`,
          );
        }
      }
    }
  } finally {
    await database.dispose();
  }
}

runBench("sql-round-trips", main, 10 * 60_000);
