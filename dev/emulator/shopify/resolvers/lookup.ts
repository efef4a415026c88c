import { parseGid } from "../ids";
import type { FulfillmentOrderRecord, LevelRecord, OrderRecord, ShopState } from "../state";
import {
  bulkOperationView,
  customerView,
  fulfillmentOrderView,
  fulfillmentView,
  inventoryItemView,
  levelView,
  locationView,
  metafieldView,
  orderView,
  productView,
  variantView,
} from "./views";

/** Builds views from records and finds any emulated object by its gid (for node, nodes, owners). */

export function locationViewOf(state: ShopState, locationId: number) {
  const location = state.locationsById.get(locationId);
  return location ? locationView(location, state.locationsByRank[0]?.id === location.id) : null;
}

export function inventoryItemViewOf(state: ShopState, inventoryItemId: number) {
  const variant = state.variantsByInventoryItem.get(inventoryItemId);
  return variant ? inventoryItemView(variant, state.data.createdAt) : null;
}

export function variantViewOf(state: ShopState, variantId: number) {
  const variant = state.variantsById.get(variantId);
  return variant ? variantView(variant, state.data.createdAt) : null;
}

export function productViewOf(state: ShopState, productId: number) {
  const product = state.productsById.get(productId);
  return product ? productView(product) : null;
}

export function orderViewOf(state: ShopState, order: OrderRecord) {
  return orderView(order, state.data.currency);
}

export function fulfillmentOrderViewOf(state: ShopState, fo: FulfillmentOrderRecord) {
  const order = state.ordersById.get(fo.orderId);
  if (!order) throw new Error(`fulfillment order ${fo.id} has no order`);
  return fulfillmentOrderView(fo, order);
}

export function levelViewOf(level: LevelRecord) {
  return levelView(level);
}

/** Parses an InventoryLevel gid: gid://shopify/InventoryLevel/<locationId>?inventory_item_id=<id>. */
export function levelByGid(state: ShopState, id: string): LevelRecord | undefined {
  const parsed = parseGid(id);
  if (!parsed || parsed.type !== "InventoryLevel") return undefined;
  const itemId = Number(parsed.params.get("inventory_item_id"));
  return state.level(parsed.id, itemId);
}

export function nodeByGid(state: ShopState, id: string, publicUrl: string): object | null {
  const parsed = parseGid(id);
  if (!parsed) return null;
  switch (parsed.type) {
    case "Location":
      return locationViewOf(state, parsed.id);
    case "InventoryItem":
      return inventoryItemViewOf(state, parsed.id);
    case "InventoryLevel": {
      const level = levelByGid(state, id);
      return level ? levelView(level) : null;
    }
    case "ProductVariant":
      return variantViewOf(state, parsed.id);
    case "Product":
      return productViewOf(state, parsed.id);
    case "Order": {
      const order = state.ordersById.get(parsed.id);
      return order ? orderViewOf(state, order) : null;
    }
    case "FulfillmentOrder": {
      const fo = state.fulfillmentOrdersById.get(parsed.id);
      return fo ? fulfillmentOrderViewOf(state, fo) : null;
    }
    case "Fulfillment": {
      const fulfillment = state.fulfillmentsById.get(parsed.id);
      return fulfillment ? fulfillmentView(fulfillment) : null;
    }
    case "Customer": {
      const customer = state.customersById.get(parsed.id);
      return customer ? customerView(customer, state.data.createdAt) : null;
    }
    case "BulkOperation": {
      const operation = state.bulkOperationsById.get(parsed.id);
      return operation ? bulkOperationView(operation, publicUrl, state.domain) : null;
    }
    case "Metafield": {
      const metafield = state.data.metafields.find((m) => m.id === parsed.id);
      return metafield ? metafieldView(metafield) : null;
    }
    default:
      throw new Error(`not emulated: node of type ${parsed.type}`);
  }
}
