import type { CadenceStepKey } from "../notifications/steps";
/**
 * The customer emails of the pickup cadence: which steps the app may email, their default text
 * (the merchant edits subject and body per shop) and the placeholders a text may use. The layout
 * around the text (logo, pickup code, pass button, store block, footer) is the app's.
 */

export const CUSTOMER_EMAIL_STEPS = [
  // Only when the merchant turned Shopify's own "ready for pickup" email off: Shopify sends it otherwise.
  "READY",
  "REMINDER",
  "EXPIRY_WARNING",
  "FEEDBACK",
  "DELAY",
  "STORE_CHANGED",
  "CANCELLED",
] as const;

export type CustomerEmailStep = (typeof CUSTOMER_EMAIL_STEPS)[number];

export interface CustomerEmailTemplate {
  subject: string;
  /** One line in large type above the text, with {{placeholders}}; none when missing or blank. */
  heading?: string;
  /** Plain text with {{placeholders}}; a blank line starts a new paragraph. */
  body: string;
}

export const EMAIL_PLACEHOLDERS = [
  "shopName",
  "customerFirstName",
  "orderName",
  "storeName",
  "storeAddress",
  "storeHours",
  "mapLink",
  "pickupPassLink",
  "pickupCode",
  "readyBy",
  "previousStoreName",
  "offer",
] as const;

export type EmailPlaceholder = (typeof EMAIL_PLACEHOLDERS)[number];

/**
 * Reminders and feedback each go in their own SendGrid unsubscribe group, so a shopper can stop
 * them and still get the messages about an order (ready, delay, store changed, cancelled).
 */
export type EmailSuppressionGroup = "REMINDERS" | "FEEDBACK";

export const SUPPRESSION_GROUP_OF_STEP: Readonly<Record<CustomerEmailStep, EmailSuppressionGroup | null>> = {
  READY: null,
  REMINDER: "REMINDERS",
  EXPIRY_WARNING: "REMINDERS",
  FEEDBACK: "FEEDBACK",
  DELAY: null,
  STORE_CHANGED: null,
  CANCELLED: null,
};

export const DEFAULT_EMAIL_TEMPLATES: Readonly<Record<CustomerEmailStep, CustomerEmailTemplate>> = {
  READY: {
    subject: "Your order {{orderName}} is ready for pickup at {{storeName}}",
    body: "Hi {{customerFirstName}},\n\nGood news: your order {{orderName}} is ready. Come by {{storeName}} and show your pickup code at the counter.",
  },
  REMINDER: {
    subject: "Your order {{orderName}} is waiting for you at {{storeName}}",
    body: "Hi {{customerFirstName}},\n\nA friendly reminder: your order {{orderName}} is ready and waiting at {{storeName}}. Bring your pickup code when you come.",
  },
  EXPIRY_WARNING: {
    subject: "Last chance to pick up order {{orderName}}",
    body: "Hi {{customerFirstName}},\n\nYour order {{orderName}} is still waiting at {{storeName}}. If it is not picked up soon, we will have to cancel it and put the items back on the shelf.",
  },
  FEEDBACK: {
    subject: "How was your pickup at {{storeName}}?",
    body: "Hi {{customerFirstName}},\n\nThank you for picking up your order {{orderName}} at {{storeName}}. We would love to hear how it went: just reply to this email.\n\n{{offer}}",
  },
  DELAY: {
    subject: "Your order {{orderName}} is taking a little longer",
    body: "Hi {{customerFirstName}},\n\nWe are sorry: your order {{orderName}} is not ready yet at {{storeName}}. We will email you as soon as it is. Your pickup pass always shows where it stands.",
  },
  STORE_CHANGED: {
    subject: "Your order {{orderName}} will be ready at {{storeName}}",
    body: "Hi {{customerFirstName}},\n\nYour order {{orderName}} is now being prepared at {{storeName}} instead of {{previousStoreName}}, so you get it sooner. Your pickup pass shows the new store.",
  },
  CANCELLED: {
    subject: "Your order {{orderName}} was cancelled",
    body: "Hi {{customerFirstName}},\n\nYour order {{orderName}} from {{shopName}} was cancelled. If you have any questions, reply to this email and we will help.",
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The {{names}} a merchant's text uses that the app does not know (the settings page names them). */
export function unknownPlaceholders(template: CustomerEmailTemplate): string[] {
  const known: readonly string[] = EMAIL_PLACEHOLDERS;
  const used = [...`${template.subject}\n${template.heading ?? ""}\n${template.body}`.matchAll(PLACEHOLDER)].map(
    (match) => match[1] ?? "",
  );
  return [...new Set(used.filter((name) => !known.includes(name)))];
}

/**
 * The text with each known placeholder replaced by `valueOf(name)` (already made safe for where
 * it goes); unknown ones are left as typed, so the preview shows the mistake.
 */
export function fillPlaceholders(text: string, valueOf: (name: EmailPlaceholder) => string): string {
  const known: readonly string[] = EMAIL_PLACEHOLDERS;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    known.includes(name) ? valueOf(name as EmailPlaceholder) : whole,
  );
}

/**
 * The customer email each cadence step sends where the app emails it (the steps whose news
 * Shopify emails itself have none): the sending job and the settings page's preview both read it.
 */
export const CUSTOMER_EMAIL_OF_STEP: Partial<Record<CadenceStepKey, CustomerEmailStep>> = {
  PICKUP_REMINDER_PUSH: "REMINDER",
  REMINDER_DAY_2: "REMINDER",
  REMINDER_DAY_5: "REMINDER",
  EXPIRY_WARNING: "EXPIRY_WARNING",
  FEEDBACK_EMAIL: "FEEDBACK",
  DELAY_NOTICE: "DELAY",
  STORE_CHANGED: "STORE_CHANGED",
  CANCELLED_NOTICE: "CANCELLED",
};

/** A shop's own email texts, by email; one missing uses the default. */
export type CustomerEmailTemplates = Readonly<Partial<Record<CustomerEmailStep, CustomerEmailTemplate>>>;

export const EMAIL_TEMPLATE_LIMITS = { subject: 150, heading: 150, body: 3000, logoUrl: 500 } as const;

/** The merchant's text for `step`, else the default. */
export function emailTemplateFor(
  step: CustomerEmailStep,
  templates: CustomerEmailTemplates = {},
): CustomerEmailTemplate {
  return templates[step] ?? DEFAULT_EMAIL_TEMPLATES[step];
}

export interface EmailTemplateProblems {
  subject?: string;
  heading?: string;
  body?: string;
}

function unknownProblem(text: string): string | undefined {
  const unknown = unknownPlaceholders({ subject: text, body: "" });
  if (unknown.length === 0) return undefined;
  const names = (list: readonly string[]) => list.map((name) => `{{${name}}}`).join(", ");
  return `Unknown ${unknown.length === 1 ? "placeholder" : "placeholders"} ${names(unknown)}: use ${names(EMAIL_PLACEHOLDERS)}`;
}

/** Each part's words for its problems; a part with no `blank` message may be left blank. */
const PARTS: Readonly<Record<keyof EmailTemplateProblems, { name: string; blank: string | null }>> = {
  subject: { name: "subject", blank: "Enter a subject, or reset the email to the recommended one" },
  heading: { name: "heading", blank: null },
  body: { name: "text", blank: "Enter the email's text, or reset it to the recommended one" },
};

/** What is wrong with a merchant's subject, heading and body, per field, in words the settings page shows. */
export function emailTemplateProblems(template: CustomerEmailTemplate): EmailTemplateProblems {
  const problems: EmailTemplateProblems = {};
  for (const part of ["subject", "heading", "body"] as const) {
    const value = template[part] ?? "";
    const { name, blank } = PARTS[part];
    const problem =
      value.trim() === ""
        ? (blank ?? undefined)
        : value.length > EMAIL_TEMPLATE_LIMITS[part]
          ? `Keep the ${name} to ${EMAIL_TEMPLATE_LIMITS[part]} characters or fewer`
          : unknownProblem(value);
    if (problem) problems[part] = problem;
  }
  return problems;
}

/** The merchant's email as typed, unless it is the default (then the default keeps following the app's wording). */
export function customEmailTemplate(
  step: CustomerEmailStep,
  typed: CustomerEmailTemplate,
): CustomerEmailTemplate | null {
  const heading = typed.heading?.trim() ?? "";
  const template: CustomerEmailTemplate = {
    subject: typed.subject.trim(),
    ...(heading === "" ? {} : { heading }),
    body: typed.body.replace(/\r\n?/g, "\n").trim(),
  };
  const fallback = DEFAULT_EMAIL_TEMPLATES[step];
  if (template.subject === "" && heading === "" && template.body === "") return null;
  const same =
    template.subject === fallback.subject && heading === (fallback.heading ?? "") && template.body === fallback.body;
  return same ? null : template;
}

/** Why a logo address cannot be used, or null: https only (an email's images load from anywhere the shopper opens it). */
export function logoUrlProblem(url: string): string | null {
  if (url.length > EMAIL_TEMPLATE_LIMITS.logoUrl) return "This address is too long for a logo";
  try {
    if (new URL(url).protocol === "https:") return null;
  } catch {
    // Not a URL at all: the same answer.
  }
  return "Enter the logo's https:// address";
}
