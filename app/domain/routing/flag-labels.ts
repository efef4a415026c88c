import type { RoutingFlag } from "./types";

/** How the Orders page names each flag a decision can carry. */
export const ROUTING_FLAG_LABELS: Readonly<Record<RoutingFlag, string>> = {
  SLA_AT_RISK: "Sla at risk",
  PICKUP_STORE_CHANGED: "Pickup store changed",
  PICKUP_UNAVAILABLE: "Pickup unavailable",
  OUTSIDE_RADIUS: "Outside radius",
  OUT_OF_STOCK: "Out of stock",
};
