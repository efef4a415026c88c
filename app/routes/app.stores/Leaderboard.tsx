import { Form, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
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

/** The staff leaderboard (the seed's gamification), and naming a staff member. */
export function Leaderboard({
  rows,
  days,
  pickTargetSeconds,
  errors,
  loading,
}: {
  rows: LeaderboardRow[];
  days: number;
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
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Staff leaderboard
          </Text>
          <Text as="p" tone="subdued" variant="bodySm">
            The last {days} days at every store: orders packed, median pick time against the{" "}
            {formatDuration(pickTargetSeconds)} target, and scans that found the right item.
          </Text>
        </BlockStack>
        {loading ? (
          <SkeletonBodyText lines={3} />
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            No picks or scans by named staff yet: they appear here once associates pick orders on Shopify POS.
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
