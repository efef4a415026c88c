import { memo } from "react";
import { Box, Card, DataTable, Layout, Text } from "@shopify/polaris";
import { formatDateTime } from "~/domain/date-time";
import { formatDollars } from "~/domain/money";
import type { SettingsVersionSummary } from "~/services/routing-settings/settings-page.server";
import { comparisonFormats } from "./comparison-formats";

/** "2,130 orders: cost $14,002.10 → $14,310.55 · store shipments 640 → 512", or "Not compared". */
function comparisonSummary(entry: SettingsVersionSummary, locale: string): string {
  const { comparison } = entry;
  if (!comparison?.live || !comparison.draft) return "Not compared";
  const formats = comparisonFormats(locale, comparison.currency);
  const { live, draft } = comparison;
  return `${formats.count(comparison.orders)} orders: cost ${formats.money(live.totalCost)} → ${formats.money(draft.totalCost)} · store shipments ${formats.count(live.storeShipments)} → ${formats.count(draft.storeShipments)}`;
}

/**
 * Every saved version of the rules: who changed them and when. Memoised: its props are the
 * loader's, so typing in the rules form does not rebuild the table.
 */
export const HistoryCard = memo(function HistoryCard({
  history,
  timeZone,
  locale,
}: {
  history: readonly SettingsVersionSummary[];
  /** The shop's, in which each version's time is shown. */
  timeZone: string;
  locale: string;
}) {
  return (
    <Layout.AnnotatedSection
      title="History"
      description="Every saved version: who changed the rules and when, and what the last 30 days looked like under them when they were compared before saving."
    >
      <Card padding="0">
        {history.length ? (
          <DataTable
            columnContentTypes={["numeric", "text", "text", "text", "text"]}
            headings={["Version", "Saved", "By", "Rules", "Compared (last 30 days, before → after)"]}
            rows={history.map((entry) => [
              entry.version,
              formatDateTime(entry.changedAt, timeZone),
              entry.changedBy ?? "Unknown",
              `min ${entry.settings.storeMinUnits} units · ${entry.settings.radiusMiles} mi · ${formatDollars(entry.settings.maxExtraCostOverWarehouse)} · ${entry.settings.allowSplit ? "splits" : "no splits"}`,
              comparisonSummary(entry, locale),
            ])}
          />
        ) : (
          <Box padding="400">
            <Text as="p" tone="subdued">
              No changes yet: the recommended defaults are in force.
            </Text>
          </Box>
        )}
      </Card>
    </Layout.AnnotatedSection>
  );
});
