import { useCallback, useEffect, useState } from "react";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { NotSavedBanner } from "~/components/NotSavedBanner";
import { BelowTheFold } from "~/components/BelowTheFold";
import { useFormFields } from "~/components/use-form-fields";
import { formatDateTime } from "~/domain/date-time";
import {
  CADENCE_FORM_FIELDS,
  SENDER_ACCOUNT_FIELDS,
  toCadenceForm,
  toSenderAccountsForm,
} from "~/domain/notifications/settings-form";
import type { CadenceStepKey } from "~/domain/notifications/steps";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import {
  currentNotificationSettings,
  pickupOrdersAutoCancelMayWeigh,
  saveNotificationSettings,
  saveSenderAccounts,
  senderAccountsForDisplay,
} from "~/services/notifications/settings.server";
import { pickupPassUrl } from "~/services/pickup-pass/pickup-pass-link.server";
import { shopNameForPass } from "~/services/pickup-pass/shop-name.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { isTestSendVendor, sendTestMessage } from "~/services/notifications/sender-accounts/test-send.server";
import { CadenceTimeline } from "./CadenceTimeline";
import { MessagePreview } from "./MessagePreview";
import { MessageTextInputs } from "./MessageTextInputs";
import { SenderAccountsForm } from "./SenderAccountsForm";
import { SendingPolicies } from "./SendingPolicies";
import { UncollectedPolicy } from "./UncollectedPolicy";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";

/** A sample order id for the preview's pickup pass link, signed like a real one so the text is as long. */
const SAMPLE_ORDER_ID = "6100000001042";
/** Where a timeline row's "Edit text" scrolls to. */
const MESSAGE_TEXTS_ID = "message-texts";
/** Marks the end of the settings and their preview: what the page's first screen shows. */
const FIRST_SCREEN_END_ID = "first-screen-end";

/**
 * The first paint waits until the settings and their preview have been parsed (`<link
 * rel="expect">`; browsers without it ignore it). Painted as it was parsed, each partial frame
 * restyled and laid out all that had come so far, and the preview, which comes last, waited for
 * every one of them (decision 040). The target is an empty element after them: Chromium stops
 * waiting as soon as the target is inserted, not when its content has been parsed. `blocking` is
 * not in Remix's link type; its `<Links>` passes every property on to the element.
 */
const FIRST_PAINT_AFTER_SETTINGS = { rel: "expect", href: `#${FIRST_SCREEN_END_ID}`, blocking: "render" };
export const links: LinksFunction = () => [FIRST_PAINT_AFTER_SETTINGS];

function fieldsOf<Key extends string>(form: FormData, keys: readonly Key[]): Partial<Record<Key, string>> {
  const values: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const now = new Date();
  const [{ settings, saved }, timeZone, senders, waiting, shopName] = await Promise.all([
    currentNotificationSettings(shop),
    shopTimeZone(shop),
    senderAccountsForDisplay(shop),
    pickupOrdersAutoCancelMayWeigh(shop, now),
    shopNameForPass(shop),
  ]);
  return {
    settings,
    // Formatted here, in the shop's zone, so the server's and the browser's render agree.
    savedAt: saved ? formatDateTime(saved.at, timeZone) : null,
    savedBy: saved?.by ?? null,
    senders,
    now: now.toISOString(),
    readyPickups: waiting.map((order) => ({
      orderId: order.orderId,
      orderName: order.orderName,
      storeName: order.storeName,
      readyAt: order.readyAt.toISOString(),
      readyAtLabel: formatDateTime(order.readyAt, timeZone),
    })),
    sample: {
      shopName: shopName ?? shop.replace(/\.myshopify\.com$/, ""),
      pickupPassUrl: pickupPassUrl({ shop, orderId: SAMPLE_ORDER_ID }),
    },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  const intent = form.get("intent");
  if (intent === "senders") {
    return { intent, outcome: await saveSenderAccounts(session.shop, fieldsOf(form, SENDER_ACCOUNT_FIELDS)) } as const;
  }
  if (intent === "cadence") {
    const by = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : null;
    const outcome = await saveNotificationSettings(session.shop, fieldsOf(form, CADENCE_FORM_FIELDS), by, new Date());
    return { intent, outcome } as const;
  }
  if (intent === "test-sender") {
    const vendor = form.get("vendor");
    const to = form.get("to");
    if (!isTestSendVendor(vendor) || typeof to !== "string") {
      throw Response.json({ error: "Send vendor=twilio, sendgrid or onesignal and to" }, { status: 400 });
    }
    const shopName = (await shopNameForPass(session.shop)) ?? session.shop.replace(/\.myshopify\.com$/, "");
    const outcome = await sendTestMessage(session.shop, { vendor, to, shopName });
    // What the merchant typed was wrong: 400, with the message the card shows. A vendor's refusal is an answer.
    return data({ intent, outcome } as const, { status: !outcome.ok && outcome.badInput ? 400 : 200 });
  }
  throw Response.json({ error: "Send intent=cadence, intent=senders or intent=test-sender" }, { status: 400 });
};

/** One object for "no errors", so the memoised cards see unchanged props between renders. */
const NO_ERRORS = Object.freeze({});

export default function NotificationsPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // A test send's answer (data() with its status) goes to the Sender accounts card's fetcher, not here.
  const result = answer && "intent" in answer ? answer : undefined;
  const navigation = useNavigation();
  const shopify = useAppBridge();
  const [cadence, setCadence] = useFormFields(() => toCadenceForm(page.settings));
  const [senders, setSenders, replaceSenders] = useFormFields(() => toSenderAccountsForm(page.senders));
  const [textStep, setTextStep] = useState<CadenceStepKey>("READY_SMS");
  // Stable between renders, with the errors below, so the memoised cards skip a render that does
  // not concern them (choosing which message to preview re-renders the preview alone).
  const editText = useCallback((step: CadenceStepKey) => {
    setTextStep(step);
    document.getElementById(MESSAGE_TEXTS_ID)?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, []);

  const cadenceErrors = result?.intent === "cadence" && !result.outcome.ok ? result.outcome.errors : NO_ERRORS;
  const senderErrors = result?.intent === "senders" && !result.outcome.ok ? result.outcome.errors : NO_ERRORS;
  const cadenceSaved = result?.intent === "cadence" && result.outcome.ok;
  const sendersSaved = result?.intent === "senders" && result.outcome.ok;
  const savingCadence = navigation.state === "submitting" && navigation.formData?.get("intent") === "cadence";

  useEffect(() => {
    if (cadenceSaved) shopify.toast.show("Notification settings saved");
  }, [cadenceSaved, shopify]);
  useEffect(() => {
    if (!sendersSaved) return;
    shopify.toast.show("Sender accounts saved");
    // Secrets typed are not kept in the page once saved: the masked ones are shown instead.
    replaceSenders(toSenderAccountsForm(page.senders));
  }, [sendersSaved, shopify, replaceSenders, page.senders]);

  return (
    <Page>
      <TitleBar title="Notifications" />
      {/* A grid rather than Layout's flexible sections: the settings column has its final width as
          soon as it is painted, before the preview column after it in the page has arrived, so the
          cadence does not re-wrap and shift when it does (Layout gave CLS 0.11 here). */}
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: ["twoThirds", "oneThird"] }} gap="400" alignItems="start">
          <Form method="post">
            <input type="hidden" name="intent" value="cadence" />
            <MessageTextInputs form={cadence} />
            <Layout>
              <Layout.Section>
                <NotSavedBanner errors={cadenceErrors} title="The notification settings were not saved" />
              </Layout.Section>
              <Layout.Section>
                <CadenceTimeline form={cadence} set={setCadence} errors={cadenceErrors} onEditText={editText} />
              </Layout.Section>
              <Layout.Section>
                <BelowTheFold estimatedHeight={350}>
                  <SendingPolicies form={cadence} set={setCadence} errors={cadenceErrors} />
                </BelowTheFold>
              </Layout.Section>
              <Layout.Section>
                <BelowTheFold estimatedHeight={530}>
                  <UncollectedPolicy
                    form={cadence}
                    set={setCadence}
                    errors={cadenceErrors}
                    readyPickups={page.readyPickups}
                    now={page.now}
                    savedOn={page.settings.uncollected.autoCancel}
                    savedDays={page.settings.uncollected.days}
                  />
                </BelowTheFold>
              </Layout.Section>
              <Layout.Section>
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="span" tone="subdued">
                    {page.savedAt === null
                      ? "Using the recommended cadence"
                      : `Saved ${page.savedAt}${page.savedBy ? ` by ${page.savedBy}` : ""}`}
                  </Text>
                  <Button submit variant="primary" loading={savingCadence}>
                    Save notification settings
                  </Button>
                </InlineStack>
              </Layout.Section>
            </Layout>
          </Form>
          <div>
            <div id={MESSAGE_TEXTS_ID} />
            <MessagePreview
              form={cadence}
              set={setCadence}
              errors={cadenceErrors}
              sample={page.sample}
              step={textStep}
              onStepChange={setTextStep}
            />
            {/* The end of the page's first screen, which its first paint waits for (see links). */}
            <div id={FIRST_SCREEN_END_ID} />
          </div>
        </InlineGrid>
        <BelowTheFold estimatedHeight={1300}>
          <Layout>
            <SenderAccountsForm
              form={senders}
              set={setSenders}
              errors={senderErrors}
              saved={page.senders}
              shopName={page.sample.shopName}
            />
          </Layout>
        </BelowTheFold>
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary title="Notifications" failed="The notification settings could not be loaded" />;
}
