import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, InlineStack, Layout, Text, TextField } from "@shopify/polaris";
import { NotSavedBanner } from "~/components/NotSavedBanner";
import type { FieldErrors } from "~/domain/form-result";
import { defaultSmsHelpText } from "~/domain/sms/keywords";
import type {
  SenderAccountField,
  SenderAccountsDisplay,
  SenderAccountsForm as Fields,
} from "~/domain/notifications/settings-form";

type Setter = (key: SenderAccountField) => (value: string) => void;

/** What a secret field says about the saved one: it is never shown, only its last characters. */
function secretHelp(masked: string | null | undefined, unreadable: boolean | undefined): string {
  if (unreadable) return "The saved one can no longer be read: enter it again.";
  if (masked === undefined) return "Stored encrypted; never shown again.";
  return `Saved (${masked || "hidden"}). Leave blank to keep it.`;
}

/** The shop's own Twilio and SendGrid accounts, which customers' texts and emails go from. */
export function SenderAccountsForm({
  form,
  set,
  errors,
  saved,
  shopName,
}: {
  form: Required<Fields>;
  set: Setter;
  errors: FieldErrors<SenderAccountField>;
  saved: SenderAccountsDisplay;
  /** Named in the default HELP reply. */
  shopName: string;
}) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "senders";
  const field = (
    name: SenderAccountField,
    label: string,
    extra: { helpText?: string; type?: "password" | "email"; multiline?: number } = {},
  ) => (
    <TextField
      label={label}
      name={name}
      autoComplete="off"
      type={extra.type ?? "text"}
      multiline={extra.multiline}
      helpText={extra.helpText}
      value={form[name]}
      onChange={set(name)}
      error={errors[name]}
    />
  );
  return (
    <Layout.AnnotatedSection
      title="Sender accounts"
      description="Customers' texts go from your Twilio account and their emails from your SendGrid account, in your name. Keys and tokens are stored encrypted and never shown again."
    >
      <Form method="post" autoComplete="off">
        <input type="hidden" name="intent" value="senders" />
        <Card>
          <BlockStack gap="400">
            <NotSavedBanner errors={errors} title="The sender accounts were not saved" />
            <Text as="h3" variant="headingSm">
              Twilio (SMS)
            </Text>
            <FormLayout>
              {field("twilioAccountSid", "Account SID")}
              {field("twilioAuthToken", "Auth Token", {
                type: "password",
                helpText: secretHelp(
                  saved.twilio ? saved.twilio.authTokenMasked : undefined,
                  saved.twilio?.authTokenUnreadable,
                ),
              })}
              {field("twilioMessagingServiceSid", "Messaging Service SID", {
                helpText: "One Messaging Service for this shop: a shopper's STOP then silences only this shop.",
              })}
              {field("smsHelpText", "Reply to HELP", {
                multiline: 2,
                helpText: `Leave blank for: ${defaultSmsHelpText(shopName)}`,
              })}
            </FormLayout>
            <Text as="h3" variant="headingSm">
              SendGrid (email)
            </Text>
            <FormLayout>
              {field("sendgridApiKey", "API key", {
                type: "password",
                helpText: secretHelp(
                  saved.sendgrid ? saved.sendgrid.apiKeyMasked : undefined,
                  saved.sendgrid?.apiKeyUnreadable,
                ),
              })}
              <FormLayout.Group>
                {field("sendgridFromEmail", "From email", { type: "email" })}
                {field("sendgridFromName", "From name")}
              </FormLayout.Group>
            </FormLayout>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>
                Save sender accounts
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </Form>
    </Layout.AnnotatedSection>
  );
}
