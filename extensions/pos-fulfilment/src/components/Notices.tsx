import type { PosApiError } from "../api/client";
import type { Task, TaskSummary } from "../api/contract";
import { pendingLabel, plural } from "../format";
import type { KeptAction } from "../pending-actions";

/** The Connectivity API says POS is offline: nothing is lost, and the associate knows it. */
export function OfflineBanner({ online }: { online: boolean }) {
  if (online) return null;
  return (
    <s-banner tone="warning" heading="You're offline">
      <s-text>What you do now is kept on this device and sent to Omniroute when POS is back online.</s-text>
    </s-banner>
  );
}

const REFUSAL_HEADINGS: Record<string, string> = {
  WRONG_ITEM: "Wrong item",
  OVER_PICKED: "Already picked",
  ILLEGAL_TRANSITION: "Can't do that now",
  NOT_FOUND: "Not found",
  INVALID: "Check what you entered",
};

/**
 * The server's answer as the associate reads it: a refusal in its own words (wrong item, an order
 * already ready), a login to renew, or an action that could not be sent and is waiting.
 */
export function ErrorBanner({ error, onRetry }: { error: PosApiError | null; onRetry?: () => void }) {
  if (!error) return null;
  if (error.signInAgain) {
    return (
      <s-banner tone="critical" heading="Sign in again">
        <s-text>{error.message}</s-text>
        {onRetry && <s-button onClick={onRetry}>Try again</s-button>}
      </s-banner>
    );
  }
  if (error.worthRetrying) {
    return (
      <s-banner tone="warning" heading="No answer from Omniroute">
        <s-text>{error.message}</s-text>
        {onRetry && <s-button onClick={onRetry}>Try again</s-button>}
      </s-banner>
    );
  }
  return (
    <s-banner tone="critical" heading={REFUSAL_HEADINGS[error.code] ?? "Not done"}>
      <s-text>{error.message}</s-text>
    </s-banner>
  );
}

/** Actions taken on this device that the server has not answered yet. */
export function KeptBanner({
  kept,
  online,
  keptOnlyHere,
  onRetry,
}: {
  kept: readonly KeptAction[];
  online: boolean;
  keptOnlyHere: boolean;
  onRetry: () => void;
}) {
  if (kept.length === 0) return null;
  const what = kept.map((action) => action.label).join(", ");
  return (
    <s-banner tone="info" heading={`${plural(kept.length, "action", "actions")} waiting to send`}>
      <s-text>
        {what}. {online ? "Sending them now." : "They are sent when POS is back online."}
        {keptOnlyHere ? " This device's storage is full: keep this screen open until they are sent." : ""}
      </s-text>
      {online && <s-button onClick={onRetry}>Send now</s-button>}
    </s-banner>
  );
}

/** The app gave up telling Shopify about a step: the associate cannot fix it, a manager can. */
export function ShopifyProblemBanner({ task }: { task: Pick<Task, "shopifyProblem"> }) {
  if (!task.shopifyProblem) return null;
  return <s-banner tone="critical" heading={task.shopifyProblem} />;
}

/** The server is telling Shopify about the task's last change ("Ready — telling Shopify"). */
export function ShopifyPendingBanner({ task }: { task: Pick<TaskSummary, "pending" | "kind"> }) {
  const label = pendingLabel(task);
  if (!label) return null;
  return (
    <s-banner tone="info" heading={label}>
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-spinner accessibilityLabel="Waiting for Shopify" />
        <s-text>Shopify is being updated. You can carry on.</s-text>
      </s-stack>
    </s-banner>
  );
}
