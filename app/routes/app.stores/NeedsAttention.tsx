import { BlockStack, Card, InlineStack, Layout, Link, Text } from "@shopify/polaris";
import { formatDuration } from "~/domain/store-tasks/durations";

interface TaskNeedingAttention {
  taskId: string;
  orderId: string;
  orderName: string;
  waitingSeconds: number;
}

export interface StoreAttentionRow {
  locationId: string;
  name: string;
  attention: { notStarted: TaskNeedingAttention[]; uncollected: TaskNeedingAttention[] };
}

/** Enough to act on from here; the rest are counted. */
const SHOWN_PER_LIST = 10;

function OrderList({ label, tasks, waited }: { label: string; tasks: TaskNeedingAttention[]; waited: string }) {
  if (tasks.length === 0) return null;
  const more = tasks.length - SHOWN_PER_LIST;
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" fontWeight="semibold">
        {label} ({tasks.length}):
      </Text>
      {tasks.slice(0, SHOWN_PER_LIST).map((task) => (
        <Text as="span" key={task.taskId}>
          <Link url={`/app/orders/${task.orderId}`}>{task.orderName}</Link>{" "}
          <Text as="span" tone="subdued">
            ({waited} {formatDuration(task.waitingSeconds)})
          </Text>
        </Text>
      ))}
      {more > 0 && (
        <Text as="span" tone="subdued">
          and {more} more
        </Text>
      )}
    </InlineStack>
  );
}

/** Orders a store has not started for too long, and pickups not collected: no section when there are none. */
export function NeedsAttention({
  stores,
  notStartedMinutes,
}: {
  stores: StoreAttentionRow[];
  notStartedMinutes: number;
}) {
  const needing = stores.filter(
    (store) => store.attention.notStarted.length > 0 || store.attention.uncollected.length > 0,
  );
  if (needing.length === 0) return null;
  return (
    <Layout.Section>
      <Card>
        <BlockStack gap="300">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Needs attention
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              Orders not started {notStartedMinutes} min after they reached the store, and pickups not collected.
            </Text>
          </BlockStack>
          {needing.map((store) => (
            <BlockStack gap="100" key={store.locationId}>
              <Text as="h3" variant="headingSm">
                {store.name}
              </Text>
              <OrderList label="Not started" tasks={store.attention.notStarted} waited="new for" />
              <OrderList label="Not collected" tasks={store.attention.uncollected} waited="ready for" />
            </BlockStack>
          ))}
        </BlockStack>
      </Card>
    </Layout.Section>
  );
}
