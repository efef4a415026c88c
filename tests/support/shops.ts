import crypto from "node:crypto";

/** A shop domain no other test uses, so tests sharing a database never see each other's rows. */
export function uniqueShop(): string {
  return `test-${crypto.randomBytes(5).toString("hex")}.myshopify.com`;
}

/**
 * A unique shop that has installed the app (the webhook routes ignore other shops' webhooks,
 * compliance topics apart), for tests that deliver webhooks without the install flow.
 */
export async function installedShop(shop = uniqueShop()): Promise<string> {
  const { prisma } = await import("~/db.server");
  await prisma.shopInstallation.upsert({ where: { shop }, create: { shop }, update: {} });
  return shop;
}
