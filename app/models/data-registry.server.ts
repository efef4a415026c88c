import { Prisma } from "@prisma/client";
import {
  deleteOrderPickupPromisesOfOrders,
  eraseOrderPickupPromisesOfShop,
  exportOrderPickupPromisesOfOrders,
} from "./order-pickup-promises.server";
import { ORDER_CONTACT_FIELDS } from "./order-contacts.server";
import {
  deleteComparisonsListingOrders,
  eraseComparisonsOfShop,
  eraseVersionComparisonsOfShop,
  exportComparisonsListingOrders,
} from "./routing-comparisons.server";
import { exportOrderFactsOfCustomer, orderIdsOfCustomer, redactOrderFactsOfCustomer } from "./routed-orders.server";

/**
 * Every table that holds a shop's data, and how each one answers the compliance
 * webhooks: shop/redact erases the shop's rows; customers/redact erases or anonymises
 * one customer's personal data; customers/data_request exports it.
 *
 * A test fails when a Prisma model with a `shop` column is missing here, so a table
 * added later cannot be forgotten by the compliance handlers.
 */
export interface CustomerIdentity {
  /** Shopify customer id, numeric as a string. */
  id: string | null;
  email: string | null;
  phone: string | null;
  orderIds: string[];
}

type Tx = Prisma.TransactionClient;

export interface ShopDataTable {
  model: Prisma.ModelName;
  /** Deletes every row of the shop; returns how many. */
  eraseShop(tx: Tx, shop: string): Promise<number>;
  /** Personal data of customers kept here, or null when the table holds none. */
  customerData: null | {
    /** Deletes or anonymises the customer's personal data; returns rows touched. */
    redact(tx: Tx, shop: string, customer: CustomerIdentity): Promise<number>;
    /** The customer's rows as the customer would be shown them. */
    export(tx: Tx, shop: string, customer: CustomerIdentity): Promise<unknown[]>;
  };
}

function webhookEventsOf(shop: string, customer: CustomerIdentity): Prisma.WebhookEventWhereInput {
  const matches: Prisma.WebhookEventWhereInput[] = [];
  if (customer.id) matches.push({ customerId: customer.id });
  if (customer.orderIds.length) matches.push({ orderIds: { hasSome: customer.orderIds } });
  return matches.length ? { shop, OR: matches } : { shop, id: { in: [] } };
}

function dataRequestsOf(shop: string, customer: CustomerIdentity): Prisma.CustomerDataRequestWhereInput {
  const matches: Prisma.CustomerDataRequestWhereInput[] = [];
  if (customer.id) matches.push({ customerId: customer.id });
  if (customer.email) matches.push({ email: { equals: customer.email, mode: "insensitive" } });
  if (customer.phone) matches.push({ phone: customer.phone });
  return matches.length ? { shop, OR: matches } : { shop, id: { in: [] } };
}

/**
 * The forms a customer's phone may be stored in by the notifications tables (E.164): Shopify
 * sends it as typed ("555-625-1199", "+1 555 625 1199"); a 10-digit number is North American.
 */
export function storedPhoneFormsOf(phone: string | null): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return [];
  const forms = new Set([`+${digits}`]);
  if (digits.length === 10) forms.add(`+1${digits}`);
  return [...forms];
}

function notificationsOf(shop: string, customer: CustomerIdentity, orderIds: string[]): Prisma.NotificationWhereInput {
  const matches: Prisma.NotificationWhereInput[] = [{ orderId: { in: orderIds } }];
  if (customer.email) matches.push({ recipient: { equals: customer.email, mode: "insensitive" } });
  const phones = storedPhoneFormsOf(customer.phone);
  if (phones.length) matches.push({ recipient: { in: phones } });
  return { shop, OR: matches };
}

export const SHOP_DATA_TABLES: readonly ShopDataTable[] = [
  {
    model: "Session",
    eraseShop: async (tx, shop) => (await tx.session.deleteMany({ where: { shop } })).count,
    // Sessions hold the merchant's staff, not customers.
    customerData: null,
  },
  {
    model: "ShopInstallation",
    eraseShop: async (tx, shop) => (await tx.shopInstallation.deleteMany({ where: { shop } })).count,
    customerData: null,
  },
  {
    model: "WebhookEvent",
    eraseShop: async (tx, shop) => (await tx.webhookEvent.deleteMany({ where: { shop } })).count,
    customerData: {
      // Payloads are kept for audit (an order's as its summary, decision 053); one that concerns
      // the customer goes whole.
      redact: async (tx, shop, customer) =>
        (await tx.webhookEvent.deleteMany({ where: webhookEventsOf(shop, customer) })).count,
      export: (tx, shop, customer) =>
        tx.webhookEvent.findMany({
          where: webhookEventsOf(shop, customer),
          select: { topic: true, receivedAt: true, payload: true },
          orderBy: { receivedAt: "asc" },
        }),
    },
  },
  // The inventory mirror: Shopify's locations and stock, and the merchant's location profiles.
  // None of it is about customers.
  {
    model: "LocationProfile",
    eraseShop: async (tx, shop) => (await tx.locationProfile.deleteMany({ where: { shop } })).count,
    customerData: null,
  },
  {
    model: "Location",
    eraseShop: async (tx, shop) => (await tx.location.deleteMany({ where: { shop } })).count,
    customerData: null,
  },
  {
    model: "InventoryLevel",
    eraseShop: async (tx, shop) => (await tx.inventoryLevel.deleteMany({ where: { shop } })).count,
    customerData: null,
  },
  {
    model: "VariantInventoryItem",
    eraseShop: async (tx, shop) => (await tx.variantInventoryItem.deleteMany({ where: { shop } })).count,
    customerData: null,
  },
  {
    model: "CustomerDataRequest",
    eraseShop: async (tx, shop) => (await tx.customerDataRequest.deleteMany({ where: { shop } })).count,
    customerData: {
      // The request itself stays as proof it was answered; who asked does not.
      redact: async (tx, shop, customer) =>
        (
          await tx.customerDataRequest.updateMany({
            where: dataRequestsOf(shop, customer),
            data: { customerId: null, email: null, phone: null, orderIds: [], report: Prisma.DbNull },
          })
        ).count,
      export: (tx, shop, customer) =>
        tx.customerDataRequest.findMany({
          where: dataRequestsOf(shop, customer),
          select: { requestId: true, receivedAt: true, fulfilledAt: true },
          orderBy: { receivedAt: "asc" },
        }),
    },
  },
  {
    model: "RoutingSettingsVersion",
    eraseShop: async (tx, shop) => (await tx.routingSettingsVersion.deleteMany({ where: { shop } })).count,
    // Who changed a setting is the merchant's staff, not a customer.
    customerData: null,
  },
  // Order routing. An order's id is the customer's data once they ask to be forgotten, so
  // every routing row of their orders goes. These come before RoutedOrder, which finds the
  // customer's orders by customer id.
  {
    // Newer than the generated client until `prisma generate` runs: named as the schema names it.
    model: "RoutingComparison" as Prisma.ModelName,
    eraseShop: (tx, shop) => eraseComparisonsOfShop(tx, shop),
    // A comparison lists a few changed orders by id and name; those listing the customer's go.
    customerData: {
      redact: async (tx, shop, customer) =>
        deleteComparisonsListingOrders(tx, shop, await orderIdsOfCustomer(tx, shop, customer)),
      export: async (tx, shop, customer) =>
        exportComparisonsListingOrders(tx, shop, await orderIdsOfCustomer(tx, shop, customer)),
    },
  },
  {
    model: "RoutingSettingsComparison" as Prisma.ModelName,
    eraseShop: (tx, shop) => eraseVersionComparisonsOfShop(tx, shop),
    // Totals per router: no order or customer in them.
    customerData: null,
  },
  {
    model: "RoutingDecision",
    eraseShop: async (tx, shop) => (await tx.routingDecision.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.routingDecision.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.routingDecision.findMany({
          where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          select: { orderId: true, status: true, assignments: true, flags: true, decidedAt: true },
          orderBy: { decidedAt: "asc" },
        }),
    },
  },
  {
    model: "RoutingLease",
    eraseShop: async (tx, shop) => (await tx.routingLease.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.routingLease.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      // A claim lasts seconds while an order is routed, and says nothing of the customer.
      export: async () => [],
    },
  },
  {
    model: "FulfillmentMove",
    eraseShop: async (tx, shop) => (await tx.fulfillmentMove.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.fulfillmentMove.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.fulfillmentMove.findMany({
          where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          select: { orderId: true, fromLocationId: true, toLocationId: true, status: true, updatedAt: true },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
  {
    model: "InventoryReservation",
    eraseShop: async (tx, shop) => (await tx.inventoryReservation.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.inventoryReservation.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      // Units held for a while by the order; nothing about the customer beyond the order.
      export: async () => [],
    },
  },
  {
    model: "OrderPickupPromise",
    eraseShop: (tx, shop) => eraseOrderPickupPromisesOfShop(tx, shop),
    customerData: {
      redact: async (tx, shop, customer) =>
        deleteOrderPickupPromisesOfOrders(tx, shop, await orderIdsOfCustomer(tx, shop, customer)),
      // What the shopper was told at checkout: theirs to see.
      export: async (tx, shop, customer) =>
        exportOrderPickupPromisesOfOrders(tx, shop, await orderIdsOfCustomer(tx, shop, customer)),
    },
  },
  {
    model: "ExceptionHold",
    eraseShop: async (tx, shop) => (await tx.exceptionHold.deleteMany({ where: { shop } })).count,
    // A SKU held out of routing at a store: nothing about any customer.
    customerData: null,
  },
  // Store fulfilment. A store task names the customer (and where they wait), and belongs to
  // their order: like routing's rows, every task of their orders goes, with its lines and
  // events. What the stores' numbers lose is a handful of tasks.
  {
    model: "StoreTaskLine",
    eraseShop: async (tx, shop) => (await tx.storeTaskLine.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.storeTaskLine.deleteMany({
            where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          })
        ).count,
      // The order's items, as Shopify's own export gives them; nothing about the customer.
      export: async () => [],
    },
  },
  {
    model: "StoreTaskEvent",
    eraseShop: async (tx, shop) => (await tx.storeTaskEvent.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.storeTaskEvent.deleteMany({
            where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          })
        ).count,
      // When their order moved along at the store (handed over, shipped); who did it is staff data.
      export: async (tx, shop, customer) =>
        tx.storeTaskEvent.findMany({
          where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          select: { at: true, fromState: true, toState: true, task: { select: { orderName: true } } },
          orderBy: { at: "asc" },
        }),
    },
  },
  {
    model: "StoreTaskPhoto",
    eraseShop: async (tx, shop) => (await tx.storeTaskPhoto.deleteMany({ where: { shop } })).count,
    customerData: {
      // A delivery photo may show the customer's door; an exception photo shows their order.
      redact: async (tx, shop, customer) =>
        (
          await tx.storeTaskPhoto.deleteMany({
            where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          })
        ).count,
      // That a photo was taken and when; the image itself stays with the merchant.
      export: async (tx, shop, customer) =>
        tx.storeTaskPhoto.findMany({
          where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          select: { purpose: true, takenAt: true, task: { select: { orderName: true } } },
          orderBy: { takenAt: "asc" },
        }),
    },
  },
  {
    model: "StoreTaskAlertEmail",
    eraseShop: async (tx, shop) => (await tx.storeTaskAlertEmail.deleteMany({ where: { shop } })).count,
    customerData: {
      // The email went to the store's team, but it named the customer's order.
      redact: async (tx, shop, customer) =>
        (
          await tx.storeTaskAlertEmail.deleteMany({
            where: { shop, task: { orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } } },
          })
        ).count,
      // Sent to staff, not to the customer: nothing of theirs.
      export: async () => [],
    },
  },
  {
    model: "StoreTask",
    eraseShop: async (tx, shop) => (await tx.storeTask.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.storeTask.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.storeTask.findMany({
          where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          select: {
            orderName: true,
            kind: true,
            state: true,
            customerName: true,
            assignedAt: true,
            readyAt: true,
            completedAt: true,
            endedReason: true,
            customerWaitingAt: true,
            customerWaitingSpot: true,
          },
          orderBy: { assignedAt: "asc" },
        }),
    },
  },
  {
    model: "ItemBinLocation",
    eraseShop: async (tx, shop) => (await tx.itemBinLocation.deleteMany({ where: { shop } })).count,
    // Where a store keeps its items.
    customerData: null,
  },
  {
    model: "StoreSettings",
    eraseShop: async (tx, shop) => (await tx.storeSettings.deleteMany({ where: { shop } })).count,
    // How the merchant runs its stores; who saved them is the merchant's staff.
    customerData: null,
  },
  {
    model: "StaffNickname",
    eraseShop: async (tx, shop) => (await tx.staffNickname.deleteMany({ where: { shop } })).count,
    // The merchant's names for its POS staff, not customers.
    customerData: null,
  },
  {
    model: "RoutedOrder",
    eraseShop: async (tx, shop) => (await tx.routedOrder.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: (tx, shop, customer) => redactOrderFactsOfCustomer(tx, shop, customer),
      export: (tx, shop, customer) => exportOrderFactsOfCustomer(tx, shop, customer),
    },
  },
  {
    model: "ShopMessagingAccount",
    eraseShop: async (tx, shop) => (await tx.shopMessagingAccount.deleteMany({ where: { shop } })).count,
    // The merchant's own vendor accounts: no customer in them.
    customerData: null,
  },
  {
    model: "Notification",
    eraseShop: async (tx, shop) => (await tx.notification.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.notification.deleteMany({
            where: notificationsOf(shop, customer, await orderIdsOfCustomer(tx, shop, customer)),
          })
        ).count,
      // The messages the customer was sent or was to be sent, and what became of them.
      export: async (tx, shop, customer) =>
        tx.notification.findMany({
          where: notificationsOf(shop, customer, await orderIdsOfCustomer(tx, shop, customer)),
          select: {
            orderId: true,
            step: true,
            channel: true,
            recipient: true,
            status: true,
            sendAt: true,
            sentAt: true,
          },
          orderBy: { sendAt: "asc" },
        }),
    },
  },
  {
    model: "SmsOptOut",
    eraseShop: async (tx, shop) => (await tx.smsOptOut.deleteMany({ where: { shop } })).count,
    customerData: {
      // Twilio's Advanced Opt-Out keeps refusing a number that texted STOP (error 21610), so the
      // shop's copy can go with the rest of the customer's data without texting them again.
      redact: async (tx, shop, customer) =>
        (await tx.smsOptOut.deleteMany({ where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } } })).count,
      export: async (tx, shop, customer) =>
        tx.smsOptOut.findMany({
          where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } },
          select: { phone: true, source: true, optedOutAt: true },
        }),
    },
  },
  {
    model: "SmsUndeliverableNumber",
    eraseShop: async (tx, shop) => (await tx.smsUndeliverableNumber.deleteMany({ where: { shop } })).count,
    customerData: {
      // Twilio refuses the number again if it is texted, so forgetting it costs one failed text at most.
      redact: async (tx, shop, customer) =>
        (
          await tx.smsUndeliverableNumber.deleteMany({
            where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.smsUndeliverableNumber.findMany({
          where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } },
          select: { phone: true, errorCode: true, recordedAt: true },
        }),
    },
  },
  {
    model: "SmsConsent",
    eraseShop: async (tx, shop) => (await tx.smsConsent.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (await tx.smsConsent.deleteMany({ where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } } })).count,
      export: async (tx, shop, customer) =>
        tx.smsConsent.findMany({
          where: { shop, phone: { in: storedPhoneFormsOf(customer.phone) } },
          select: { phone: true, scope: true, source: true, wording: true, recordedAt: true },
        }),
    },
  },
  {
    model: "VendorEventReceipt",
    eraseShop: async (tx, shop) => (await tx.vendorEventReceipt.deleteMany({ where: { shop } })).count,
    // Vendor event ids only.
    customerData: null,
  },
  {
    model: "OrderContact",
    eraseShop: async (tx, shop) => (await tx.orderContact.deleteMany({ where: { shop } })).count,
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.orderContact.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.orderContact.findMany({
          where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          select: ORDER_CONTACT_FIELDS,
        }),
    },
  },
  {
    model: "UncollectedCancellation",
    eraseShop: async (tx, shop) => (await tx.uncollectedCancellation.deleteMany({ where: { shop } })).count,
    // Tied to the customer by the order it names.
    customerData: {
      redact: async (tx, shop, customer) =>
        (
          await tx.uncollectedCancellation.deleteMany({
            where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          })
        ).count,
      export: async (tx, shop, customer) =>
        tx.uncollectedCancellation.findMany({
          where: { shop, orderId: { in: await orderIdsOfCustomer(tx, shop, customer) } },
          select: { orderId: true, status: true, reason: true, requestedAt: true, settledAt: true },
        }),
    },
  },
  {
    model: "LocationsVersion",
    eraseShop: async (tx, shop) => (await tx.locationsVersion.deleteMany({ where: { shop } })).count,
    // A counter of the shop's location rows' writes: no customer in it.
    customerData: null,
  },
  {
    model: "LocationDailyOrders",
    eraseShop: async (tx, shop) => (await tx.locationDailyOrders.deleteMany({ where: { shop } })).count,
    // Counts per store and day: no customer in them.
    customerData: null,
  },
  {
    model: "NotificationSettings",
    eraseShop: async (tx, shop) => (await tx.notificationSettings.deleteMany({ where: { shop } })).count,
    // The merchant's cadence: no customer in it.
    customerData: null,
  },
  {
    model: "EmailSuppression",
    eraseShop: async (tx, shop) => (await tx.emailSuppression.deleteMany({ where: { shop } })).count,
    customerData: {
      // SendGrid keeps its own suppression list, so the shop's copy can go with the customer's data.
      redact: async (tx, shop, customer) =>
        customer.email
          ? (await tx.emailSuppression.deleteMany({ where: { shop, email: customer.email.toLowerCase() } })).count
          : 0,
      export: async (tx, shop, customer) =>
        customer.email
          ? tx.emailSuppression.findMany({
              where: { shop, email: customer.email.toLowerCase() },
              select: { email: true, scope: true, kind: true, recordedAt: true },
            })
          : [],
    },
  },
];
