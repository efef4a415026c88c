import { memo, useEffect, useId, useMemo, useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  Divider,
  InlineStack,
  Layout,
  Link,
  Pagination,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { LineChart, type ChartSeries } from "~/components/DailyTrendChart";
import { formatDateTime } from "~/domain/date-time";
import type {
  ComparisonDay,
  ComparisonReport,
  DecisionSide,
  RouterColumn,
  RouterRole,
} from "~/domain/routing-comparison/comparison-report";
import type { RoutingSettings } from "~/domain/routing-settings/settings";
import { SETTINGS_FIELDS, toSettingsForm, type SettingsForm } from "~/domain/routing-settings/settings-form";
import type { ComparisonView } from "~/services/routing-comparison/comparison.server";
import { ChangedOrderReasons } from "./ChangedOrderReasons";
import { comparisonFormats, type ComparisonFormats } from "./comparison-formats";
import type { action } from "./route";

/** How often the page asks how a comparison running as a job is getting on. */
const POLL_MS = 1_000;
const CHANGES_PER_PAGE = 10;
const LOCATIONS_SHOWN = 15;

function normalisedRules(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim().replace(/\s*=>\s*/, " => "))
    .filter((line) => line !== "")
    .join("\n");
}

/** Whether the form still holds the rules a comparison was made of (as the form shows them). */
export function formMatchesCompared(form: Required<SettingsForm>, compared: RoutingSettings): boolean {
  const then = toSettingsForm(compared);
  return SETTINGS_FIELDS.every((key) => {
    const now = form[key].trim();
    const was = then[key].trim();
    if (key === "shippingMethodRules") return normalisedRules(now) === normalisedRules(was);
    return now === was || (now !== "" && Number(now) === Number(was));
  });
}

interface CompareCardProps {
  /** The rules form as typed: the draft compared. */
  rules: Required<SettingsForm>;
  locale: string;
  /** The shop's, in which the range is shown. */
  timeZone: string;
  /** The comparison the page shows (posted with a save), or null. */
  onComparison: (comparisonId: string | null) => void;
}

/**
 * "Compare with the last 30 days": replays the shop's recorded orders under the live rules and the
 * rules as they stand in the form, with Shopify's native routing and nearest-first for reference.
 * Runs in the request when small; otherwise as a job whose progress this card polls. The rules are
 * posted from hidden fields tied to the card's form by its id, as the try-it panel does.
 */
export function CompareCard({ rules, locale, timeZone, onComparison }: CompareCardProps) {
  const formId = useId();
  const progressId = useId();
  const compare = useFetcher<typeof action>();
  const poll = useFetcher<{ comparison: ComparisonView }>();
  const started = compare.data?.intent === "compare" ? compare.data : null;
  const startedView = started?.comparison ?? null;
  const polled = poll.data?.comparison;
  const view = polled && startedView && polled.id === startedView.id ? polled : startedView;
  const running = view?.status === "RUNNING";
  const viewId = view?.id ?? null;

  useEffect(() => {
    onComparison(viewId);
  }, [viewId, onComparison]);

  useEffect(() => {
    if (!running || viewId === null || poll.state !== "idle") return;
    const timer = setTimeout(() => poll.load(`/app/routing-comparisons/${viewId}`), POLL_MS);
    return () => clearTimeout(timer);
    // poll.data: asks again after each answer while the comparison runs.
  }, [running, viewId, poll, poll.state, poll.data]);

  const settingsErrors = started && !started.outcome.ok ? started.outcome.settingsErrors : null;
  const stale = view?.status === "DONE" && !formMatchesCompared(rules, view.draftSettings);
  const submitting = compare.state !== "idle";

  return (
    <Layout.AnnotatedSection
      title="Compare with the last 30 days"
      description="Replays your orders of the last 30 days, from the same stock, under the live rules and under the rules as they stand in the form (not saved yet), with Shopify's native routing and nearest-location-first for reference. Nothing is saved and no order moves."
    >
      {SETTINGS_FIELDS.map((key) => (
        <input key={key} type="hidden" form={formId} name={key} value={rules[key]} />
      ))}
      <compare.Form method="post" id={formId}>
        <input type="hidden" name="intent" value="compare" />
        <Card>
          <BlockStack gap="400">
            <InlineStack align="space-between" blockAlign="center" gap="200">
              <Text as="p" tone="subdued">
                {view
                  ? `${view.orders.toLocaleString(locale)} orders from ${formatDateTime(view.rangeFrom, timeZone)} to ${formatDateTime(view.rangeTo, timeZone)}`
                  : "See what the rules in the form would have done to your recent orders before you save them."}
              </Text>
              <Button submit loading={submitting} disabled={running}>
                Compare with the last 30 days
              </Button>
            </InlineStack>
            {settingsErrors && Object.keys(settingsErrors).length > 0 ? (
              <Banner tone="warning" title="Fix the rules above first">
                <p>Some fields are not valid: {Object.values(settingsErrors).join(" ")}</p>
              </Banner>
            ) : null}
            {running ? (
              <BlockStack gap="200">
                <Text as="p" id={progressId}>
                  {`Replaying ${view.orders.toLocaleString(locale)} orders under four routings… ${Math.round(view.progress * 100)}%`}
                </Text>
                <ProgressBar progress={Math.round(view.progress * 100)} size="small" ariaLabelledBy={progressId} />
              </BlockStack>
            ) : null}
            {view?.status === "FAILED" ? (
              <Banner tone="critical" title="The comparison did not finish">
                <p>{view.error ?? "Try again."}</p>
              </Banner>
            ) : null}
            {view?.status === "DONE" && view.report ? (
              <ComparisonResult
                comparisonId={view.id}
                report={view.report}
                currency={view.currency}
                locale={locale}
                stale={stale}
              />
            ) : null}
          </BlockStack>
        </Card>
      </compare.Form>
    </Layout.AnnotatedSection>
  );
}

const ROLE_HEADINGS: Record<RouterRole, string> = {
  LIVE: "Live rules",
  DRAFT: "Draft rules",
  NATIVE: "Shopify native",
  GREEDY: "Nearest first",
};

interface Metric {
  label: string;
  value: (column: RouterColumn) => number;
  format: (formats: ComparisonFormats) => (value: number) => string;
  /** The draft's change from the live rules, as the two figures read. */
  change: (formats: ComparisonFormats) => (live: number, draft: number) => string;
}

const METRICS: Metric[] = [
  {
    label: "Cost per order",
    value: (c) => c.costPerOrder,
    format: (f) => f.money,
    change: (f) => f.moneyDifference,
  },
  { label: "Total cost", value: (c) => c.totalCost, format: (f) => f.money, change: (f) => f.moneyDifference },
  { label: "Orders split", value: (c) => c.splitOrders, format: (f) => f.count, change: (f) => f.countDifference },
  {
    label: "Store shipments",
    value: (c) => c.storeShipments,
    format: (f) => f.count,
    change: (f) => f.countDifference,
  },
  {
    label: "Share shipped from stores",
    value: (c) => c.storeShare,
    format: (f) => f.percent,
    change: (f) => f.percentPointsDifference,
  },
  {
    label: "Pickup store changes",
    value: (c) => c.pickupStoreChanges,
    format: (f) => f.count,
    change: (f) => f.countDifference,
  },
  { label: "Same-day at risk", value: (c) => c.slaAtRisk, format: (f) => f.count, change: (f) => f.countDifference },
  {
    label: "Unroutable",
    value: (c) => c.unroutableOrders,
    format: (f) => f.count,
    change: (f) => f.countDifference,
  },
  {
    label: "Store minimum broken",
    value: (c) => c.thresholdViolations,
    format: (f) => f.count,
    change: (f) => f.countDifference,
  },
  {
    label: "Distance",
    value: (c) => c.distanceMiles,
    format: (f) => f.miles,
    change: (f) => f.milesDifference,
  },
];

/**
 * The headline: store shipments and cost per order, live → draft. Cost per order, not the total:
 * an order the draft leaves unroutable costs nothing, so a total could fall while every routed
 * order costs more; a change in unroutable orders is named beside it.
 */
function headline(live: RouterColumn, draft: RouterColumn, formats: ComparisonFormats): string {
  const storeShipments = `store shipments ${formats.count(live.storeShipments)} → ${formats.count(draft.storeShipments)} (${formats.countDifference(live.storeShipments, draft.storeShipments)})`;
  const cost = `cost per order ${formats.money(live.costPerOrder)} → ${formats.money(draft.costPerOrder)} (${formats.moneyDifference(live.costPerOrder, draft.costPerOrder)})`;
  const unroutable =
    draft.unroutableOrders === live.unroutableOrders
      ? ""
      : `, unroutable ${formats.count(live.unroutableOrders)} → ${formats.count(draft.unroutableOrders)} (${formats.countDifference(live.unroutableOrders, draft.unroutableOrders)})`;
  return `Your draft: ${storeShipments}, ${cost}${unroutable}`;
}

function sideText(side: DecisionSide, formats: ComparisonFormats): string {
  if (side.status === "UNROUTABLE" || side.locations.length === 0) return "Unroutable";
  const where = side.locations
    .map((location) => `${location.name} (${formats.count(location.units)} ${location.units === 1 ? "unit" : "units"})`)
    .join(" + ");
  return `${where} · ${formats.money(side.cost)}`;
}

/** The report: totals per router, live against draft per day, per location, and the orders moved. Memoised: typing does not redraw it. */
const ComparisonResult = memo(function ComparisonResult({
  comparisonId,
  report,
  currency,
  locale,
  stale,
}: {
  comparisonId: string;
  report: ComparisonReport;
  currency: string;
  locale: string;
  stale: boolean;
}) {
  const formats = useMemo(() => comparisonFormats(locale, currency), [locale, currency]);
  const [page, setPage] = useState(0);
  const [allLocations, setAllLocations] = useState(false);
  useEffect(() => setPage(0), [report]);

  if (report.orders === 0) {
    return (
      <Banner tone="info" title="No orders in the last 30 days yet">
        <p>
          Once Omniroute has routed your orders, compare here to see what the rules in the form would have done to them.
        </p>
      </Banner>
    );
  }
  const live = report.columns.find((column) => column.role === "LIVE")!;
  const draft = report.columns.find((column) => column.role === "DRAFT")!;
  const references = report.columns.filter((column) => column.role !== "LIVE" && column.role !== "DRAFT");
  const storeSeries: ChartSeries<ComparisonDay>[] = [
    { key: "live", label: "Live rules", color: "#2c6ecb", value: (day) => day.liveStoreShipments },
    { key: "draft", label: "Draft rules", color: "#e07c1f", value: (day) => day.draftStoreShipments },
  ];
  const costSeries: ChartSeries<ComparisonDay>[] = [
    { key: "live", label: "Live rules", color: "#2c6ecb", value: (day) => (day.orders ? day.liveCost : null) },
    { key: "draft", label: "Draft rules", color: "#e07c1f", value: (day) => (day.orders ? day.draftCost : null) },
  ];
  const locations = allLocations ? report.locations : report.locations.slice(0, LOCATIONS_SHOWN);
  const pages = Math.max(1, Math.ceil(report.changedOrders.listed.length / CHANGES_PER_PAGE));
  const changes = report.changedOrders.listed.slice(page * CHANGES_PER_PAGE, (page + 1) * CHANGES_PER_PAGE);
  const load = (orders: number, units: number) => `${formats.count(orders)} orders · ${formats.count(units)} units`;

  return (
    <BlockStack gap="400">
      {stale ? (
        <Banner tone="warning" title="The rules in the form have changed since this comparison">
          <p>Compare again before saving: a comparison is kept with a version only when it is of the rules saved.</p>
        </Banner>
      ) : null}
      <Text as="p" variant="headingSm">
        {headline(live, draft, formats)}
      </Text>
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", ...references.map(() => "numeric" as const)]}
        headings={[
          "",
          ROLE_HEADINGS.LIVE,
          ROLE_HEADINGS.DRAFT,
          "Change",
          ...references.map((column) => ROLE_HEADINGS[column.role]),
        ]}
        rows={METRICS.map((metric) => [
          metric.label,
          metric.format(formats)(metric.value(live)),
          metric.format(formats)(metric.value(draft)),
          metric.change(formats)(metric.value(live), metric.value(draft)),
          ...references.map((column) => metric.format(formats)(metric.value(column))),
        ])}
      />
      <Text as="p" variant="bodySm" tone="subdued">
        {`Replayed with the live rules, ${formats.count(report.liveMatchesRecorded)} of ${formats.count(report.orders)} orders go where they went: the rest differ because stock moved since (restocks, sales in store), which the replay cannot undo.`}
      </Text>
      <Divider />
      <LineChart
        title="Store shipments per day"
        summary={`Live rules ${formats.count(live.storeShipments)}, draft rules ${formats.count(draft.storeShipments)} over ${report.days.length} days.`}
        days={report.days}
        series={storeSeries}
        formatAxis={formats.count}
      />
      <LineChart
        title="Fulfilment cost per day"
        summary={`Live rules ${formats.money(live.totalCost)}, draft rules ${formats.money(draft.totalCost)} over ${report.days.length} days.`}
        days={report.days}
        series={costSeries}
        formatAxis={formats.money}
      />
      <Divider />
      <Text as="h3" variant="headingSm">
        Per location, live → draft
      </Text>
      <DataTable
        columnContentTypes={["text", "text", "text", "text"]}
        headings={["Location", "Live rules", "Draft rules", "Busiest day (draft) / capacity"]}
        rows={locations.map((location) => [
          `${location.name}${location.kind === "WAREHOUSE" ? " (warehouse)" : ""}`,
          load(location.live.orders, location.live.units),
          load(location.draft.orders, location.draft.units),
          location.dailyCapacity === null
            ? `${formats.count(location.draft.busiestDayOrders)} orders · no limit`
            : `${formats.count(location.draft.busiestDayOrders)} / ${formats.count(location.dailyCapacity)} orders${location.draft.daysOverCapacity ? ` · over on ${formats.count(location.draft.daysOverCapacity)} days` : ""}`,
        ])}
      />
      {report.locations.length > LOCATIONS_SHOWN ? (
        <InlineStack>
          <Button variant="plain" onClick={() => setAllLocations((shown) => !shown)}>
            {allLocations ? "Show fewer locations" : `Show all ${formats.count(report.locations.length)} locations`}
          </Button>
        </InlineStack>
      ) : null}
      <Divider />
      <Text as="h3" variant="headingSm">
        {report.changedOrders.total === 0
          ? "The draft sends every order where the live rules do"
          : `Orders the draft sends elsewhere: ${formats.count(report.changedOrders.total)}${report.changedOrders.total > report.changedOrders.listed.length ? ` (the first ${formats.count(report.changedOrders.listed.length)} listed)` : ""}`}
      </Text>
      {changes.length > 0 ? (
        <BlockStack gap="200">
          {changes.map((change) => (
            <Box key={change.orderId} padding="200" background="bg-surface-secondary" borderRadius="200">
              <BlockStack gap="100">
                <InlineStack align="space-between">
                  <Link url={`/app/orders/${change.orderId}`}>{change.name}</Link>
                  <Text as="span" numeric>
                    {formats.moneyChange(change.costChange)}
                  </Text>
                </InlineStack>
                <Text as="p" variant="bodySm">{`Live rules: ${sideText(change.live, formats)}`}</Text>
                <Text as="p" variant="bodySm">{`Draft rules: ${sideText(change.draft, formats)}`}</Text>
                <ChangedOrderReasons comparisonId={comparisonId} orderId={change.orderId} />
              </BlockStack>
            </Box>
          ))}
          {pages > 1 ? (
            <InlineStack align="center">
              <Pagination
                hasPrevious={page > 0}
                onPrevious={() => setPage(page - 1)}
                hasNext={page + 1 < pages}
                onNext={() => setPage(page + 1)}
                label={`Page ${page + 1} of ${pages}`}
              />
            </InlineStack>
          ) : null}
        </BlockStack>
      ) : null}
    </BlockStack>
  );
});
