// @vitest-environment jsdom
import { URLSearchParams as NodeURLSearchParams } from "node:url";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppProvider, Layout } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ComparisonReport, RouterColumn, RouterRole } from "~/domain/routing-comparison/comparison-report";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { SETTINGS_FIELDS, toSettingsForm } from "~/domain/routing-settings/settings-form";
import type { ComparisonView } from "~/services/routing-comparison/comparison.server";
import { CompareCard, formMatchesCompared } from "./CompareCard";

// Polaris reads the viewport's breakpoints when it loads; jsdom has no matchMedia. React asks for
// this flag before it lets `act` drive a real root.
vi.hoisted(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }) as unknown as MediaQueryList;
});

// The router builds its requests with Node's Request, which takes only Node's URLSearchParams as a body.
globalThis.URLSearchParams = NodeURLSearchParams as unknown as typeof URLSearchParams;

const DRAFT = { ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5 };
const DRAFT_FORM = toSettingsForm(DRAFT);
const ID = "6f1c0a52-8f0e-4a53-9d55-0b7f3f4f2a10";

function column(role: RouterRole, storeShipments: number, totalCost: number, unroutableOrders = 0): RouterColumn {
  return {
    role,
    router: role,
    orders: 1200,
    routedOrders: 1200 - unroutableOrders,
    unroutableOrders,
    totalCost,
    costPerOrder: totalCost / (1200 - unroutableOrders),
    splitOrders: 3,
    parcels: 1203,
    storeShipments,
    storeShare: storeShipments / 1203,
    pickupOrders: 300,
    pickupStoreChanges: 2,
    sameDayOrders: 40,
    slaAtRisk: 1,
    thresholdViolations: 0,
    distanceMiles: 9000,
  };
}

const REPORT: ComparisonReport = {
  orders: 1200,
  liveMatchesRecorded: 1190,
  columns: [
    column("LIVE", 640, 9800.5),
    column("DRAFT", 512, 10012.25),
    column("NATIVE", 700, 11000),
    column("GREEDY", 800, 12000),
  ],
  days: [
    {
      date: "2026-11-30",
      label: "Nov 30",
      orders: 1200,
      liveCost: 9800.5,
      draftCost: 10012.25,
      liveStoreShipments: 640,
      draftStoreShipments: 512,
    },
  ],
  locations: [
    {
      locationId: "9",
      name: "Bolingbrook",
      kind: "WAREHOUSE",
      dailyCapacity: null,
      live: { orders: 560, units: 700, busiestDayOrders: 60, daysOverCapacity: 0 },
      draft: { orders: 690, units: 850, busiestDayOrders: 70, daysOverCapacity: 0 },
    },
  ],
  changedOrders: {
    total: 128,
    listed: Array.from({ length: 12 }, (_, n) => ({
      orderId: String(7000 + n),
      name: `#${1001 + n}`,
      live: { status: "ROUTED" as const, locations: [{ id: "1", name: "Loop", units: 1 }], cost: 6 },
      draft: { status: "ROUTED" as const, locations: [{ id: "9", name: "Bolingbrook", units: 1 }], cost: 7.5 },
      costChange: 1.5,
    })),
  },
};

function view(status: ComparisonView["status"], progress: number, report = REPORT): ComparisonView {
  return {
    id: ID,
    status,
    progress,
    orders: 1200,
    rangeFrom: "2026-11-01T05:00:00.000Z",
    rangeTo: "2026-11-30T18:00:00.000Z",
    timeZone: "America/Chicago",
    currency: "USD",
    createdAt: "2026-11-30T18:00:00.000Z",
    draftSettings: DRAFT,
    report: status === "DONE" ? report : null,
    error: null,
  };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

/**
 * The card in a router whose action starts a job and whose poll answers running, then done; or,
 * `inline`, whose action answers with the comparison done in the request, as a small one is.
 */
function renderCard(rules = DRAFT_FORM, { inline = false, report = REPORT } = {}) {
  const posted: Record<string, string>[] = [];
  const polls: string[] = [];
  const asked: string[] = [];
  const compared: (string | null)[] = [];
  const card = (form: typeof rules) => (
    <AppProvider i18n={translations}>
      <Layout>
        <CompareCard rules={form} locale="en-US" timeZone="America/Chicago" onComparison={(id) => compared.push(id)} />
      </Layout>
    </AppProvider>
  );
  const router = createMemoryRouter(
    [
      {
        path: "/app/settings",
        element: card(rules),
        action: async ({ request }) => {
          posted.push(Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)])));
          return {
            intent: "compare",
            outcome: { ok: true, comparisonId: ID, status: inline ? "DONE" : "RUNNING" },
            comparison: inline ? view("DONE", 1, report) : view("RUNNING", 0, report),
          };
        },
      },
      {
        path: "/app/routing-comparisons/:comparisonId",
        loader: ({ params }) => {
          polls.push(params.comparisonId!);
          return { comparison: polls.length === 1 ? view("RUNNING", 0.4, report) : view("DONE", 1, report) };
        },
      },
      {
        path: "/app/routing-comparisons/:comparisonId/orders/:orderId",
        loader: ({ params }) => {
          asked.push(`${params.comparisonId}/${params.orderId}`);
          if (params.orderId === "7001") return { error: "The live rules have changed since this comparison" };
          return {
            explanation: {
              ok: true,
              orderId: params.orderId,
              live: {
                status: "ROUTED",
                locationIds: ["1"],
                sentences: ["Order #1001: fulfilled from Loop.", "Loop (1.2 mi, $6.00): chosen."],
              },
              draft: {
                status: "ROUTED",
                locationIds: ["9"],
                sentences: [
                  "Order #1001: fulfilled from Bolingbrook.",
                  "Loop: 4 units of TEE, below the minimum of 5.",
                ],
              },
              matchesReport: true,
            },
          };
        },
      },
    ],
    { initialEntries: ["/app/settings"] },
  );
  const container = document.createElement("div");
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(<RouterProvider router={router} future={{ v7_startTransition: true }} />);
  });
  return { posted, polls, asked, compared, text: () => container.textContent ?? "", container };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  }
}

describe("the Routing rules page's comparison card", () => {
  it("posts the rules as typed, polls a comparison running as a job, then shows its report", async () => {
    const card = renderCard();
    const button = [...card.container.querySelectorAll("button")].find(
      (b) => b.textContent === "Compare with the last 30 days",
    )!;
    await act(async () => button.click());

    await until(() => card.posted.length === 1, "the compare post");
    expect(card.posted[0]).toMatchObject({ intent: "compare" });
    for (const key of SETTINGS_FIELDS) expect(card.posted[0]![key]).toBe(DRAFT_FORM[key]);

    await until(() => card.text().includes("40%"), "the progress of the job");
    expect(card.text()).toContain("Replaying 1,200 orders under four routings… 40%");
    // The bar is named by the sentence above it, so a screen reader says what is in progress.
    const bar = card.container.querySelector("progress")!;
    expect(bar.value).toBe(40);
    expect(document.getElementById(bar.getAttribute("aria-labelledby")!)?.textContent).toBe(
      "Replaying 1,200 orders under four routings… 40%",
    );
    await until(() => card.text().includes("Your draft"), "the report", 8_000);
    expect(card.polls).toEqual([ID, ID]);
    expect(card.compared.at(-1)).toBe(ID);
    expect(card.text()).toContain(
      "Your draft: store shipments 640 → 512 (-128), cost per order $8.17 → $8.34 (+$0.17)",
    );
    expect(card.text()).toContain("Orders the draft sends elsewhere: 128 (the first 12 listed)");
    expect(card.text()).toContain("Bolingbrook (warehouse)");
    // Ten changed orders a page: the eleventh is on the next.
    expect(card.text()).toContain("#1010");
    expect(card.text()).not.toContain("#1011");
    const next = card.container.querySelector<HTMLButtonElement>("#nextURL, button[aria-label='Next']")!;
    await act(async () => next.click());
    expect(card.text()).toContain("#1011");
    expect(card.text()).not.toContain("The rules in the form have changed");
  }, 15_000);

  it("shows a comparison run in the request at once, without progress or polling", async () => {
    const card = renderCard(DRAFT_FORM, { inline: true });
    const button = [...card.container.querySelectorAll("button")].find(
      (b) => b.textContent === "Compare with the last 30 days",
    )!;
    await act(async () => button.click());

    await until(() => card.text().includes("Your draft"), "the report");
    expect(card.text()).toContain(
      "Your draft: store shipments 640 → 512 (-128), cost per order $8.17 → $8.34 (+$0.17)",
    );
    expect(card.text()).toContain("1,200 orders from");
    expect(card.text()).not.toContain("Replaying");
    expect(card.container.querySelector("progress")).toBeNull();
    expect(card.compared.at(-1)).toBe(ID);
    // Longer than the card's poll interval: a finished comparison is never asked for again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    expect(card.polls).toEqual([]);
  }, 15_000);
});

describe("whether the form still holds the rules compared", () => {
  it("reads the same rules typed differently as the same, and a changed minimum as changed", () => {
    expect(formMatchesCompared({ ...DRAFT_FORM, storeMinUnits: " 5", radiusMiles: "10.0" }, DRAFT)).toBe(true);
    expect(
      formMatchesCompared({ ...DRAFT_FORM, shippingMethodRules: `${DRAFT_FORM.shippingMethodRules}\n\n  ` }, DRAFT),
    ).toBe(true);
    expect(formMatchesCompared({ ...DRAFT_FORM, storeMinUnits: "6" }, DRAFT)).toBe(false);
    expect(formMatchesCompared({ ...DRAFT_FORM, storeMinUnits: "" }, { ...DRAFT, storeMinUnits: 0 })).toBe(false);
  });

  it("heads the report with cost per order, naming the orders the draft leaves unroutable, and changes as the figures read", async () => {
    // The draft's total falls only because it routes two orders fewer: each routed order costs more.
    const report: ComparisonReport = {
      ...REPORT,
      columns: [column("LIVE", 640, 9800.5, 6), column("DRAFT", 512, 9790, 8), ...REPORT.columns.slice(2)],
    };
    const card = renderCard(DRAFT_FORM, { inline: true, report });
    const button = [...card.container.querySelectorAll("button")].find(
      (b) => b.textContent === "Compare with the last 30 days",
    )!;
    await act(async () => button.click());

    await until(() => card.text().includes("Your draft"), "the report");
    // $9,800.50 / 1,194 = $8.208… and $9,790 / 1,192 = $8.213…: $8.21 → $8.21, no change as read.
    expect(card.text()).toContain(
      "Your draft: store shipments 640 → 512 (-128), cost per order $8.21 → $8.21 ($0.00), unroutable 6 → 8 (+2)",
    );
    const rowOf = (label: string) =>
      [...card.container.querySelectorAll("tr")].find((row) => row.textContent?.startsWith(label))?.textContent;
    // 640 / 1,203 = 53.2% and 512 / 1,203 = 42.6%: −10.6 points as shown.
    expect(rowOf("Share shipped from stores")).toContain("53.2%42.6%-10.6 pts");
    expect(rowOf("Total cost")).toContain("$9,800.50$9,790.00-$10.50");
  }, 15_000);

  it("opens why an order the draft sends elsewhere goes where it does, under both rule sets, in place", async () => {
    const card = renderCard(DRAFT_FORM, { inline: true });
    const compareButton = [...card.container.querySelectorAll("button")].find(
      (b) => b.textContent === "Compare with the last 30 days",
    )!;
    await act(async () => compareButton.click());
    await until(() => card.text().includes("Your draft"), "the report");

    const whyButtons = () => [...card.container.querySelectorAll("button")].filter((b) => b.textContent === "Why?");
    expect(whyButtons()).toHaveLength(10);
    await act(async () => whyButtons()[0]!.click());
    await until(() => card.text().includes("below the minimum of 5"), "the reasons");
    expect(card.asked).toEqual([`${ID}/7000`]);
    expect(card.text()).toContain("Live rulesOrder #1001: fulfilled from Loop.Loop (1.2 mi, $6.00): chosen.");
    expect(card.text()).toContain("Draft rulesOrder #1001: fulfilled from Bolingbrook.");
    // A refusal is said in place, beside the other orders, not on an error page.
    await act(async () => whyButtons()[0]!.click());
    await until(() => card.text().includes("The live rules have changed since this comparison"), "the refusal");
    expect(card.asked).toEqual([`${ID}/7000`, `${ID}/7001`]);
    expect(card.text()).toContain("Orders the draft sends elsewhere: 128");
  }, 15_000);
});
