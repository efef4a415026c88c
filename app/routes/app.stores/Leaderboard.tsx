import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import {
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  DataTable,
  FormLayout,
  InlineStack,
  Select,
  SkeletonBodyText,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { formatDuration } from "~/domain/store-tasks/durations";
import {
  LEADERBOARD_PERIOD_LABELS,
  LEADERBOARD_PERIODS,
  type LeaderboardPeriod,
} from "~/domain/store-tasks/leaderboard-period";

export interface LeaderboardRow {
  staffMemberId: string;
  name: string;
  nickname: string | null;
  picks: number;
  medianPickSeconds: number | null;
  rightScans: number;
  wrongScans: number;
  scanAccuracy: number | null;
}

function accuracyText(row: LeaderboardRow): string {
  if (row.scanAccuracy === null) return "No scans";
  const scans = row.rightScans + row.wrongScans;
  return `${(row.scanAccuracy * 100).toFixed(1)}% of ${scans} ${scans === 1 ? "scan" : "scans"}`;
}

const PERIOD_SPANS: Record<LeaderboardPeriod, string> = {
  today: "Today",
  "7d": "Today and the 6 days before",
  "30d": "Today and the 29 days before",
};

/** Today / 7 days / 30 days, kept in the page's URL (?period=) so a link or a reload keeps it. */
function PeriodChoice({ period }: { period: LeaderboardPeriod }) {
  const [params, setParams] = useSearchParams();
  const choose = (chosen: LeaderboardPeriod) => {
    const next = new URLSearchParams(params);
    next.set("period", chosen);
    setParams(next, { preventScrollReset: true });
  };
  return (
    <ButtonGroup variant="segmented">
      {LEADERBOARD_PERIODS.map((option) => (
        <Button key={option} pressed={option === period} onClick={() => choose(option)}>
          {LEADERBOARD_PERIOD_LABELS[option]}
        </Button>
      ))}
    </ButtonGroup>
  );
}

/** The staff leaderboard (the seed's gamification), and naming a staff member. */
export function Leaderboard({
  rows,
  period,
  pickTargetSeconds,
  errors,
  loading,
}: {
  rows: LeaderboardRow[];
  period: LeaderboardPeriod;
  pickTargetSeconds: number;
  errors: { staffMemberId?: string; nickname?: string };
  loading: boolean;
}) {
  const navigation = useNavigation();
  const [staffMemberId, setStaffMemberId] = useState(rows[0]?.staffMemberId ?? "");
  const [nickname, setNickname] = useState(rows[0]?.nickname ?? "");
  const choose = (id: string) => {
    setStaffMemberId(id);
    setNickname(rows.find((row) => row.staffMemberId === id)?.nickname ?? "");
  };
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "nickname";

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="200">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Staff leaderboard
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              {PERIOD_SPANS[period]} at every store, in the shop&apos;s time zone: orders packed, median pick time
              against the {formatDuration(pickTargetSeconds)} target, and scans that found the right item.
            </Text>
          </BlockStack>
          <PeriodChoice period={period} />
        </InlineStack>
        {loading ? (
          <SkeletonBodyText lines={3} />
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {period === "today"
              ? "No picks or scans by named staff today yet: try 7 or 30 days, or wait for associates to pick on Shopify POS."
              : "No picks or scans by named staff in this period: they appear here once associates pick orders on Shopify POS."}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={["text", "numeric", "text", "text"]}
              headings={["Staff", "Picks", "Median pick time", "Scan accuracy"]}
              rows={rows.map((row) => [
                row.name,
                row.picks,
                row.medianPickSeconds === null ? "—" : formatDuration(row.medianPickSeconds),
                accuracyText(row),
              ])}
            />
            <Form method="post">
              <input type="hidden" name="intent" value="nickname" />
              <FormLayout>
                <FormLayout.Group>
                  <Select
                    label="Staff member"
                    name="staffMemberId"
                    options={rows.map((row) => ({
                      label: `${row.name} (${row.staffMemberId})`,
                      value: row.staffMemberId,
                    }))}
                    value={staffMemberId}
                    onChange={choose}
                    error={errors.staffMemberId}
                  />
                  <TextField
                    label="Name shown"
                    name="nickname"
                    autoComplete="off"
                    value={nickname}
                    onChange={setNickname}
                    error={errors.nickname}
                    helpText="Leave empty to show them by their POS staff id."
                  />
                </FormLayout.Group>
                <InlineStack align="end">
                  <Button submit loading={saving}>
                    Save name
                  </Button>
                </InlineStack>
              </FormLayout>
            </Form>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
