import { NotSavedBanner } from "~/components/NotSavedBanner";
import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Checkbox, FormLayout, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import type { SettingsErrors } from "~/domain/routing-settings/parse-settings";
import type { SettingsForm } from "~/domain/routing-settings/settings-form";

const SERVICE_LEVEL_OPTIONS = [
  { label: "Standard", value: "STANDARD" },
  { label: "Next day", value: "NEXT_DAY" },
  { label: "Same day", value: "SAME_DAY" },
];

/** The routing rules as the merchant edits them; saving keeps each change as a version. */
export function RulesForm({
  form,
  set,
  errors,
  version,
  comparisonId,
}: {
  form: Required<SettingsForm>;
  set: (key: keyof SettingsForm) => (value: string) => void;
  /** The last save's field errors; none before a save or after one that worked. */
  errors: SettingsErrors;
  /** The version in force; null while the recommended defaults apply. */
  version: number | null;
  /** The comparison last run on the page, kept with the version when it is of the rules saved. */
  comparisonId: string | null;
}) {
  const navigation = useNavigation();
  return (
    <Layout.AnnotatedSection
      title="Rules"
      description="How Omniroute chooses the store or warehouse for each online order. Every save is kept as a version."
    >
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="allowSplit" value={form.allowSplit} />
        {comparisonId ? <input type="hidden" name="comparisonId" value={comparisonId} /> : null}
        <Card>
          <FormLayout>
            <NotSavedBanner errors={errors} title="The rules were not saved" />
            <FormLayout.Group>
              <TextField
                label="Store minimum units"
                name="storeMinUnits"
                type="number"
                autoComplete="off"
                value={form.storeMinUnits}
                onChange={set("storeMinUnits")}
                error={errors.storeMinUnits}
                helpText="Use a store's stock of an item only if it has at least this many units."
              />
              <TextField
                label="Radius"
                name="radiusMiles"
                type="number"
                suffix="miles"
                autoComplete="off"
                value={form.radiusMiles}
                onChange={set("radiusMiles")}
                error={errors.radiusMiles}
                helpText="Stores this close to the shopper count as nearby."
              />
            </FormLayout.Group>
            <TextField
              label="Most a store may cost over the warehouse"
              name="maxExtraCostOverWarehouse"
              type="number"
              prefix="$"
              autoComplete="off"
              value={form.maxExtraCostOverWarehouse}
              onChange={set("maxExtraCostOverWarehouse")}
              error={errors.maxExtraCostOverWarehouse}
              helpText="When shipping from a nearby store costs more than this over the warehouse, the warehouse ships."
            />
            <Checkbox
              label="Split an order across locations when no single one has everything"
              checked={form.allowSplit === "true"}
              onChange={(checked) => set("allowSplit")(String(checked))}
              error={errors.allowSplit}
            />
            <Select
              label="Service level when no shipping method rule matches"
              name="defaultServiceLevel"
              options={SERVICE_LEVEL_OPTIONS}
              value={form.defaultServiceLevel}
              onChange={set("defaultServiceLevel")}
              error={errors.defaultServiceLevel}
            />
            <TextField
              label="Shipping method rules"
              name="shippingMethodRules"
              multiline={5}
              autoComplete="off"
              value={form.shippingMethodRules}
              onChange={set("shippingMethodRules")}
              error={errors.shippingMethodRules}
              helpText="One a line: text found in the shipping method's name or code, then its service level, e.g. express => NEXT_DAY. Local delivery is always same-day."
            />
            <InlineStack align="space-between" blockAlign="center">
              <Text as="span" tone="subdued">
                {version === null ? "Using the recommended defaults" : `Version ${version} in force`}
              </Text>
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                Save rules
              </Button>
            </InlineStack>
          </FormLayout>
        </Card>
      </Form>
    </Layout.AnnotatedSection>
  );
}
