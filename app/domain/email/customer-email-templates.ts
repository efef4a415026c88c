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
  const used = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
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
