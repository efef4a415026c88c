import { memo, useState } from "react";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, Text, TextField } from "@shopify/polaris";
import { NotSavedBanner } from "~/components/NotSavedBanner";
import type { FieldErrors } from "~/domain/form-result";
import { defaultSmsHelpText } from "~/domain/sms/keywords";
import type {
  SenderAccountField,
  SenderAccountsDisplay,
  SenderAccountsForm as Fields,
} from "~/domain/notifications/settings-form";
import type { TestSendOutcome, TestSendVendor } from "~/services/notifications/sender-accounts/test-send-outcome";

type Setter = (key: SenderAccountField) => (value: string) => void;

/** What a secret field says about the saved one: it is never shown, only its last characters. */
function secretHelp(masked: string | null | undefined, unreadable: boolean | undefined): string {
  if (unreadable) return "The saved one can no longer be read: enter it again.";
  if (masked === undefined) return "Stored encrypted; never shown again.";
  return `Saved (${masked || "hidden"}). Leave blank to keep it.`;
}

/** What the route answers a test send with. */
interface TestSendAnswer {
  intent: "test-sender";
  outcome: TestSendOutcome;
}

/**
 * "Send test" for one saved account: sends one message to what the merchant types, and shows the
 * vendor's id for it or its refusal in words. Posted by a fetcher: the card's own form is not sent.
 */
function TestSend({
  vendor,
  label,
  placeholder,
  saved,
}: {
  vendor: TestSendVendor;
  label: string;
  placeholder: string;
  /** Only a saved account can be tested. */
  saved: boolean;
}) {
  const fetcher = useFetcher<TestSendAnswer>();
  const [to, setTo] = useState("");
  const outcome = fetcher.data?.intent === "test-sender" ? fetcher.data.outcome : null;
  const sending = fetcher.state !== "idle";
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="end" wrap={false}>
        <div style={{ flexGrow: 1 }}>
          <TextField
            label={label}
            autoComplete="off"
            value={to}
            onChange={setTo}
            placeholder={placeholder}
            disabled={!saved}
            helpText={saved ? undefined : "Save the account to send a test."}
          />
        </div>
        <Button
          disabled={!saved || to.trim() === ""}
          loading={sending}
          onClick={() => fetcher.submit({ intent: "test-sender", vendor, to }, { method: "post" })}
        >
          Send test
        </Button>
      </InlineStack>
      {outcome && !sending ? (
        <Banner tone={outcome.ok ? "success" : "critical"}>
          <Text as="p">{outcome.ok ? `${outcome.message} (id ${outcome.id})` : outcome.message}</Text>
        </Banner>
      ) : null}
    </BlockStack>
  );
}

/** The shop's own Twilio, SendGrid and OneSignal accounts, which customers' texts, emails and pushes go from. */
export const SenderAccountsForm = memo(function SenderAccountsForm({
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
      description="Customers' texts go from your Twilio account, their emails from your SendGrid account and their push notifications from your OneSignal app, in your name. Keys and tokens are stored encrypted and never shown again. Send a test to check each account."
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
              <TestSend
                vendor="twilio"
                label="Send a test text to"
                placeholder="+1 312 555 0123"
                saved={Boolean(saved.twilio && !saved.twilio.authTokenUnreadable)}
              />
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
              <FormLayout.Group>
                {field("sendgridReminderGroupId", "Reminders unsubscribe group ID", {
                  helpText:
                    "Pickup reminders go in this group: a shopper can stop them and still hear their order is ready.",
                })}
                {field("sendgridFeedbackGroupId", "Feedback unsubscribe group ID", {
                  helpText: "Feedback requests go in this group. Create groups in SendGrid › Suppressions.",
                })}
              </FormLayout.Group>
              <TestSend
                vendor="sendgrid"
                label="Send a test email to"
                placeholder="you@yourshop.com"
                saved={Boolean(saved.sendgrid && !saved.sendgrid.apiKeyUnreadable && saved.sendgrid.fromEmail)}
              />
            </FormLayout>
            <Text as="h3" variant="headingSm">
              OneSignal (push)
            </Text>
            <FormLayout>
              {field("onesignalAppId", "App ID", {
                helpText: "Shoppers are told apart by their Shopify customer id, set as their OneSignal external id.",
              })}
              {field("onesignalRestApiKey", "REST API key", {
                type: "password",
                helpText: secretHelp(
                  saved.onesignal ? saved.onesignal.restApiKeyMasked : undefined,
                  saved.onesignal?.restApiKeyUnreadable,
                ),
              })}
              <TestSend
                vendor="onesignal"
                label="Send a test push to external id"
                placeholder="A customer id with a subscribed device"
                saved={Boolean(saved.onesignal && !saved.onesignal.restApiKeyUnreadable)}
              />
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
});
