import {
  DEFAULT_EMAIL_TEMPLATES,
  fillPlaceholders,
  SUPPRESSION_GROUP_OF_STEP,
  type CustomerEmailStep,
  type CustomerEmailTemplate,
  type EmailPlaceholder,
} from "./customer-email-templates";
import { escapeHtml, safeLink } from "../html";

/**
 * A customer email as sent: the merchant's subject and body with the order's facts filled in,
 * inside the app's layout, as HTML (every value escaped) and as plain text that reads on its own.
 */

export interface CustomerEmailStore {
  name: string;
  /** One line: "2001 N Clark St, Chicago, IL 60614". */
  address: string | null;
  /** Today's hours as the shopper reads them: "Open today 10:00 AM – 8:00 PM". */
  hours: string | null;
  mapUrl: string | null;
}

export interface CustomerEmailFacts {
  shopName: string;
  logoUrl: string | null;
  customerFirstName: string | null;
  orderName: string;
  /** The pickup store (the new one after a store change). */
  store: CustomerEmailStore | null;
  previousStoreName: string | null;
  pickupPassUrl: string | null;
  pickupCode: string | null;
  /** The ready-by time in the store's zone, already worded: "today by 4:00 PM". */
  readyBy: string | null;
  /** The feedback email's offer, as the merchant words it: "10% off your next visit with THANKS10". */
  offer: string | null;
}

export interface RenderedCustomerEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /**
   * Where "Unsubscribe" points in steps with a suppression group. By default SendGrid's own
   * substitution tag, which SendGrid replaces with the group's link when it sends.
   */
  unsubscribeUrl?: string;
}

export const SENDGRID_GROUP_UNSUBSCRIBE_TAG = "<%asm_group_unsubscribe_raw_url%>";

/** Steps that are about collecting the order: they show the code, the pass and the store. */
const PICKUP_DETAILS: Readonly<Record<CustomerEmailStep, boolean>> = {
  READY: true,
  REMINDER: true,
  EXPIRY_WARNING: true,
  FEEDBACK: false,
  DELAY: true,
  STORE_CHANGED: true,
  CANCELLED: false,
};

const GREETING_NAME = "there";

function plainValue(facts: CustomerEmailFacts, name: EmailPlaceholder): string {
  switch (name) {
    case "shopName":
      return facts.shopName;
    case "customerFirstName":
      return facts.customerFirstName ?? GREETING_NAME;
    case "orderName":
      return facts.orderName;
    case "storeName":
      return facts.store?.name ?? "";
    case "storeAddress":
      return facts.store?.address ?? "";
    case "storeHours":
      return facts.store?.hours ?? "";
    case "mapLink":
      return safeLink(facts.store?.mapUrl) ?? "";
    case "pickupPassLink":
      return safeLink(facts.pickupPassUrl) ?? "";
    case "pickupCode":
      return facts.pickupCode ?? "";
    case "readyBy":
      return facts.readyBy ?? "";
    case "previousStoreName":
      return facts.previousStoreName ?? "";
    case "offer":
      return facts.offer ?? "";
  }
}

function htmlValue(facts: CustomerEmailFacts, name: EmailPlaceholder): string {
  const value = plainValue(facts, name);
  if ((name === "mapLink" || name === "pickupPassLink") && value) {
    return `<a href="${escapeHtml(value)}" style="color:#005bd3">${escapeHtml(value)}</a>`;
  }
  return escapeHtml(value);
}

/** The body's paragraphs, each with its single line breaks; blank ones (a missing offer) dropped. */
function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

const FONT = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function renderCustomerEmail(
  step: CustomerEmailStep,
  template: CustomerEmailTemplate,
  facts: CustomerEmailFacts,
  options: RenderOptions = {},
): RenderedCustomerEmail {
  // A subject is one line whatever the merchant or the data hold.
  const subject = fillPlaceholders(template.subject, (name) => plainValue(facts, name))
    .replace(/\s+/g, " ")
    .trim();
  const heading = fillPlaceholders(template.heading ?? "", (name) => plainValue(facts, name))
    .replace(/\s+/g, " ")
    .trim();
  const paragraphs = paragraphsOf(template.body);
  const textParagraphs = paragraphs
    .map((paragraph) => fillPlaceholders(paragraph, (name) => plainValue(facts, name)).trim())
    .filter((paragraph) => paragraph !== "");
  const htmlParagraphs = paragraphs
    .filter((paragraph) => fillPlaceholders(paragraph, (name) => plainValue(facts, name)).trim() !== "")
    .map((paragraph) =>
      // Escaped piece by piece: the merchant's words are text too, and a value's markup is the app's.
      paragraph
        .split(/(\{\{\s*[A-Za-z]+\s*\}\})/)
        .map((piece) =>
          /^\{\{\s*[A-Za-z]+\s*\}\}$/.test(piece)
            ? fillPlaceholders(piece, (name) => htmlValue(facts, name))
            : escapeHtml(piece),
        )
        .join("")
        .replace(/\n/g, "<br>"),
    );

  const pickup = PICKUP_DETAILS[step];
  const code = pickup ? facts.pickupCode : null;
  const passUrl = pickup ? safeLink(facts.pickupPassUrl) : null;
  const store = pickup ? facts.store : null;
  const mapUrl = safeLink(store?.mapUrl);
  const logoUrl = safeLink(facts.logoUrl);
  const unsubscribeUrl =
    SUPPRESSION_GROUP_OF_STEP[step] === null ? null : (options.unsubscribeUrl ?? SENDGRID_GROUP_UNSUBSCRIBE_TAG);
  const footer = `${facts.shopName} · Order ${facts.orderName}`;

  const text = [
    facts.shopName,
    "",
    ...(heading ? [heading, ""] : []),
    ...textParagraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(code ? [`Your pickup code: ${code}`, ""] : []),
    ...(passUrl ? [`Your pickup pass: ${passUrl}`, ""] : []),
    ...(store
      ? [
          `Pick up at: ${store.name}`,
          ...(store.address ? [store.address] : []),
          ...(store.hours ? [store.hours] : []),
          ...(mapUrl ? [`Directions: ${mapUrl}`] : []),
          "",
        ]
      : []),
    "--",
    footer,
    ...(unsubscribeUrl ? [`Stop these emails: ${unsubscribeUrl}`] : []),
    "",
  ].join("\n");

  const header = logoUrl
    ? `<img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(facts.shopName)}" style="max-height:48px;max-width:200px">`
    : `<div style="font-size:20px;font-weight:600">${escapeHtml(facts.shopName)}</div>`;
  const storeBlock = store
    ? [
        `<div style="margin:20px 0 0;padding:16px;border:1px solid #e3e3e3;border-radius:8px">`,
        `<div style="font-weight:600">${escapeHtml(store.name)}</div>`,
        store.address ? `<div>${escapeHtml(store.address)}</div>` : "",
        store.hours ? `<div style="color:#616161">${escapeHtml(store.hours)}</div>` : "",
        mapUrl
          ? `<div style="margin-top:8px"><a href="${escapeHtml(mapUrl)}" style="color:#005bd3">Get directions</a></div>`
          : "",
        `</div>`,
      ].join("")
    : "";
  const html = [
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px 12px;background:#f6f6f7;font-family:${FONT};color:#303030;line-height:1.5">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">`,
    `<div style="margin-bottom:16px">${header}</div>`,
    heading ? `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(heading)}</h1>` : "",
    ...htmlParagraphs.map((paragraph) => `<p style="margin:0 0 12px">${paragraph}</p>`),
    code
      ? `<div style="margin:20px 0;padding:12px 16px;background:#f1f1f1;border-radius:8px">Your pickup code <div style="font-size:24px;font-weight:700;letter-spacing:2px">${escapeHtml(code)}</div></div>`
      : "",
    passUrl
      ? `<div style="margin:20px 0"><a href="${escapeHtml(passUrl)}" style="display:inline-block;padding:12px 20px;background:#303030;color:#ffffff;border-radius:8px;text-decoration:none;font-weight:600">View your pickup pass</a></div>`
      : "",
    storeBlock,
    `<p style="margin:24px 0 0;font-size:12px;color:#616161">${escapeHtml(footer)}`,
    // SendGrid's tag is the app's own constant and must reach SendGrid unescaped to be replaced.
    unsubscribeUrl
      ? ` · <a href="${unsubscribeUrl === SENDGRID_GROUP_UNSUBSCRIBE_TAG ? unsubscribeUrl : escapeHtml(unsubscribeUrl)}" style="color:#616161">Stop these emails</a>`
      : "",
    `</p></div></body></html>`,
  ].join("");

  return { subject, html, text };
}

/** Made-up facts for the settings page's preview, in the shop's name. */
export function sampleEmailFacts(shopName: string, logoUrl: string | null = null): CustomerEmailFacts {
  return {
    shopName,
    logoUrl,
    customerFirstName: "Ada",
    orderName: "#1042",
    store: {
      name: "Lincoln Park",
      address: "2001 N Clark St, Chicago, IL 60614",
      hours: "Open today 10:00 AM – 8:00 PM",
      mapUrl: "https://www.google.com/maps/search/?api=1&query=2001+N+Clark+St%2C+Chicago",
    },
    previousStoreName: "Wicker Park",
    pickupPassUrl: "https://example.com/pickup/sample",
    pickupCode: "4827",
    readyBy: "today by 4:00 PM",
    offer: "Show this email for 10% off your next visit.",
  };
}

/** What the settings page shows while the merchant edits a step: their text (or the default) on sample facts. */
export function previewCustomerEmail(
  step: CustomerEmailStep,
  shop: { name: string; logoUrl: string | null },
  template: CustomerEmailTemplate = DEFAULT_EMAIL_TEMPLATES[step],
): RenderedCustomerEmail {
  return renderCustomerEmail(step, template, sampleEmailFacts(shop.name, shop.logoUrl), { unsubscribeUrl: "#" });
}
