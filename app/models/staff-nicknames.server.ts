import type { Prisma } from "@prisma/client";

type Db = Prisma.TransactionClient;

/** The names the merchant gives POS staff members (StaffNickname in prisma/schema.prisma), by staff member id. */
export async function staffNicknames(db: Db, shop: string): Promise<Map<string, string>> {
  const rows = await db.staffNickname.findMany({ where: { shop }, select: { staffMemberId: true, nickname: true } });
  return new Map(rows.map((row) => [row.staffMemberId, row.nickname]));
}

/** Names the staff member; null removes the name (they show by id again). */
export async function setStaffNickname(
  db: Db,
  shop: string,
  staffMemberId: string,
  nickname: string | null,
): Promise<void> {
  if (nickname === null) {
    await db.staffNickname.deleteMany({ where: { shop, staffMemberId } });
    return;
  }
  await db.staffNickname.upsert({
    where: { shop_staffMemberId: { shop, staffMemberId } },
    create: { shop, staffMemberId, nickname },
    update: { nickname },
  });
}
