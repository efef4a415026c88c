import crypto from "node:crypto";
import type { StoreTaskKind } from "@prisma/client";
import type { ScenarioProduct } from "../dev/scenarios/types";

/**
 * The store bench's open work: tasks at one store with realistic lines (the scenario's products,
 * one to four lines of one or two units), written through the app's own model function, as the
 * fulfilment-order sync writes them.
 */

export interface SeededLine {
  lineItemId: string;
  barcode: string;
  quantity: number;
}

export interface SeededTask {
  id: string;
  kind: StoreTaskKind;
  pickupCode: string;
  lines: SeededLine[];
}

/** Six in ten orders are picked up, two in ten shipped, two in ten delivered locally. */
const KINDS: readonly StoreTaskKind[] = [
  "PICKUP",
  "PICKUP",
  "SHIP",
  "PICKUP",
  "LOCAL_DELIVERY",
  "PICKUP",
  "SHIP",
  "PICKUP",
  "LOCAL_DELIVERY",
  "PICKUP",
];
const HOUR = 60 * 60 * 1000;
const FIRST_NAMES = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
const LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];

/** A small deterministic generator, so every run seeds the same work. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Writes `count` open tasks (NEW, assigned over the last two hours) at the location, numbered
 * from `firstNumber` so that runs in one database never share a fulfilment order.
 */
export async function seedOpenTasks(options: {
  shop: string;
  locationId: string;
  products: readonly ScenarioProduct[];
  count: number;
  firstNumber: number;
  now: Date;
}): Promise<SeededTask[]> {
  const { prisma } = await import("~/db.server");
  const { createStoreTask } = await import("~/models/store-tasks.server");
  const { generatePickupCode } = await import("~/domain/store-tasks/pickup-code");
  const random = seededRandom(options.firstNumber);
  const variants = options.products.flatMap((product) => product.variants.map((variant) => ({ product, variant })));
  const seeded: SeededTask[] = [];
  for (let index = 0; index < options.count; index++) {
    const number = options.firstNumber + index;
    const kind = KINDS[index % KINDS.length]!;
    const lineCount = 1 + Math.floor(random() * 4);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(lineCount, variants.length)) chosen.add(Math.floor(random() * variants.length));
    const lines = [...chosen].map((variantIndex, position) => {
      const { product, variant } = variants[variantIndex]!;
      return {
        lineItemId: String(number * 10 + position),
        sku: variant.sku,
        barcode: variant.barcode,
        title: product.title,
        variantTitle: variant.title,
        imageUrl: null,
        quantity: random() < 0.8 ? 1 : 2,
      };
    });
    const pickupCode = generatePickupCode((size) => crypto.randomInt(size));
    const assignedAt = new Date(options.now.getTime() - Math.floor(random() * 2 * HOUR));
    const first = FIRST_NAMES[number % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(number / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const id = await prisma.$transaction((tx) =>
      createStoreTask(
        tx,
        options.shop,
        {
          fulfillmentOrderId: String(number),
          orderId: String(number),
          orderName: `#${number}`,
          locationId: options.locationId,
          kind,
          customerName: `${first} ${last}`,
          lines,
        },
        // Due one to four hours after assignment: some of the older ones are late.
        { pickupCode, at: assignedAt, dueAt: new Date(assignedAt.getTime() + (1 + Math.floor(random() * 4)) * HOUR) },
      ),
    );
    seeded.push({
      id,
      kind,
      pickupCode,
      lines: lines.map(({ lineItemId, barcode, quantity }) => ({ lineItemId, barcode, quantity })),
    });
  }
  return seeded;
}
