import { connection, type ConnectionArgs } from "../connection";
import { supportedActions } from "../fulfillment-order-status";
import { locationsForMove } from "../fulfillment-orders";
import { gid, idOf } from "../ids";
import { isQuantityName, quantityOf } from "../inventory";
import { filterBySearch } from "../search-query";
import type {
  CustomerRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LevelRecord,
  LineItemRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  ShopState,
  VariantRecord,
} from "../state";
import {
  fulfillmentOrderViewOf,
  inventoryItemViewOf,
  locationViewOf,
  nodeByGid,
  orderViewOf,
  productViewOf,
  variantViewOf,
} from "./lookup";
import { resolversFor, type ResolverContext, type ResolverMap } from "./types";
import {
  RECORD,
  count,
  customerView,
  foLineItemView,
  fulfillmentView,
  holdView,
  inventoryLevelId,
  levelView,
  lineItemView,
  metafieldView,
  type FoLineSource,
  type View,
} from "./views";

/** Relations and computed fields of the emulated object types. */

const st = (ctx: ResolverContext): ShopState => ctx.shop.state;

function levelsConnection(levels: readonly LevelRecord[], args: ConnectionArgs & { query?: string | null }, ctx: ResolverContext) {
  const filtered = filterBySearch(
    levels,
    args.query,
    {
      updated_at: (l) => l.updatedAt,
      inventory_item_id: (l) => l.inventoryItemId,
      location_id: (l) => l.locationId,
    },
    "InventoryLevel",
  );
  return connection(filtered, args, (l) => `${l.locationId}:${l.inventoryItemId}`, levelView, { bulk: ctx.bulk });
}

/** Metafield resolvers shared by every HasMetafields type the emulator serves. */
function metafieldResolvers(ownerGid: (source: View<{ id: number }>) => string) {
  return {
    metafield: (source: View<{ id: number }>, args: { namespace?: string | null; key: string }, ctx: ResolverContext) => {
      const owner = ownerGid(source);
      const namespace = args.namespace ?? appNamespace();
      const found = st(ctx).data.metafields.find((m) => m.ownerId === owner && m.namespace === namespace && m.key === args.key);
      return found ? metafieldView(found) : null;
    },
    metafields: (
      source: View<{ id: number }>,
      args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null },
      ctx: ResolverContext,
    ) => {
      const owner = ownerGid(source);
      const list = st(ctx).data.metafields.filter(
        (m) =>
          m.ownerId === owner &&
          (!args.namespace || m.namespace === args.namespace) &&
          (!args.keys || args.keys.includes(`${m.namespace}.${m.key}`)),
      );
      return connection(list, args, (m) => m.id, metafieldView, { bulk: ctx.bulk });
    },
  };
}

/** The namespace Shopify reserves for the calling app when none is given. */
export function appNamespace(): string {
  return "$app";
}

function lineSources(state: ShopState, fo: FulfillmentOrderRecord): FoLineSource[] {
  const order = state.ordersById.get(fo.orderId);
  if (!order) return [];
  return fo.lineItems.flatMap((line) => {
    const lineItem = state.lineItem(order, line.lineItemId);
    return lineItem ? [{ fo, line, lineItem }] : [];
  });
}

function unfulfilledQuantity(state: ShopState, order: OrderRecord, lineItem: LineItemRecord): number {
  if (order.cancelledAt) return 0;
  return state
    .fulfillmentOrdersOf(order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED")
    .flatMap((fo) => fo.lineItems)
    .filter((l) => l.lineItemId === lineItem.id)
    .reduce((n, l) => n + l.remainingQuantity, 0);
}

export function displayFulfillmentStatus(state: ShopState, order: OrderRecord): string {
  const fos = state.fulfillmentOrdersOf(order.id);
  const fulfilled = order.fulfillmentIds.length > 0;
  const remaining = fos.reduce((n, fo) => n + fo.lineItems.reduce((m, l) => m + l.remainingQuantity, 0), 0);
  if (order.cancelledAt) return fulfilled ? "PARTIALLY_FULFILLED" : "UNFULFILLED";
  if (fulfilled) return remaining === 0 ? "FULFILLED" : "PARTIALLY_FULFILLED";
  const active = fos.filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
  if (active.length > 0 && active.every((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
  // "All of the items in the order have had a request for fulfillment sent to the fulfillment
  // service or all of the items have been marked as in progress" (OrderDisplayFulfillmentStatus).
  if (active.length > 0 && active.every((fo) => fo.status === "IN_PROGRESS")) return "IN_PROGRESS";
  return "UNFULFILLED";
}

export const objectResolvers: ResolverMap = {
  Shop: resolversFor<View<{ id: number }>>({
    ...metafieldResolvers(() => gid("Shop", 1)),
  }),

  Location: resolversFor<View<LocationRecord>>({
    inventoryLevels: (source, args: ConnectionArgs & { query?: string | null }, ctx) =>
      levelsConnection(st(ctx).levelsAtLocation(source[RECORD].id), args, ctx),
    inventoryLevel: (source, args: { inventoryItemId: string }, ctx) => {
      const itemId = idOf(args.inventoryItemId, "InventoryItem");
      const level = itemId === null ? undefined : st(ctx).level(source[RECORD].id, itemId);
      return level ? levelView(level) : null;
    },
    hasActiveInventory: (source, _args, ctx) => st(ctx).levelsAtLocation(source[RECORD].id).length > 0,
    hasUnfulfilledOrders: (source, _args, ctx) =>
      st(ctx).data.fulfillmentOrders.some(
        (fo) => fo.assignedLocationId === source[RECORD].id && (fo.status === "OPEN" || fo.status === "IN_PROGRESS"),
      ),
    ...metafieldResolvers((s) => gid("Location", s[RECORD].id)),
  }),

  InventoryLevel: resolversFor<View<LevelRecord>>({
    item: (source, _args, ctx) => inventoryItemViewOf(st(ctx), source[RECORD].inventoryItemId),
    location: (source, _args, ctx) => locationViewOf(st(ctx), source[RECORD].locationId),
    quantities: (source, args: { names: string[] }) =>
      args.names.map((name) => {
        if (!isQuantityName(name)) throw new Error(`The quantity name '${name}' is not valid.`);
        const level = source[RECORD];
        return {
          __typename: "InventoryQuantity",
          id: gid("InventoryQuantity", level.locationId, { inventory_item_id: level.inventoryItemId, name }),
          name,
          quantity: quantityOf(level, name),
          updatedAt: level.updatedAt,
        };
      }),
  }),

  InventoryItem: resolversFor<View<VariantRecord>>({
    inventoryLevels: (source, args: ConnectionArgs & { query?: string | null }, ctx) =>
      levelsConnection(st(ctx).levelsOfItem(source[RECORD].inventoryItemId), args, ctx),
    inventoryLevel: (source, args: { locationId: string }, ctx) => {
      const locationId = idOf(args.locationId, "Location");
      const level = locationId === null ? undefined : st(ctx).level(locationId, source[RECORD].inventoryItemId);
      return level ? levelView(level) : null;
    },
    locationsCount: (source, _args, ctx) => count(st(ctx).levelsOfItem(source[RECORD].inventoryItemId).length),
    variant: (source, _args, ctx) => variantViewOf(st(ctx), source[RECORD].id),
    variants: (source, args: ConnectionArgs, ctx) =>
      connection([source[RECORD]], args, (v) => v.id, () => variantViewOf(st(ctx), source[RECORD].id), { bulk: ctx.bulk }),
  }),

  ProductVariant: resolversFor<View<VariantRecord>>({
    inventoryItem: (source, _args, ctx) => inventoryItemViewOf(st(ctx), source[RECORD].inventoryItemId),
    product: (source, _args, ctx) => productViewOf(st(ctx), source[RECORD].productId),
    displayName: (source, _args, ctx) =>
      `${st(ctx).productsById.get(source[RECORD].productId)?.title ?? ""} - ${source[RECORD].title}`,
    inventoryQuantity: (source, _args, ctx) =>
      st(ctx).levelsOfItem(source[RECORD].inventoryItemId).reduce((n, l) => n + l.available, 0),
    sellableOnlineQuantity: (source, _args, ctx) =>
      st(ctx)
        .levelsOfItem(source[RECORD].inventoryItemId)
        .filter((l) => st(ctx).locationsById.get(l.locationId)?.fulfillsOnlineOrders)
        .reduce((n, l) => n + Math.max(0, l.available), 0),
    position: (source, _args, ctx) =>
      (st(ctx).productsById.get(source[RECORD].productId)?.variantIds.indexOf(source[RECORD].id) ?? 0) + 1,
    ...metafieldResolvers((s) => gid("ProductVariant", s[RECORD].id)),
  }),

  Product: resolversFor<View<ProductRecord>>({
    variants: (source, args: ConnectionArgs, ctx) =>
      connection(source[RECORD].variantIds, args, (id) => id, (id) => variantViewOf(st(ctx), id), { bulk: ctx.bulk }),
    variantsCount: (source) => count(source[RECORD].variantIds.length),
    totalInventory: (source, _args, ctx) =>
      source[RECORD].variantIds.reduce((n, id) => {
        const variant = st(ctx).variantsById.get(id);
        return n + (variant ? st(ctx).levelsOfItem(variant.inventoryItemId).reduce((m, l) => m + l.available, 0) : 0);
      }, 0),
    ...metafieldResolvers((s) => gid("Product", s[RECORD].id)),
  }),

  Order: resolversFor<View<OrderRecord>>({
    lineItems: (source, args: ConnectionArgs, ctx) => {
      const order = source[RECORD];
      return connection(
        order.lineItems,
        args,
        (l) => l.id,
        (l) => lineItemView(l, st(ctx).data.currency, unfulfilledQuantity(st(ctx), order, l)),
        { bulk: ctx.bulk },
      );
    },
    shippingLines: (source, args: ConnectionArgs, ctx) => {
      const line = source[RECORD].shippingLine;
      const view = (source as unknown as { shippingLine: unknown }).shippingLine;
      return connection(line ? [line] : [], args, (l) => l.id, () => view, { bulk: ctx.bulk });
    },
    customer: (source, _args, ctx) => {
      const id = source[RECORD].customerId;
      const customer = id === null ? undefined : st(ctx).customersById.get(id);
      return customer ? customerView(customer, source[RECORD].createdAt) : null;
    },
    fulfillmentOrders: (source, args: ConnectionArgs & { displayable?: boolean | null; query?: string | null }, ctx) => {
      const fos = filterBySearch(
        st(ctx).fulfillmentOrdersOf(source[RECORD].id),
        args.query,
        { status: (fo) => fo.status, assigned_location_id: (fo) => fo.assignedLocationId },
        "FulfillmentOrder",
      ).filter((fo) => !args.displayable || fo.status !== "CANCELLED");
      return connection(fos, args, (fo) => fo.id, (fo) => fulfillmentOrderViewOf(st(ctx), fo), { bulk: ctx.bulk });
    },
    fulfillments: (source, args: { first?: number | null }, ctx) => {
      const list = source[RECORD].fulfillmentIds.flatMap((id) => {
        const f = st(ctx).fulfillmentsById.get(id);
        return f ? [fulfillmentView(f)] : [];
      });
      return args.first ? list.slice(0, args.first) : list;
    },
    fulfillmentsCount: (source) => count(source[RECORD].fulfillmentIds.length),
    displayFulfillmentStatus: (source, _args, ctx) => displayFulfillmentStatus(st(ctx), source[RECORD]),
    fulfillable: (source, _args, ctx) =>
      !source[RECORD].cancelledAt &&
      st(ctx)
        .fulfillmentOrdersOf(source[RECORD].id)
        .some((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS"),
    ...metafieldResolvers((s) => gid("Order", s[RECORD].id)),
  }),

  LineItem: resolversFor<View<LineItemRecord>>({
    variant: (source, _args, ctx) => variantViewOf(st(ctx), source[RECORD].variantId),
    product: (source, _args, ctx) => productViewOf(st(ctx), source[RECORD].productId),
  }),

  Customer: resolversFor<View<CustomerRecord>>({
    ...metafieldResolvers((s) => gid("Customer", s[RECORD].id)),
  }),

  FulfillmentOrder: resolversFor<View<FulfillmentOrderRecord>>({
    assignedLocation: (source, _args, ctx) => {
      const location = st(ctx).locationsById.get(source[RECORD].assignedLocationId);
      if (!location) throw new Error(`fulfillment order ${source[RECORD].id} is assigned to an unknown location`);
      const a = location.address;
      return {
        name: location.name,
        address1: a.address1,
        address2: null,
        city: a.city,
        province: a.provinceCode,
        zip: a.zip,
        countryCode: a.countryCode,
        phone: a.phone ?? null,
        location: locationViewOf(st(ctx), location.id),
      };
    },
    destination: (source, _args, ctx) => {
      const fo = source[RECORD];
      const order = st(ctx).ordersById.get(fo.orderId);
      if (!order) return null;
      const a = order.shippingAddress;
      // A pickup fulfilment order is collected where it is assigned, so a move takes its pickup point
      // with it. The docs do not settle this for a moved pickup order: see the move in ../fulfillment-orders.ts.
      const pickup = fo.deliveryMethod.methodType === "PICK_UP" ? fo.assignedLocationId : null;
      if (!a && pickup === null) return null;
      return {
        __typename: "FulfillmentOrderDestination",
        id: gid("FulfillmentOrderDestination", fo.id),
        address1: a?.address1 ?? null,
        address2: a?.address2 ?? null,
        city: a?.city ?? null,
        company: null,
        countryCode: a?.countryCode ?? null,
        province: a?.provinceCode ?? null,
        zip: a?.zip ?? null,
        email: order.email,
        firstName: a?.firstName ?? null,
        lastName: a?.lastName ?? null,
        phone: order.phone,
        location: pickup === null ? null : locationViewOf(st(ctx), pickup),
      };
    },
    lineItems: (source, args: ConnectionArgs, ctx) =>
      connection(lineSources(st(ctx), source[RECORD]), args, (s) => s.line.id, foLineItemView, { bulk: ctx.bulk }),
    supportedActions: (source) => supportedActions(source[RECORD]).map((action) => ({ action, externalUrl: null })),
    fulfillmentHolds: (source) => source[RECORD].holds.map(holdView),
    order: (source, _args, ctx) => {
      const order = st(ctx).ordersById.get(source[RECORD].orderId);
      return order ? orderViewOf(st(ctx), order) : null;
    },
    fulfillments: (source, args: ConnectionArgs, ctx) => {
      const foId = source[RECORD].id;
      const list = st(ctx).data.fulfillments.filter((f) => f.lines.some((l) => l.fulfillmentOrderId === foId));
      return connection(list, args, (f) => f.id, fulfillmentView, { bulk: ctx.bulk });
    },
    locationsForMove: (
      source,
      args: ConnectionArgs & { lineItemIds?: string[] | null; locationIds?: string[] | null; query?: string | null },
      ctx,
    ) => {
      const fo = source[RECORD];
      const options = {
        lineItemIds: (args.lineItemIds ?? []).flatMap((id) => idOf(id, "FulfillmentOrderLineItem") ?? []),
        locationIds: args.locationIds ? args.locationIds.flatMap((id) => idOf(id, "Location") ?? []) : undefined,
      };
      const candidates = locationsForMove(ctx.shop, fo, options);
      const searched = filterBySearch(
        candidates,
        args.query,
        { name: (c) => c.location.name, default: (c) => c.location.name, id: (c) => c.location.id },
        "FulfillmentOrderLocationForMove",
      );
      const sources = lineSources(st(ctx), fo);
      const toViews = (lines: { id: number }[]) =>
        sources.filter((s) => lines.some((l) => l.id === s.line.id));
      return connection(
        searched,
        args,
        (c) => c.location.id,
        (c) => ({
          __typename: "FulfillmentOrderLocationForMove",
          location: locationViewOf(st(ctx), c.location.id),
          movable: c.movable,
          message: c.message,
          availableLineItemsCount: count(c.availableLineItems.length),
          unavailableLineItemsCount: count(c.unavailableLineItems.length),
          [RECORD]: { available: toViews(c.availableLineItems), unavailable: toViews(c.unavailableLineItems) },
        }),
        { bulk: ctx.bulk },
      );
    },
  }),

  FulfillmentOrderLocationForMove: resolversFor<View<{ available: FoLineSource[]; unavailable: FoLineSource[] }>>({
    availableLineItems: (source, args: ConnectionArgs, ctx) =>
      connection(source[RECORD].available, args, (s) => s.line.id, foLineItemView, { bulk: ctx.bulk }),
    unavailableLineItems: (source, args: ConnectionArgs, ctx) =>
      connection(source[RECORD].unavailable, args, (s) => s.line.id, foLineItemView, { bulk: ctx.bulk }),
  }),

  FulfillmentOrderLineItem: resolversFor<View<FoLineSource>>({
    lineItem: (source, _args, ctx) => {
      const { fo, lineItem } = source[RECORD];
      const order = st(ctx).ordersById.get(fo.orderId);
      return order ? lineItemView(lineItem, st(ctx).data.currency, unfulfilledQuantity(st(ctx), order, lineItem)) : null;
    },
    variant: (source, _args, ctx) => variantViewOf(st(ctx), source[RECORD].lineItem.variantId),
  }),

  Fulfillment: resolversFor<View<FulfillmentRecord>>({
    location: (source, _args, ctx) => locationViewOf(st(ctx), source[RECORD].locationId),
    order: (source, _args, ctx) => {
      const order = st(ctx).ordersById.get(source[RECORD].orderId);
      return order ? orderViewOf(st(ctx), order) : null;
    },
    trackingInfo: (source, args: { first?: number | null }) => {
      const f = source[RECORD];
      const list = f.trackingNumbers.map((number, i) => ({ company: f.trackingCompany, number, url: f.trackingUrls[i] ?? null }));
      return args.first ? list.slice(0, args.first) : list;
    },
    fulfillmentLineItems: (source, args: ConnectionArgs, ctx) => {
      const f = source[RECORD];
      const order = st(ctx).ordersById.get(f.orderId);
      return connection(
        f.lines,
        args,
        (l) => l.fulfillmentOrderLineItemId,
        (l) => {
          const lineItem = order ? st(ctx).lineItem(order, l.lineItemId) : undefined;
          return {
            __typename: "FulfillmentLineItem",
            id: gid("FulfillmentLineItem", l.fulfillmentOrderLineItemId),
            quantity: l.quantity,
            lineItem: lineItem ? lineItemView(lineItem, st(ctx).data.currency, 0) : null,
          };
        },
        { bulk: ctx.bulk },
      );
    },
    fulfillmentOrders: (source, args: ConnectionArgs, ctx) => {
      const ids = [...new Set(source[RECORD].lines.map((l) => l.fulfillmentOrderId))];
      const fos = ids.flatMap((id) => st(ctx).fulfillmentOrdersById.get(id) ?? []);
      return connection(fos, args, (fo) => fo.id, (fo) => fulfillmentOrderViewOf(st(ctx), fo), { bulk: ctx.bulk });
    },
  }),

  Metafield: resolversFor<View<{ ownerId: string }>>({
    owner: (source, _args, ctx) => nodeByGid(st(ctx), source[RECORD].ownerId, ctx.publicUrl),
  }),
};

export { inventoryLevelId };
