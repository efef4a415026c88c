import {
  createFulfillment,
  holdFulfillmentOrder,
  moveFulfillmentOrder,
  prepareForPickup,
  releaseHold,
  rerouteFulfillmentOrders,
  type LineRequest,
} from "../fulfillment-orders";
import { openFulfillmentOrder, reportProgress } from "../fulfillment-order-progress";
import { idOf } from "../ids";
import { fulfillmentOrderViewOf } from "../resolvers/lookup";
import { resolversFor, type ResolverContext } from "../resolvers/types";
import { fulfillmentView, holdView } from "../resolvers/views";
import type { FulfillmentOrderRecord } from "../state";

/** Fulfilment order mutations: arguments as the 2026-04 schema declares them, Shopify's payloads. */

type LineInput = { id: string; quantity: number };

function lineRequests(lines: LineInput[] | null | undefined): LineRequest[] | undefined {
  if (!lines) return undefined;
  // An unknown id becomes -1 so the operation reports it as a missing line item.
  return lines.map((l) => ({ id: idOf(l.id, "FulfillmentOrderLineItem") ?? -1, quantity: l.quantity }));
}

const foView = (ctx: ResolverContext, fo: FulfillmentOrderRecord | null) =>
  fo ? fulfillmentOrderViewOf(ctx.shop.state, fo) : null;

export const fulfillmentMutations = resolversFor<unknown>({
  fulfillmentOrderMove: (
    _source,
    args: { id: string; newLocationId: string; fulfillmentOrderLineItems?: LineInput[] | null },
    ctx,
  ) => {
    const result = moveFulfillmentOrder(
      ctx.shop,
      idOf(args.id, "FulfillmentOrder"),
      idOf(args.newLocationId, "Location"),
      lineRequests(args.fulfillmentOrderLineItems),
    );
    if (!result.ok) {
      return { movedFulfillmentOrder: null, originalFulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: result.errors };
    }
    return {
      movedFulfillmentOrder: foView(ctx, result.value.moved),
      originalFulfillmentOrder: foView(ctx, result.value.original),
      remainingFulfillmentOrder: foView(ctx, result.value.remaining),
      userErrors: [],
    };
  },

  fulfillmentOrdersReroute: (
    _source,
    args: { fulfillmentOrderIds: string[]; includedLocationIds?: string[] | null; excludedLocationIds?: string[] | null },
    ctx,
  ) => {
    const result = rerouteFulfillmentOrders(
      ctx.shop,
      args.fulfillmentOrderIds.map((id) => idOf(id, "FulfillmentOrder")),
      args.includedLocationIds?.flatMap((id) => idOf(id, "Location") ?? []),
      args.excludedLocationIds?.flatMap((id) => idOf(id, "Location") ?? []),
    );
    if (!result.ok) return { movedFulfillmentOrders: null, userErrors: result.errors };
    return { movedFulfillmentOrders: result.value.map((fo) => foView(ctx, fo)), userErrors: [] };
  },

  fulfillmentOrderLineItemsPreparedForPickup: (
    _source,
    args: { input: { lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[] } },
    ctx,
  ) => {
    const result = prepareForPickup(
      ctx.shop,
      args.input.lineItemsByFulfillmentOrder.map((l) => idOf(l.fulfillmentOrderId, "FulfillmentOrder")),
    );
    return { userErrors: result.ok ? [] : result.errors };
  },

  fulfillmentCreate: (
    _source,
    args: {
      fulfillment: {
        lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: LineInput[] | null }[];
        trackingInfo?: { company?: string | null; number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null } | null;
        notifyCustomer?: boolean | null;
      };
    },
    ctx,
  ) => {
    const result = createFulfillment(ctx.shop, {
      lineItemsByFulfillmentOrder: args.fulfillment.lineItemsByFulfillmentOrder.map((g) => ({
        fulfillmentOrderId: idOf(g.fulfillmentOrderId, "FulfillmentOrder"),
        fulfillmentOrderLineItems: lineRequests(g.fulfillmentOrderLineItems),
      })),
      trackingInfo: args.fulfillment.trackingInfo ?? undefined,
      notifyCustomer: args.fulfillment.notifyCustomer,
    });
    if (!result.ok) return { fulfillment: null, userErrors: result.errors.map(({ field, message }) => ({ field, message })) };
    return { fulfillment: fulfillmentView(result.value), userErrors: [] };
  },

  fulfillmentOrderHold: (
    _source,
    args: {
      id: string;
      fulfillmentHold: {
        reason: string;
        reasonNotes?: string | null;
        handle?: string | null;
        externalId?: string | null;
        fulfillmentOrderLineItems?: LineInput[] | null;
      };
    },
    ctx,
  ) => {
    const hold = args.fulfillmentHold;
    const result = holdFulfillmentOrder(ctx.shop, idOf(args.id, "FulfillmentOrder"), {
      reason: hold.reason,
      reasonNotes: hold.reasonNotes,
      handle: hold.handle,
      externalId: hold.externalId,
      fulfillmentOrderLineItems: lineRequests(hold.fulfillmentOrderLineItems),
    });
    if (!result.ok) {
      return { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: result.errors };
    }
    return {
      fulfillmentHold: holdView(result.value.hold),
      fulfillmentOrder: foView(ctx, result.value.fo),
      remainingFulfillmentOrder: foView(ctx, result.value.remaining),
      userErrors: [],
    };
  },

  fulfillmentOrderReleaseHold: (_source, args: { id: string; holdIds?: string[] | null }, ctx) => {
    const result = releaseHold(
      ctx.shop,
      idOf(args.id, "FulfillmentOrder"),
      args.holdIds?.map((id) => idOf(id, "FulfillmentHold") ?? -1),
    );
    if (!result.ok) return { fulfillmentOrder: null, userErrors: result.errors };
    return { fulfillmentOrder: foView(ctx, result.value), userErrors: [] };
  },

  fulfillmentOrderReportProgress: (
    _source,
    args: { id: string; progressReport?: { reasonNotes?: string | null } | null },
    ctx,
  ) => {
    const result = reportProgress(ctx.shop, idOf(args.id, "FulfillmentOrder"), {
      reasonNotes: args.progressReport?.reasonNotes,
    });
    if (!result.ok) return { fulfillmentOrder: null, userErrors: result.errors };
    return { fulfillmentOrder: foView(ctx, result.value), userErrors: [] };
  },

  fulfillmentOrderOpen: (_source, args: { id: string }, ctx) => {
    const result = openFulfillmentOrder(ctx.shop, idOf(args.id, "FulfillmentOrder"));
    // FulfillmentOrderOpenPayload's userErrors are plain UserErrors: no code.
    if (!result.ok) return { fulfillmentOrder: null, userErrors: result.errors.map(({ field, message }) => ({ field, message })) };
    return { fulfillmentOrder: foView(ctx, result.value), userErrors: [] };
  },
});
