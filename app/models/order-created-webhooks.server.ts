import type { Db } from "~/db/sql.server";
import { orderContactUpsert, type OrderContactInput } from "./order-contacts.server";
import { orderFactsUpsert, type OrderFacts } from "./routed-orders.server";
import { recordWebhookEventOnceWith, type NewWebhookEvent } from "./webhook-events.server";

/**
 * orders/create, one of the webhooks every order sends, recorded and applied in one statement
 * (decisions 014 and 044): the event is recorded once per (shop, event id) for an installed shop,
 * and only a recorded event keeps the order's facts and its shopper's contact. The same as
 * recordWebhookEventOnce, upsertOrderFacts and upsertOrderContact in a transaction, without its
 * BEGIN, COMMIT and two of its round trips. Returns whether the event was new.
 */
export async function recordOrderCreatedOnce(
  db: Db,
  event: NewWebhookEvent,
  facts: OrderFacts,
  contact: OrderContactInput,
): Promise<boolean> {
  const recorded = await recordWebhookEventOnceWith(db, event, { requireInstalled: true }, [
    (first) => orderFactsUpsert(event.shop, facts, "WEBHOOK", { first, gate: "recorded" }),
    (first) => orderContactUpsert(event.shop, contact, { first, gate: "recorded" }),
  ]);
  return recorded !== null;
}
