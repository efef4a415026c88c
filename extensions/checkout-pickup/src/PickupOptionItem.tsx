import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { availabilityRequest, fetchPickupPromise } from "./availability";
import type { AvailabilityRequest, PickupPromise } from "./contract";
import { handOnPromise } from "./promise-metafield";
import { promiseText } from "./promise-text";

/**
 * Under one pickup option at checkout (one instance per option): whether this store has the whole
 * cart and when it will be ready, or the nearest store that has everything. It informs only:
 * checkout lets no extension choose or hide a pickup option. Under the option the shopper has
 * chosen, the promise shown is also written to the cart (signed by the app) to travel with the order.
 */
function PickupOptionItem() {
  const request = availabilityRequest(shopify.lines.value, shopify.target.value);
  // The cart or the option changing asks again; the same question re-rendered does not.
  const asked = request ? JSON.stringify(request) : null;
  const [promise, setPromise] = useState<PickupPromise | null>(null);

  useEffect(() => {
    setPromise(null);
    if (!asked) return;
    const question = JSON.parse(asked) as AvailabilityRequest;
    const superseded = new AbortController();
    void fetchPickupPromise(question, () => shopify.sessionToken.get(), superseded.signal).then((answer) => {
      if (!superseded.signal.aborted) setPromise(answer);
    });
    return () => superseded.abort();
  }, [asked]);

  const selected = shopify.isTargetSelected.value;
  const promiseToken = promise?.status === "AVAILABLE" ? promise.promiseToken : null;
  // The token last written while this option has been the chosen one: choosing another option
  // lets that one write its own, so coming back writes this one again.
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (!selected) {
      written.current = null;
      return;
    }
    if (!promiseToken || written.current === promiseToken) return;
    written.current = promiseToken;
    void handOnPromise(shopify, promiseToken);
  }, [selected, promiseToken]);

  // Until the answer arrives, and when none comes, nothing: no spinner flashes under every option.
  const text = promise && promiseText(promise);
  if (!text) return null;
  return (
    <s-stack gap="none">
      <s-text type="small" tone={text.available ? "success" : "warning"}>
        {text.line}
      </s-text>
      {text.note && (
        <s-text type="small" color="subdued">
          {text.note}
        </s-text>
      )}
    </s-stack>
  );
}

export default async () => {
  render(<PickupOptionItem />, document.body);
};
