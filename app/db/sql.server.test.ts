import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
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
});
