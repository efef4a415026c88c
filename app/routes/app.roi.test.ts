import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import { createDecision } from "~/models/routing-decisions.server";
import type { loader as roiLoader, RoiPage } from "./app.roi";

/**
 * The ROI page's loader: the seed's example by default, any input from the URL, hostile inputs
 * refused with a message per field (400, never a 5xx), money in the shop's currency and the
 * merchant's locale, and "from your data" reading only the shop's own orders.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof roiLoader;
let forgetShopCurrencies: () => void;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.roi"));
  ({ prisma } = await import("~/db.server"));
  ({ forgetShopCurrencies } = await import("~/services/roi/shop-money-format.server"));
});

afterAll(async () => {
  await emulator.close();
});

async function open(query: string, headers: Record<string, string> = {}): Promise<{ status: number; page: RoiPage }> {
  const request = new Request(`${TEST_APP.appUrl}/app/roi${query}`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}`, ...headers },
  });
  const answer = await loader({ request, params: {}, context: {} });
  return { status: answer.init?.status ?? 200, page: answer.data };
}

function value(page: RoiPage, id: string): string | undefined {
  return page.lines?.find((line) => line.id === id)?.value;
}

let orderNumber = 0;

async function pickupOrder(shop: string, locationId: string): Promise<void> {
  orderNumber += 1;
  await createDecision(prisma, shop, {
    orderId: String(61_000 + orderNumber),
    status: "ROUTED",
    assignments: [{ locationId, lines: [{ sku: "TEE-M", quantity: 1 }], cost: 8, distanceMiles: 0 }],
    flags: [],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod: "PICK_UP",
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: new Date(Date.now() - 60_000),
    moveStatus: "DONE",
  });
}

describe("the ROI page", () => {
  it("shows the seed's example with its formulas: $900 net a month and $3,600 of upsell", async () => {
    const { status, page } = await open("");
    expect(status).toBe(200);
    expect(page.currency).toBe("USD");
    expect(value(page, "bopisOrders")).toBe("600");
    expect(value(page, "netMonthlySavings")).toBe("$900.00");
    expect(value(page, "upsellRevenue")).toBe("$3,600.00");
    expect(value(page, "retentionValue")).toBe("$15,300.00");
    expect(page.lines?.find((line) => line.id === "shippingSaved")?.formula).toBe(
      "600 BOPIS orders × $6.50 = $3,900.00",
    );
    expect(page.assumption).toContain("of which 10% is profit");
    expect(page.form).toMatchObject({ orders: "2000", bopis: "30", shipping: "6.50" });
    expect(page.fromYourData).toBeNull();
  });

  it("calculates from the inputs the URL carries, so a result can be shared", async () => {
    // 1,000 × 30% = 300; 300 × $6.50 − 300 × $3.00 − $1,200 = −$150.
    const { status, page } = await open("?orders=1000&upsell=40");
    expect(status).toBe(200);
    expect(value(page, "netMonthlySavings")).toBe("-$150.00");
    // 300 × 20% × $40.
    expect(value(page, "upsellRevenue")).toBe("$2,400.00");
    expect(page.form).toMatchObject({ orders: "1000", upsell: "40.00" });
  });

  it("formats money for the merchant's locale, from the admin's locale parameter or the browser's language", async () => {
    expect(value((await open("?locale=de-DE")).page, "upsellRevenue")).toBe("3.600,00\u00a0$");
    const fromBrowser = await open("", { "Accept-Language": "fr-FR,fr;q=0.9" });
    expect(value(fromBrowser.page, "upsellRevenue")).toBe("3\u202f600,00\u00a0$US");
    // A locale that is none falls back to US English rather than failing.
    expect(value((await open("?locale=%00%ff-not-a-locale")).page, "upsellRevenue")).toBe("$3,600.00");
  });

  it.each([
    ["negative orders", "orders=-5", "orders", "Enter online orders a month from 0 to 1,000,000"],
    ["NaN orders", "orders=NaN", "orders", "Enter online orders a month as a whole number, like 2000"],
    ["huge orders", "orders=99999999999999999999999", "orders", "Enter online orders a month from 0 to 1,000,000"],
    ["a BOPIS share over 100%", "bopis=101", "bopis", "Enter a percentage from 0 to 100"],
    [
      "a fraction of a cent",
      "shipping=6.505",
      "shipping",
      "Enter the shipping cost saved per BOPIS order in dollars and cents, like 6.50",
    ],
    [
      "markup",
      "labour=%3Cscript%3E",
      "labour",
      "Enter the labour cost per in-store pick in dollars and cents, like 6.50",
    ],
    [
      "a 10,000-digit margin",
      `margin=${"9".repeat(10_000)}`,
      "margin",
      "Enter a percentage with at most 2 decimals, like 30 or 12.5",
    ],
  ])("refuses %s with 400 and a message on its field, keeping what was typed", async (_what, query, field, message) => {
    const { status, page } = await open(`?${query}`);
    expect(status).toBe(400);
    expect(page.errors).toEqual({ [field]: message });
    expect(page.lines).toBeNull();
    expect(page.form[field as keyof RoiPage["form"]]).toBe(new URLSearchParams(query).get(field));
  });

  it("fills orders, BOPIS share and labour from the shop's own last 30 days, not another shop's", async () => {
    const otherShop = uniqueShop();
    for (const shop of [emulator.shop, otherShop]) {
      await seedMirror(prisma, shop, [
        { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
      ]);
    }
    await pickupOrder(emulator.shop, "1");
    await pickupOrder(otherShop, "1");
    await pickupOrder(otherShop, "1");

    const { status, page } = await open("?from=data");

    expect(status).toBe(200);
    expect(page.fromYourData).toMatchObject({ orders: "1", pickupOrders: "1" });
    expect(page.form).toMatchObject({ orders: "1", bopis: "100", labour: "3.00", shipping: "6.50" });
    // 1 BOPIS order × $6.50 − 1 × $3.00 − $1,200.
    expect(value(page, "netMonthlySavings")).toBe("-$1,196.50");
    // An input in the URL still wins over the shop's data.
    expect((await open("?from=data&orders=10")).page.form).toMatchObject({ orders: "10", bopis: "100" });
  });

  it("says so and keeps the seed's figures when the shop has no routed orders", async () => {
    await prisma.routingDecision.deleteMany({ where: { shop: emulator.shop } });
    const { status, page } = await open("?from=data");
    expect(status).toBe(200);
    expect(page.fromYourData).toMatchObject({ orders: "0", filled: [] });
    expect(value(page, "netMonthlySavings")).toBe("$900.00");
  });

  it("still calculates, in US dollars, and says why, when Shopify does not say the shop's currency", async () => {
    const faults = (adminErrorRate: number) =>
      fetch(`${emulator.url}/_emulator/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ admin: { adminErrorRate } }),
      });
    expect((await faults(1)).status).toBe(200);
    // The currency an earlier page read is kept for a while: forgotten, the page asks Shopify again.
    forgetShopCurrencies();
    try {
      const { status, page } = await open("?locale=en-CA");
      expect(status).toBe(200);
      expect(page.currency).toBe("USD");
      expect(page.currencyProblem).toBe("Shopify did not say the shop's currency");
      expect(value(page, "netMonthlySavings")).toBe("US$900.00");
    } finally {
      await faults(0);
    }
  });

  it("answers a request without a session token as Shopify's auth does, not with the calculator", async () => {
    const thrown = await loader({ request: new Request(`${TEST_APP.appUrl}/app/roi`), params: {}, context: {} }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBeLessThan(500);
  });
});
