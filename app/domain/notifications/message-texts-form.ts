import {
  CUSTOMER_EMAIL_STEPS,
  customEmailTemplate,
  emailTemplateFor,
  type CustomerEmailStep,
  type CustomerEmailTemplate,
} from "../email/customer-email-templates";
import type { MessageTexts } from "./message-texts";
import { customSmsText, smsTemplateFor } from "./sms-text";
import { CADENCE_STEP_KEYS, type CadenceStepKey } from "./steps";

/**
 * The shop's wording on the Notifications page's cadence form: each step's SMS text, each
 * email's subject and body (the app's text shown until the merchant changes it) and the logo.
 * No schema here (the browser imports it); the settings' schema checks what it reads.
 */

export type SmsTextField = `${CadenceStepKey}.text`;
export const EMAIL_TEXT_PARTS = ["subject", "heading", "body"] as const;
export type EmailTextPart = (typeof EMAIL_TEXT_PARTS)[number];
export type EmailTextField = `email.${CustomerEmailStep}.${EmailTextPart}`;
export type MessageTextField = SmsTextField | EmailTextField | "emailLogoUrl";

export const smsTextField = (step: CadenceStepKey): SmsTextField => `${step}.text`;
export const emailTextField = (step: CustomerEmailStep, part: EmailTextPart): EmailTextField => `email.${step}.${part}`;

export const MESSAGE_TEXT_FIELDS: readonly MessageTextField[] = [
  ...CADENCE_STEP_KEYS.map(smsTextField),
  ...CUSTOMER_EMAIL_STEPS.flatMap((step) => EMAIL_TEXT_PARTS.map((part) => emailTextField(step, part))),
  "emailLogoUrl",
];

export type MessageTextsForm = Partial<Record<MessageTextField, string>>;

export function toMessageTextsForm(settings: MessageTexts): Required<MessageTextsForm> {
  const entries: [MessageTextField, string][] = [
    ...CADENCE_STEP_KEYS.map((step): [MessageTextField, string] => [
      smsTextField(step),
      smsTemplateFor(step, settings.texts) ?? "",
    ]),
    ...CUSTOMER_EMAIL_STEPS.flatMap((step): [MessageTextField, string][] => {
      const template = emailTemplateFor(step, settings.emailTemplates);
      return [
        [emailTextField(step, "subject"), template.subject],
        [emailTextField(step, "heading"), template.heading ?? ""],
        [emailTextField(step, "body"), template.body],
      ];
    }),
    ["emailLogoUrl", settings.emailLogoUrl ?? ""],
  ];
  return Object.fromEntries(entries) as Required<MessageTextsForm>; // every field: listed above as MESSAGE_TEXT_FIELDS are.
}

/**
 * The wording the form posts, as the settings hold it: a text left as the app's (or blank: reset)
 * is not kept, so it follows the app's wording; a field not posted keeps nothing either.
 */
export function messageTextsOfForm(form: MessageTextsForm): MessageTexts {
  const texts: Partial<Record<CadenceStepKey, string>> = {};
  for (const step of CADENCE_STEP_KEYS) {
    const typed = form[smsTextField(step)];
    const text = typed === undefined ? null : customSmsText(step, typed);
    if (text !== null) texts[step] = text;
  }
  const emailTemplates: Partial<Record<CustomerEmailStep, CustomerEmailTemplate>> = {};
  for (const step of CUSTOMER_EMAIL_STEPS) {
    const [subject, heading, body] = EMAIL_TEXT_PARTS.map((part) => form[emailTextField(step, part)]);
    if (subject === undefined && heading === undefined && body === undefined) continue;
    const template = customEmailTemplate(step, { subject: subject ?? "", heading: heading ?? "", body: body ?? "" });
    if (template !== null) emailTemplates[step] = template;
  }
  const logo = form.emailLogoUrl?.trim() ?? "";
  // Settings are saved whole: what is left out here is reset to the app's.
  return {
    ...(Object.keys(texts).length > 0 ? { texts } : {}),
    ...(Object.keys(emailTemplates).length > 0 ? { emailTemplates } : {}),
    ...(logo === "" ? {} : { emailLogoUrl: logo }),
  };
}

/** The form field a settings issue at `path` (under texts, emailTemplates or emailLogoUrl) is about, else null. */
export function messageTextFieldOf(path: readonly string[]): MessageTextField | null {
  const [section, step, part] = path;
  if (section === "texts" && (CADENCE_STEP_KEYS as readonly string[]).includes(step ?? "")) {
    return smsTextField(step as CadenceStepKey);
  }
  if (
    section === "emailTemplates" &&
    (CUSTOMER_EMAIL_STEPS as readonly string[]).includes(step ?? "") &&
    (EMAIL_TEXT_PARTS as readonly string[]).includes(part ?? "")
  ) {
    return emailTextField(step as CustomerEmailStep, part as EmailTextPart);
  }
  if (section === "emailLogoUrl") return "emailLogoUrl";
  return null;
}
