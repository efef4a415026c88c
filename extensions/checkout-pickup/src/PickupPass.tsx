import { useEffect, useRef, useState } from "preact/hooks";
import type { PassRequest, PassStatus, PassStore, PickupPass } from "./pass-contract";
import { afterAnswer, START_POLLING } from "./pass-polling";
import { fetchPickupPass } from "./pickup-pass";

/**
 * The shopper's pickup pass on the thank-you and order status pages (ThankYouPickupPass.tsx,
 * OrderStatusPickupPass.tsx): per store still to collect, where and when, its live status, and
 * the pickup code with the QR code the store's handover screen scans.
 */

/** Badges on these pages have three tones: the emphasised one says "come now", critical "this ended badly". */
const STATUS_TONES: Readonly<Record<PassStatus, "auto" | "neutral" | "critical">> = {
  PREPARING: "neutral",
  READY: "auto",
  COLLECTED: "neutral",
  CANCELLED: "critical",
  MOVED: "neutral",
};

const isStillToCollect = (store: PassStore) => store.status === "PREPARING" || store.status === "READY";

/**
 * The pass for `request` from the app at `url`, asked again while it is not there yet and every
 * minute once it is (pass-polling.ts); null while there is nothing to show.
 */
function usePickupPass(url: string, request: PassRequest | null, sessionToken: () => Promise<string>) {
  const [shown, setShown] = useState<PickupPass | null>(null);
  // The page hands over a new function each render; the latest one is asked, without asking again.
  const latestSessionToken = useRef(sessionToken);
  latestSessionToken.current = sessionToken;
  const asked = request ? JSON.stringify({ url, request }) : null;

  useEffect(() => {
    setShown(null);
    if (!asked) return;
    const question = JSON.parse(asked) as { url: string; request: PassRequest };
    const stopped = new AbortController();
    let polling = START_POLLING;
    let nextAsk: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const outcome = await fetchPickupPass(
        question.url,
        question.request,
        () => latestSessionToken.current(),
        stopped.signal,
      );
      if (stopped.signal.aborted) return;
      const next = afterAnswer(polling, outcome);
      polling = next.polling;
      setShown(polling.shown);
      if (next.askAgainInMs !== null) nextAsk = setTimeout(() => void ask(), next.askAgainInMs);
    };
    void ask();
    return () => {
      stopped.abort();
      clearTimeout(nextAsk);
    };
  }, [asked]);

  return shown;
}

function StoreToCollect({ store }: { store: PassStore }) {
  return (
    <s-stack gap="small-200">
      <s-stack direction="inline" gap="small-200" alignItems="center">
        <s-text type="strong">{store.storeName}</s-text>
        <s-badge tone={STATUS_TONES[store.status]}>{store.statusLabel}</s-badge>
      </s-stack>
      {store.address && <s-text>{store.address}</s-text>}
      {store.hoursToday && <s-text color="subdued">Hours today: {store.hoursToday}</s-text>}
      {store.readyBy && <s-text>Ready by {store.readyBy}</s-text>}
      {store.pickupCode && (
        <s-stack gap="small-300">
          <s-text color="subdued">Pickup code</s-text>
          {/* Large, to read out at the counter; not a heading of the page's outline. */}
          <s-heading accessibilityRole="presentation">{store.pickupCode}</s-heading>
        </s-stack>
      )}
      {store.qrPayload && (
        <s-qr-code content={store.qrPayload} accessibilityLabel={`QR code for pickup code ${store.pickupCode}`} />
      )}
    </s-stack>
  );
}

/** A collected, cancelled or moved pickup: one line, after what is still to collect. */
function EndedStore({ store }: { store: PassStore }) {
  return (
    <s-stack direction="inline" gap="small-200" alignItems="center">
      <s-text color="subdued">{store.storeName}</s-text>
      <s-badge tone={STATUS_TONES[store.status]}>{store.statusLabel}</s-badge>
    </s-stack>
  );
}

export interface PickupPassBlockProps {
  /** The page's endpoint (app-url.ts): checkout's for the thank-you page, customer accounts' for order status. */
  url: string;
  /** The order the page shows; null when it gives no confirmation number (nothing is asked). */
  request: PassRequest | null;
  sessionToken: () => Promise<string>;
}

/**
 * Nothing while the pass is on its way, for an order without pickup, and when the app cannot be
 * reached or refuses: the page carries on as Shopify shows it.
 */
export function PickupPassBlock({ url, request, sessionToken }: PickupPassBlockProps) {
  const pass = usePickupPass(url, request, sessionToken);
  if (!pass) return null;
  const toCollect = pass.stores.filter(isStillToCollect);
  const ended = pass.stores.filter((store) => !isStillToCollect(store));
  return (
    <s-section heading="Your pickup pass">
      <s-stack gap="base">
        {toCollect.map((store) => (
          <StoreToCollect key={store.locationId} store={store} />
        ))}
        {ended.length > 0 && (
          <s-stack gap="small-300">
            {ended.map((store) => (
              <EndedStore key={store.locationId} store={store} />
            ))}
          </s-stack>
        )}
        <s-link href={pass.passUrl} target="_blank">
          Open pickup pass
        </s-link>
      </s-stack>
    </s-section>
  );
}
