import { renderSVG } from "uqr";
import prisma from "~/db.server";
import {
  firstNameOf,
  hoursToday,
  isStillToCollect,
  passIsLive,
  passStatusOf,
  readyByText,
  type PassStatus,
} from "~/domain/pickup-pass/pickup-pass";
import { formatPickupCode, normalisePickupCode, pickupQrPayload } from "~/domain/store-tasks/pickup-code";
import { pickupStoresOf, pickupTasksOfOrder, type PickupPassTask, type PickupStore } from "~/models/pickup-pass.server";
import { pickupPassUrl, readPickupPassToken, type PickupPassClaims } from "./pickup-pass-link.server";
import type { ExtensionPassStore } from "./extension-pass-answer";
import { shopNameForPass } from "./shop-name.server";

/**
 * The shopper's pickup pass, as the public page behind its signed link shows it: per pickup of
 * the order, the store, its hours today, when the order will be ready, where it stands, and
 * the pickup code (also as the QR code the store's handover screen scans). Nothing of the
 * customer but their first name.
 */

/** One store of the pass: what the thank-you and order status blocks are given, and the page's own extras. */
export interface PassStoreView extends ExtensionPassStore {
  /** The code as a QR code (SVG markup the app rendered from the code alone). */
  qrSvg: string | null;
  /** The shopper said they are here, and where. */
  waiting: { spot: string | null } | null;
}

export interface PickupPassView {
  shopName: string | null;
  firstName: string | null;
  orderName: string;
  stores: PassStoreView[];
}

export type PickupPassReading = { found: true; pass: PickupPassView } | { found: false };

const STATUS_LABELS: Readonly<Record<Exclude<PassStatus, "MOVED">, string>> = {
  PREPARING: "Preparing your order",
  READY: "Ready for pickup",
  COLLECTED: "Collected",
  CANCELLED: "Cancelled",
};

function addressOf(store: PickupStore | undefined): string | null {
  if (!store) return null;
  const region = [store.provinceCode, store.zip].filter(Boolean).join(" ");
  const parts = [store.address1, store.city, region].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** The store a task moved away from went to: the order's next pickup elsewhere, its own fulfilment order's first. */
function movedTo(task: PickupPassTask, tasks: readonly PickupPassTask[]): PickupPassTask | undefined {
  const later = tasks.filter((other) => other.locationId !== task.locationId && other.assignedAt >= task.assignedAt);
  return later.find((other) => other.fulfillmentOrderId === task.fulfillmentOrderId) ?? later[0];
}

function storeView(
  task: PickupPassTask,
  tasks: readonly PickupPassTask[],
  stores: ReadonlyMap<string, PickupStore>,
  now: Date,
): PassStoreView {
  const store = stores.get(task.locationId);
  const storeName = store?.name ?? "The store";
  const status = passStatusOf(task);
  const toCollect = isStillToCollect(status);
  const successor = status === "MOVED" ? movedTo(task, tasks) : undefined;
  const movedToName = successor ? (stores.get(successor.locationId)?.name ?? null) : null;
  // Codes are made valid (pickup-code.ts); one that is not shows no code rather than break the pass.
  const code = toCollect ? normalisePickupCode(task.pickupCode) : null;
  const qrPayload = code ? pickupQrPayload(code) : null;
  return {
    locationId: task.locationId,
    storeName,
    address: addressOf(store),
    hoursToday: store?.timeZone ? hoursToday(store.openingHours, store.timeZone, now) : null,
    readyBy: status === "PREPARING" && store?.timeZone ? readyByText(task.dueAt, store.timeZone, now) : null,
    status,
    statusLabel:
      status === "MOVED"
        ? movedToName
          ? `Moved to ${movedToName}`
          : "Moved to another location"
        : STATUS_LABELS[status],
    pickupCode: code ? formatPickupCode(code) : null,
    qrPayload,
    qrSvg: qrPayload ? renderSVG(qrPayload, { ecc: "M", border: 2 }) : null,
    waiting: toCollect && task.customerWaitingAt ? { spot: task.customerWaitingSpot } : null,
  };
}

/** The order's pickup tasks when its pass is still live; null when there is no pass to show. */
export async function livePickupTasks(claims: PickupPassClaims, now: Date): Promise<PickupPassTask[] | null> {
  const tasks = await pickupTasksOfOrder(prisma, claims.shop, claims.orderId);
  return passIsLive(tasks, now) ? tasks : null;
}

/** The pass a link opens; not found for a link the app did not sign, or an order with no live pickup. */
export async function pickupPass(token: string | undefined, now = new Date()): Promise<PickupPassReading> {
  const claims = readPickupPassToken(token);
  if (!claims) return { found: false };
  const tasks = await livePickupTasks(claims, now);
  if (!tasks) return { found: false };
  const [pass, shopName] = await Promise.all([passOfTasks(claims, tasks, now), shopNameForPass(claims.shop)]);
  return { found: true, pass: { shopName, ...pass } };
}

/**
 * The pass of an order whose pickup tasks are `tasks` (live ones: see passIsLive), all from the
 * app's own tables: the thank-you and order status blocks ask for it every minute.
 */
export async function passOfTasks(
  claims: PickupPassClaims,
  tasks: readonly PickupPassTask[],
  now: Date,
): Promise<Omit<PickupPassView, "shopName">> {
  const stores = await pickupStoresOf(prisma, claims.shop, [...new Set(tasks.map((task) => task.locationId))]);
  const views = tasks.map((task) => storeView(task, tasks, stores, now));
  // What the shopper can still collect comes first; where it has been, after.
  const ordered = [
    ...views.filter((view) => isStillToCollect(view.status)),
    ...views.filter((view) => !isStillToCollect(view.status)),
  ];
  const latest = tasks.at(-1);
  return {
    firstName: firstNameOf(latest?.customerName ?? null),
    orderName: latest?.orderName ?? "",
    stores: ordered,
  };
}

export interface MerchantPassLink {
  url: string;
  /** False once the pass no longer opens (its pickups ended over PASS_DAYS_AFTER_PICKUP_ENDS ago). */
  live: boolean;
}

/** The order's pickup pass link for the merchant's order page; null when the order has no pickup at a store. */
export async function pickupPassLinkOfOrder(
  shop: string,
  orderId: string,
  now = new Date(),
): Promise<MerchantPassLink | null> {
  const tasks = await pickupTasksOfOrder(prisma, shop, orderId);
  if (tasks.length === 0) return null;
  return { url: pickupPassUrl({ shop, orderId }), live: passIsLive(tasks, now) };
}
