import { memo } from "react";
import { Box, Card, DataTable, Layout, Text } from "@shopify/polaris";
import { formatDateTime } from "~/domain/date-time";
import { formatDollars } from "~/domain/money";
import type { SettingsVersionSummary } from "~/services/routing-settings/settings-page.server";

/**
 * Every saved version of the rules: who changed them and when. Memoised: its props are the
 * loader's, so typing in the rules form does not rebuild the table.
 */
export const HistoryCard = memo(function HistoryCard({
  history,
  timeZone,
}: {
  history: readonly SettingsVersionSummary[];
  /** The shop's, in which each version's time is shown. */
  timeZone: string;
}) {
  return (
    <Layout.AnnotatedSection title="History" description="Every saved version: who changed the rules and when.">
      <Card padding="0">
        {history.length ? (
          <DataTable
            columnContentTypes={["numeric", "text", "text", "text"]}
            headings={["Version", "Saved", "By", "Rules"]}
            rows={history.map((entry) => [
              entry.version,
              formatDateTime(entry.changedAt, timeZone),
              entry.changedBy ?? "Unknown",
              `min ${entry.settings.storeMinUnits} units · ${entry.settings.radiusMiles} mi · ${formatDollars(entry.settings.maxExtraCostOverWarehouse)} · ${entry.settings.allowSplit ? "splits" : "no splits"}`,
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
