// The routing contract: what a caller hands the engine and what it gets back.

export type DeliveryMethod = "SHIPPING" | "PICK_UP" | "LOCAL_DELIVERY";
export type ServiceLevel = "STANDARD" | "NEXT_DAY" | "SAME_DAY";
export type LocationKind = "STORE" | "WAREHOUSE";

export const DELIVERY_METHODS: readonly DeliveryMethod[] = ["SHIPPING", "PICK_UP", "LOCAL_DELIVERY"];
export const SERVICE_LEVELS: readonly ServiceLevel[] = ["STANDARD", "NEXT_DAY", "SAME_DAY"];
export const LOCATION_KINDS: readonly LocationKind[] = ["STORE", "WAREHOUSE"];

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface RoutingOrder {
  readonly id: string;
  readonly placedAt: string;
  readonly deliveryMethod: DeliveryMethod;
  /** LOCAL_DELIVERY is always treated as same-day, whatever this says. */
  readonly serviceLevel: ServiceLevel;
  /** PICK_UP: the store the shopper chose. */
  readonly pickupLocationId?: string;
  /** The shipping address; for PICK_UP, the chosen store. */
  readonly destination: GeoPoint;
  readonly lines: readonly OrderLine[];
}

export interface ShippingRate {
  /** Dollars for one parcel, before distance. */
  readonly base: number;
  readonly perMile: number;
}

export interface RoutingLocation {
  readonly id: string;
  readonly kind: LocationKind;
  readonly lat: number;
  readonly lng: number;
  /** Active and fulfils online orders. */
  readonly active: boolean;
  /** Open now; the caller derives it from opening hours. */
  readonly isOpen: boolean;
  readonly pickupEnabled: boolean;
  /** Available units per SKU; a SKU that is missing has 0. */
  readonly stock: Readonly<Record<string, number>>;
  readonly labourCostPerOrder: number;
  readonly shipping: ShippingRate;
  readonly dailyCapacity?: number;
  readonly assignedToday?: number;
}

export interface RoutingRules {
  /** A store's stock of a SKU is used only when it has at least this many units. */
  readonly storeMinUnits: number;
  readonly radiusMiles: number;
  /** How many dollars more than the cheapest warehouse a nearby store may cost and still win. */
  readonly maxExtraCostOverWarehouse: number;
  readonly allowSplit: boolean;
  /**
   * Look-ahead (docs/decisions/018, 035): taking an order from a store is charged for the store
   * units it uses, more the scarcer they are (look-ahead.ts). A shipment (any order past the
   * same-day and pickup stages) goes to the full store within the radius with the lowest cost plus
   * charge only when that store is cheaper than the cheapest full warehouse by more than its
   * charge; a same-day delivery, and a pickup moved off the shopper's store, go to the eligible
   * store with the lowest cost plus charge. Whether an order is kept never changes. Absent: false.
   */
  readonly lookAhead?: boolean;
  /**
   * Dollars: look-ahead's unit of charge. Leaving a store unable to sell a SKU costs
   * LAST_UNIT_MARGINS (4) of these; each unit it can still sell afterwards divides that by 2.5.
   */
  readonly lookAheadCostMargin?: number;
}

export interface RoutingRequest {
  readonly order: RoutingOrder;
  readonly locations: readonly RoutingLocation[];
  /** Missing rules take their defaults (see DEFAULT_ROUTING_RULES). */
  readonly rules?: Partial<RoutingRules>;
}

export type RoutingStatus = "ROUTED" | "SPLIT" | "UNROUTABLE";

/** Every flag a decision can carry; the type, the stored-decision parser and the Orders filter read this list. */
export const ROUTING_FLAGS = [
  "SLA_AT_RISK",
  "PICKUP_STORE_CHANGED",
  "PICKUP_UNAVAILABLE",
  "OUTSIDE_RADIUS",
  "OUT_OF_STOCK",
] as const;

export type RoutingFlag = (typeof ROUTING_FLAGS)[number];

export interface Assignment {
  readonly locationId: string;
  /** In the order's line order. */
  readonly lines: readonly OrderLine[];
  /** cost(L) for one parcel from here, rounded to cents. */
  readonly cost: number;
  /** Miles from here to the destination, rounded to 2 decimals. */
  readonly distanceMiles: number;
}

export interface RoutingDecision {
  readonly orderId: string;
  readonly status: RoutingStatus;
  readonly assignments: readonly Assignment[];
  readonly flags: readonly RoutingFlag[];
  /** The SKUs no location can serve when the order is OUT_OF_STOCK; otherwise empty. */
  readonly unroutableSkus: readonly string[];
  readonly trace: RoutingTrace;
}

// ---------------------------------------------------------------------------
// Trace: why the decision came out the way it did.
// ---------------------------------------------------------------------------

/**
 * One rule applied to one location, with the values it compared. Per-line stock verdicts are
 * recorded only for the lines that fail; ALL_LINES_SERVABLE summarises the rest.
 */
export type RuleVerdict =
  | { readonly rule: "ACTIVE"; readonly active: boolean; readonly pass: boolean }
  | {
      readonly rule: "CAPACITY";
      readonly assignedToday: number;
      readonly dailyCapacity: number;
      readonly pass: boolean;
    }
  | {
      readonly rule: "STOCK";
      readonly sku: string;
      readonly requested: number;
      readonly available: number;
      readonly pass: boolean;
    }
  | {
      readonly rule: "STORE_MIN_UNITS";
      readonly sku: string;
      readonly available: number;
      readonly minimum: number;
      readonly pass: boolean;
    }
  | {
      readonly rule: "ALL_LINES_SERVABLE";
      readonly servableLines: number;
      readonly totalLines: number;
      readonly pass: boolean;
    }
  | { readonly rule: "OPEN"; readonly isOpen: boolean; readonly pass: boolean }
  | { readonly rule: "PICKUP_ENABLED"; readonly pickupEnabled: boolean; readonly pass: boolean }
  | {
      readonly rule: "RADIUS";
      readonly distanceMiles: number;
      readonly radiusMiles: number;
      readonly pass: boolean;
    }
  | {
      readonly rule: "COST_VS_WAREHOUSE";
      readonly storeCost: number;
      readonly warehouseCost: number;
      readonly maxExtra: number;
      readonly pass: boolean;
    }
  | {
      /**
       * SHIPPING: passes when the store is cheaper than the warehouse by more than `margin`, the
       * charge for the store units it would use (look-ahead.ts), so it still ships.
       */
      readonly rule: "LOOK_AHEAD";
      readonly storeCost: number;
      readonly warehouseCost: number;
      readonly margin: number;
      readonly pass: boolean;
    }
  | {
      /**
       * SAME_DAY and PICK_UP under look-ahead: this eligible store's cost and the charge for the
       * store units it would use, against the other store it was weighed with; passes for the store
       * whose cost plus charge is lower (the one chosen).
       */
      readonly rule: "LOOK_AHEAD_STORES";
      readonly storeCost: number;
      readonly charge: number;
      readonly otherStoreCost: number;
      readonly otherCharge: number;
      readonly pass: boolean;
    };

export type RuleName = RuleVerdict["rule"];

export type ChosenReason =
  | "NEAREST_ELIGIBLE_STORE"
  | "SHOPPER_CHOICE"
  | "NEAREST_PICKUP_STORE"
  | "STORE_WITHIN_COST_THRESHOLD"
  | "CHEAPEST_STORE_IN_RADIUS"
  | "CHEAPEST_WAREHOUSE"
  | "WAREHOUSE_KEEPS_STORE_STOCK"
  | "CHEAPEST_STORE_OUTSIDE_RADIUS"
  | "LOWEST_COST_WITH_LOOK_AHEAD"
  | "SPLIT_COVER";

export type LostReason =
  | "INACTIVE"
  | "OVER_CAPACITY"
  | "NOT_FULL"
  | "CLOSED"
  | "PICKUP_DISABLED"
  | "OUTSIDE_RADIUS"
  | "FARTHER"
  | "COSTLIER"
  | "ID_TIEBREAK"
  | "COST_OVER_WAREHOUSE_THRESHOLD"
  | "STORE_PREFERRED"
  | "KEPT_FOR_STORE_ORDERS";

export type LocationTrace =
  | (LocationTraceBase & { readonly outcome: "CHOSEN"; readonly reason: ChosenReason })
  | (LocationTraceBase & { readonly outcome: "LOST"; readonly reason: LostReason });

export interface LocationTraceBase {
  readonly locationId: string;
  readonly kind: LocationKind;
  /** From the stage's reference point (the destination, or the chosen pickup store). */
  readonly distanceMiles: number;
  readonly cost: number;
  readonly verdicts: readonly RuleVerdict[];
}

export type TraceStage = SameDayStage | PickupStage | ShippingStage | SplitStage;

export interface SameDayStage {
  readonly stage: "SAME_DAY";
  readonly result: "CHOSEN" | "NO_ELIGIBLE_STORE";
  readonly radiusMiles: number;
  readonly locations: readonly LocationTrace[];
}

export interface PickupStage {
  readonly stage: "PICK_UP";
  readonly chosenLocationId: string | null;
  /** False when the chosen store is not among the locations; distances are then from the destination. */
  readonly chosenLocationFound: boolean;
  readonly result: "CHOSEN_STORE" | "NEARBY_STORE" | "UNAVAILABLE";
  readonly radiusMiles: number;
  readonly locations: readonly LocationTrace[];
}

export interface ShippingStage {
  readonly stage: "SHIPPING";
  readonly result: "STORE" | "WAREHOUSE" | "STORE_OUTSIDE_RADIUS" | "NO_FULL_LOCATION";
  readonly radiusMiles: number;
  readonly locations: readonly LocationTrace[];
}

export interface SplitStage {
  readonly stage: "SPLIT";
  readonly result: "SPLIT" | "OUT_OF_STOCK" | "NOT_ALLOWED";
  readonly unservableSkus: readonly string[];
  /** Sum of cost(L) over the chosen locations, rounded to cents; 0 unless SPLIT. */
  readonly totalCost: number;
  readonly locations: readonly LocationTrace[];
}

export interface RoutingTrace {
  readonly stages: readonly TraceStage[];
}
