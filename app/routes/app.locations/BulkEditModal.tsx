import { useEffect, useState } from "react";
import type { FetcherWithComponents } from "@remix-run/react";
import { FormLayout, Modal, Select, Text, TextField } from "@shopify/polaris";

/** What the Locations action answers a bulk edit with. */
export type BulkEditReply =
  | { ok: true; updated: number; intent: BulkIntent }
  | { ok: false; errors: Partial<Record<"intent" | "locationIds" | "labourCostPerOrder" | "pickup", string>> }
  | { ok: false; notFound: true };

export type BulkIntent = "set-labour-cost" | "set-pickup";

/** The rows selected on the page, or every location the table's filter (its URL query) matches. */
export type BulkTarget =
  { kind: "selected"; locationIds: readonly string[] } | { kind: "matching"; filter: string; count: number };

const TITLES: Record<BulkIntent, string> = {
  "set-labour-cost": "Set pick and pack cost",
  "set-pickup": "Set pickup",
};

/**
 * The value a bulk edit sets at the selected locations, asked for in a modal and posted with
 * every selected id (the action applies it to all of them or none), or with the table's filter
 * when every matching location is selected.
 */
export function BulkEditModal({
  intent,
  target,
  currencySymbol,
  fetcher,
  onClose,
}: {
  intent: BulkIntent | null;
  target: BulkTarget;
  currencySymbol: string;
  fetcher: FetcherWithComponents<BulkEditReply>;
  onClose: () => void;
}) {
  const [labourCost, setLabourCost] = useState("");
  const [pickup, setPickup] = useState("on");
  // A new bulk edit starts from empty fields.
  useEffect(() => {
    setLabourCost("");
    setPickup("on");
  }, [intent]);
  const reply = fetcher.data;
  const errors = reply && !reply.ok && "errors" in reply ? reply.errors : {};
  const count = target.kind === "selected" ? target.locationIds.length : target.count;
  const where =
    target.kind === "selected"
      ? `${count} selected location${count === 1 ? "" : "s"}`
      : `all ${count} matching location${count === 1 ? "" : "s"}`;

  const submit = () => {
    if (!intent) return;
    const form = new FormData();
    form.set("intent", intent);
    if (target.kind === "selected") {
      for (const id of target.locationIds) form.append("locationIds", id);
    } else {
      form.set("scope", "matching");
      form.set("filter", target.filter);
    }
    if (intent === "set-labour-cost") form.set("labourCostPerOrder", labourCost);
    else form.set("pickup", pickup);
    fetcher.submit(form, { method: "post" });
  };

  return (
    <Modal
      open={intent !== null}
      onClose={onClose}
      title={intent ? TITLES[intent] : ""}
      primaryAction={{ content: `Apply to ${where}`, onAction: submit, loading: fetcher.state !== "idle" }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormLayout>
            {intent === "set-labour-cost" ? (
              <TextField
                label="Pick and pack, per order"
                prefix={currencySymbol}
                type="number"
                autoComplete="off"
                value={labourCost}
                onChange={setLabourCost}
                error={errors.labourCostPerOrder}
                helpText={`Routing adds this to every order it considers sending from the ${where}.`}
                autoFocus
              />
            ) : (
              <Select
                label="Pickup"
                options={[
                  { label: "Always offer pickup here", value: "on" },
                  { label: "Never offer pickup here", value: "off" },
                  { label: "As in Shopify", value: "shopify" },
                ]}
                value={pickup}
                onChange={setPickup}
                error={errors.pickup}
              />
            )}
            {errors.locationIds || errors.intent ? (
              <Text as="p" tone="critical">
                {errors.locationIds ?? errors.intent}
              </Text>
            ) : null}
          </FormLayout>
        </form>
      </Modal.Section>
    </Modal>
  );
}
