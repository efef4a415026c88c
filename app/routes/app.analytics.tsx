import { useMemo, useState } from "react";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { LineChart, StackedBarChart, type ChartSeries } from "~/components/DailyTrendChart";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";
import { useCsvDownload } from "~/components/use-csv-download";
import { LOCATION_ROWS_SHOWN, type TrendDay } from "~/domain/analytics/analytics-view";
import { RANGE_PRESETS } from "~/domain/analytics/date-range";
import { loadAnalyticsPage, type AnalyticsPage } from "~/services/analytics/analytics-page.server";

export type AnalyticsLoaderData = { ok: true; page: AnalyticsPage } | { ok: false; error: string; today: string };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const outcome = await loadAnalyticsPage({ admin, session }, request, new Date());
  if (!outcome.ok) {
    // The page still renders, with the range picker and why the link's range was refused.
    const refused: AnalyticsLoaderData = { ok: false, error: outcome.error, today: outcome.today };
    return data(refused, { status: 400 });
  }
  const shown: AnalyticsLoaderData = { ok: true, page: outcome.page };
  return data(shown, { status: 200 });
};

const ORDER_SERIES: ChartSeries<TrendDay>[] = [
  { key: "pickup", label: "Collected in store", color: "#2c6ecb", value: (day) => day.pickup },
  { key: "shipFromStore", label: "Shipped from a store", color: "#1f9d8f", value: (day) => day.shipFromStore },
  {
    key: "shipFromWarehouse",
    label: "Shipped from a warehouse",
    color: "#8a63d2",
    value: (day) => day.shipFromWarehouse,
  },
  { key: "unroutable", label: "Unroutable", color: "#c4372b", value: (day) => day.unroutable },
];

const COST_SERIES: ChartSeries<TrendDay>[] = [
  { key: "routed", label: "As routed", color: "#2c6ecb", value: (day) => day.averageCostCents },
  { key: "warehouse", label: "Warehouse only", color: "#8a6116", value: (day) => day.warehouseOnlyAverageCents },
];

function RangePicker({
  range,
  error,
  today,
}: {
  range: AnalyticsPage["range"] | null;
  error: string | null;
  today: string;
}) {
  const [from, setFrom] = useState(range?.from ?? "");
  const [to, setTo] = useState(range?.to ?? today);
  const navigation = useNavigation();
  const applying = navigation.state !== "idle" && navigation.location?.pathname === "/app/analytics";
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="400" blockAlign="end" wrap>
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              Last
            </Text>
            <ButtonGroup variant="segmented">
              {RANGE_PRESETS.map((days) => (
                <Button
                  key={days}
                  url={`/app/analytics?days=${days}`}
                  variant={range?.preset === String(days) ? "primary" : "secondary"}
                >
                  {`${days} days`}
                </Button>
              ))}
            </ButtonGroup>
          </BlockStack>
          <Form method="get" action="/app/analytics">
            <InlineStack gap="200" blockAlign="end">
              <TextField
                label="From"
                type="date"
                name="from"
                value={from}
                onChange={setFrom}
                autoComplete="off"
                max={today}
              />
              <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" max={today} />
              <Button submit loading={applying}>
                Apply
              </Button>
            </InlineStack>
          </Form>
        </InlineStack>
        {error ? (
          <Banner tone="critical" title="This date range cannot be shown">
            <Text as="p">{error}</Text>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Cards({ cards }: { cards: AnalyticsPage["cards"] }) {
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 3, lg: 4 }} gap="400">
      {cards.map((card) => (
        <Card key={card.id}>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm" tone="subdued">
              {card.label}
            </Text>
            <Text as="p" variant="headingXl" numeric>
              <span data-analytics-card={card.id}>{card.value}</span>
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {card.detail}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

function Trend({ page }: { page: AnalyticsPage }) {
  const count = useMemo(() => new Intl.NumberFormat(page.locale, { maximumFractionDigits: 0 }), [page.locale]);
  const money = useMemo(
    () => new Intl.NumberFormat(page.locale, { style: "currency", currency: page.currency, maximumFractionDigits: 0 }),
    [page.locale, page.currency],
  );
  const busiest = page.trend.reduce((best, day) => (day.orders > best.orders ? day : best), page.trend[0]!);
  return (
    <Card>
      <BlockStack gap="500">
        <Text as="h2" variant="headingMd">
          Day by day
        </Text>
        <StackedBarChart
          title="Orders by how they were fulfilled"
          summary={`${count.format(page.orders)} orders over ${page.trend.length} days; the busiest day, ${busiest.label}, had ${count.format(busiest.orders)}.`}
          days={page.trend}
          series={ORDER_SERIES}
          formatAxis={(value) => count.format(value)}
        />
        <LineChart
          title="Average fulfilment cost per order, as routed and from a warehouse only"
          summary="Each day's average cost per order as Omniroute routed it, against shipping every order from the cheapest warehouse."
          days={page.trend}
          series={COST_SERIES}
          formatAxis={(cents) => money.format(cents / 100)}
        />
      </BlockStack>
    </Card>
  );
}

function Locations({ page, loading }: { page: AnalyticsPage; loading: boolean }) {
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            By location
          </Text>
          {page.locationCount > LOCATION_ROWS_SHOWN ? (
            <Text as="p" tone="subdued">
              The {LOCATION_ROWS_SHOWN} busiest of {page.locationCount} locations; the CSV export has every one.
            </Text>
          ) : null}
        </BlockStack>
      </Box>
      <IndexTable
        resourceName={{ singular: "location", plural: "locations" }}
        itemCount={page.locations.length}
        selectable={false}
        loading={loading}
        emptyState={
          <Box padding="400">
            <Text as="p" tone="subdued">
              No location fulfilled an order in this range.
            </Text>
          </Box>
        }
        headings={[
          { title: "Location" },
          { title: "Orders", alignment: "end" },
          { title: "BOPIS", alignment: "end" },
          { title: "Ship from store", alignment: "end" },
          { title: "Within 24 h", alignment: "end" },
          { title: "Splits per 100", alignment: "end" },
          { title: "Cost per order", alignment: "end" },
          { title: "Saved vs warehouse", alignment: "end" },
          { title: "Miles shipped", alignment: "end" },
          { title: "Ready to collected", alignment: "end" },
          { title: "Uncollected", alignment: "end" },
          { title: "Inventory accuracy", alignment: "end" },
        ]}
      >
        {page.locations.map((row, index) => (
          <IndexTable.Row id={row.locationId} key={row.locationId} position={index}>
            <IndexTable.Cell>
              <InlineStack gap="200" blockAlign="center" wrap={false}>
                {/* A link to the location's profile: also what a keyboard reaches the table's sideways scroll by. */}
                <Link url={`/app/locations/${row.locationId}`} removeUnderline>
                  <Text as="span" fontWeight="semibold">
                    {row.name}
                  </Text>
                </Link>
                {row.kind === "WAREHOUSE" ? <Badge>Warehouse</Badge> : null}
              </InlineStack>
            </IndexTable.Cell>
            {[
              row.orders,
              row.bopis,
              row.shipFromStore,
              row.within24h,
              row.splits,
              row.averageCost,
              row.saved,
              row.miles,
              row.readyToCollected,
              row.uncollected,
              row.accuracy,
            ].map((value, column) => (
              <IndexTable.Cell key={column}>
                <Text as="span" alignment="end" numeric>
                  {value}
                </Text>
              </IndexTable.Cell>
            ))}
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

function Figures({ page }: { page: AnalyticsPage }) {
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/analytics";
  const { download, downloading } = useCsvDownload(
    `/app/analytics/export?${page.range.query}`,
    `analytics-${page.range.from}-to-${page.range.to}.csv`,
  );
  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="p" tone="subdued">
          {page.range.from} to {page.range.to} ({page.range.days} {page.range.days === 1 ? "day" : "days"},{" "}
          {page.timeZone})
        </Text>
        <Button onClick={() => void download()} loading={downloading} disabled={page.orders === 0}>
          Export CSV
        </Button>
      </InlineStack>
      {page.currencyProblem ? (
        <Banner tone="warning" title={`Amounts are shown in ${page.currency}`}>
          <Text as="p">{page.currencyProblem}: reload the page to try again.</Text>
        </Banner>
      ) : null}
      {page.orders === 0 ? (
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              No orders in this range
            </Text>
            <Text as="p" tone="subdued">
              Figures appear here once Omniroute has routed orders in the days chosen. Try a longer range.
            </Text>
          </BlockStack>
        </Card>
      ) : (
        <div style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
          <BlockStack gap="400">
            <Cards cards={page.cards} />
            <Trend page={page} />
            <Locations page={page} loading={loading} />
          </BlockStack>
        </div>
      )}
    </BlockStack>
  );
}

export default function AnalyticsPageView() {
  const loaded = useLoaderData<AnalyticsLoaderData>();
  return (
    <Page>
      <TitleBar title="Analytics" />
      <BlockStack gap="400">
        {loaded.ok ? (
          <>
            <RangePicker
              key={loaded.page.range.query}
              range={loaded.page.range}
              error={null}
              today={loaded.page.range.today}
            />
            <Figures page={loaded.page} />
          </>
        ) : (
          <RangePicker range={null} error={loaded.error} today={loaded.today} />
        )}
        <Box paddingBlockEnd="400">
          <Text as="p" tone="subdued">
            Days run midnight to midnight in the shop&apos;s time zone. A store-fulfilled order is fulfilled when its
            stores have it ready for pickup, shipped or delivered; warehouse shipments are not tracked here. The
            warehouse-only cost is the routing engine&apos;s price for one parcel from the cheapest warehouse.
          </Text>
        </Box>
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary title="Analytics" failed="The analytics could not be loaded" />;
}
