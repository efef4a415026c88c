import { formatDateTime } from "~/domain/date-time";
import { escapeHtml } from "~/domain/html";
import { itemName, type StoreTaskKind } from "~/domain/store-tasks/types";

/**
 * The email telling a store's team an order arrived for them, as the app renders it (HTML and
 * plain text). It names the customer by first name only, as the associate greets them, and
 * carries no email address or phone number: a store inbox is shared.
 */

export interface StoreAlertEmailLine {
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Where the item is kept in this store ("Aisle 4, Bin 12"); null when not known. */
  bin: string | null;
}

export interface StoreAlertEmailFacts {
  /** Shopify's order name, "#1042". */
  orderName: string;
  kind: StoreTaskKind;
  storeName: string;
  dueAt: Date | null;
  /** The store's IANA zone: the due time is told in it. */
  timeZone: string;
  customerName: string | null;
  lines: readonly StoreAlertEmailLine[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const KIND_IN_SUBJECT: Readonly<Record<StoreTaskKind, string>> = {
  PICKUP: "pickup",
  SHIP: "ship-from-store",
  LOCAL_DELIVERY: "local delivery",
};

const KIND_LINE: Readonly<Record<StoreTaskKind, string>> = {
  PICKUP: "Pickup in store",
  SHIP: "Ship from store",
  LOCAL_DELIVERY: "Local delivery",
};

export const OPEN_ON_POS = "Open Omniroute on POS → Online orders";

/** "Ada" of "Ada Lovelace"; null when the order names no one. */
export function firstNameOf(customerName: string | null): string | null {
  const first = customerName?.trim().split(/\s+/)[0];
  return first ? first : null;
}

function lineText(line: StoreAlertEmailLine): string {
  return `${line.quantity} × ${itemName(line)}`;
}

function binText(line: StoreAlertEmailLine): string {
  return line.bin ? `bin ${line.bin}` : "no bin recorded";
}

export function renderStoreAlertEmail(facts: StoreAlertEmailFacts): RenderedEmail {
  const subject = `New ${KIND_IN_SUBJECT[facts.kind]} order ${facts.orderName} for ${facts.storeName}`;
  const due = facts.dueAt ? `due ${formatDateTime(facts.dueAt, facts.timeZone)}` : "no due time set";
  const summary = `${KIND_LINE[facts.kind]}, ${due}`;
  const firstName = firstNameOf(facts.customerName);
  const customer = firstName ? `For ${firstName}` : null;
  const lines = facts.lines.filter((line) => line.quantity > 0);

  const text = [
    subject,
    "",
    summary,
    ...(customer ? [customer] : []),
    "",
    "Items:",
    ...lines.map((line) => `- ${lineText(line)} (${binText(line)})`),
    "",
    `${OPEN_ON_POS} to pick it.`,
    "",
  ].join("\n");

  const cell = "padding:4px 12px 4px 0;border-bottom:1px solid #e3e3e3";
  const rows = lines
    .map(
      (line) =>
        `<tr><td style="${cell}">${escapeHtml(lineText(line))}</td>` +
        `<td style="${cell};color:#616161">${escapeHtml(binText(line))}</td></tr>`,
    )
    .join("");
  const html = [
    `<!doctype html><html><body style="font-family:-apple-system,'Segoe UI',Roboto,sans-serif;color:#303030">`,
    `<h1 style="font-size:20px">${escapeHtml(subject)}</h1>`,
    `<p style="margin:0">${escapeHtml(summary)}</p>`,
    customer ? `<p style="margin:0">${escapeHtml(customer)}</p>` : "",
    `<table style="border-collapse:collapse;margin:16px 0">${rows}</table>`,
    `<p><strong>${escapeHtml(OPEN_ON_POS)}</strong> to pick it.</p>`,
    `</body></html>`,
  ].join("");

  return { subject, text, html };
}
