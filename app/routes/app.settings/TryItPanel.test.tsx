// @vitest-environment jsdom
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AppProvider, Layout } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { SETTINGS_FIELDS, toSettingsForm } from "~/domain/routing-settings/settings-form";
import type { LocationPick, RecentOrderOption } from "~/services/routing-settings/settings-page.server";
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

const LOOP: LocationPick = { id: "1", name: "Loop" };
const START = { near: LOOP, pickup: LOOP };
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
async function renderPanel(
  rules: ReturnType<typeof toSettingsForm>,
  recentOrders: RecentOrderOption[] = RECENT,
): Promise<HTMLFormElement> {
  const element = (
    <AppProvider i18n={translations}>
      <Layout>
        <TryItPanel rules={rules} start={START} recentOrders={recentOrders} timeZone="America/Chicago" />
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

  it("starts a hand-made order near the first store, named in its picker and posted by id", async () => {
    const form = await renderPanel(toSettingsForm(DEFAULT_ROUTING_SETTINGS), []);

    const posted = Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, String(value)]));
    expect(posted).toMatchObject({ source: "HAND_MADE", deliveryMethod: "SHIPPING", nearLocationId: "1" });
    const near = document.querySelector<HTMLInputElement>('input[role="combobox"]');
    expect(near?.value).toBe("Loop");
  });
});
