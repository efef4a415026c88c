import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { countShopJobs, type ShopJobCounts } from "~/jobs/queue-health.server";
import { checkDatabase, type DatabaseHealth } from "~/models/database-health.server";

export type Check<T> = { ok: true; detail: T } | { ok: false; error: string };

export interface AppHealth {
  database: Check<DatabaseHealth>;
  jobQueue: Check<ShopJobCounts>;
}

/** What `run` gave, or why it failed, for a page to show either. */
export async function check<T>(run: () => Promise<T>): Promise<Check<T>> {
  try {
    return { ok: true, detail: await run() };
  } catch (error) {
    // A Response is the Shopify library asking to re-authenticate (a redirect, a 401 with the
    // retry header): Remix must answer it, or the merchant would see "[object Response]".
    if (error instanceof Response) throw error;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the dashboard shows of the app's own health, for one shop. */
export async function getAppHealth(shop: string): Promise<AppHealth> {
  const [database, jobQueue] = await Promise.all([
    check(() => checkDatabase(prisma, () => performance.now())),
    check(async () => countShopJobs(await appJobQueue(), shop)),
  ]);
  return { database, jobQueue };
}
