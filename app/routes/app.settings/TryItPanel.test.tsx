// @vitest-environment jsdom
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AppProvider, Layout } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { SETTINGS_FIELDS, toSettingsForm } from "~/domain/routing-settings/settings-form";
import type { PlaceOption } from "~/services/routing-settings/places.server";
import type { RecentOrderOption } from "~/services/routing-settings/settings-page.server";
import { TryItPanel } from "./TryItPanel";

// Polaris reads the viewport's breakpoints when it loads; jsdom has no matchMedia. And React warns
// that layout effects do not run when rendering to markup, which is what these tests read.
vi.hoisted(() => {
  const warn = console.error.bind(console);
  console.error = (message: unknown, ...rest: unknown[]) => {
    if (typeof message === "string" && message.includes("useLayoutEffect does nothing on the server")) return;
    warn(message, ...rest);
  };
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }) as unknown as MediaQueryList;
});

const PLACES: PlaceOption[] = [
  { id: "1", name: "Loop", kind: "STORE", pickupEnabled: true, lat: 41.88, lng: -87.63 },
  { id: "9", name: "Bolingbrook", kind: "WAREHOUSE", pickupEnabled: false, lat: 41.7, lng: -88.07 },
];
const RECENT: RecentOrderOption[] = [
  {
    orderId: "1001",
    name: "#1001",
    placedAt: "2026-03-12T14:05:00.000Z",
    deliveryMethod: "PICK_UP",
    decision: { status: "ROUTED", locationNames: ["Loop"] },
  },
];

/** The page's try-it panel as the server renders it, inside a document the browser would submit from. */
async function renderPanel(rules: ReturnType<typeof toSettingsForm>): Promise<HTMLFormElement> {
  const element = (
    <AppProvider i18n={translations}>
      <Layout>
        <TryItPanel rules={rules} places={PLACES} recentOrders={RECENT} timeZone="America/Chicago" />
      </Layout>
    </AppProvider>
  );
  const handler = createStaticHandler([{ path: "/app/settings", element }]);
  const context = await handler.query(new Request("http://app.test/app/settings"));
  if (context instanceof Response) throw new Error("the route answered a response");
  const router = createStaticRouter(handler.dataRoutes, context);
  document.body.innerHTML = renderToStaticMarkup(<StaticRouterProvider router={router} context={context} />);
  const form = document.querySelector("form");
  if (!form) throw new Error("no form rendered");
  return form;
}

describe("the Routing rules page's try-it panel", () => {
  it("posts the rules as typed with the order to try, though their fields sit outside its form", async () => {
    const rules = { ...toSettingsForm(DEFAULT_ROUTING_SETTINGS), radiusMiles: "42", storeMinUnits: "3" };

    const posted = Object.fromEntries(
      [...new FormData(await renderPanel(rules)).entries()].map(([name, value]) => [name, String(value)]),
    );

    expect(posted).toMatchObject({ intent: "try", source: "RECENT", orderId: "1001" });
    for (const key of SETTINGS_FIELDS) expect(posted[key]).toBe(rules[key]);
    expect(posted.radiusMiles).toBe("42");
  });

  it("offers the recent orders as the merchant recognises them", async () => {
    await renderPanel(toSettingsForm(DEFAULT_ROUTING_SETTINGS));

    expect(document.body.textContent).toContain("#1001 · Pickup · 2026-03-12 09:05 CDT · at Loop");
  });
});
