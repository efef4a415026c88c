import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { getAppHealth, type Check } from "~/services/dashboard/app-health.server";
import { listRecentOrders, type RecentOrder } from "~/services/dashboard/recent-orders.server";
import { getShopOverview } from "~/services/dashboard/shop-overview.server";
import {
  storesNeedingAttention,
  type StoreNeedingAttention,
} from "~/services/dashboard/stores-needing-attention.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [overview, health, recentOrders, storesAttention] = await Promise.all([
    getShopOverview({ admin, session }),
    getAppHealth(session.shop),
    listRecentOrders(session.shop),
    storesNeedingAttention(session.shop),
  ]);
  return { shop: session.shop, overview, health, recentOrders, storesAttention };
};

function StatusBadge({ check }: { check: Check<unknown> }) {
  return check.ok ? <Badge tone="success">Healthy</Badge> : <Badge tone="critical">Unavailable</Badge>;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <InlineStack align="space-between" gap="400">
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span">{value}</Text>
    </InlineStack>
  );
}

function RecentOrders({ orders }: { orders: RecentOrder[] }) {
  return (
    <Card padding="0">
      <Box padding="400">
        <Text as="h2" variant="headingMd">
          Latest orders
        </Text>
      </Box>
      {orders.length ? (
        <DataTable
          columnContentTypes={["text", "text", "text", "numeric"]}
          headings={["Order", "Placed", "Delivery", "Units"]}
          rows={orders.map((order) => [order.name, order.placedAt, order.delivery, order.units])}
        />
      ) : (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            No orders yet. Each new online order appears here as soon as Shopify announces it.
          </Text>
        </Box>
      )}
    </Card>
  );
}

/** "Loop: 2 late · 1 not started" per store; no card when every store is on time. */
function StoresNeedingAttention({ stores }: { stores: StoreNeedingAttention[] }) {
  if (stores.length === 0) return null;
  return (
    <Layout.Section>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Stores needing attention
          </Text>
          {stores.map((store) => (
            <Fact
              key={store.locationId}
              label={store.name}
              value={[
                store.late > 0 ? `${store.late} late` : null,
                store.notStarted > 0 ? `${store.notStarted} not started` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            />
          ))}
          <Link url="/app/stores">Open Stores</Link>
        </BlockStack>
      </Card>
    </Layout.Section>
  );
}

export default function Dashboard() {
  const { shop, overview, health, recentOrders, storesAttention } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TitleBar title="Dashboard" />
      <Layout>
        <StoresNeedingAttention stores={storesAttention} />
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {overview.ok ? overview.detail.name : shop}
              </Text>
              {overview.ok ? (
                <BlockStack gap="200">
                  <Fact label="Store domain" value={overview.detail.domain} />
                  <Fact label="Time zone" value={overview.detail.timezone} />
                  <Fact
                    label="Active locations"
                    value={
                      overview.detail.activeLocations === null ? "Unknown" : String(overview.detail.activeLocations)
                    }
                  />
                </BlockStack>
              ) : (
                <Text as="p" tone="critical">
                  Shopify did not answer: {overview.error}
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <RecentOrders orders={recentOrders} />
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    Database
                  </Text>
                  <StatusBadge check={health.database} />
                </InlineStack>
                {health.database.ok ? (
                  <BlockStack gap="200">
                    <Fact label="Round trip" value={`${health.database.detail.roundTripMs} ms`} />
                    <Fact label="Migrations applied" value={String(health.database.detail.migrationsApplied)} />
                  </BlockStack>
                ) : (
                  <Text as="p" tone="critical">
                    {health.database.error}
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    Background jobs
                  </Text>
                  <StatusBadge check={health.jobQueue} />
                </InlineStack>
                {health.jobQueue.ok ? (
                  <BlockStack gap="200">
                    <Fact label="Waiting" value={String(health.jobQueue.detail.waiting)} />
                    <Fact label="Running" value={String(health.jobQueue.detail.active)} />
                    <Fact label="Retrying" value={String(health.jobQueue.detail.retrying)} />
                    <Fact label="Gave up (dead letters)" value={String(health.jobQueue.detail.deadLettered)} />
                    {health.jobQueue.detail.deadLettered > 0 && (
                      <Link url="/app/orders">See what gave up and retry it</Link>
                    )}
                  </BlockStack>
                ) : (
                  <Text as="p" tone="critical">
                    {health.jobQueue.error}
                  </Text>
                )}
                <Box>
                  <Text as="p" tone="subdued" variant="bodySm">
                    Counts cover this store&apos;s jobs only.
                  </Text>
                </Box>
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
