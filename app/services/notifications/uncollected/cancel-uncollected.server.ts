import prisma from "~/db.server";
import type { UncollectedPolicy } from "~/domain/notifications";
import { ordersToAutoCancel } from "~/domain/notifications/uncollected";
import {
  recheckUncollected,
  uncollectedStaffNote,
  type UncollectedCancellationStatus,
} from "~/domain/notifications/uncollected-cancel";
import { readyPickupOrdersSince } from "~/models/notification-settings.server";
import {
  claimUncollectedCancellation,
  noteUnsettledCancellation,
  reclaimStaleCancellation,
  settleUncollectedCancellation,
  shopsWithAutoCancelOn,
  staleRequestedCancellations,
} from "~/models/uncollected-cancellations.server";
import { AdminApiUserError } from "~/shopify/admin-api-errors";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { cancelOrderInShopify } from "~/shopify/operations/order-cancel.server";
import { fetchOrderPickupState } from "~/shopify/operations/order-pickup-state.server";
import { currentNotificationSettings } from "../settings.server";

/**
 * The uncollected-orders policy at work: for each shop with auto-cancel on, the pickup orders
 * ready D days and not collected are cancelled in Shopify, each at most once. An order is claimed
 * (a REQUESTED row) before anything is asked, re-read in Shopify (the app's store task may be
 * behind: collected or cancelled in the admin) and only then cancelled; Shopify's answer settles
 * the row. A claim whose answer was lost (a killed run, a timeout) stays REQUESTED and is re-read
 * by a later run before anything is asked again. One order's failure never stops the sweep.
 */

const DAY_MS = 24 * 60 * 60_000;

/** A REQUESTED claim older than this was left by a run that is no longer working on it. */
export const STALE_CLAIM_MS = 15 * 60_000;

export type OrderOutcome = UncollectedCancellationStatus | "UNSETTLED";

export interface ShopSweep {
  shop: string;
  outcomes: { orderId: string; outcome: OrderOutcome }[];
}

export interface SweepDependencies {
  client: (shop: string) => AdminClient;
}

const defaultDependencies: SweepDependencies = { client: (shop) => adminClientForShop(shop) };

/** Every shop with auto-cancel on, one after another; a shop that fails is logged and the next one swept. */
export async function cancelUncollectedOrders(
  now: Date,
  dependencies: SweepDependencies = defaultDependencies,
): Promise<ShopSweep[]> {
  const sweeps: ShopSweep[] = [];
  for (const shop of await shopsWithAutoCancelOn(prisma)) {
    try {
      sweeps.push(await cancelUncollectedOrdersOfShop(shop, now, dependencies));
    } catch (error) {
      console.error(`uncollected: sweeping ${shop} failed; the next run tries again`, error);
    }
  }
  return sweeps;
}

export async function cancelUncollectedOrdersOfShop(
  shop: string,
  now: Date,
  dependencies: SweepDependencies = defaultDependencies,
): Promise<ShopSweep> {
  const { settings } = await currentNotificationSettings(shop);
  const policy = settings.uncollected;
  const sweep: ShopSweep = { shop, outcomes: [] };
  if (!policy.autoCancel) return sweep;
  const client = dependencies.client(shop);
  const record = async (orderId: string, work: () => Promise<OrderOutcome>) => {
    try {
      sweep.outcomes.push({ orderId, outcome: await work() });
    } catch (error) {
      // The claim stays REQUESTED: a later run re-reads the order.
      console.error(`uncollected: order ${orderId} of ${shop} was not settled`, error);
      sweep.outcomes.push({ orderId, outcome: "UNSETTLED" });
    }
  };

  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  for (const stale of await staleRequestedCancellations(prisma, shop, staleBefore)) {
    if (!(await reclaimStaleCancellation(prisma, shop, stale.orderId, staleBefore, now))) continue;
    await record(stale.orderId, () =>
      cancelClaimedOrder(client, shop, stale.orderId, { ...policy, ...stale }, { resumed: true, now }),
    );
  }

  const waiting = await readyPickupOrdersSince(prisma, shop, new Date(now.getTime() - policy.days * DAY_MS));
  for (const candidate of ordersToAutoCancel(waiting, policy, now)) {
    const claim = { orderId: candidate.orderId, restock: policy.restock, refund: policy.refund, at: now };
    if (!(await claimUncollectedCancellation(prisma, shop, claim))) continue;
    await record(candidate.orderId, () =>
      cancelClaimedOrder(client, shop, candidate.orderId, policy, { resumed: false, now }),
    );
  }
  return sweep;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Re-reads a claimed order, cancels it when Shopify still shows it waiting, and settles the claim. */
async function cancelClaimedOrder(
  client: AdminClient,
  shop: string,
  orderId: string,
  policy: UncollectedPolicy,
  { resumed, now }: { resumed: boolean; now: Date },
): Promise<OrderOutcome> {
  const settle = async (status: Exclude<UncollectedCancellationStatus, "REQUESTED">, reason: string | null) => {
    await settleUncollectedCancellation(prisma, shop, orderId, { status, reason, at: now });
    return status;
  };
  const staffNote = uncollectedStaffNote(policy.days);

  let decision;
  try {
    decision = recheckUncollected(await fetchOrderPickupState(client, orderId));
  } catch (error) {
    await noteUnsettledCancellation(prisma, shop, orderId, `Shopify could not be read: ${messageOf(error)}`);
    return "UNSETTLED";
  }
  if (decision.kind === "ALREADY_CANCELLED") {
    // A resumed claim's cancel most likely reached Shopify before the run died.
    return resumed ? settle("CANCELLED", staffNote) : settle("SKIPPED", "Already cancelled in Shopify");
  }
  if (decision.kind === "SKIP") return settle("SKIPPED", decision.reason);

  try {
    await cancelOrderInShopify(client, {
      orderId,
      restock: policy.restock,
      refund: policy.refund,
      notifyCustomer: policy.notifyCustomer,
      staffNote,
    });
  } catch (error) {
    if (error instanceof AdminApiUserError) {
      return settle("FAILED", `Shopify refused: ${error.userErrors.map((userError) => userError.message).join("; ")}`);
    }
    // Timeout, 5xx, throttling: it may have been cancelled; the next run re-reads before asking again.
    await noteUnsettledCancellation(prisma, shop, orderId, `No answer from Shopify yet: ${messageOf(error)}`);
    return "UNSETTLED";
  }
  return settle("CANCELLED", staffNote);
}
