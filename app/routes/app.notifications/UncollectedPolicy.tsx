import { memo } from "react";
import { Banner, BlockStack, Card, Checkbox, DataTable, Text, TextField } from "@shopify/polaris";
import type { FieldErrors } from "~/domain/form-result";
import { ordersToAutoCancel } from "~/domain/notifications/uncollected";
import { uncollectedEffects } from "~/domain/notifications/uncollected-cancel";
import type { CadenceForm, CadenceFormField } from "~/domain/notifications/settings-form";

type Setter = (key: CadenceFormField) => (value: string) => void;

/** What cancelling does besides cancelling; each posted as "true" or "false" (an unticked box posts nothing). */
const CANCEL_OPTIONS = [
  {
    field: "autoCancelRestock",
    label: "Restock the items",
    helpText: "The units the order holds go back to available at the store.",
  },
  {
    field: "autoCancelRefund",
    label: "Refund the shopper",
    helpText: "To the payment methods they paid with. Without it, an authorized payment is still voided.",
  },
  {
    field: "autoCancelNotifyCustomer",
    label: "Let Shopify email the shopper",
    helpText: "Shopify's order-cancelled email; the expiry warning will have gone out before.",
  },
] as const satisfies readonly { field: CadenceFormField; label: string; helpText: string }[];

export interface ReadyPickupRow {
  orderId: string;
  orderName: string;
  storeName: string;
  readyAt: string;
  readyAtLabel: string;
}

/** The list is for reading: past this many rows it says how many more. */
const ROWS_SHOWN = 50;

/**
 * Auto-cancel of pickup orders never collected: off until the merchant turns it on, after seeing
 * which orders it would cancel right now (worked out here as they type the days).
 */
export const UncollectedPolicy = memo(function UncollectedPolicy({
  form,
  set,
  errors,
  readyPickups,
  now,
  savedOn,
  savedDays,
}: {
  form: Required<CadenceForm>;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
  readyPickups: readonly ReadyPickupRow[];
  now: string;
  savedOn: boolean;
  savedDays: number;
}) {
  const on = form.autoCancel === "true";
  const effects = uncollectedEffects({
    restock: form.autoCancelRestock === "true",
    refund: form.autoCancelRefund === "true",
    notifyCustomer: form.autoCancelNotifyCustomer === "true",
  });
  const days = /^\d+$/.test(form.uncollectedDays.trim()) ? Number(form.uncollectedDays) : null;
  const byOrder = new Map(readyPickups.map((order) => [order.orderId, order]));
  const cancelled =
    days === null || days < 1
      ? []
      : ordersToAutoCancel(
          readyPickups.map((order) => ({
            orderId: order.orderId,
            kind: "PICKUP",
            state: "READY",
            readyAt: new Date(order.readyAt),
          })),
          { days },
          new Date(now),
        );
  // The list is shown whenever turning on (or changing the days) would cancel orders, and saved with its count.
  const needsReview = on && (!savedOn || days !== savedDays);
  const rows = cancelled.slice(0, ROWS_SHOWN).map((candidate) => {
    const order = byOrder.get(candidate.orderId);
    return [
      order?.orderName ?? candidate.orderId,
      order?.storeName ?? "",
      order?.readyAtLabel ?? "",
      String(candidate.daysWaiting),
    ];
  });
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Uncollected orders
        </Text>
        <input type="hidden" name="autoCancel" value={form.autoCancel} />
        {needsReview && <input type="hidden" name="autoCancelConfirmedCount" value={String(cancelled.length)} />}
        <Checkbox
          label="Cancel a pickup order in Shopify when it is not collected in time"
          checked={on}
          onChange={(checked) => set("autoCancel")(String(checked))}
          error={errors.autoCancel}
          helpText="The order is re-read first and cancelled only if still not collected. The expiry warning goes out before."
        />
        <TextField
          label="Cancel after"
          name="uncollectedDays"
          type="number"
          suffix="days ready"
          autoComplete="off"
          value={form.uncollectedDays}
          onChange={set("uncollectedDays")}
          error={errors.uncollectedDays}
        />
        {CANCEL_OPTIONS.map((option) => (
          <div key={option.field}>
            <input type="hidden" name={option.field} value={form[option.field]} />
            <Checkbox
              label={option.label}
              helpText={option.helpText}
              checked={form[option.field] === "true"}
              onChange={(checked) => set(option.field)(String(checked))}
              error={errors[option.field]}
            />
          </div>
        ))}
        {days !== null && days >= 1 && (
          <Banner tone={on && cancelled.length > 0 ? "warning" : "info"}>
            <Text as="p">
              {cancelled.length === 0
                ? `No order has been waiting ${days} days: ${on ? "turning this on" : "this policy"} would cancel none now.`
                : `${on ? "Saving this cancels" : "This policy would cancel"} ${cancelled.length === 1 ? "1 order" : `${cancelled.length} orders`} now.`}{" "}
              Each cancel {effects}.
            </Text>
          </Banner>
        )}
        {cancelled.length > 0 && (
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric"]}
            headings={["Order", "Store", "Ready since", "Days waiting"]}
            rows={rows}
            footerContent={cancelled.length > ROWS_SHOWN ? `And ${cancelled.length - ROWS_SHOWN} more` : undefined}
          />
        )}
      </BlockStack>
    </Card>
  );
});
