import { memo } from "react";
import { BlockStack, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import type { FieldErrors } from "~/domain/form-result";
import { NOTIFICATION_SETTINGS_LIMITS } from "~/domain/notifications/settings";
import type { CadenceForm, CadenceFormField } from "~/domain/notifications/settings-form";

type Setter = (key: CadenceFormField) => (value: string) => void;

const LIMITS = NOTIFICATION_SETTINGS_LIMITS;

function TimeField({
  field,
  label,
  form,
  set,
  errors,
}: {
  field: CadenceFormField;
  label: string;
  form: Required<CadenceForm>;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
}) {
  return (
    <TextField
      label={label}
      name={field}
      autoComplete="off"
      placeholder="HH:MM"
      value={form[field]}
      onChange={set(field)}
      error={errors[field]}
    />
  );
}

/** When messages may go out in the store's time zone, and the feedback message's offer. */
export const SendingPolicies = memo(function SendingPolicies({
  form,
  set,
  errors,
}: {
  form: Required<CadenceForm>;
  set: Setter;
  errors: FieldErrors<CadenceFormField>;
}) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Sending hours
        </Text>
        <Text as="p" tone="subdued">
          In the time zone of the order&apos;s store, 24-hour clock, within {LIMITS.earliestStart}–{LIMITS.latestEnd}. A
          message due outside them waits for the next opening.
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TimeField field="eventWindowStart" label="Order news from" form={form} set={set} errors={errors} />
            <TimeField field="eventWindowEnd" label="Order news until" form={form} set={set} errors={errors} />
          </FormLayout.Group>
          <FormLayout.Group>
            <TimeField
              field="nudgeWindowStart"
              label="Reminders and feedback from"
              form={form}
              set={set}
              errors={errors}
            />
            <TimeField
              field="nudgeWindowEnd"
              label="Reminders and feedback until"
              form={form}
              set={set}
              errors={errors}
            />
          </FormLayout.Group>
          <TextField
            label="Feedback offer"
            name="feedbackOffer"
            autoComplete="off"
            maxLength={LIMITS.feedbackOfferLength}
            showCharacterCount
            value={form.feedbackOffer}
            onChange={set("feedbackOffer")}
            error={errors.feedbackOffer}
            helpText="Added to the feedback message. Leave it empty for none."
          />
        </FormLayout>
      </BlockStack>
    </Card>
  );
});
