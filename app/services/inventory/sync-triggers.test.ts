import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { ensureJobQueues } from "~/jobs/boss.server";
import { scheduleJobs } from "~/jobs/job-schedules.server";
import { stopJobQueue } from "~/jobs/jobs.server";
import { uniqueShop } from "../../../tests/support/shops";
import { inventoryNightlySyncJob } from "./nightly-sync.job.server";
import { enqueueInventoryFullSync, enqueueNightlyFullSyncs } from "./sync-triggers.server";

afterAll(async () => {
  await stopJobQueue();
});

async function queuedFullSyncs(shop: string): Promise<number> {
  const { rows } = await (
    await appJobQueue()
  )
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'inventory.full-sync' AND data->>'shop' = $1`,
      [shop],
    );
  return (rows[0] as { count: number }).count;
}

describe("inventory sync triggers", () => {
  it("queue one full sync per shop however often they fire while it waits", async () => {
    const shop = uniqueShop();
    for (let i = 0; i < 3; i++) await prisma.$transaction((tx) => enqueueInventoryFullSync(tx, shop));
    expect(await queuedFullSyncs(shop)).toBe(1);
  });

  it("nightly, queue a full sync for every installed shop and none for an uninstalled one", async () => {
    const [installed, uninstalled] = [uniqueShop(), uniqueShop()];
    await prisma.shopInstallation.create({ data: { shop: installed } });
    await prisma.shopInstallation.create({ data: { shop: uninstalled, uninstalledAt: new Date() } });

    const shops = await enqueueNightlyFullSyncs();

    expect(shops).toContain(installed);
    expect(shops).not.toContain(uninstalled);
    expect(await queuedFullSyncs(installed)).toBe(1);
    expect(await queuedFullSyncs(uninstalled)).toBe(0);
  });

  it("registers one nightly cron, however many workers start", async () => {
    const boss = await appJobQueue();
    await ensureJobQueues(boss, [inventoryNightlySyncJob]);
    await scheduleJobs(boss, [inventoryNightlySyncJob]);
    await scheduleJobs(boss, [inventoryNightlySyncJob]);
    const schedules = await boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === "inventory.nightly-sync")).toEqual([
      expect.objectContaining({ cron: "0 8 * * *", timezone: "UTC" }),
    ]);
  });
});
