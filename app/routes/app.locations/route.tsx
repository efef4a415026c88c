import { memo, useEffect, useMemo, useState, type MouseEvent } from "react";
import { useUrlQuery } from "~/components/use-url-query";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  IndexTable,
  type IndexTableProps,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { currencySymbol } from "~/domain/roi/roi-formulas";
import {
  LOCATION_SORTS,
  locationsTableSearch,
  readLocationsTableQuery,
  type LocationSort,
} from "~/domain/locations/locations-table-query";
import { bulkEditLocationProfiles, loadLocationsTable } from "~/services/locations/location-profiles.server";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";
import { CursorPagination } from "~/components/CursorPagination";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";
import { BulkEditModal, type BulkEditReply, type BulkIntent, type BulkTarget } from "./BulkEditModal";

/**
 * Locations at a chain's scale: a table of the shop's locations (searched, filtered, sorted and
 * paged on the server), each linking to its own page for the whole profile, with bulk edits of
 * the selected rows' pick and pack cost or pickup.
 */

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const reading = readLocationsTableQuery(new URL(request.url).searchParams);
  if (!reading.ok) throw Response.json({ error: reading.error }, { status: 400 });
  const [page, money] = await Promise.all([
    loadLocationsTable(session.shop, reading.query),
    shopMoneyFormat({ admin, session }, request),
  ]);
  return { ...page, locale: money.locale, currency: money.currency };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const intent = text("intent") ?? null;
  const outcome = await bulkEditLocationProfiles(
    session.shop,
    {
      intent,
      scope: text("scope"),
      filter: text("filter"),
      locationIds: form.getAll("locationIds").filter((id): id is string => typeof id === "string"),
      labourCostPerOrder: text("labourCostPerOrder"),
      pickup: text("pickup"),
    },
    new Date(),
  );
  if (outcome.ok) return Response.json({ ...outcome, intent });
  return Response.json(outcome, { status: "notFound" in outcome ? 404 : 400 });
};

const SORT_LABELS: Record<LocationSort, string> = {
  name: "Name A–Z",
  "-name": "Name Z–A",
  capacity: "Orders a day, fewest first",
  "-capacity": "Orders a day, most first",
};

const FILTERS = [
  {
    key: "kind",
    label: "Kind",
    options: [
      { label: "Stores and warehouses", value: "" },
      { label: "Stores", value: "store" },
      { label: "Warehouses", value: "warehouse" },
    ],
  },
  {
    key: "pickup",
    label: "Pickup",
    options: [
      { label: "With or without", value: "" },
      { label: "Offers pickup", value: "on" },
      { label: "No pickup", value: "off" },
    ],
  },
  {
    key: "routes",
    label: "Routes orders",
    options: [
      { label: "Routing or not", value: "" },
      { label: "Routes orders", value: "yes" },
      { label: "Not routing", value: "no" },
    ],
  },
  {
    key: "capacity",
    label: "Daily limit",
    options: [
      { label: "With or without", value: "" },
      { label: "Has a limit", value: "yes" },
      { label: "No limit", value: "no" },
    ],
  },
] as const;

const HOURS_CELL = { whiteSpace: "normal", minWidth: "9rem", maxWidth: "14rem" } as const;

const BULK_DONE: Record<BulkIntent, string> = {
  "set-labour-cost": "Pick and pack cost set",
  "set-pickup": "Pickup set",
};

/**
 * The search box, with its own copy of the URL query: typing re-renders this field alone, not the
 * table beside it (the text reaches the URL, and the loader, once typing stops).
 */
function SearchField() {
  const { search, setSearch } = useUrlQuery();
  return (
    <TextField
      label="Search"
      placeholder="Name, city or ZIP"
      value={search}
      onChange={setSearch}
      autoComplete="off"
      clearButton
      onClearButtonClick={() => setSearch("")}
      maxLength={100}
    />
  );
}

/**
 * The search, filters and sort, memoised without props: they read the URL themselves, so selecting
 * rows (a state of the page) does not re-render five selects and their options.
 */
const LocationsFilters = memo(function LocationsFilters() {
  const { params, update } = useUrlQuery();
  return (
    <Card>
      <InlineStack gap="400" blockAlign="end" wrap>
        <div style={{ minWidth: "14rem", flexGrow: 1 }}>
          <SearchField />
        </div>
        {FILTERS.map((filter) => (
          <Select
            key={filter.key}
            label={filter.label}
            options={[...filter.options]}
            value={params.get(filter.key) ?? ""}
            onChange={(value) => update(filter.key, value)}
          />
        ))}
        <Select
          label="Sort"
          options={LOCATION_SORTS.map((value) => ({ label: SORT_LABELS[value], value }))}
          value={params.get("sort") ?? "name"}
          onChange={(value) => update("sort", value === "name" ? "" : value)}
        />
      </InlineStack>
    </Card>
  );
});

/** Constant lists: Polaris's IndexTable re-measures its headings whenever the list it is given changes. */
const HEADINGS: IndexTableProps["headings"] = [
  { title: "Location" },
  { title: "Kind" },
  { title: "Routes orders" },
  { title: "Pickup" },
  { title: "Orders a day", alignment: "end" },
  { title: "Pick and pack", alignment: "end" },
  { title: "Opening hours" },
];
const RESOURCE_NAME = { singular: "location", plural: "locations" };

export default function LocationsPage() {
  const { rows, total, nextCursor, locale, currency } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: "currency", currency }), [locale, currency]);

  const [params] = useSearchParams();
  // A location's page links back to the table as it is now (search, filters, sort, page).
  const backQuery = useMemo(() => {
    const tableSearch = locationsTableSearch(params);
    return tableSearch ? `?back=${encodeURIComponent(tableSearch.slice(1))}` : "";
  }, [params]);

  const resources = useMemo(() => rows.map((row) => ({ id: row.locationId })), [rows]);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(resources);
  // A selection is of the rows on screen: another page or filter starts a new one.
  useEffect(() => clearSelection(), [rows, clearSelection]);

  const fetcher = useFetcher<BulkEditReply>();
  const [bulkIntent, setBulkIntent] = useState<BulkIntent | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "critical"; title: string } | null>(null);
  useEffect(() => {
    const reply = fetcher.data;
    if (fetcher.state !== "idle" || !reply) return;
    if (reply.ok) {
      setOutcome({
        tone: "success",
        title: `${BULK_DONE[reply.intent]} at ${numbers.format(reply.updated)} location${reply.updated === 1 ? "" : "s"}`,
      });
      setBulkIntent(null);
    } else if ("notFound" in reply) {
      setOutcome({
        tone: "critical",
        title: "Nothing was changed: a selected location is no longer in this shop. Reload and select again.",
      });
      setBulkIntent(null);
    }
  }, [fetcher.state, fetcher.data, numbers]);

  // "Select all" across pages edits what the filter matches: the URL's query without its cursor.
  const bulkTarget = useMemo((): BulkTarget => {
    if (!allResourcesSelected) return { kind: "selected", locationIds: selectedResources };
    const filter = new URLSearchParams(params);
    filter.delete("cursor");
    return { kind: "matching", filter: filter.toString(), count: total };
  }, [allResourcesSelected, selectedResources, params, total]);

  // Each row's cells, made once per page of rows: (un)selecting a row then re-renders that row alone
  // (Polaris memoises rows whose props are unchanged), not all fifty.
  const rowCells = useMemo(
    () =>
      new Map(
        rows.map((row) => [
          row.locationId,
          <>
            <IndexTable.Cell>
              <BlockStack gap="050">
                {/* The row's primary link: a click anywhere on the row opens the location. */}
                <RemixLink to={`/app/locations/${row.locationId}${backQuery}`} data-primary-link="true">
                  <Text as="span" fontWeight="semibold">
                    {row.name}
                  </Text>
                </RemixLink>
                <Text as="span" tone="subdued" variant="bodySm">
                  {row.address || "No address in Shopify"}
                </Text>
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>{row.kind === "STORE" ? "Store" : <Badge>Warehouse</Badge>}</IndexTable.Cell>
            <IndexTable.Cell>
              {row.routesOrders ? <Badge tone="success">Yes</Badge> : <Badge tone="attention">No</Badge>}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="050">
                <Text as="span">{row.pickup ? "On" : "Off"}</Text>
                <Text as="span" tone="subdued" variant="bodySm">
                  {row.pickupSource === "shopify" ? "As in Shopify" : "Set here"}
                </Text>
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {row.dailyCapacity === null ? "No limit" : numbers.format(row.dailyCapacity)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {money.format(row.labourCostPerOrder)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {/* Wrapped, so a week of differing hours does not push the table past the admin's width. */}
              <div style={HOURS_CELL}>
                <BlockStack gap="050">
                  <Text as="span" variant="bodySm">
                    {row.hoursSummary}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {row.timeZoneName}
                  </Text>
                </BlockStack>
              </div>
            </IndexTable.Cell>
          </>,
        ]),
      ),
    [rows, numbers, money, backQuery],
  );

  // The same list on every render: Polaris measures the bulk actions' buttons (a forced layout)
  // whenever the list it is given changes.
  const promotedBulkActions = useMemo(
    () => [
      { content: "Set pick and pack cost", onAction: () => setBulkIntent("set-labour-cost") },
      { content: "Set pickup", onAction: () => setBulkIntent("set-pickup") },
    ],
    [],
  );

  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/locations";
  const narrowed = ["q", "kind", "pickup", "routes", "capacity"].some((key) => params.get(key));

  return (
    <Page>
      <TitleBar title="Locations" />
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          What each location costs and can do. Routing compares shipping from a store with shipping from the warehouse
          using these figures, and opening hours decide when a location takes pickup and same-day orders. Open a
          location to edit its whole profile, or select several to change their pick and pack cost or pickup at once.
        </Text>
        {outcome ? <Banner tone={outcome.tone} title={outcome.title} onDismiss={() => setOutcome(null)} /> : null}
        <LocationsFilters />
        <Card padding="0">
          <BlockStack>
            <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
              <Text as="p" tone="subdued">
                {total === 0
                  ? "No locations"
                  : `Showing ${numbers.format(rows.length)} of ${numbers.format(total)} location${total === 1 ? "" : "s"}`}
              </Text>
            </div>
            {/* A shift-click selects a range of rows, not the text between them (see polaris-overrides.css). */}
            <div onMouseDownCapture={keepShiftClickFromSelectingText}>
              <IndexTable
                // A new search, filter or page brings new rows rather than moving the old ones about:
                // rows arriving a moment after typing would otherwise count as layout shifts.
                key={params.toString()}
                resourceName={RESOURCE_NAME}
                itemCount={rows.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                hasMoreItems={total > rows.length}
                paginatedSelectAllActionText={`Select all ${numbers.format(total)} matching locations`}
                loading={loading}
                promotedBulkActions={promotedBulkActions}
                emptyState={
                  <BlockStack gap="200" inlineAlign="center">
                    <Text as="p" tone="subdued">
                      {narrowed
                        ? "No locations match this search and these filters."
                        : "Your locations appear here once Omniroute has read them from Shopify, a minute or so after installing."}
                    </Text>
                  </BlockStack>
                }
                headings={HEADINGS}
              >
                {rows.map((row, index) => (
                  <IndexTable.Row
                    id={row.locationId}
                    key={row.locationId}
                    position={index}
                    selected={selectedResources.includes(row.locationId)}
                  >
                    {rowCells.get(row.locationId)}
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </div>
          </BlockStack>
        </Card>
        <CursorPagination nextCursor={nextCursor} />
      </BlockStack>
      <BulkEditModal
        intent={bulkIntent}
        target={bulkTarget}
        currencySymbol={currencySymbol(locale, currency)}
        fetcher={fetcher}
        onClose={() => setBulkIntent(null)}
      />
    </Page>
  );
}

function keepShiftClickFromSelectingText(event: MouseEvent<HTMLDivElement>) {
  if (event.shiftKey) event.preventDefault();
}

export function ErrorBoundary() {
  return (
    <PageErrorBoundary
      title="Locations"
      failed="The locations could not be loaded"
      refusal={{
        statuses: [400],
        titleBar: "Locations",
        banner: "These locations cannot be shown",
        action: { content: "Show all locations", url: "/app/locations" },
        explanation: "The link's search or filters are not valid.",
        showsReason: true,
      }}
    />
  );
}
