// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { searchLocationChoices, type LocationChoice } from "~/domain/locations/location-search";
import { LocationPicker } from "./LocationPicker";

// Polaris reads the viewport's breakpoints when it loads, and its popover watches its size and
// opens only for a laid-out activator (one with an offsetParent), then scrolls its list; jsdom has
// no matchMedia, no ResizeObserver, no scrollBy and lays nothing out. React asks for the flag before `act` drives a root.
vi.hoisted(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Object.defineProperty(HTMLElement.prototype, "offsetParent", { get: () => document.body });
  Element.prototype.scrollBy = () => {};
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }) as unknown as MediaQueryList;
});

const CHAIN: LocationChoice[] = Array.from({ length: 30 }, (_, index) => ({
  id: String(100 + index),
  name: index === 7 ? "Austin Downtown" : `Store ${String(index).padStart(2, "0")}`,
  kind: "STORE",
  pickupEnabled: true,
  placed: true,
}));

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

/** The picker on a page whose /app/location-search answers from CHAIN as the server's search does. */
function renderPicker(value = "", selectedName: string | null = null) {
  const searches: string[] = [];
  const chosen: [string, string | null][] = [];
  const router = createMemoryRouter(
    [
      {
        path: "/app/inventory",
        element: (
          <AppProvider i18n={translations}>
            <LocationPicker
              label="Location"
              scope="ALL"
              anyLabel="All locations"
              name="location"
              value={value}
              selectedName={selectedName}
              onChange={(id, name) => chosen.push([id, name])}
            />
          </AppProvider>
        ),
      },
      {
        path: "/app/location-search",
        loader: ({ request }) => {
          const params = new URL(request.url).searchParams;
          searches.push(`${params.get("scope")}:${params.get("q")}`);
          return searchLocationChoices(CHAIN, params.get("q") ?? "", "ALL");
        },
      },
    ],
    { initialEntries: ["/app/inventory"] },
  );
  const container = document.createElement("div");
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(<RouterProvider router={router} />);
  });
  const input = () => document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const options = () => [...document.querySelectorAll('[role="option"]')].map((option) => option.textContent);
  return { searches, chosen, input, options };
}

const settle = (ms = 250) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

function type(input: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  setValue.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("LocationPicker", () => {
  it("shows the chosen location's name and posts its id", () => {
    const { input } = renderPicker("107", "Austin Downtown");
    expect(input().value).toBe("Austin Downtown");
    expect(document.querySelector<HTMLInputElement>('input[type="hidden"][name="location"]')?.value).toBe("107");
  });

  it("lists the first locations by name when focused, after the choice that clears it", async () => {
    const { input, options, searches } = renderPicker();
    await act(async () => input().focus());
    await settle();
    expect(searches).toEqual(["ALL:"]);
    expect(options().slice(0, 3)).toEqual(["All locations", "Austin Downtown", "Store 00"]);
    expect(options()).toHaveLength(21);
  });

  it("searches the names once typing pauses, and chooses one by its id", async () => {
    const { input, options, searches, chosen } = renderPicker();
    await act(async () => input().focus());
    await act(async () => {
      type(input(), "aus");
      type(input(), "austin");
    });
    await settle();
    expect(searches.at(-1)).toBe("ALL:austin");
    expect(searches).not.toContain("ALL:aus");
    expect(options()).toEqual(["All locations", "Austin Downtown"]);

    const austin = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find(
      (option) => option.textContent === "Austin Downtown",
    )!;
    await act(async () => austin.click());
    expect(chosen).toEqual([["107", "Austin Downtown"]]);
    expect(input().value).toBe("Austin Downtown");
  });
});
