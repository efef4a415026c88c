import { memo } from "react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Divider,
  InlineError,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { BelowTheFold } from "~/components/BelowTheFold";
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
import { CUSTOMER_EMAIL_OF_STEP } from "~/domain/email/customer-email-templates";
import { EMAIL_TEXT_PARTS, emailTextField, smsTextField } from "~/domain/notifications/message-texts-form";
import { DEFAULT_SMS_TEXTS } from "~/domain/notifications/sms-text";

type Fields = Required<CadenceForm>;
type Setter = (key: CadenceFormField) => (value: string) => void;

/** A step's entry at the admin's usual width (about 140 px; twice that on a phone). */
const STEP_HEIGHT_ESTIMATE = 150;

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

interface StepEntryProps {
  stepKey: CadenceStepKey;
  form: Fields;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
  onEditText?: (key: CadenceStepKey) => void;
}

/** The form's fields a step's entry shows: its own settings and whether its SMS text is reworded. */
function fieldsOfStep(stepKey: CadenceStepKey): CadenceFormField[] {
  return [
    stepField(stepKey, "enabled"),
    stepField(stepKey, "delay"),
    stepField(stepKey, "delayUnit"),
    stepField(stepKey, "channels"),
    smsTextField(stepKey),
  ];
}

/**
 * A step's entry renders again only when one of its own fields changes: a keystroke elsewhere in
 * the form (another step, the feedback offer, a text in the preview) leaves the other entries be.
 */
const MemoStepEntry = memo(
  StepEntry,
  (before, after) =>
    before.stepKey === after.stepKey &&
    before.set === after.set &&
    before.errors === after.errors &&
    before.onEditText === after.onEditText &&
    fieldsOfStep(after.stepKey).every((field) => before.form[field] === after.form[field]),
);

function StepEntry({ stepKey, form, set, errors, onEditText }: StepEntryProps) {
  const step = cadenceStep(stepKey);
  const emailStep = CUSTOMER_EMAIL_OF_STEP[stepKey];
  // The email's errors too: its fields are in the panel, which may show another step.
  const textError = [
    smsTextField(stepKey),
    ...(emailStep ? EMAIL_TEXT_PARTS.map((part) => emailTextField(emailStep, part)) : []),
  ]
    .map((name) => errors[name])
    .find(Boolean);
  const reworded = form[smsTextField(stepKey)] !== DEFAULT_SMS_TEXTS[stepKey];
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
      {onEditText && (
        <InlineStack gap="200" blockAlign="center">
          <Button
            variant="plain"
            onClick={() => onEditText(stepKey)}
            accessibilityLabel={`Edit text: ${step.description}`}
          >
            Edit text
          </Button>
          <Text as="span" tone="subdued">
            {reworded ? "Your own text" : "Recommended text"}
          </Text>
        </InlineStack>
      )}
      {textError && <InlineError message={textError} fieldID={smsTextField(stepKey)} />}
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
export const CadenceTimeline = memo(function CadenceTimeline({
  form,
  set,
  errors,
  onEditText,
}: {
  form: Fields;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
  /** Opens the step's texts in the preview panel. */
  onEditText?: (key: CadenceStepKey) => void;
}) {
  return (
    <BlockStack gap="400">
      {CADENCE_TIMELINE.map((section) => (
        <Card key={section.title}>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              {section.title}
            </Text>
            {section.entries.map((entry, index) =>
              entry.kind === "STEP" ? (
                // A step is 120–350 px of controls, and most are below the first screen.
                <BelowTheFold key={entry.key} estimatedHeight={STEP_HEIGHT_ESTIMATE}>
                  <BlockStack gap="400">
                    {index > 0 && <Divider />}
                    <MemoStepEntry stepKey={entry.key} form={form} set={set} errors={errors} onEditText={onEditText} />
                  </BlockStack>
                </BelowTheFold>
              ) : (
                <BlockStack key={entry.message.key} gap="400">
                  {index > 0 && <Divider />}
                  <ShopifyEntry message={entry.message} />
                </BlockStack>
              ),
            )}
          </BlockStack>
        </Card>
      ))}
    </BlockStack>
  );
});
