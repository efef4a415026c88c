import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

export async function deleteShopSessions(db: Db, shop: string): Promise<number> {
  return (await db.session.deleteMany({ where: { shop } })).count;
}

export async function updateShopSessionScopes(db: Db, shop: string, scope: string): Promise<number> {
  return (await db.session.updateMany({ where: { shop }, data: { scope } })).count;
}

export function countShopSessions(db: Db, shop: string): Promise<number> {
  return db.session.count({ where: { shop } });
}
