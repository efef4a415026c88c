import type { OrderDeliveryMethod, PrismaClient, StoreTaskKind, StoreTaskState } from "@prisma/client";
import { createDecision } from "~/models/routing-decisions.server";
import type { StoredTrace } from "~/models/routing-decision-json";
import { seedMirror } from "./mirror";

/**
 * A small hand-made history for the Analytics page's tests: a shop with two stores (Loop "1",
 * Evanston "2") and a warehouse (Bolingbrook "9"), and orders with their decisions and store
 * tasks placed where each test wants them.
 */

export async function seedAnalyticsLocations(prisma: PrismaClient, shop: string): Promise<void> {
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "2", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
    { locationId: "9", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.7, lng: -88.07, stock: {} },
  ]);
}

/**
 * A SHIPPING stage where a store within the threshold beat the cheapest full warehouse
 * (`warehouseCost`), and a costlier warehouse lost to that one.
 */
export function storePreferredTrace(storeId: string, storeCost: number, warehouseCost: number): StoredTrace {
  return {
    stages: [
      {
        stage: "SHIPPING",
        result: "STORE",
        radiusMiles: 10,
        locations: [
          {
            locationId: storeId,
            kind: "STORE",
            distanceMiles: 3,
            cost: storeCost,
            verdicts: [],
            outcome: "CHOSEN",
            reason: "STORE_WITHIN_COST_THRESHOLD",
          },
          {
            locationId: "9",
            kind: "WAREHOUSE",
            distanceMiles: 30,
            cost: warehouseCost,
            verdicts: [],
            outcome: "LOST",
            reason: "STORE_PREFERRED",
          },
          {
            locationId: "8",
            kind: "WAREHOUSE",
            distanceMiles: 60,
            cost: warehouseCost + 5,
            verdicts: [],
            outcome: "LOST",
            reason: "COSTLIER",
          },
        ],
      },
    ],
  };
}

export interface HistoryParcel {
  locationId: string;
  cost: number;
  distanceMiles: number;
}

export interface HistoryOrder {
  orderId: string;
  placedAt: Date;
  decidedAt?: Date;
  deliveryMethod: OrderDeliveryMethod;
  parcels: HistoryParcel[];
  trace?: StoredTrace;
  /** Where the order goes (for a pickup, the chosen store); none when omitted. */
  destination?: { lat: number; lng: number };
}

/** Stores the order's facts (when it has a destination) and its routing decision. */
export async function seedHistoryOrder(prisma: PrismaClient, shop: string, order: HistoryOrder): Promise<void> {
  if (order.destination) {
    await prisma.routedOrder.create({
      data: {
        shop,
        orderId: order.orderId,
        name: `#${order.orderId}`,
        placedAt: order.placedAt,
        deliveryMethod: order.deliveryMethod,
        latitude: order.destination.lat,
        longitude: order.destination.lng,
        lines: [{ sku: "TEE-M", quantity: 1 }],
        source: "WEBHOOK",
      },
    });
  }
  const status = order.parcels.length === 0 ? "UNROUTABLE" : order.parcels.length > 1 ? "SPLIT" : "ROUTED";
  await createDecision(prisma, shop, {
    orderId: order.orderId,
    status,
    assignments: order.parcels.map((parcel) => ({ ...parcel, lines: [{ sku: "TEE-M", quantity: 1 }] })),
    flags: [],
    unroutableSkus: [],
    trace: order.trace ?? { stages: [] },
    deliveryMethod: order.deliveryMethod,
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: order.decidedAt ?? order.placedAt,
    moveStatus: status === "UNROUTABLE" ? "NONE" : "DONE",
  });
}

export interface HistoryTask {
  orderId: string;
  locationId: string;
  kind: StoreTaskKind;
  state: StoreTaskState;
  assignedAt: Date;
  readyAt?: Date;
  completedAt?: Date;
  /** Each line: units picked and the exception reported, if any. */
  lines: { picked: number; exception?: "NOT_FOUND" | "DAMAGED" }[];
}

let tasksMade = 0;

export async function seedHistoryTask(prisma: PrismaClient, shop: string, task: HistoryTask): Promise<void> {
  tasksMade += 1;
  await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(90_000 + tasksMade),
      orderId: task.orderId,
      orderName: `#${task.orderId}`,
      locationId: task.locationId,
      kind: task.kind,
      state: task.state,
      pickupCode: `A${String(tasksMade).padStart(5, "0")}`,
      assignedAt: task.assignedAt,
      readyAt: task.readyAt ?? null,
      completedAt: task.completedAt ?? null,
      lines: {
        create: task.lines.map((line, index) => ({
          shop,
          lineItemId: String(index + 1),
          position: index,
          sku: `SKU-${index + 1}`,
          title: "Merino Tee",
          quantity: Math.max(1, line.picked),
          picked: line.picked,
          exceptionReason: line.exception ?? null,
        })),
      },
    },
  });
}
