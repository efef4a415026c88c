import { memo } from "react";
import { Badge, BlockStack, Button, Card, DataTable, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { formatDuration } from "~/domain/store-tasks/durations";
import { STORE_TASK_STATES, type StoreTaskState } from "~/domain/store-tasks/types";

const STATE_WORDS: Readonly<Record<StoreTaskState, string>> = {
  NEW: "new",
  PICKING: "picking",
  PACKED: "packed",
  STAGED: "staged",
  READY: "ready",
  PICKED_UP: "picked up",
  SHIPPED: "shipped",
  OUT_FOR_DELIVERY: "out for delivery",
  DELIVERED: "delivered",
  EXCEPTION: "exception",
  CANCELLED: "cancelled",
};

export interface StoreTodayRow {
  locationId: string;
  name: string;
  figures: {
    byState: Record<StoreTaskState, number>;
    late: number;
    picks: number;
    medianPickSeconds: number | null;
    collected: number;
    medianReadyToCollectedSeconds: number | null;
    exceptions: number;
    uncollected: number;
  };
}

/** "2 new · 1 picking · 3 picked up", or "No orders" on a quiet day. */
function byStateSentence(byState: Record<StoreTaskState, number>): string {
  const parts = STORE_TASK_STATES.filter((state) => byState[state] > 0).map(
    (state) => `${byState[state]} ${STATE_WORDS[state]}`,
  );
  return parts.length > 0 ? parts.join(" · ") : "No orders";
}

function PickTime({ seconds, picks, target }: { seconds: number | null; picks: number; target: number }) {
  if (seconds === null)
    return (
      <Text as="span" tone="subdued">
        No picks yet
      </Text>
    );
  return (
    <InlineStack gap="100" blockAlign="center" wrap={false}>
      <Text as="span">{formatDuration(seconds)}</Text>
      <Badge tone={seconds <= target ? "success" : "warning"}>{seconds <= target ? "on target" : "over target"}</Badge>
      <Text as="span" tone="subdued">
        ({picks} {picks === 1 ? "pick" : "picks"})
      </Text>
    </InlineStack>
  );
}

/** Each store's day so far, in its own time zone. */
export const StoresToday = memo(function StoresToday({
  stores,
  storeCount,
  storeCountText,
  quietStoresText,
  pickTargetSeconds,
  uncollectedDays,
  asOf,
  loading,
}: {
  /** The stores listed: every one, or a large chain's busiest today. */
  stores: StoreTodayRow[];
  storeCount: number;
  /** The shop's stores, and those with nothing on their board today, counted in the merchant's locale. */
  storeCountText: string;
  quietStoresText: string;
  pickTargetSeconds: number;
  uncollectedDays: number;
  asOf: string;
  loading: boolean;
}) {
  if (stores.length === 0) {
    return (
      <Card>
        <BlockStack gap="200" inlineAlign="start">
          <Text as="h2" variant="headingMd">
            No stores yet
          </Text>
          <Text as="p">
            Mark locations as stores on the Locations page: their online orders then show here, day by day.
          </Text>
          <Button url="/app/locations">Open Locations</Button>
        </BlockStack>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Today at each store
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              Since midnight in each store&apos;s time zone, as of {asOf}. Pick-time target{" "}
              {formatDuration(pickTargetSeconds)}, first scan to packed. Uncollected: ready for {uncollectedDays}{" "}
              {uncollectedDays === 1 ? "day" : "days"} or more.
            </Text>
            {storeCount > stores.length ? (
              <Text as="p" tone="subdued" variant="bodySm">
                The {stores.length} busiest of {storeCountText} stores today; {quietStoresText} have no orders yet
                today.
              </Text>
            ) : null}
          </BlockStack>
        </div>
        {loading ? (
          <div style={{ padding: "var(--p-space-400)" }}>
            <SkeletonBodyText lines={Math.min(stores.length + 1, 6)} />
          </div>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "numeric", "text", "text", "numeric", "numeric"]}
            headings={[
              "Store",
              "Orders by state",
              "Late",
              "Median pick time",
              "Ready → collected",
              "Exceptions",
              "Uncollected",
            ]}
            rows={stores.map((store) => [
              store.name,
              byStateSentence(store.figures.byState),
              store.figures.late > 0 ? <Badge tone="critical">{String(store.figures.late)}</Badge> : "0",
              <PickTime
                key="pick"
                seconds={store.figures.medianPickSeconds}
                picks={store.figures.picks}
                target={pickTargetSeconds}
              />,
              store.figures.medianReadyToCollectedSeconds === null
                ? "None collected yet"
                : `${formatDuration(store.figures.medianReadyToCollectedSeconds)} (${store.figures.collected} collected)`,
              store.figures.exceptions,
              store.figures.uncollected > 0 ? <Badge tone="warning">{String(store.figures.uncollected)}</Badge> : "0",
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
});
