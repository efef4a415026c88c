import { useState } from "react";
import { BlockStack, Box, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { CUSTOMER_EMAIL_OF_STEP, DEFAULT_EMAIL_TEMPLATES } from "~/domain/email/customer-email-templates";
import { renderCustomerEmail, sampleEmailFacts } from "~/domain/email/render-customer-email";
import type { CadenceForm } from "~/domain/notifications/settings-form";
import { CADENCE_STEPS, cadenceStep, type CadenceStepKey } from "~/domain/notifications/steps";
import { smsLength } from "~/domain/sms/sms-segments";
import { smsTextFor } from "~/services/notifications/send/sms-text";

const STEP_OPTIONS = CADENCE_STEPS.map((step) => ({ value: step.key, label: step.description }));

export interface PreviewSample {
  shopName: string;
  pickupPassUrl: string;
}

/** A step's SMS (characters and segments counted) and email, on a made-up order in the shop's name. */
export function MessagePreview({
  form,
  sample,
  initialStep = "READY_SMS",
}: {
  form: Required<CadenceForm>;
  sample: PreviewSample;
  initialStep?: CadenceStepKey;
}) {
  const [stepKey, setStepKey] = useState<CadenceStepKey>(initialStep);
  const step = cadenceStep(stepKey);
  const offer = form.feedbackOffer.trim() || null;
  const facts = { ...sampleEmailFacts(sample.shopName), pickupPassUrl: sample.pickupPassUrl, offer };
  const sms = step.allowedChannels.includes("SMS")
    ? smsTextFor(stepKey, {
        shopName: facts.shopName,
        orderName: facts.orderName,
        storeName: facts.store?.name ?? null,
        storeAddress: facts.store?.address ?? null,
        pickupPassUrl: facts.pickupPassUrl,
        offer,
      })
    : null;
  const length = sms === null ? null : smsLength(sms);
  const emailStep = step.allowedChannels.includes("EMAIL") ? CUSTOMER_EMAIL_OF_STEP[stepKey] : undefined;
  const email = emailStep
    ? renderCustomerEmail(emailStep, DEFAULT_EMAIL_TEMPLATES[emailStep], facts, { unsubscribeUrl: "#" })
    : null;

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Preview
        </Text>
        <Select
          label="Message"
          options={STEP_OPTIONS}
          value={stepKey}
          onChange={(value) => setStepKey(value as CadenceStepKey)}
        />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            SMS
          </Text>
          {sms === null || length === null ? (
            <Text as="p" tone="subdued">
              Not sent by SMS.
            </Text>
          ) : (
            <>
              <Box background="bg-surface-secondary" padding="300" borderRadius="300">
                <Text as="p">{sms}</Text>
              </Box>
              <InlineStack gap="200">
                <Text as="span" tone={length.segments > 2 ? "critical" : "subdued"}>
                  {length.characters} characters · {length.segments} {length.segments === 1 ? "segment" : "segments"} (
                  {length.encoding})
                </Text>
              </InlineStack>
            </>
          )}
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Email
          </Text>
          {email === null ? (
            <Text as="p" tone="subdued">
              {step.sameNewsAsShopify ? "Shopify emails the shopper about this itself." : "Not sent by email."}
            </Text>
          ) : (
            <>
              <Text as="p">
                <Text as="span" fontWeight="semibold">
                  Subject:
                </Text>{" "}
                {email.subject}
              </Text>
              {/* No scripts, no same-origin: the email's HTML cannot reach the admin page. */}
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={email.html}
                style={{ width: "100%", height: 480, border: "1px solid #e3e3e3", borderRadius: 8 }}
              />
            </>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
