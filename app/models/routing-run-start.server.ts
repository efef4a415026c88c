import type { Prisma } from "@prisma/client";
import { sqlRows, type Db } from "~/db/sql.server";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { ORDER_FACTS_SQL, readOrderFactsColumns, type OrderFacts, type StoredOrderFacts } from "./routed-orders.server";
import {
  DECISION_OF_ORDER_JOINED_SQL,
  readDecisionJoined,
  type JoinedDecisionColumns,
  type StoredDecision,
} from "./routing-decisions.server";
import { releaseRoutingLease, routingLeaseClaim } from "./routing-leases.server";
import {
  LATEST_ROUTING_SETTINGS_SQL,
  readRoutingSettingsVersion,
  type RoutingSettingsVersion,
} from "./routing-settings.server";
import { readStoreSettings, STORE_SETTINGS_SQL } from "./store-settings.server";

/** What a routing run reads as it claims its order; null fields where nothing is saved. */
export interface RoutingRunStart {
  /** The order's facts as orders/create (or an earlier run) left them. */
  facts: OrderFacts | null;
  /** The routing settings in force: the shop's latest saved version. */
  routingSettings: RoutingSettingsVersion | null;
  /** The store settings the run's new store tasks are made with. */
  storeSettings: StoreSettings | null;
  /** The order's decision, when an earlier run made it: decided once, it is carried out again. */
  decision: StoredDecision | null;
}

type Nullable<Row> = { [Column in keyof Row]: Row[Column] | null };

type StartRow = Nullable<StoredOrderFacts> &
  JoinedDecisionColumns & {
    settingsId: string | null;
    settingsVersion: number | null;
    settings: Prisma.JsonValue;
    settingsChangedBy: string | null;
    settingsChangedAt: Date | null;
    storeSettings: Prisma.JsonValue;
  };

/**
 * Claims the order for one routing run (claimRoutingLease, decision 043) and, in the same
 * statement, reads what the run starts from: the order's facts and the shop's routing and store
 * settings, and the decision an earlier run made, each its own model's query (decision 048). Only a
 * run that holds the claim decides, so a decision not there as the claim is taken is this run's to
 * make. Null when another run holds the order;
 * throws, the claim given back, when what it read does not parse.
 * Read in the claim's snapshot: a change committed while the run goes on is the next run's.
 */
export async function claimOrderForRouting(
  db: Db,
  shop: string,
  orderId: string,
  lease: { holder: string; now: Date; seconds: number },
): Promise<RoutingRunStart | null> {
  const claim = routingLeaseClaim(shop, orderId, lease.holder, lease.now, lease.seconds);
  const [row] = await sqlRows<StartRow>(
    db,
    `WITH claimed AS (${claim.text})
     SELECT facts.*, settings."id" AS "settingsId", settings."version" AS "settingsVersion",
            settings."settings", settings."changedBy" AS "settingsChangedBy",
            settings."changedAt" AS "settingsChangedAt", store."settings" AS "storeSettings", decision.*
       FROM claimed
       LEFT JOIN (${ORDER_FACTS_SQL}) facts ON true
       LEFT JOIN (${LATEST_ROUTING_SETTINGS_SQL}) settings ON true
       LEFT JOIN (${STORE_SETTINGS_SQL}) store ON true
       LEFT JOIN (${DECISION_OF_ORDER_JOINED_SQL}) decision ON true`,
    claim.values,
  );
  if (!row) return null;
  try {
    return readRunStart(shop, row);
  } catch (error) {
    // A row that does not read (unreadable settings or lines) fails the run: the claim it took
    // goes back, or the order's next run would wait for it to lapse.
    await releaseRoutingLease(db, shop, orderId, lease.holder).catch(() => undefined);
    throw error;
  }
}

function readRunStart(shop: string, row: StartRow): RoutingRunStart {
  const { settingsId, settingsVersion, settings, settingsChangedBy, settingsChangedAt } = row;
  return {
    facts: readOrderFactsColumns(row),
    routingSettings:
      settingsId !== null && settingsVersion !== null && settingsChangedAt !== null
        ? readRoutingSettingsVersion({
            id: settingsId,
            shop,
            version: settingsVersion,
            settings,
            changedBy: settingsChangedBy,
            changedAt: settingsChangedAt,
          })
        : null,
    storeSettings: row.storeSettings === null ? null : readStoreSettings(shop, row.storeSettings),
    decision: readDecisionJoined(row),
  };
}
