import { useDeferredValue, useMemo, useState } from "react";
import { BlockStack, Box, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import {
  CUSTOMER_EMAIL_OF_STEP,
  DEFAULT_EMAIL_TEMPLATES,
  EMAIL_PLACEHOLDERS,
  emailTemplateProblems,
  logoUrlProblem,
  type CustomerEmailStep,
} from "~/domain/email/customer-email-templates";
import { renderCustomerEmail, sampleEmailFacts } from "~/domain/email/render-customer-email";
import { emailTextField, smsTextField, type MessageTextField } from "~/domain/notifications/message-texts-form";
import type { CadenceForm, CadenceFormField } from "~/domain/notifications/settings-form";
import {
  DEFAULT_SMS_TEXTS,
  renderSmsTemplate,
  SMS_PLACEHOLDERS,
  smsTemplateProblems,
} from "~/domain/notifications/sms-text";
import { CADENCE_STEPS, cadenceStep, type CadenceStepKey } from "~/domain/notifications/steps";
import type { FieldErrors } from "~/domain/form-result";
import { smsLength } from "~/domain/sms/sms-segments";
import { rowsToFit } from "~/components/rows-to-fit";

const STEP_OPTIONS = CADENCE_STEPS.map((step) => ({ value: step.key, label: step.description }));
/** A made-up tracking page for the shipped and out-for-delivery texts' preview. */
const SAMPLE_TRACKING_URL = "https://www.ups.com/track?tracknum=1Z999AA10123456784";

/** The steps whose texts share one email, for the email's help text. */
const STEPS_OF_EMAIL = Object.entries(CUSTOMER_EMAIL_OF_STEP).reduce<Partial<Record<CustomerEmailStep, string[]>>>(
  (steps, [key, email]) => ({
    ...steps,
    [email]: [...(steps[email] ?? []), cadenceStep(key as CadenceStepKey).description],
  }),
  {},
);

/** The preview column's text fields: about 22 characters a row at its narrowest beside the settings (18 beside a button). */
const SIDEBAR_TEXT = { charactersPerRow: 22, min: 3, max: 16 };

const listed = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(" ");

export interface PreviewSample {
  shopName: string;
  pickupPassUrl: string;
}

type Setter = (key: CadenceFormField) => (value: string) => void;

/**
 * A step's SMS and email as the shopper gets them, on a made-up order in the shop's name, from
 * the texts as the merchant types them (the same rendering the sender uses). With `set`, the
 * texts are edited here (the cadence form posts them from hidden fields, MessageTextInputs).
 */
export function MessagePreview({
  form,
  sample,
  initialStep = "READY_SMS",
  step: chosenStep,
  onStepChange,
  set,
  errors = {},
}: {
  form: Required<CadenceForm>;
  sample: PreviewSample;
  initialStep?: CadenceStepKey;
  /** The step shown, when the page chooses it (a timeline row's "Edit text"). */
  step?: CadenceStepKey;
  onStepChange?: (step: CadenceStepKey) => void;
  set?: Setter;
  errors?: FieldErrors<CadenceFormField>;
}) {
  const [ownStep, setOwnStep] = useState<CadenceStepKey>(initialStep);
  const stepKey = chosenStep ?? ownStep;
  const choose = (value: string) => {
    setOwnStep(value as CadenceStepKey);
    onStepChange?.(value as CadenceStepKey);
  };
  const step = cadenceStep(stepKey);
  const smsField = smsTextField(stepKey);
  const smsTemplate = form[smsField];
  const smsProblem = errors[smsField] ?? smsTemplateProblems(stepKey, smsTemplate)[0];
  const emailStep = step.allowedChannels.includes("EMAIL") ? CUSTOMER_EMAIL_OF_STEP[stepKey] : undefined;
  const subjectField = emailStep ? emailTextField(emailStep, "subject") : null;
  const headingField = emailStep ? emailTextField(emailStep, "heading") : null;
  const bodyField = emailStep ? emailTextField(emailStep, "body") : null;
  const template =
    subjectField && headingField && bodyField
      ? { subject: form[subjectField], heading: form[headingField], body: form[bodyField] }
      : null;
  const logoUrl = form.emailLogoUrl.trim();

  // The texts as the shopper gets them follow the typing a moment later, in a render of their own:
  // a keystroke paints in its field at once, and the email is rebuilt (and its frame reloaded)
  // only in the deferred render, when the form it is made from has changed.
  const shown = useDeferredValue(form);
  // So is a change of message: the select and the fields follow at once, the rendered texts after.
  const shownStep = useDeferredValue(stepKey);
  const { sms, email } = useMemo(() => {
    const shownEmailStep = cadenceStep(shownStep).allowedChannels.includes("EMAIL")
      ? CUSTOMER_EMAIL_OF_STEP[shownStep]
      : undefined;
    const offer = shown.feedbackOffer.trim() || null;
    const shownLogoUrl = shown.emailLogoUrl.trim();
    const facts = {
      ...sampleEmailFacts(sample.shopName, shownLogoUrl && !logoUrlProblem(shownLogoUrl) ? shownLogoUrl : null),
      pickupPassUrl: sample.pickupPassUrl,
      offer,
    };
    const smsText = cadenceStep(shownStep).allowedChannels.includes("SMS")
      ? renderSmsTemplate(shown[smsTextField(shownStep)], {
          shopName: facts.shopName,
          orderName: facts.orderName,
          storeName: facts.store?.name ?? null,
          storeAddress: facts.store?.address ?? null,
          pickupPassUrl: facts.pickupPassUrl,
          offer,
          trackingUrl: SAMPLE_TRACKING_URL,
        })
      : null;
    const emailOf = shownEmailStep
      ? renderCustomerEmail(
          shownEmailStep,
          {
            subject: shown[emailTextField(shownEmailStep, "subject")],
            heading: shown[emailTextField(shownEmailStep, "heading")],
            body: shown[emailTextField(shownEmailStep, "body")],
          },
          facts,
          { unsubscribeUrl: "#" },
        )
      : null;
    return { sms: smsText, email: emailOf };
  }, [shown, shownStep, sample.shopName, sample.pickupPassUrl]);
  const length = sms === null ? null : smsLength(sms);
  const emailProblems = template ? emailTemplateProblems(template) : {};
  const change = (field: MessageTextField) => (set ? set(field) : undefined);

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {set ? "Texts and preview" : "Preview"}
        </Text>
        <Select label="Message" options={STEP_OPTIONS} value={stepKey} onChange={choose} />
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
              {set && (
                <TextField
                  label="Text"
                  multiline={rowsToFit(smsTemplate, { ...SIDEBAR_TEXT, charactersPerRow: 18 })}
                  autoComplete="off"
                  value={smsTemplate}
                  onChange={change(smsField)}
                  error={smsProblem}
                  helpText={`Placeholders: ${listed(SMS_PLACEHOLDERS)}. Words in [brackets] are left out when a value in them is not known.`}
                  connectedRight={
                    <Button
                      onClick={() => change(smsField)?.(DEFAULT_SMS_TEXTS[stepKey])}
                      disabled={smsTemplate === DEFAULT_SMS_TEXTS[stepKey]}
                    >
                      Reset
                    </Button>
                  }
                />
              )}
              <Box background="bg-surface-secondary" padding="300" borderRadius="300">
                <Text as="p">{sms}</Text>
              </Box>
              <InlineStack gap="200">
                <Text as="span" tone={length.segments > 2 ? "critical" : "subdued"}>
                  {length.characters} characters · {length.segments} {length.segments === 1 ? "segment" : "segments"} (
                  {length.encoding})
                </Text>
              </InlineStack>
              {length.encoding === "UCS-2" && (
                <Text as="p" tone="caution">
                  A character outside the basic SMS alphabet (an emoji, a curly quote) makes every segment hold 70
                  characters instead of 160.
                </Text>
              )}
            </>
          )}
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Email
          </Text>
          {email === null || !emailStep || !subjectField || !headingField || !bodyField || !template ? (
            <Text as="p" tone="subdued">
              {step.sameNewsAsShopify ? "Shopify emails the shopper about this itself." : "Not sent by email."}
            </Text>
          ) : (
            <>
              {set && (
                <BlockStack gap="200">
                  <TextField
                    label="Subject"
                    autoComplete="off"
                    value={template.subject}
                    onChange={change(subjectField)}
                    error={errors[subjectField] ?? emailProblems.subject}
                  />
                  <TextField
                    label="Heading (optional)"
                    autoComplete="off"
                    value={template.heading}
                    onChange={change(headingField)}
                    error={errors[headingField] ?? emailProblems.heading}
                  />
                  <TextField
                    label="Text"
                    multiline={rowsToFit(template.body, { ...SIDEBAR_TEXT, min: 5 })}
                    autoComplete="off"
                    value={template.body}
                    onChange={change(bodyField)}
                    error={errors[bodyField] ?? emailProblems.body}
                    helpText={`A blank line starts a paragraph. Placeholders: ${listed(EMAIL_PLACEHOLDERS)}. This email is used for: ${(STEPS_OF_EMAIL[emailStep] ?? []).join("; ")}.`}
                  />
                  <InlineStack>
                    <Button
                      onClick={() => {
                        change(subjectField)?.(DEFAULT_EMAIL_TEMPLATES[emailStep].subject);
                        change(headingField)?.(DEFAULT_EMAIL_TEMPLATES[emailStep].heading ?? "");
                        change(bodyField)?.(DEFAULT_EMAIL_TEMPLATES[emailStep].body);
                      }}
                    >
                      Reset email to recommended
                    </Button>
                  </InlineStack>
                  <TextField
                    label="Logo (all emails)"
                    type="url"
                    autoComplete="off"
                    placeholder="https://cdn.shopify.com/…/logo.png"
                    value={form.emailLogoUrl}
                    onChange={change("emailLogoUrl")}
                    error={errors.emailLogoUrl ?? (logoUrl ? (logoUrlProblem(logoUrl) ?? undefined) : undefined)}
                    helpText="Leave blank to show the shop's name instead."
                  />
                </BlockStack>
              )}
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
              <Text as="h4" variant="headingXs">
                Plain-text version
              </Text>
              <Box background="bg-surface-secondary" padding="300" borderRadius="300">
                <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{email.text}</pre>
              </Box>
            </>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
