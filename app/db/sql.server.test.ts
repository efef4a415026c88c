import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { preparedStatementName } from "./prepared-statement-name";
import { sqlExecute, sqlRows } from "./sql.server";
import { inSqlTransaction } from "./sql-transaction.server";

const OPT_OUT = `INSERT INTO "SmsOptOut" ("shop", "phone", "source", "optedOutAt") VALUES ($1, $2, 'STOP_REPLY', $3)`;

describe("plain SQL on either driver", () => {
  it("reads the same row, dates as their UTC instant, through node-postgres and through a Prisma transaction", async () => {
    const shop = uniqueShop();
    const at = new Date("2026-03-08T07:30:15.123Z");
    await sqlExecute(
      sqlPool,
      `INSERT INTO "NotificationSettings" ("shop", "settings", "updatedAt") VALUES ($1, $2::jsonb, $3)`,
      [shop, { quietHours: null }, at],
    );
    const read = `SELECT "shop", "settings", "updatedAt" FROM "NotificationSettings" WHERE "shop" = $1`;
    const [plain] = await sqlRows<{ shop: string; settings: unknown; updatedAt: Date }>(sqlPool, read, [shop]);
    const [viaPrisma] = await prisma.$transaction((tx) =>
      sqlRows<{ shop: string; settings: unknown; updatedAt: Date }>(tx, read, [shop]),
    );
    expect(plain).toEqual({ shop, settings: { quietHours: null }, updatedAt: at });
    expect(viaPrisma).toEqual(plain);
    // And as Prisma's own model read sees what was written.
    expect((await prisma.notificationSettings.findUnique({ where: { shop } }))?.updatedAt).toEqual(at);
  });

  it("commits a transaction's statements together, in the order they were issued", async () => {
    const shop = uniqueShop();
    await inSqlTransaction(async (tx) => {
      // Issued at once: the transaction runs them one after another on its connection.
      await Promise.all([0, 1, 2].map((index) => sqlExecute(tx, OPT_OUT, [shop, `+1312555000${index}`, new Date()])));
    });
    const rows = await sqlRows<{ n: number }>(sqlPool, `SELECT count(*)::int AS n FROM "SmsOptOut" WHERE "shop" = $1`, [
      shop,
    ]);
    expect(rows[0]?.n).toBe(3);
  });

  it("rolls back everything a transaction wrote when its work throws, and rethrows", async () => {
    const shop = uniqueShop();
    const failure = inSqlTransaction(async (tx) => {
      await sqlExecute(tx, OPT_OUT, [shop, "+13125550100", new Date()]);
      throw new Error("the work failed");
    });
    await expect(failure).rejects.toThrow("the work failed");
    const rows = await sqlRows(sqlPool, `SELECT 1 FROM "SmsOptOut" WHERE "shop" = $1`, [shop]);
    expect(rows).toHaveLength(0);
  });

  it("prepares a statement with parameters once per connection, under its text's name, and runs one without as it is", async () => {
    const text = `SELECT $1::int * 2 AS "doubled"`;
    const prepared = await inSqlTransaction(async (tx) => {
      expect(await sqlRows(tx, text, [21])).toEqual([{ doubled: 42 }]);
      expect(await sqlRows(tx, text, [5])).toEqual([{ doubled: 10 }]);
      // Several statements in one text still run (the simple protocol), unnamed.
      await sqlExecute(
        tx,
        `CREATE TEMP TABLE prepared_probe (n int) ON COMMIT DROP; INSERT INTO prepared_probe VALUES (1)`,
      );
      return sqlRows<{ name: string }>(
        tx,
        `SELECT name FROM pg_prepared_statements WHERE statement = ANY($1::text[])`,
        [[text, `CREATE TEMP TABLE prepared_probe (n int) ON COMMIT DROP; INSERT INTO prepared_probe VALUES (1)`]],
      );
    });
    expect(prepared).toEqual([{ name: preparedStatementName(text) }]);
  });

  it("gives each text one name, the same every time, and stops naming new texts past its cap", () => {
    const first = preparedStatementName("SELECT $1::text AS kept");
    expect(first).toMatch(/^s_[0-9a-f]{30}$/);
    const names = Array.from({ length: 600 }, (_, index) => preparedStatementName(`SELECT $1::int + ${index}`));
    expect(names.filter((name) => name === null).length).toBeGreaterThan(0);
    expect(preparedStatementName("SELECT $1::text AS kept")).toBe(first);
  });
});
