// The emulator of bench/pipeline.bench.ts, in a process of its own (forked with an IPC channel) so
// that its CPU is not counted as the app's: `tsx bench/pipeline-emulator-process.ts <scenario> <app-url>`.
// It delivers its webhooks over HTTP to <app-url> (the bench's listener in front of the app's route
// actions), places the bench's orders when asked, and reports the stock it holds.
import { startEmulatorServer } from "../dev/emulator/server";
import { postOverNodeHttp } from "../dev/emulator/vendors/post-over-node-http";
import { CHICAGO_ADDRESSES } from "../dev/emulator/demo-addresses";
import type { PlaceOrderInput } from "../dev/emulator/shopify/orders";
import type { Scenario } from "../dev/scenarios";
import { mulberry32 } from "../dev/seeded-random";
import { TEST_APP } from "../tests/support/shopify-app";
import type { EmulatorReply, EmulatorRequest, PipelineScenario } from "./pipeline-emulator";

/** Plus: the GraphQL Admin API restores 1,000 points a second (Shopify's documented Plus rate). */
const PLUS_RESTORE_PER_SECOND = 1000;
/** Shopify's four hours of webhook retries pass in about 1.5 s. */
const WEBHOOK_TIME_SCALE = 0.0001;

type ShippingAddress = NonNullable<PlaceOrderInput["shippingAddress"]>;

/**
 * Shipping, pickup and same-day orders of well-stocked SKUs: to the Chicago shoppers' addresses
 * in the chicago scenario, and next to a random store of the network in the national one.
 */
function orderMaker(scenario: Scenario): (index: number) => PlaceOrderInput {
  const random = mulberry32(20_260_427);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const stockBySku = new Map<string, number>();
  for (const stock of scenario.inventory) {
    stockBySku.set(stock.sku, (stockBySku.get(stock.sku) ?? 0) + stock.available);
  }
  const skus = [...stockBySku].filter(([, available]) => available >= 50).map(([sku]) => sku);
  const pickupStores = scenario.locations.filter(
    (location) => location.kind === "STORE" && location.isActive && location.pickupEnabled,
  );
  const addresses: ShippingAddress[] =
    scenario.locations.length > 100
      ? pickupStores.map(({ address }) => ({ ...address, latitude: address.latitude + 0.01 }))
      : CHICAGO_ADDRESSES.filter((address) => address.provinceCode === "IL").map(
          ({ label: _label, ...address }) => address,
        );
  const methods: PlaceOrderInput["deliveryMethod"][] = ["SHIPPING", "SHIPPING", "PICK_UP", "LOCAL_DELIVERY"];

  return (index) => {
    const deliveryMethod = methods[index % methods.length]!;
    const lineCount = random() < 0.3 ? 2 : 1;
    const lineSkus = new Set(Array.from({ length: lineCount }, () => pick(skus)));
    const lines = [...lineSkus].map((sku) => ({ sku, quantity: 1 }));
    const customer = { email: `bench-shopper-${index}@example.com` };
    if (deliveryMethod === "PICK_UP") {
      return { lines, deliveryMethod, pickupLocationId: pick(pickupStores).id, customer };
    }
    return {
      lines,
      deliveryMethod,
      shippingAddress: pick(addresses),
      shippingLineTitle: deliveryMethod === "LOCAL_DELIVERY" ? "Local Delivery" : "Standard",
      customer,
    };
  };
}

async function main(): Promise<void> {
  const [scenarioName, appUrl] = process.argv.slice(2);
  if ((scenarioName !== "chicago" && scenarioName !== "national") || !appUrl) {
    throw new Error("usage: pipeline-emulator-process.ts chicago|national <app-url>");
  }
  const emulator = await startEmulatorServer({
    port: 0,
    publicUrl: "http://127.0.0.1:0",
    appUrl: TEST_APP.appUrl,
    apiKey: TEST_APP.apiKey,
    apiSecret: TEST_APP.apiSecret,
    scopes: TEST_APP.scopes,
    scenario: scenarioName,
    webhookTimeScale: WEBHOOK_TIME_SCALE,
    restoreRatePerSecond: PLUS_RESTORE_PER_SECOND,
    // Subscriptions name the app's public URL; the bench listens on loopback.
    deliverWebhook: (input, init) => postOverNodeHttp(input.replace(TEST_APP.appUrl, appUrl), init),
  });
  const { shopify, webhooks, scenario, shop } = emulator;
  const nextOrder = orderMaker(scenario);
  const inventoryItemBySku = new Map(
    scenario.products.flatMap((product) => product.variants.map((variant) => [variant.sku, variant.inventoryItemId])),
  );

  const answer = async (request: EmulatorRequest): Promise<EmulatorReply> => {
    switch (request.op) {
      case "placeOrder": {
        try {
          return { id: request.id, orderId: shopify.placeOrder(shop, nextOrder(request.index)).id };
        } catch (error) {
          return { id: request.id, refused: error instanceof Error ? error.message : String(error) };
        }
      }
      case "levels":
        return {
          id: request.id,
          levels: scenario.inventory.map((level) => ({
            inventoryItemId: inventoryItemBySku.get(level.sku)!,
            locationId: level.locationId,
            available: shopify.inventoryOf(shop, level.locationId, level.sku)?.available ?? 0,
          })),
        };
      case "idle":
        await webhooks.idle();
        return { id: request.id };
      case "close":
        await emulator.close();
        return { id: request.id };
    }
  };
  process.on("message", (request: EmulatorRequest) => {
    void answer(request).then((reply) => {
      // Exits once the reply is out (a normal exit, so `--cpu-prof` can write its profile).
      process.send!(reply, () => request.op === "close" && process.exit(0));
    });
  });
  const ready: PipelineScenario = {
    url: emulator.url,
    shop,
    locations: scenario.locations.length,
    stockLines: scenario.inventory.length,
  };
  process.send!({ id: 0, ready });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
