import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

function hydrate(): void {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

/**
 * The page the server rendered is painted before React hydrates it. Remix's module script is
 * async: on a cold load it can run while the browser still rasterises the first frame, and
 * hydration then competes with that frame for the CPU — the merchant saw nothing for the
 * hydration's length (docs/decisions/033). One animation frame, then a task, lets the server's
 * HTML reach the screen first.
 */
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => setTimeout(hydrate, 0)), {
    once: true,
  });
} else {
  requestAnimationFrame(() => setTimeout(hydrate, 0));
}
