import type { CadenceStepKey } from "./steps";

/**
 * The text of each cadence step sent by SMS, as a template the merchant may reword per shop:
 * {{placeholders}} (the same syntax as the emails) filled with the order's facts, and
 * [optional parts] left out whole when a value in them is not known (no store, no pass), so a
 * text never reads "at , .". The sending job and the settings page's preview both call
 * smsTextFor, so the preview is what is sent. Pure: the facts are read by the caller.
 */

export const SMS_PLACEHOLDERS = [
  "shopName",
  "orderName",
  "storeName",
  "storeAddress",
  "pickupPassLink",
  "offer",
  "trackingLink",
] as const;
export type SmsPlaceholder = (typeof SMS_PLACEHOLDERS)[number];

export interface SmsFacts {
  shopName: string;
  orderName: string;
  storeName: string | null;
  /** One line: "2001 N Clark St, Chicago, IL 60614". */
  storeAddress: string | null;
  pickupPassUrl: string | null;
  /** The merchant's feedback offer. */
  offer: string | null;
  /** The carrier's tracking page of a shipped order. */
  trackingUrl?: string | null;
}

/** A shop's own texts, by step; a step missing uses the default. */
export type SmsTexts = Readonly<Partial<Record<CadenceStepKey, string>>>;

const WHERE = "[ at {{storeName}}][, {{storeAddress}}]";
const PASS = "[ Your pickup pass: {{pickupPassLink}}]";
const ORDER = "{{shopName}}: your order {{orderName}}";
const WAITING = `${ORDER} is waiting for you${WHERE}.${PASS}`;
const TRACK = "[ Track it: {{trackingLink}}]";

export const DEFAULT_SMS_TEXTS: Readonly<Record<CadenceStepKey, string>> = {
  CONFIRMATION_SMS: `${ORDER} is confirmed and being prepared${WHERE}. We will text you when it is ready.${PASS} Reply STOP to opt out.`,
  READY_SMS: `${ORDER} is ready for pickup${WHERE}.[ Show your pickup pass: {{pickupPassLink}}] Reply HELP for support, STOP to opt out.`,
  PICKUP_REMINDER_PUSH: WAITING,
  REMINDER_DAY_2: WAITING,
  REMINDER_DAY_5: WAITING,
  EXPIRY_WARNING: `${ORDER} is still waiting${WHERE}. Collect it by tomorrow or it will be cancelled and refunded.${PASS}`,
  FEEDBACK_EMAIL: "{{shopName}}: thank you for picking up order {{orderName}}. How did it go? Just reply.[ {{offer}}]",
  DELAY_NOTICE: `${ORDER} is taking longer than promised${WHERE}. We will text you when it is ready.${PASS}`,
  STORE_CHANGED: `${ORDER} moved: pick it up${WHERE}.${PASS}`,
  SHIPPED_SMS: `${ORDER} has shipped.${TRACK}`,
  OUT_FOR_DELIVERY_SMS: `${ORDER} is out for delivery today.${TRACK}`,
  DELIVERED_SMS: `${ORDER} was delivered. Thank you!`,
  CANCELLED_NOTICE: `${ORDER} was cancelled. Any payment is refunded.`,
};

/** The texts whose news goes stale: Twilio drops them when they could not go out within the hour. */
export const TIME_SENSITIVE_SMS_STEPS: ReadonlySet<string> = new Set<CadenceStepKey>([
  "READY_SMS",
  "DELAY_NOTICE",
  "STORE_CHANGED",
  "OUT_FOR_DELIVERY_SMS",
]);

export const TIME_SENSITIVE_VALIDITY_SECONDS = 3600;

/** Three GSM-7 segments of words: with the links filled in, a text the merchant types stays short. */
export const SMS_TEXT_MAX_LENGTH = 400;

/** Placeholders only some steps know; the others may be used in every text. */
const ONLY_IN: Readonly<Partial<Record<SmsPlaceholder, readonly CadenceStepKey[]>>> = {
  trackingLink: ["SHIPPED_SMS", "OUT_FOR_DELIVERY_SMS"],
};

/**
 * Words a step's text must keep. Every text names the shop (carriers' rules: the sender is
 * identified in the message). The first text a shopper may get from the shop (the confirmation,
 * or the ready text when the confirmation is off) says how to stop them (CTIA: opt-out
 * instructions with the first message); the ready text keeps the HELP the seed's cadence asks for.
 */
const REQUIRED_WORDS: Readonly<Partial<Record<CadenceStepKey, readonly string[]>>> = {
  CONFIRMATION_SMS: ["STOP"],
  READY_SMS: ["HELP", "STOP"],
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const OPTIONAL_PART = /\[([^[\]]*)\]/g;

function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))];
}

function valueOf(name: SmsPlaceholder, facts: SmsFacts): string {
  switch (name) {
    case "shopName":
      return facts.shopName;
    case "orderName":
      return facts.orderName;
    case "storeName":
      return facts.storeName ?? "";
    case "storeAddress":
      return facts.storeAddress ?? "";
    case "pickupPassLink":
      return facts.pickupPassUrl ?? "";
    case "offer":
      return facts.offer?.trim() ?? "";
    case "trackingLink":
      return facts.trackingUrl ?? "";
  }
}

const isSmsPlaceholder = (name: string): name is SmsPlaceholder =>
  (SMS_PLACEHOLDERS as readonly string[]).includes(name);

function fill(text: string, facts: SmsFacts): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isSmsPlaceholder(name) ? valueOf(name, facts) : whole));
}

/**
 * `template` with the facts filled in: an [optional part] holding a placeholder is left out when
 * one of its values is blank, else kept without its brackets; brackets around plain words stay.
 */
export function renderSmsTemplate(template: string, facts: SmsFacts): string {
  const withParts = template.replace(OPTIONAL_PART, (whole, inner: string) => {
    const names = placeholdersIn(inner).filter(isSmsPlaceholder);
    if (names.length === 0) return whole;
    return names.some((name) => valueOf(name, facts) === "") ? "" : inner;
  });
  return fill(withParts, facts).trim();
}

export const isTextedStep = (step: string): step is CadenceStepKey => Object.hasOwn(DEFAULT_SMS_TEXTS, step);

/** The merchant's text for `step`, else the default; null for a step the app does not text. */
export function smsTemplateFor(step: string, texts: SmsTexts = {}): string | null {
  if (!isTextedStep(step)) return null;
  return texts[step] ?? DEFAULT_SMS_TEXTS[step];
}

/** The text for `step` with the shop's own wording when it has one; null for a step the app does not text. */
export function smsTextFor(step: string, facts: SmsFacts, texts: SmsTexts = {}): string | null {
  const template = smsTemplateFor(step, texts);
  return template === null ? null : renderSmsTemplate(template, facts);
}

const listed = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(", ");

/** What is wrong with a merchant's text for `step`, each in words the settings page shows; empty when it may be saved. */
export function smsTemplateProblems(step: CadenceStepKey, template: string): string[] {
  const problems: string[] = [];
  if (template.trim() === "") return ["Enter the text, or reset it to the recommended one"];
  if (template.length > SMS_TEXT_MAX_LENGTH) {
    problems.push(`Keep the text to ${SMS_TEXT_MAX_LENGTH} characters or fewer (it is ${template.length})`);
  }
  const used = placeholdersIn(template);
  const unknown = used.filter((name) => !isSmsPlaceholder(name));
  if (unknown.length > 0) {
    problems.push(
      `Unknown ${unknown.length === 1 ? "placeholder" : "placeholders"} ${listed(unknown)}: use ${listed(SMS_PLACEHOLDERS.filter((name) => placeholderAllowed(step, name)))}`,
    );
  }
  const elsewhere = used.filter((name) => isSmsPlaceholder(name) && !placeholderAllowed(step, name));
  if (elsewhere.length > 0) problems.push(`${listed(elsewhere)} is only known for shipped and out-for-delivery texts`);
  if (!used.includes("shopName"))
    problems.push("Name your shop with {{shopName}}: shoppers and carriers need to see who is texting");
  const missing = (REQUIRED_WORDS[step] ?? []).filter((word) => !new RegExp(`\\b${word}\\b`).test(template));
  if (missing.length > 0) {
    problems.push(
      `Keep ${missing.map((word) => `"${word}"`).join(" and ")} in this text (for example "Reply ${missing.join(" or ")}"): it may be the first text the shopper gets`,
    );
  }
  return problems;
}

function placeholderAllowed(step: CadenceStepKey, name: SmsPlaceholder): boolean {
  const only = ONLY_IN[name];
  return !only || only.includes(step);
}

/** The merchant's text, unless it is the default as typed (then the default keeps following the app's wording). */
export function customSmsText(step: CadenceStepKey, typed: string): string | null {
  const text = typed.replace(/\r\n?/g, "\n").trim();
  return text === "" || text === DEFAULT_SMS_TEXTS[step] ? null : text;
}
