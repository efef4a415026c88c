import { connection, type ConnectionArgs } from "../connection";
import { idOf } from "../ids";
import { filterBySearch } from "../search-query";
import type { FulfillmentOrderRecord, LocationRecord, OrderRecord, VariantRecord } from "../state";
import {
  fulfillmentOrderViewOf,
  inventoryItemViewOf,
  levelByGid,
  locationViewOf,
  nodeByGid,
  orderViewOf,
  productViewOf,
  variantViewOf,
} from "./lookup";
import { displayFulfillmentStatus } from "./objects";
import { resolversFor, type ResolverContext, type ResolverMap } from "./types";
import { bulkOperationView, count, customerView, levelView, shopView } from "./views";

/** QueryRoot: the entry points the app reads. */

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

function sortLocations(locations: LocationRecord[], sortKey: string | null | undefined): LocationRecord[] {
  if (sortKey === "ID") return [...locations].sort((a, b) => a.id - b.id);
  return [...locations].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

function searchLocations(ctx: ResolverContext, args: SearchArgs & { includeInactive?: boolean | null }) {
  const all = ctx.shop.state.data.locations.filter((l) => args.includeInactive || l.isActive);
  return filterBySearch(
    all,
    args.query,
    {
      active: (l) => String(l.isActive),
      name: (l) => l.name,
      default: (l) => l.name,
      id: (l) => l.id,
      location_id: (l) => l.id,
      pickup_in_store: (l) => (l.pickupEnabled ? "enabled" : "disabled"),
      city: (l) => l.address.city,
      province: (l) => l.address.provinceCode,
      country: (l) => l.address.countryCode,
    },
    "Location",
  );
}

function searchOrders(ctx: ResolverContext, query: string | null | undefined) {
  const state = ctx.shop.state;
  return filterBySearch(
    state.data.orders,
    query,
    {
      name: (o) => o.name,
      default: (o) => o.name,
      id: (o) => o.id,
      created_at: (o) => o.createdAt,
      updated_at: (o) => o.updatedAt,
      processed_at: (o) => o.processedAt,
      email: (o) => o.email,
      status: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open"),
      fulfillment_status: (o) => displayFulfillmentStatus(state, o).toLowerCase(),
      delivery_method: (o) => (o.deliveryMethod === "PICK_UP" ? "pickup" : o.deliveryMethod === "LOCAL" ? "local" : "shipping"),
    },
    "Order",
  );
}

function sortOrders(orders: readonly OrderRecord[], sortKey: string | null | undefined): readonly OrderRecord[] {
  switch (sortKey) {
    case "ID":
      return [...orders].sort((a, b) => a.id - b.id);
    case "UPDATED_AT":
      return [...orders].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id);
    case "CREATED_AT":
    case "PROCESSED_AT":
    default:
      return [...orders].sort((a, b) => a.processedAt.localeCompare(b.processedAt) || a.id - b.id);
  }
}

function searchVariants(ctx: ResolverContext, query: string | null | undefined): readonly VariantRecord[] {
  const state = ctx.shop.state;
  // The common case, one SKU, is an index lookup rather than a scan over every variant.
  const exactSku = /^\s*sku:(?:"([^"*]+)"|'([^'*]+)'|([^\s"'*]+))\s*$/.exec(query ?? "");
  if (exactSku) {
    const sku = exactSku[1] ?? exactSku[2] ?? exactSku[3] ?? "";
    const found = state.variantsBySku.get(sku);
    return found ? [found] : [];
  }
  return filterBySearch(
    state.data.variants,
    query,
    {
      sku: (v) => v.sku,
      barcode: (v) => v.barcode,
      default: (v) => v.sku,
      id: (v) => v.id,
      product_id: (v) => v.productId,
      inventory_item_id: (v) => v.inventoryItemId,
      title: (v) => v.title,
    },
    "ProductVariant",
  );
}

function searchFulfillmentOrders(ctx: ResolverContext, args: SearchArgs & { includeClosed?: boolean | null }) {
  const list = ctx.shop.state.data.fulfillmentOrders.filter(
    (fo) => args.includeClosed || (fo.status !== "CLOSED" && fo.status !== "CANCELLED"),
  );
  return filterBySearch<FulfillmentOrderRecord>(
    list,
    args.query,
    {
      status: (fo) => fo.status.toLowerCase(),
      assigned_location_id: (fo) => fo.assignedLocationId,
      updated_at: (fo) => fo.updatedAt,
      created_at: (fo) => fo.createdAt,
      id: (fo) => fo.id,
      order_id: (fo) => fo.orderId,
    },
    "FulfillmentOrder",
  );
}

export const queryResolvers: ResolverMap = {
  QueryRoot: resolversFor<unknown>({
    shop: (_source, _args, ctx) => shopView(ctx.shop.state),
    location: (_source, args: { id?: string | null }, ctx) => {
      const state = ctx.shop.state;
      if (!args.id) return locationViewOf(state, state.locationsByRank[0]?.id ?? -1);
      const id = idOf(args.id, "Location");
      return id === null ? null : locationViewOf(state, id);
    },
    locations: (_source, args: SearchArgs & { includeInactive?: boolean | null }, ctx) =>
      connection(
        sortLocations([...searchLocations(ctx, args)], args.sortKey),
        args,
        (l) => l.id,
        (l) => locationViewOf(ctx.shop.state, l.id),
        { bulk: ctx.bulk },
      ),
    locationsCount: (_source, args: { query?: string | null; limit?: number | null }, ctx) => {
      const found = searchLocations(ctx, { query: args.query, includeInactive: true }).length;
      const limit = args.limit ?? null;
      return limit !== null && found > limit
        ? { count: limit, precision: "AT_LEAST" }
        : count(found);
    },
    inventoryItem: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "InventoryItem");
      return id === null ? null : inventoryItemViewOf(ctx.shop.state, id);
    },
    inventoryItems: (_source, args: SearchArgs, ctx) =>
      connection(
        searchVariants(ctx, args.query),
        args,
        (v) => v.inventoryItemId,
        (v) => inventoryItemViewOf(ctx.shop.state, v.inventoryItemId),
        { bulk: ctx.bulk },
      ),
    inventoryLevel: (_source, args: { id: string }, ctx) => {
      const level = levelByGid(ctx.shop.state, args.id);
      return level ? levelView(level) : null;
    },
    product: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "Product");
      return id === null ? null : productViewOf(ctx.shop.state, id);
    },
    products: (_source, args: SearchArgs, ctx) =>
      connection(
        filterBySearch(
          ctx.shop.state.data.products,
          args.query,
          { title: (p) => p.title, default: (p) => p.title, id: (p) => p.id, vendor: (p) => p.vendor, product_type: (p) => p.productType },
          "Product",
        ),
        args,
        (p) => p.id,
        (p) => productViewOf(ctx.shop.state, p.id),
        { bulk: ctx.bulk },
      ),
    productVariant: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "ProductVariant");
      return id === null ? null : variantViewOf(ctx.shop.state, id);
    },
    productVariants: (_source, args: SearchArgs, ctx) =>
      connection(searchVariants(ctx, args.query), args, (v) => v.id, (v) => variantViewOf(ctx.shop.state, v.id), {
        bulk: ctx.bulk,
      }),
    order: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "Order");
      const order = id === null ? undefined : ctx.shop.state.ordersById.get(id);
      return order ? orderViewOf(ctx.shop.state, order) : null;
    },
    orders: (_source, args: SearchArgs, ctx) =>
      connection(
        sortOrders(searchOrders(ctx, args.query), args.sortKey),
        args,
        (o) => o.id,
        (o) => orderViewOf(ctx.shop.state, o),
        { bulk: ctx.bulk },
      ),
    ordersCount: (_source, args: { query?: string | null }, ctx) => count(searchOrders(ctx, args.query).length),
    customer: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "Customer");
      const customer = id === null ? undefined : ctx.shop.state.customersById.get(id);
      return customer ? customerView(customer, ctx.shop.state.data.createdAt) : null;
    },
    fulfillmentOrder: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "FulfillmentOrder");
      const fo = id === null ? undefined : ctx.shop.state.fulfillmentOrdersById.get(id);
      return fo ? fulfillmentOrderViewOf(ctx.shop.state, fo) : null;
    },
    fulfillmentOrders: (_source, args: SearchArgs & { includeClosed?: boolean | null }, ctx) =>
      connection(searchFulfillmentOrders(ctx, args), args, (fo) => fo.id, (fo) => fulfillmentOrderViewOf(ctx.shop.state, fo), {
        bulk: ctx.bulk,
      }),
    node: (_source, args: { id: string }, ctx) => nodeByGid(ctx.shop.state, args.id, ctx.publicUrl),
    nodes: (_source, args: { ids: string[] }, ctx) => args.ids.map((id) => nodeByGid(ctx.shop.state, id, ctx.publicUrl)),
    currentBulkOperation: (_source, args: { type?: string | null }, ctx) => {
      if (args.type === "MUTATION") return null;
      const operations = ctx.shop.state.data.bulkOperations;
      const latest = operations[operations.length - 1];
      return latest ? bulkOperationView(latest, ctx.publicUrl, ctx.shop.state.domain) : null;
    },
    bulkOperation: (_source, args: { id: string }, ctx) => {
      const id = idOf(args.id, "BulkOperation");
      const operation = id === null ? undefined : ctx.shop.state.bulkOperationsById.get(id);
      return operation ? bulkOperationView(operation, ctx.publicUrl, ctx.shop.state.domain) : null;
    },
  }),
};
