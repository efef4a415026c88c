import { useMemo } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { StackedBarChart, type ChartSeries } from "~/components/DailyTrendChart";
import { DeadLetterCard } from "~/components/DeadLetterCard";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";
import { ROUTE_LABELS, type DashboardTrendDay, type GlanceCard } from "~/domain/analytics/dashboard-view";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import type { Check } from "~/services/dashboard/app-health.server";
import { loadDashboard, type DashboardPage } from "~/services/dashboard/dashboard-page.server";
import { answerDeadLetterRetry } from "~/services/dead-letters/dead-letters.server";

export const loader = async ({ request }: LoaderFunctionArgs): Promise<DashboardPage> => {
  const { admin, session } = await authenticate.admin(request);
  return loadDashboard({ admin, session }, request, new Date());
};

/** Retries work that gave up (the dead-letter card), as the Orders page does. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return answerDeadLetterRetry(session.shop, await readAdminForm(request));
};

const ROUTE_SERIES: ChartSeries<DashboardTrendDay>[] = [
  { key: "pickup", label: ROUTE_LABELS.pickup, color: "#2c6ecb", value: (day) => day.pickup },
  { key: "shipFromStore", label: ROUTE_LABELS.shipFromStore, color: "#1f9d8f", value: (day) => day.shipFromStore },
  {
    key: "shipFromWarehouse",
    label: ROUTE_LABELS.shipFromWarehouse,
    color: "#8a63d2",
    value: (day) => day.shipFromWarehouse,
  },
  { key: "localDelivery", label: ROUTE_LABELS.localDelivery, color: "#b98900", value: (day) => day.localDelivery },
  { key: "unroutable", label: ROUTE_LABELS.unroutable, color: "#c4372b", value: (day) => day.unroutable },
];

function StatusBadge({ check }: { check: Check<unknown> }) {
  return check.ok ? <Badge tone="success">Healthy</Badge> : <Badge tone="critical">Unavailable</Badge>;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <InlineStack align="space-between" gap="400" wrap={false}>
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span" numeric>
        {value}
      </Text>
    </InlineStack>
  );
}

function GlanceCards({ cards }: { cards: GlanceCard[] }) {
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
      {cards.map((card) => (
        <Card key={card.id}>
          <BlockStack gap="100">
            <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
              <Text as="h3" variant="headingSm" tone="subdued">
                {card.label}
              </Text>
              {card.alert ? <Badge tone="critical">Needs attention</Badge> : null}
            </InlineStack>
            <Text as="p" variant="headingXl" numeric>
              <span data-dashboard-card={card.id}>{card.value}</span>
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {card.detail}
            </Text>
            {card.link ? <Link url={card.link.url}>{card.link.label}</Link> : null}
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

function TodaysRoutes({ page }: { page: DashboardPage }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            How today&apos;s orders were fulfilled
          </Text>
          <Link url="/app/orders">See every order</Link>
        </InlineStack>
        {page.ordersToday === 0 ? (
          <Text as="p" tone="subdued">
            No order has been routed since midnight. Each new order is counted here as soon as Omniroute decides where
            it goes.
          </Text>
        ) : (
          <BlockStack gap="200">
            {page.routes.map((row) => (
              <InlineStack key={row.route} align="space-between" gap="400" wrap={false}>
                <Text as="span" tone="subdued">
                  {row.label}
                </Text>
                <Text as="span" numeric>
                  <span data-dashboard-route={row.route}>{row.orders}</span> ({row.share})
                </Text>
              </InlineStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

/** The stores with late or not-started work now; the Stores page has the detail. */
function StoresNeedingAttention({ page }: { page: DashboardPage }) {
  const stores = page.storesAttention;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Stores needing attention
          </Text>
          <Link url="/app/stores">Open Stores</Link>
        </InlineStack>
        {stores.length === 0 ? (
          <Text as="p" tone="subdued">
            Every store is on time: nothing is late or waiting to be started.
          </Text>
        ) : (
          <BlockStack gap="200">
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
            {page.storesAttentionCount > stores.length ? (
              <Text as="p" tone="subdued" variant="bodySm">
                and {page.storesAttentionCount - stores.length} more on the Stores page
              </Text>
            ) : null}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function Trend({ page }: { page: DashboardPage }) {
  const count = useMemo(() => new Intl.NumberFormat(page.locale, { maximumFractionDigits: 0 }), [page.locale]);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            The last {page.trend.length} days
          </Text>
          <Link url="/app/analytics?days=30">Open Analytics</Link>
        </InlineStack>
        {page.trendOrders === 0 ? (
          <Text as="p" tone="subdued">
            No orders routed in the last {page.trend.length} days. The chart fills in as Omniroute routes orders.
          </Text>
        ) : (
          <StackedBarChart
            title="Orders by how they were fulfilled"
            summary={`${count.format(page.trendOrders)} ${page.trendOrders === 1 ? "order" : "orders"} over ${page.trend.length} days, ${count.format(page.ordersToday)} of them today.`}
            days={page.trend}
            series={ROUTE_SERIES}
            formatAxis={(value) => count.format(value)}
          />
        )}
      </BlockStack>
    </Card>
  );
}

function RecentOrders({ orders }: { orders: DashboardPage["recentOrders"] }) {
  return (
    <Card padding="0">
      <Box padding="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Latest orders
          </Text>
          <Link url="/app/orders">Open Orders</Link>
        </InlineStack>
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

/** The app's own health, small: Shopify answering, the database, the background jobs. */
function AppHealthCard({ page }: { page: DashboardPage }) {
  const { overview, health } = page;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          App health
        </Text>
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h3" variant="headingSm">
              Shopify
            </Text>
            <StatusBadge check={overview} />
          </InlineStack>
          {overview.ok ? (
            <BlockStack gap="100">
              <Fact label="Store domain" value={overview.detail.domain} />
              <Fact label="Time zone" value={overview.detail.timezone} />
              <Fact
                label="Active locations"
                value={overview.detail.activeLocations === null ? "Unknown" : String(overview.detail.activeLocations)}
              />
            </BlockStack>
          ) : (
            <Text as="p" tone="critical">
              Shopify did not answer: {overview.error}
            </Text>
          )}
        </BlockStack>
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h3" variant="headingSm">
              Database
            </Text>
            <StatusBadge check={health.database} />
          </InlineStack>
          {health.database.ok ? (
            <BlockStack gap="100">
              <Fact label="Round trip" value={`${health.database.detail.roundTripMs} ms`} />
              <Fact label="Migrations applied" value={String(health.database.detail.migrationsApplied)} />
            </BlockStack>
          ) : (
            <Text as="p" tone="critical">
              {health.database.error}
            </Text>
          )}
        </BlockStack>
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h3" variant="headingSm">
              Background jobs
            </Text>
            <StatusBadge check={health.jobQueue} />
          </InlineStack>
          {health.jobQueue.ok ? (
            <BlockStack gap="100">
              <Fact label="Waiting" value={String(health.jobQueue.detail.waiting)} />
              <Fact label="Running" value={String(health.jobQueue.detail.active)} />
              <Fact label="Retrying" value={String(health.jobQueue.detail.retrying)} />
              <Fact label="Gave up (dead letters)" value={String(health.jobQueue.detail.deadLettered)} />
              <Text as="p" tone="subdued" variant="bodySm">
                Counts cover this store&apos;s jobs only.
              </Text>
            </BlockStack>
          ) : (
            <Text as="p" tone="critical">
              {health.jobQueue.error}
            </Text>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

export default function Dashboard() {
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  return (
    <Page>
      <TitleBar title="Dashboard" />
      <div style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingLg">
              Today at {page.shopName}
            </Text>
            <Text as="p" tone="subdued">
              {page.today} ({page.timeZone}), since midnight
            </Text>
          </BlockStack>
          {page.currencyProblem ? (
            <Banner tone="warning" title={`Amounts are shown in ${page.currency}`}>
              <Text as="p">{page.currencyProblem}: reload the page to try again.</Text>
            </Banner>
          ) : null}
          <DeadLetterCard letters={page.deadLetters} />
          <GlanceCards cards={page.cards} />
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <TodaysRoutes page={page} />
            <StoresNeedingAttention page={page} />
          </InlineGrid>
          <Trend page={page} />
          <InlineGrid columns={{ xs: 1, md: ["twoThirds", "oneThird"] }} gap="400">
            <RecentOrders orders={page.recentOrders} />
            <AppHealthCard page={page} />
          </InlineGrid>
          <Box paddingBlockEnd="400">
            <Text as="p" tone="subdued" variant="bodySm">
              Today runs from midnight in the shop&apos;s time zone. Shares and the saving are counted as on the
              Analytics page: BOPIS is the shopper&apos;s choice; ship-from-store is a routed order shipped or delivered
              with a parcel leaving a store; the warehouse-only cost is the routing engine&apos;s price for one parcel
              from the cheapest warehouse.
            </Text>
          </Box>
        </BlockStack>
      </div>
    </Page>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary title="Dashboard" failed="The dashboard could not be loaded" />;
}
