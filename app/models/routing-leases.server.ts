import type { StatementPart } from "~/db/gated-insert";
import { sqlExecute, sqlRows, type Db } from "~/db/sql.server";

/**
 * Claims the order for one routing run (decision 043): true when no other run holds it, or the
 * one that did has let its claim lapse (a worker that died mid-run). One statement either way.
 */
export async function claimRoutingLease(
  db: Db,
  shop: string,
  orderId: string,
  holder: string,
  now: Date,
  seconds: number,
): Promise<boolean> {
  const { text, values } = routingLeaseClaim(shop, orderId, holder, now, seconds);
  return (await sqlRows<{ claimed: number }>(db, text, values)).length === 1;
}

/**
 * claimRoutingLease's statement, alone or as the first part of a larger one: its row (one, when
 * claimed) is the claim. The shop is $1 and the order $2, as the parts read with it expect.
 */
export function routingLeaseClaim(
  shop: string,
  orderId: string,
  holder: string,
  now: Date,
  seconds: number,
): StatementPart {
  return {
    text: `INSERT INTO "RoutingLease" ("shop", "orderId", "holder", "expiresAt")
     VALUES ($1, $2, $3::uuid, $5::timestamp)
     ON CONFLICT ("shop", "orderId") DO UPDATE
        SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "RoutingLease"."expiresAt" <= $4::timestamp
     RETURNING 1 AS "claimed"`,
    values: [shop, orderId, holder, now, new Date(now.getTime() + seconds * 1000)],
  };
}

/** Gives the order back; a claim another run has since taken over is left alone. */
export async function releaseRoutingLease(db: Db, shop: string, orderId: string, holder: string): Promise<void> {
  await sqlExecute(db, `DELETE FROM "RoutingLease" WHERE "shop" = $1 AND "orderId" = $2 AND "holder" = $3::uuid`, [
    shop,
    orderId,
    holder,
  ]);
}
