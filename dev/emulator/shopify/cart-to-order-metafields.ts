import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";
import { APP_TOML_PATH } from "../webhooks/subscriptions";
import type { ShopContext } from "./context";
import { gid } from "./ids";
import { appNamespace } from "./resolvers/objects";

/**
 * Cart metafields copied to the order when it is created, as Shopify does from API 2026-04: a
 * cart metafield is copied when an order metafield definition with the same namespace and key has
 * the cartToOrderCopyable capability ("Automatically copy cart metafields to orders at checkout
 * completion", shopify.dev changelog, 4 February 2026; MetafieldCapabilityCartToOrderCopyable).
 * The app's definitions are the ones it declares in shopify.app.toml
 * (`[order.metafields.app.<key>]` with `capabilities.cart_to_order_copyable = true`, the
 * declarative custom data definitions of shopify.dev/docs/apps/build/metafields/definitions),
 * all in the app's reserved namespace ($app). Anything else in the cart stays in the cart.
 */

export interface CartMetafieldInput {
  /** "$app" for the app's own (the only namespace a declared definition has); defaults to it. */
  namespace?: string;
  key: string;
  type: string;
  value: string;
}

export interface OrderMetafieldDefinition {
  namespace: string;
  key: string;
  type: string;
  cartToOrderCopyable: boolean;
}

const declaredSchema = z.object({
  type: z.string().min(1),
  capabilities: z.object({ cart_to_order_copyable: z.boolean().optional() }).optional(),
});

const appTomlSchema = z.object({
  order: z.object({ metafields: z.object({ app: z.record(z.string(), declaredSchema).optional() }) }).optional(),
});

/** The order metafield definitions shopify.app.toml declares. */
export function parseOrderMetafieldDefinitions(tomlText: string): OrderMetafieldDefinition[] {
  const declared = appTomlSchema.parse(parse(tomlText)).order?.metafields.app ?? {};
  return Object.entries(declared).map(([key, definition]) => ({
    namespace: appNamespace(),
    key,
    type: definition.type,
    cartToOrderCopyable: definition.capabilities?.cart_to_order_copyable === true,
  }));
}

let appDefinitions: OrderMetafieldDefinition[] | undefined;

/** The app's declared order metafield definitions, read once per process. */
export function appOrderMetafieldDefinitions(): OrderMetafieldDefinition[] {
  appDefinitions ??= parseOrderMetafieldDefinitions(readFileSync(APP_TOML_PATH, "utf8"));
  return appDefinitions;
}

/**
 * Copies to the new order each cart metafield a copyable definition covers (same namespace, key
 * and type); returns how many it copied.
 */
export function copyCartMetafieldsToOrder(
  ctx: ShopContext,
  orderId: number,
  cartMetafields: readonly CartMetafieldInput[],
  definitions: readonly OrderMetafieldDefinition[] = appOrderMetafieldDefinitions(),
): number {
  const { state } = ctx;
  const ownerId = gid("Order", orderId);
  const at = ctx.nowIso();
  let copied = 0;
  for (const metafield of cartMetafields) {
    const namespace = metafield.namespace ?? appNamespace();
    const covered = definitions.some(
      (definition) =>
        definition.cartToOrderCopyable &&
        definition.namespace === namespace &&
        definition.key === metafield.key &&
        definition.type === metafield.type,
    );
    if (!covered) continue;
    state.data.metafields.push({
      id: state.mintId(),
      ownerId,
      namespace,
      key: metafield.key,
      type: metafield.type,
      value: metafield.value,
      createdAt: at,
      updatedAt: at,
    });
    copied += 1;
  }
  return copied;
}
