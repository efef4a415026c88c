import type { NotificationChannel, Prisma } from "@prisma/client";
import { sqlRows, type Db } from "~/db/sql.server";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings, type PendingMessage } from "~/domain/notifications";
import { isCadenceStep } from "./notification-plans.server";
import { notificationSettingsOfStored } from "./notification-settings.server";
import { ORDER_CONTACT_COLUMNS, type OrderContactFacts } from "./order-contacts.server";

/**
 * Everything the customer cadence plans an order's messages from, read in one statement: it runs
 * in the transaction of each event that moves an order along (a store task made, picked, ready,
 * collected …), where seven round trips were dear (decision 045). Each part reads what its own
 * model's reader would (order-contacts, notification-settings, notification-plans,
 * shop-installations, messaging-accounts, routed-orders).
 */
export interface CadenceInputs {
  contact: OrderContactFacts | null;
  /** The shop's saved settings, or the defaults. */
  settings: NotificationSettings;
  /** The order's messages still to go. */
  pending: PendingMessage[];
  /** The store's zone; null for a location the app does not know, or none given. */
  storeTimeZone: string | null;
  /** The shop's zone; "UTC" until it is known. */
  shopTimeZone: string;
  /** Where the order goes, when it is known. */
  destination: { latitude: number; longitude: number } | null;
  /** The store the shopper chose for a pickup; null for other orders or before it is known. */
  chosenPickupLocationId: string | null;
  /** Whether the shop has a OneSignal app with its REST API key (push may then be tried). */
  pushAccountReady: boolean;
}

interface CadenceInputsRow {
  contact: OrderContactFacts | null;
  settings: Prisma.JsonValue | null;
  pending: { step: string; channel: NotificationChannel; sendAtMs: number }[];
  storeTimeZone: string | null;
  shopTimeZone: string | null;
  latitude: number | null;
  longitude: number | null;
  chosenPickupLocationId: string | null;
  pushAccountReady: boolean;
}

export async function readCadenceInputs(
  db: Db,
  shop: string,
  order: { orderId: string; locationId: string | null },
): Promise<CadenceInputs> {
  const [row] = await sqlRows<CadenceInputsRow>(
    db,
    `SELECT
       (SELECT to_jsonb(c) FROM (SELECT ${ORDER_CONTACT_COLUMNS} FROM "OrderContact"
                                  WHERE "shop" = $1 AND "orderId" = $2) c) AS "contact",
       (SELECT "settings" FROM "NotificationSettings" WHERE "shop" = $1) AS "settings",
       (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                 'step', "step", 'channel', "channel", 'sendAtMs', extract(epoch FROM "sendAt") * 1000)), '[]'::jsonb)
          FROM "Notification" WHERE "shop" = $1 AND "orderId" = $2 AND "status" = 'SCHEDULED') AS "pending",
       (SELECT "timeZone" FROM "LocationProfile" WHERE "shop" = $1 AND "locationId" = $3) AS "storeTimeZone",
       (SELECT "timeZone" FROM "ShopInstallation" WHERE "shop" = $1) AS "shopTimeZone",
       o."latitude", o."longitude", o."pickupLocationId" AS "chosenPickupLocationId",
       EXISTS (SELECT 1 FROM "ShopMessagingAccount" WHERE "shop" = $1
                  AND "onesignalAppId" IS NOT NULL AND "onesignalRestApiKeySealed" IS NOT NULL) AS "pushAccountReady"
     FROM (SELECT 1) AS one
     LEFT JOIN "RoutedOrder" o ON o."shop" = $1 AND o."orderId" = $2`,
    [shop, order.orderId, order.locationId],
  );
  if (!row) throw new Error("The cadence's inputs came back without a row");
  return {
    contact: row.contact,
    settings: row.settings === null ? DEFAULT_NOTIFICATION_SETTINGS : notificationSettingsOfStored(shop, row.settings),
    pending: row.pending.flatMap(({ step, channel, sendAtMs }) =>
      isCadenceStep(step) ? [{ step, channel, sendAt: new Date(sendAtMs) }] : [],
    ),
    storeTimeZone: row.storeTimeZone,
    shopTimeZone: row.shopTimeZone ?? "UTC",
    destination:
      row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude },
    chosenPickupLocationId: row.chosenPickupLocationId,
    pushAccountReady: row.pushAccountReady,
  };
}

/** What the shop's records say of texting `phone`, in one statement. */
export interface SmsStanding {
  optedOut: boolean;
  recordedConsent: boolean;
  undeliverable: boolean;
}

export async function readSmsStanding(db: Db, shop: string, phone: string): Promise<SmsStanding> {
  const [row] = await sqlRows<SmsStanding>(
    db,
    `SELECT EXISTS (SELECT 1 FROM "SmsOptOut" WHERE "shop" = $1 AND "phone" = $2) AS "optedOut",
            EXISTS (SELECT 1 FROM "SmsConsent" WHERE "shop" = $1 AND "phone" = $2 AND "scope" = 'TRANSACTIONAL')
              AS "recordedConsent",
            EXISTS (SELECT 1 FROM "SmsUndeliverableNumber" WHERE "shop" = $1 AND "phone" = $2) AS "undeliverable"`,
    [shop, phone],
  );
  return row ?? { optedOut: false, recordedConsent: false, undeliverable: false };
}
