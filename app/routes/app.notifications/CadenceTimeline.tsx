import {
  Badge,
  BlockStack,
  Box,
  Card,
  Checkbox,
  Divider,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import type { FieldErrors } from "~/domain/form-result";
import { cadenceStep, type CadenceStepKey, type ShopifyMessage } from "~/domain/notifications/steps";
import {
  CADENCE_TIMELINE,
  channelOptions,
  channelsLabel,
  DELAY_UNITS,
  stepField,
  type CadenceForm,
  type CadenceFormField,
} from "~/domain/notifications/settings-form";
import type { NotificationChannel } from "~/domain/notifications/steps";

type Fields = Required<CadenceForm>;
type Setter = (key: CadenceFormField) => (value: string) => void;

const UNIT_OPTIONS = DELAY_UNITS.map((unit) => ({ value: unit, label: unit }));

function ShopifyEntry({ message }: { message: ShopifyMessage }) {
  return (
    <InlineStack gap="200" blockAlign="center">
      <Badge>Sent by Shopify</Badge>
      <Text as="span" tone="subdued">
        {message.description}
        {message.onlyWhenFulfilmentNotifies ? " (when the fulfilment notifies the customer)" : ""}, by email, and by SMS
        to shoppers who checked out with a phone
      </Text>
    </InlineStack>
  );
}

function StepEntry({
  stepKey,
  form,
  set,
  errors,
}: {
  stepKey: CadenceStepKey;
  form: Fields;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
}) {
  const step = cadenceStep(stepKey);
  const field = (part: "enabled" | "delay" | "delayUnit" | "channels") => stepField(stepKey, part);
  const enabled = form[field("enabled")] === "true";
  const options = channelOptions(stepKey);
  const current = form[field("channels")];
  // A saved order the list no longer offers is still shown, so saving does not change it unseen.
  const channelChoices = options.some((option) => option.value === current)
    ? options
    : [...options, { value: current, label: channelsLabel(current.split(",") as NotificationChannel[]) }];
  return (
    <BlockStack gap="200">
      <input type="hidden" name={field("enabled")} value={form[field("enabled")]} />
      <Checkbox
        label={
          <Text as="span" fontWeight="semibold">
            {step.description}
          </Text>
        }
        checked={enabled}
        onChange={(checked) => set(field("enabled"))(String(checked))}
        error={errors[field("enabled")]}
        helpText={step.sameNewsAsShopify ? "Skipped for shoppers Shopify already texts about it" : undefined}
      />
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
        <TextField
          label={step.anchor === "AUTO_CANCEL" ? "Before the order is cancelled" : "After the event"}
          name={field("delay")}
          type="number"
          autoComplete="off"
          disabled={!enabled}
          value={form[field("delay")]}
          onChange={set(field("delay"))}
          error={errors[field("delay")]}
          connectedRight={
            <Select
              label="Unit"
              labelHidden
              name={field("delayUnit")}
              options={UNIT_OPTIONS}
              disabled={!enabled}
              value={form[field("delayUnit")]}
              onChange={set(field("delayUnit"))}
            />
          }
        />
        <Select
          label="Sent by"
          name={field("channels")}
          options={channelChoices}
          disabled={!enabled}
          value={current}
          onChange={set(field("channels"))}
          error={errors[field("channels")] ?? errors[field("delayUnit")]}
        />
        <Box paddingBlockStart="600">
          <Badge tone={step.kind === "EVENT" ? "info" : undefined}>
            {step.kind === "EVENT" ? "Order news" : "Nudge"}
          </Badge>
        </Box>
      </InlineGrid>
      {/* A disabled field is not posted: its value goes as a hidden one, so switching a step off keeps its settings. */}
      {!enabled && (
        <>
          <input type="hidden" name={field("delay")} value={form[field("delay")]} />
          <input type="hidden" name={field("delayUnit")} value={form[field("delayUnit")]} />
          <input type="hidden" name={field("channels")} value={current} />
        </>
      )}
    </BlockStack>
  );
}

/** The cadence in the order the shopper meets it, Shopify's own messages in their place. */
export function CadenceTimeline({
  form,
  set,
  errors,
}: {
  form: Fields;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
}) {
  return (
    <BlockStack gap="400">
      {CADENCE_TIMELINE.map((section) => (
        <Card key={section.title}>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              {section.title}
            </Text>
            {section.entries.map((entry, index) => (
              <BlockStack key={entry.kind === "STEP" ? entry.key : entry.message.key} gap="400">
                {index > 0 && <Divider />}
                {entry.kind === "STEP" ? (
                  <StepEntry stepKey={entry.key} form={form} set={set} errors={errors} />
                ) : (
                  <ShopifyEntry message={entry.message} />
                )}
              </BlockStack>
            ))}
          </BlockStack>
        </Card>
      ))}
    </BlockStack>
  );
}
