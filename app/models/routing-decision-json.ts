import { z } from "zod";
import {
  LOCATION_KINDS,
  ROUTING_FLAGS,
  type Assignment,
  type ChosenReason,
  type LocationTrace,
  type LostReason,
  type RoutingFlag,
  type RoutingTrace,
  type RuleName,
  type RuleVerdict,
  type TraceStage,
} from "~/domain/routing/types";

/**
 * The JSON a routing decision is stored as (RoutingDecision.assignments, .flags and .trace,
 * FulfillmentMove.lineItems), one schema per shape, mirroring app/domain/routing/types.ts.
 * Each schema is checked against its type at compile time (`satisfies`), and the enumerations
 * are keyed by their type, so a rule, reason or stage added to the engine does not compile
 * until it can be read back here.
 */

const orderLine = z.object({ sku: z.string(), quantity: z.number() });

export const assignmentsSchema = z.array(
  z.object({
    locationId: z.string(),
    lines: z.array(orderLine),
    cost: z.number(),
    distanceMiles: z.number(),
  }),
) satisfies z.ZodType<Assignment[]>;

export const flagsSchema = z.array(z.enum(ROUTING_FLAGS)) satisfies z.ZodType<RoutingFlag[]>;

const pass = z.boolean();

const verdictsByRule = {
  ACTIVE: z.object({ rule: z.literal("ACTIVE"), active: z.boolean(), pass }),
  CAPACITY: z.object({ rule: z.literal("CAPACITY"), assignedToday: z.number(), dailyCapacity: z.number(), pass }),
  STOCK: z.object({ rule: z.literal("STOCK"), sku: z.string(), requested: z.number(), available: z.number(), pass }),
  STORE_MIN_UNITS: z.object({
    rule: z.literal("STORE_MIN_UNITS"),
    sku: z.string(),
    available: z.number(),
    minimum: z.number(),
    pass,
  }),
  ALL_LINES_SERVABLE: z.object({
    rule: z.literal("ALL_LINES_SERVABLE"),
    servableLines: z.number(),
    totalLines: z.number(),
    pass,
  }),
  OPEN: z.object({ rule: z.literal("OPEN"), isOpen: z.boolean(), pass }),
  PICKUP_ENABLED: z.object({ rule: z.literal("PICKUP_ENABLED"), pickupEnabled: z.boolean(), pass }),
  RADIUS: z.object({ rule: z.literal("RADIUS"), distanceMiles: z.number(), radiusMiles: z.number(), pass }),
  COST_VS_WAREHOUSE: z.object({
    rule: z.literal("COST_VS_WAREHOUSE"),
    storeCost: z.number(),
    warehouseCost: z.number(),
    maxExtra: z.number(),
    pass,
  }),
  LOOK_AHEAD: z.object({
    rule: z.literal("LOOK_AHEAD"),
    storeCost: z.number(),
    warehouseCost: z.number(),
    margin: z.number(),
    pass,
  }),
  LOOK_AHEAD_STORES: z.object({
    rule: z.literal("LOOK_AHEAD_STORES"),
    storeCost: z.number(),
    charge: z.number(),
    otherStoreCost: z.number(),
    otherCharge: z.number(),
    pass,
  }),
} satisfies { [Rule in RuleName]: z.ZodType<Extract<RuleVerdict, { rule: Rule }>> };

const ruleVerdict = z.discriminatedUnion("rule", [
  verdictsByRule.ACTIVE,
  verdictsByRule.CAPACITY,
  verdictsByRule.STOCK,
  verdictsByRule.STORE_MIN_UNITS,
  verdictsByRule.ALL_LINES_SERVABLE,
  verdictsByRule.OPEN,
  verdictsByRule.PICKUP_ENABLED,
  verdictsByRule.RADIUS,
  verdictsByRule.COST_VS_WAREHOUSE,
  verdictsByRule.LOOK_AHEAD,
  verdictsByRule.LOOK_AHEAD_STORES,
]);

const chosenReasons: { [Reason in ChosenReason]: Reason } = {
  NEAREST_ELIGIBLE_STORE: "NEAREST_ELIGIBLE_STORE",
  SHOPPER_CHOICE: "SHOPPER_CHOICE",
  NEAREST_PICKUP_STORE: "NEAREST_PICKUP_STORE",
  STORE_WITHIN_COST_THRESHOLD: "STORE_WITHIN_COST_THRESHOLD",
  CHEAPEST_STORE_IN_RADIUS: "CHEAPEST_STORE_IN_RADIUS",
  CHEAPEST_WAREHOUSE: "CHEAPEST_WAREHOUSE",
  WAREHOUSE_KEEPS_STORE_STOCK: "WAREHOUSE_KEEPS_STORE_STOCK",
  CHEAPEST_STORE_OUTSIDE_RADIUS: "CHEAPEST_STORE_OUTSIDE_RADIUS",
  LOWEST_COST_WITH_LOOK_AHEAD: "LOWEST_COST_WITH_LOOK_AHEAD",
  SPLIT_COVER: "SPLIT_COVER",
};

const lostReasons: { [Reason in LostReason]: Reason } = {
  INACTIVE: "INACTIVE",
  OVER_CAPACITY: "OVER_CAPACITY",
  NOT_FULL: "NOT_FULL",
  CLOSED: "CLOSED",
  PICKUP_DISABLED: "PICKUP_DISABLED",
  OUTSIDE_RADIUS: "OUTSIDE_RADIUS",
  FARTHER: "FARTHER",
  COSTLIER: "COSTLIER",
  ID_TIEBREAK: "ID_TIEBREAK",
  COST_OVER_WAREHOUSE_THRESHOLD: "COST_OVER_WAREHOUSE_THRESHOLD",
  STORE_PREFERRED: "STORE_PREFERRED",
  KEPT_FOR_STORE_ORDERS: "KEPT_FOR_STORE_ORDERS",
};

const locationTraceBase = {
  locationId: z.string(),
  kind: z.enum(LOCATION_KINDS),
  distanceMiles: z.number(),
  cost: z.number(),
  verdicts: z.array(ruleVerdict),
};

const locationTrace = z.discriminatedUnion("outcome", [
  z.object({ ...locationTraceBase, outcome: z.literal("CHOSEN"), reason: z.enum(chosenReasons) }),
  z.object({ ...locationTraceBase, outcome: z.literal("LOST"), reason: z.enum(lostReasons) }),
]) satisfies z.ZodType<LocationTrace>;

const locations = z.array(locationTrace);

const stagesByName = {
  SAME_DAY: z.object({
    stage: z.literal("SAME_DAY"),
    result: z.enum(["CHOSEN", "NO_ELIGIBLE_STORE"]),
    radiusMiles: z.number(),
    locations,
  }),
  PICK_UP: z.object({
    stage: z.literal("PICK_UP"),
    chosenLocationId: z.string().nullable(),
    chosenLocationFound: z.boolean(),
    result: z.enum(["CHOSEN_STORE", "NEARBY_STORE", "UNAVAILABLE"]),
    radiusMiles: z.number(),
    locations,
  }),
  SHIPPING: z.object({
    stage: z.literal("SHIPPING"),
    result: z.enum(["STORE", "WAREHOUSE", "STORE_OUTSIDE_RADIUS", "NO_FULL_LOCATION"]),
    radiusMiles: z.number(),
    locations,
  }),
  SPLIT: z.object({
    stage: z.literal("SPLIT"),
    result: z.enum(["SPLIT", "OUT_OF_STOCK", "NOT_ALLOWED"]),
    unservableSkus: z.array(z.string()),
    totalCost: z.number(),
    locations,
  }),
} satisfies { [Stage in TraceStage["stage"]]: z.ZodType<Extract<TraceStage, { stage: Stage }>> };

/**
 * The trace as stored: the engine's, or, for an order the engine was never asked to route (no
 * destination, no line with a SKU), no stages and the problem in a sentence.
 */
export type StoredTrace = RoutingTrace & { readonly problem?: string };

export const traceSchema = z.object({
  stages: z.array(
    z.discriminatedUnion("stage", [
      stagesByName.SAME_DAY,
      stagesByName.PICK_UP,
      stagesByName.SHIPPING,
      stagesByName.SPLIT,
    ]),
  ),
  problem: z.string().optional(),
}) satisfies z.ZodType<StoredTrace>;

/** The line items a move took; the row holds null when it took all that remained. */
export const moveLineItemsSchema = z.array(z.object({ id: z.string(), quantity: z.number() }));

export type MoveLineItems = z.output<typeof moveLineItemsSchema>;
