import { afterEach, describe, expect, it } from "vitest";
import { startEmulatorServer, type RunningEmulator } from "./server";

/** The control API's fault switches for answers to Admin mutations, as the demo and browser tests reach them. */

const running: RunningEmulator[] = [];
afterEach(async () => {
  for (const emulator of running.splice(0)) await emulator.close();
});

async function start(): Promise<RunningEmulator> {
  const emulator = await startEmulatorServer({
    port: 0,
    publicUrl: "http://127.0.0.1:0",
    appUrl: "http://127.0.0.1:1",
    apiKey: "emulator-test-key",
    apiSecret: "emulator-test-secret",
    scopes: "write_merchant_managed_fulfillment_orders",
    scenario: "chicago",
    onWarning: () => {},
  });
  running.push(emulator);
  return emulator;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("/_emulator/held-answers", () => {
  it("starts withholding answers to the named mutations, counts them, and releases them", async () => {
    const emulator = await start();
    const holding = await post(`${emulator.url}/_emulator/held-answers`, {
      mutations: ["fulfillmentCreate"],
      times: 2,
    });
    expect(await holding.json()).toEqual({ holding: ["fulfillmentCreate"], times: 2 });
    expect(await (await fetch(`${emulator.url}/_emulator/held-answers`)).json()).toEqual({ held: 0 });
    const released = await post(`${emulator.url}/_emulator/held-answers/release`, {});
    expect(await released.json()).toEqual({ held: 0 });
  });

  it("refuses a body that names no mutations or a count that is not a positive integer", async () => {
    const emulator = await start();
    expect((await post(`${emulator.url}/_emulator/held-answers`, { mutations: "fulfillmentCreate" })).status).toBe(400);
    expect(
      (await post(`${emulator.url}/_emulator/held-answers`, { mutations: ["fulfillmentCreate"], times: 0 })).status,
    ).toBe(400);
  });
});

describe("/_emulator/warnings", () => {
  it("lists what the emulator chose where the docs are silent (none on a fresh start)", async () => {
    const emulator = await start();
    expect(await (await fetch(`${emulator.url}/_emulator/warnings`)).json()).toEqual({ warnings: [] });
  });
});

describe("/_emulator/shops/:shop/orders", () => {
  it("lists the orders with a fulfilment order at a location, newest first, as POS's Orders screen does", async () => {
    const emulator = await start();
    const [here, elsewhere] = emulator.scenario.locations.filter((location) => location.kind === "STORE");
    const sku = emulator.scenario.inventory.find((stock) => stock.locationId === here!.id && stock.available > 0)!.sku;
    const pickUp = (locationId: number, firstName: string) =>
      emulator.shopify.placeOrder(emulator.shop, {
        lines: [{ sku, quantity: 1 }],
        deliveryMethod: "PICK_UP",
        pickupLocationId: locationId,
        customer: { firstName, lastName: "Lovelace" },
      });
    const first = pickUp(here!.id, "Ada");
    pickUp(elsewhere!.id, "Grace");
    const second = pickUp(here!.id, "Alan");

    const answer = await fetch(`${emulator.url}/_emulator/shops/${emulator.shop}/orders?locationId=${here!.id}`);
    const { orders } = (await answer.json()) as { orders: { id: number; name: string; customerName: string }[] };

    expect(orders.map((order) => [order.id, order.name, order.customerName])).toEqual([
      [second.legacyResourceId, second.name, "Alan Lovelace"],
      [first.legacyResourceId, first.name, "Ada Lovelace"],
    ]);
    expect(orders[0]).toMatchObject({ lineItems: [{ quantity: 1 }], fulfillmentStatuses: ["OPEN"] });
    const nowhere = await fetch(`${emulator.url}/_emulator/shops/${emulator.shop}/orders?locationId=nowhere`);
    expect(await nowhere.json()).toEqual({ orders: [] });
  });
});
