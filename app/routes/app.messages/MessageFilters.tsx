import { Card, InlineStack, Select, TextField } from "@shopify/polaris";
import { useSearchParams } from "@remix-run/react";
import { LocationPicker } from "~/components/LocationPicker";

const STATUS_OPTIONS = [
  { label: "Scheduled", value: "SCHEDULED" },
  { label: "Sending", value: "SENDING" },
  { label: "Sent", value: "SENT" },
  { label: "Delivered", value: "DELIVERED" },
  { label: "Failed", value: "FAILED" },
  { label: "Being checked", value: "UNKNOWN" },
  { label: "Cancelled", value: "CANCELLED" },
  { label: "Skipped (or sent by Shopify)", value: "SKIPPED" },
];
const CHANNEL_OPTIONS = [
  { label: "SMS", value: "SMS" },
  { label: "Email", value: "EMAIL" },
  { label: "Push", value: "PUSH" },
];
const ANY = { label: "Any", value: "" };

/** The log's filters, kept in the page's query so a filtered view can be linked and reloaded. */
export function MessageFilters({ storeName }: { storeName: string | null }) {
  const [params, setParams] = useSearchParams();
  const filter = (key: string) => (value: string) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Card>
      <InlineStack gap="400">
        <Select
          label="Status"
          options={[ANY, ...STATUS_OPTIONS]}
          value={params.get("status") ?? ""}
          onChange={filter("status")}
        />
        <Select
          label="Channel"
          options={[ANY, ...CHANNEL_OPTIONS]}
          value={params.get("channel") ?? ""}
          onChange={filter("channel")}
        />
        <div style={{ minWidth: "14rem" }}>
          <LocationPicker
            label="Store"
            scope="ALL"
            anyLabel="Any store"
            value={params.get("store") ?? ""}
            selectedName={storeName}
            onChange={filter("store")}
          />
        </div>
        <TextField
          label="From"
          type="date"
          autoComplete="off"
          value={params.get("from") ?? ""}
          onChange={filter("from")}
        />
        <TextField label="To" type="date" autoComplete="off" value={params.get("to") ?? ""} onChange={filter("to")} />
      </InlineStack>
    </Card>
  );
}
