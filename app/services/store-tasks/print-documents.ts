import { escapeHtml } from "~/domain/html";
import { formatPickupCode } from "~/domain/store-tasks/pickup-code";
import type { StoreTaskKind } from "~/domain/store-tasks/types";

/**
 * The paper a store prints for a task, as static HTML (POS runs no script in a print document):
 * the pick list (every line with where it is kept) and the packing slip, branded with the shop's
 * name and the pickup code for pickup, plain with a return reference for ship-from-store and
 * local delivery (the seed's SOP: branded slips for BOPIS, plain boxes with return labels else).
 */

export const PRINT_DOCUMENTS = ["PICK_LIST", "PACKING_SLIP"] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

export interface PrintLine {
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  bin: string | null;
}

export interface PrintTask {
  id: string;
  orderName: string;
  kind: StoreTaskKind;
  customerName: string | null;
  pickupCode: string;
  lines: PrintLine[];
}

export interface PrintContext {
  shopName: string;
  storeName: string;
  /** When it is printed, already in the store's zone ("Nov 30, 2026, 9:31 AM"). */
  printedAt: string;
}

// Every text from an order or the merchant goes through it: an item named `<script>` prints as text.
export { escapeHtml };

/**
 * The reference a ship-from-store parcel's return label and slip carry: the order number and the
 * task's first characters, the same on every print of the task.
 */
export function returnReference(task: Pick<PrintTask, "id" | "orderName">): string {
  const order = task.orderName.replace(/[^0-9A-Za-z]/g, "");
  return `R-${order}-${task.id.replace(/-/g, "").slice(0, 6).toUpperCase()}`;
}

const STYLE = `
  body { font-family: -apple-system, "Helvetica Neue", Arial, sans-serif; font-size: 12pt; margin: 16px; color: #000; }
  h1 { font-size: 18pt; margin: 0 0 4px; }
  h2 { font-size: 14pt; margin: 16px 0 4px; }
  .meta { margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #999; padding: 6px 4px; text-align: left; vertical-align: top; }
  td.qty, th.qty { text-align: right; width: 3em; }
  .box { border: 2px solid #000; padding: 8px; margin: 12px 0; font-size: 16pt; }
  .brand { text-align: center; border-bottom: 3px double #000; padding-bottom: 8px; }
  .small { font-size: 10pt; }
  @media print { body { margin: 0; } }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

function itemName(line: PrintLine): string {
  return escapeHtml(line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title);
}

function kindLabel(kind: StoreTaskKind): string {
  if (kind === "PICKUP") return "Pickup";
  if (kind === "SHIP") return "Ship from store";
  return "Local delivery";
}

/** The associate's list: each item, how many, and where it is kept in this store. */
export function pickListHtml(task: PrintTask, context: PrintContext): string {
  const rows = task.lines
    .map(
      (line) =>
        `<tr><td>${line.bin ? escapeHtml(line.bin) : "—"}</td><td>${itemName(line)}</td><td>${
          line.sku ? escapeHtml(line.sku) : "—"
        }</td><td class="qty">${line.quantity}</td><td class="qty">☐</td></tr>`,
    )
    .join("\n");
  const units = task.lines.reduce((sum, line) => sum + line.quantity, 0);
  return page(
    `Pick list ${task.orderName}`,
    `<h1>Pick list ${escapeHtml(task.orderName)}</h1>
<p class="meta">${escapeHtml(kindLabel(task.kind))} · ${escapeHtml(context.storeName)} · ${units} ${
      units === 1 ? "item" : "items"
    }${task.customerName ? ` · ${escapeHtml(task.customerName)}` : ""}</p>
<table><thead><tr><th>Where</th><th>Item</th><th>SKU</th><th class="qty">Qty</th><th class="qty">✓</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="small">Printed ${escapeHtml(context.printedAt)}</p>`,
  );
}

function slipRows(task: PrintTask): string {
  return task.lines
    .map((line) => `<tr><td>${itemName(line)}</td><td class="qty">${line.quantity}</td></tr>`)
    .join("\n");
}

/** The slip in the bag or box: branded with the pickup code for pickup, plain with a return reference else. */
export function packingSlipHtml(task: PrintTask, context: PrintContext): string {
  const items = `<table><thead><tr><th>Item</th><th class="qty">Qty</th></tr></thead>
<tbody>
${slipRows(task)}
</tbody></table>`;
  if (task.kind === "PICKUP") {
    return page(
      `Packing slip ${task.orderName}`,
      `<div class="brand"><h1>${escapeHtml(context.shopName)}</h1><p class="meta">Thank you for your order</p></div>
<h2>Order ${escapeHtml(task.orderName)}${task.customerName ? ` · ${escapeHtml(task.customerName)}` : ""}</h2>
<p class="meta">Ready for pickup at ${escapeHtml(context.storeName)}</p>
<div class="box">Pickup code: <strong>${escapeHtml(formatPickupCode(task.pickupCode))}</strong></div>
${items}
<p class="small">Printed ${escapeHtml(context.printedAt)}</p>`,
    );
  }
  return page(
    `Packing slip ${task.orderName}`,
    `<h1>Packing slip</h1>
<p class="meta">Order ${escapeHtml(task.orderName)}${task.customerName ? ` · ${escapeHtml(task.customerName)}` : ""}</p>
${items}
<div class="box">Return reference: <strong>${escapeHtml(returnReference(task))}</strong></div>
<p class="small">To return an item, quote the return reference above. Shipped from ${escapeHtml(
      context.storeName,
    )} · printed ${escapeHtml(context.printedAt)}</p>`,
  );
}
