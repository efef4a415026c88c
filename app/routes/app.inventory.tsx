import { useCallback, useEffect, useMemo, useState } from "react";
import { useUrlQuery } from "~/components/use-url-query";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  Checkbox,
  IndexTable,
  InlineStack,
  Page,
  Select,
  Spinner,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { formatDateTime } from "~/domain/date-time";
import { acceptedLanguages, displayLocale } from "~/domain/display-locale";
import { INVENTORY_SORTS, readInventoryPageQuery, type InventorySort } from "~/domain/inventory/inventory-page-query";
import { loadInventoryPage, syncInventoryNow } from "~/services/inventory-page/inventory-page.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { CursorPagination } from "~/components/CursorPagination";
import { LocationPicker } from "~/components/LocationPicker";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const reading = readInventoryPageQuery(params);
  if (!reading.ok) throw Response.json({ error: reading.error }, { status: 400 });
  const [page, timeZone] = await Promise.all([
    loadInventoryPage(session.shop, reading.query, new Date()),
    shopTimeZone(session.shop),
  ]);
  if (!page.found) throw Response.json({ error: "No such location in this shop" }, { status: 404 });
  const { sync } = page;
  const job = sync.job;
  return {
    cells: page.cells,
    nextCursor: page.nextCursor,
    locationName: page.locationName,
    storeMinUnits: page.storeMinUnits,
    // Formatted here, in the shop's zone and the admin's locale, so server and browser render alike.
    locale: displayLocale([params.get("locale"), ...acceptedLanguages(request.headers.get("Accept-Language"))]),
    sync: {
      lastSyncedAt: sync.lastSyncedAt ? formatDateTime(sync.lastSyncedAt, timeZone) : null,
      state: job?.state ?? null,
      since: job?.startedAt
        ? formatDateTime(job.startedAt, timeZone)
        : job
          ? formatDateTime(job.queuedAt, timeZone)
          : null,
      levelsSynced: sync.levelsSynced,
    },
  };
};

/** "Sync now": queues the mirror's full sync (a second press while one is queued changes nothing). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  if (form.get("intent") !== "sync-now") {
    return Response.json({ error: "Send intent=sync-now to sync the inventory now" }, { status: 400 });
  }
  return Response.json({ sync: await syncInventoryNow(session.shop) });
};

const SORT_LABELS: Record<InventorySort, string> = {
  sku: "SKU A–Z",
  "-sku": "SKU Z–A",
  available: "Available, lowest first",
  "-available": "Available, highest first",
};

const SYNC_LABELS = {
  QUEUED: { label: "Sync queued", tone: "info" },
  RUNNING: { label: "Syncing", tone: "info" },
  RETRYING: { label: "Sync retrying", tone: "warning" },
  FAILED: { label: "Last sync failed", tone: "critical" },
  DONE: { label: "Synced", tone: "success" },
} as const;

const SYNC_POLL_MS = 3_000;

/** "Merino Tee – M"; the product alone for a single-variant product; a dash before the catalogue is read. */
function productName(cell: { productTitle: string | null; variantTitle: string | null }): string {
  if (!cell.productTitle) return "—";
  const variant = cell.variantTitle && cell.variantTitle !== "Default Title" ? ` – ${cell.variantTitle}` : "";
  return `${cell.productTitle}${variant}`;
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** While a sync is queued or running, the page reads its progress again every few seconds. */
function useSyncPolling(state: PageData["sync"]["state"]): void {
  const { revalidate, state: revalidating } = useRevalidator();
  const busy = state === "QUEUED" || state === "RUNNING" || state === "RETRYING";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidating === "idle") revalidate();
    }, SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [busy, revalidate, revalidating]);
}

function SyncCard({ sync, format }: { sync: PageData["sync"]; format: (n: number) => string }) {
  const fetcher = useFetcher<{ sync?: string; error?: string }>();
  useSyncPolling(sync.state);
  const submitting = fetcher.state !== "idle";
  const label = sync.state ? SYNC_LABELS[sync.state] : null;
  return (
    <Card>
      <InlineStack align="space-between" blockAlign="center" gap="400">
        <BlockStack gap="100">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              Inventory mirror
            </Text>
            {label ? <Badge tone={label.tone}>{label.label}</Badge> : null}
          </InlineStack>
          <Text as="p" tone="subdued">
            {sync.lastSyncedAt
              ? `Last full sync from Shopify: ${sync.lastSyncedAt}. Stock changes arrive as they happen in between.`
              : "Not fully synced from Shopify yet."}
          </Text>
          {sync.state === "RUNNING" ? (
            <InlineStack gap="200" blockAlign="center">
              <Spinner size="small" accessibilityLabel="Sync in progress" />
              <Text as="p">
                Running since {sync.since}: {format(sync.levelsSynced ?? 0)} stock levels read so far.
              </Text>
            </InlineStack>
          ) : null}
          {sync.state === "QUEUED" ? <Text as="p">Queued at {sync.since}; it starts shortly.</Text> : null}
        </BlockStack>
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="sync-now" />
          <Button submit loading={submitting} disabled={sync.state === "QUEUED" || sync.state === "RUNNING"}>
            Sync now
          </Button>
        </fetcher.Form>
      </InlineStack>
    </Card>
  );
}

/** Downloads the current filter's CSV through the app's fetch (which carries the session token). */
function useCsvExport(query: string) {
  const shopify = useAppBridge();
  const [exporting, setExporting] = useState(false);
  const exportCsv = useCallback(async () => {
    setExporting(true);
    try {
      const response = await fetch(`/app/inventory/export${query ? `?${query}` : ""}`);
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "inventory.csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      shopify.toast.show("The CSV could not be exported; try again", { isError: true });
    } finally {
      setExporting(false);
    }
  }, [query, shopify]);
  return { exportCsv, exporting };
}

/**
 * The search box, with its own copy of the URL query: typing re-renders this field alone, not the
 * table beside it (the text reaches the URL, and the loader, once typing stops).
 */
function SearchField() {
  const { search, setSearch } = useUrlQuery();
  return (
    <TextField
      label="Search"
      placeholder="SKU, product title or barcode"
      value={search}
      onChange={setSearch}
      autoComplete="off"
      clearButton
      onClearButtonClick={() => setSearch("")}
      maxLength={100}
    />
  );
}

export default function InventoryPage() {
  const { cells, nextCursor, locationName, storeMinUnits, locale, sync } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const format = useCallback((n: number) => numbers.format(n), [numbers]);

  const { params, update } = useUrlQuery();

  const exportQuery = useMemo(() => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    return next.toString();
  }, [params]);
  const { exportCsv, exporting } = useCsvExport(exportQuery);
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/inventory";
  const filtered = ["q", "location", "below", "empty"].some((key) => params.get(key));

  return (
    <Page>
      <TitleBar title="Inventory" />
      <BlockStack gap="400">
        <SyncCard sync={sync} format={format} />
        <Card>
          <BlockStack gap="300">
            <InlineStack gap="400" blockAlign="end" wrap>
              <div style={{ minWidth: "16rem", flexGrow: 1 }}>
                <SearchField />
              </div>
              <div style={{ minWidth: "14rem" }}>
                <LocationPicker
                  label="Location"
                  scope="ALL"
                  anyLabel="All locations"
                  value={params.get("location") ?? ""}
                  selectedName={locationName}
                  onChange={(id) => update("location", id)}
                />
              </div>
              <Select
                label="Sort"
                options={INVENTORY_SORTS.map((value) => ({ label: SORT_LABELS[value], value }))}
                value={params.get("sort") ?? "sku"}
                onChange={(value) => update("sort", value === "sku" ? "" : value)}
              />
            </InlineStack>
            <InlineStack gap="400" blockAlign="center" align="space-between">
              <InlineStack gap="400">
                <Checkbox
                  label={`Below the store minimum (${format(storeMinUnits)} units)`}
                  checked={params.get("below") === "1"}
                  onChange={(checked) => update("below", checked ? "1" : "")}
                />
                <Checkbox
                  label="Out of stock everywhere"
                  checked={params.get("empty") === "1"}
                  onChange={(checked) => update("empty", checked ? "1" : "")}
                />
              </InlineStack>
              <Button onClick={() => void exportCsv()} loading={exporting}>
                Export CSV
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "stock level", plural: "stock levels" }}
            itemCount={cells.length}
            selectable={false}
            loading={loading}
            emptyState={
              <BlockStack gap="200" inlineAlign="center">
                <Text as="p" tone="subdued">
                  {filtered
                    ? "No stock levels match this search and these filters."
                    : "No stock mirrored yet: the inventory appears here once the first sync from Shopify has run."}
                </Text>
              </BlockStack>
            }
            headings={[
              { title: "SKU and product" },
              { title: "Location" },
              { title: "Available", alignment: "end" },
              {
                title: "Reserved",
                alignment: "end",
                tooltipContent: "Units open orders routed here hold until Shopify's numbers show them",
              },
              {
                title: "Sellable for routing",
                alignment: "end",
                tooltipContent: "What routing may use after the store minimum rule",
              },
            ]}
          >
            {cells.map((cell, index) => (
              <IndexTable.Row id={cell.id} key={cell.id} position={index}>
                <IndexTable.Cell>
                  {/* SKU, product and barcode in one column, so the figures fit the admin's width. */}
                  <BlockStack gap="050">
                    <Text as="span" fontWeight="semibold">
                      {cell.sku}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {productName(cell)}
                      {cell.barcode ? ` · ${cell.barcode}` : ""}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="200" blockAlign="center" wrap={false}>
                    <Text as="span">{cell.locationName}</Text>
                    {cell.kind === "WAREHOUSE" ? <Badge>Warehouse</Badge> : null}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric tone={cell.available <= 0 ? "critical" : undefined}>
                    {format(cell.available)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {format(cell.reserved)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack align="end" gap="200" blockAlign="center" wrap={false}>
                    {cell.belowStoreMinimum ? <Badge tone="warning">Below minimum</Badge> : null}
                    <Text as="span" alignment="end" numeric>
                      {format(cell.sellable)}
                    </Text>
                  </InlineStack>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <CursorPagination nextCursor={nextCursor} />
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <PageErrorBoundary
      title="Inventory"
      failed="The inventory could not be loaded"
      refusal={{
        statuses: [400, 404],
        titleBar: "Inventory",
        banner: "This inventory view cannot be shown",
        action: { content: "Show all inventory", url: "/app/inventory" },
        explanation: "The link's search or filters are not valid.",
        showsReason: true,
      }}
    />
  );
}
