import { NotSavedBanner } from "~/components/NotSavedBanner";
import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Checkbox, FormLayout, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import type { StoreSettingsErrors } from "~/domain/store-tasks/parse-settings-form";
import { EXCEPTION_STOCK_POLICY_OPTIONS, type StoreSettingsForm as Fields } from "~/domain/store-tasks/settings-form";

/** How the stores work: pick-time target, alerts, escalation, handover and exceptions. */
export function StoreSettingsForm({
  form,
  set,
  errors,
  savedAt,
  savedBy,
  storeEmailsUnavailable,
}: {
  form: Required<Fields>;
  set: (key: keyof Fields) => (value: string) => void;
  /** The last save's field errors; none before a save or after one that worked. */
  errors: StoreSettingsErrors;
  /** When the settings in force were saved; null while the defaults apply. */
  savedAt: string | null;
  savedBy: string | null;
  /** Why stores cannot be emailed on this server; null when they can. */
  storeEmailsUnavailable: string | null;
}) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "settings";
  return (
    <Layout.AnnotatedSection
      title="Store settings"
      description="The pick-time target shown to associates, when an order alerts or is moved to another store, how handover and exceptions work, and whether stores are emailed about new orders."
    >
      <Form method="post">
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="escalationEnabled" value={form.escalationEnabled} />
        <input type="hidden" name="requireIdCheck" value={form.requireIdCheck} />
        {/* Left out when emails cannot be sent: saving then turns them off. */}
        {storeEmailsUnavailable === null && (
          <input type="hidden" name="emailStoresOnNewTask" value={form.emailStoresOnNewTask} />
        )}
        <Card>
          <FormLayout>
            <NotSavedBanner errors={errors} title="The store settings were not saved" />
            <FormLayout.Group>
              <TextField
                label="Pick-time target"
                name="pickTargetMinutes"
                type="number"
                suffix="minutes"
                autoComplete="off"
                value={form.pickTargetMinutes}
                onChange={set("pickTargetMinutes")}
                error={errors.pickTargetMinutes}
                helpText="First scan to packed. Associates see it on their pick timer."
              />
              <TextField
                label="Alert when not started after"
                name="notStartedMinutes"
                type="number"
                suffix="minutes"
                autoComplete="off"
                value={form.notStartedMinutes}
                onChange={set("notStartedMinutes")}
                error={errors.notStartedMinutes}
                helpText="The store's POS tile turns red."
              />
            </FormLayout.Group>
            <Checkbox
              label="Move an order to the next best store when it has not been started in time"
              checked={form.escalationEnabled === "true"}
              onChange={(checked) => set("escalationEnabled")(String(checked))}
              error={errors.escalationEnabled}
            />
            <TextField
              label="Move it when still not started this long before it is due"
              name="escalationMinutesBeforeDue"
              type="number"
              suffix="minutes"
              autoComplete="off"
              disabled={form.escalationEnabled !== "true"}
              value={form.escalationMinutesBeforeDue}
              onChange={set("escalationMinutesBeforeDue")}
              error={errors.escalationMinutesBeforeDue}
            />
            <FormLayout.Group>
              <TextField
                label="List pickup orders as uncollected after"
                name="uncollectedDays"
                type="number"
                suffix="days"
                autoComplete="off"
                value={form.uncollectedDays}
                onChange={set("uncollectedDays")}
                error={errors.uncollectedDays}
              />
              <TextField
                label="Ship-from-store orders leave within"
                name="shipSlaHours"
                type="number"
                suffix="hours"
                autoComplete="off"
                value={form.shipSlaHours}
                onChange={set("shipSlaHours")}
                error={errors.shipSlaHours}
              />
            </FormLayout.Group>
            <Checkbox
              label="Require an ID check at every pickup handover"
              checked={form.requireIdCheck === "true"}
              onChange={(checked) => set("requireIdCheck")(String(checked))}
              error={errors.requireIdCheck}
            />
            <Select
              label="When an associate reports an item not found or damaged"
              name="exceptionStockPolicy"
              options={EXCEPTION_STOCK_POLICY_OPTIONS}
              value={form.exceptionStockPolicy}
              onChange={set("exceptionStockPolicy")}
              error={errors.exceptionStockPolicy}
            />
            <Checkbox
              label="Email each store when an order arrives for it"
              checked={storeEmailsUnavailable === null && form.emailStoresOnNewTask === "true"}
              disabled={storeEmailsUnavailable !== null}
              onChange={(checked) => set("emailStoresOnNewTask")(String(checked))}
              error={errors.emailStoresOnNewTask}
              helpText={
                storeEmailsUnavailable ??
                "Sent to the store email set on each store's card on the Locations page; stores without one are not emailed."
              }
            />
            <InlineStack align="space-between" blockAlign="center">
              <Text as="span" tone="subdued">
                {savedAt === null
                  ? "Using the recommended defaults"
                  : `Saved ${savedAt}${savedBy ? ` by ${savedBy}` : ""}`}
              </Text>
              <Button submit variant="primary" loading={saving}>
                Save store settings
              </Button>
            </InlineStack>
          </FormLayout>
        </Card>
      </Form>
    </Layout.AnnotatedSection>
  );
}
