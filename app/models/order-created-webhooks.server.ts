import { sqlRows, type Db } from "~/db/sql.server";
import { orderContactUpsert, type OrderContactInput } from "./order-contacts.server";
import { orderFactsUpsert, type OrderFacts } from "./routed-orders.server";
import { webhookEventInsert, type NewWebhookEvent } from "./webhook-events.server";

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
  const recorded = webhookEventInsert(event, { requireInstalled: true });
  const factsUpsert = orderFactsUpsert(event.shop, facts, "WEBHOOK", {
    first: recorded.values.length + 1,
    gate: "recorded",
  });
  const contactUpsert = orderContactUpsert(event.shop, contact, {
    first: recorded.values.length + factsUpsert.values.length + 1,
    gate: "recorded",
  });
  const [row] = await sqlRows<{ recorded: number }>(
    db,
    `WITH recorded AS (${recorded.text}),
          facts AS (${factsUpsert.text}),
          contact AS (${contactUpsert.text})
     SELECT count(*)::int AS "recorded" FROM recorded`,
    [...recorded.values, ...factsUpsert.values, ...contactUpsert.values],
  );
  return row?.recorded === 1;
}
