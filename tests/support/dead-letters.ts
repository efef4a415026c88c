import type PgBoss from "pg-boss";

export const ROUTE_ORDER_QUEUE = "routing.route-order";

/**
 * A routing job of `shop` that fails its only attempt with `message`, as pg-boss dead-letters it;
 * returns the failed job's id.
 */
export async function giveUpRouting(boss: PgBoss, shop: string, orderId: string, message: string): Promise<string> {
  // Top priority, so the fetch below takes this job rather than one queued by an earlier test.
  const id = await boss.send(
    ROUTE_ORDER_QUEUE,
    { shop, orderId },
    { retryLimit: 0, priority: 100, singletonKey: `${shop}:${orderId}` },
  );
  const [job] = await boss.fetch(ROUTE_ORDER_QUEUE, { batchSize: 1 });
  if (!id || job?.id !== id) throw new Error(`expected to fetch routing job ${id}, got ${job?.id}`);
  await boss.fail(ROUTE_ORDER_QUEUE, id, { message });
  return id;
}
