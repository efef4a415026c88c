import { useEffect, useState, type ReactNode } from "react";

/**
 * A part of a long page below its first screen. Until the page has hydrated and the browser is
 * idle, it is `content-visibility: auto`: the first paint skips styling, laying out and painting
 * it while it is off screen (decision 040). It stays in the document all along, so find-in-page,
 * the accessibility tree, focus and form posts see it as usual.
 *
 * Then it is rendered like the rest of the page. Left skipped, each part would be laid out only
 * when scrolled near, and a jump to it (a link, Tab, find-in-page) would shift the screen by the
 * difference between `estimatedHeight` and its real height.
 */
export function BelowTheFold({ estimatedHeight, children }: { estimatedHeight: number; children: ReactNode }) {
  const [skippable, setSkippable] = useState(true);
  useEffect(() => whenIdle(() => setSkippable(false)), []);
  return (
    <div
      style={skippable ? { contentVisibility: "auto", containIntrinsicSize: `auto ${estimatedHeight}px` } : undefined}
    >
      {children}
    </div>
  );
}

/** Runs `work` when the browser is next idle (at most a second from now); returns the cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(work, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}
