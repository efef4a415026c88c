import type { OrderAtLocation } from "../../emulator/shopify";

/**
 * POS's own Orders screen, as far as the extension needs it: the store's orders (from Shopify,
 * here the emulator), and an order's details with the extension's order-details block among
 * them. POS gives that block the order through its Order API: `{id, name, customerId}`.
 */

/** One order as the stand-in's server lists it: the emulator's `/_emulator/shops/:shop/orders`, as JSON. */
export type PosOrder = OrderAtLocation;

/** What POS's Order API gives an order-details target. */
export interface OrderApiContent {
  id: number;
  name: string;
  customerId?: number;
}

export function orderApiContent(order: PosOrder): OrderApiContent {
  return order.customerId === null
    ? { id: order.id, name: order.name }
    : { id: order.id, name: order.name, customerId: order.customerId };
}

const STATUS_LABELS: Record<string, string> = {
  OPEN: "Unfulfilled",
  IN_PROGRESS: "In progress",
  ON_HOLD: "On hold",
  SCHEDULED: "Scheduled",
  CLOSED: "Fulfilled",
  CANCELLED: "Cancelled",
  INCOMPLETE: "Incomplete",
};

function statusText(order: PosOrder): string {
  return [...new Set(order.fulfillmentStatuses.map((status) => STATUS_LABELS[status] ?? status))].join(", ");
}

function itemsText(order: PosOrder): string {
  const units = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  return `${units} ${units === 1 ? "item" : "items"}`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}

export interface OrdersScreen {
  /** Reads the location's orders again and shows them; the open order stays open (its block afresh) if still listed. */
  reload(locationId: string): Promise<void>;
  /** The order the details show, or null. */
  readonly openOrder: PosOrder | null;
  close(): void;
}

export function ordersScreen(options: {
  list: HTMLElement;
  /** The open order's own details, above the apps' blocks. */
  summary: HTMLElement;
  /** Shows the extension's block for `order` (a fresh sandbox), or removes it (null). */
  showBlock(order: PosOrder | null): void;
}): OrdersScreen {
  const { list, summary, showBlock } = options;
  let orders: PosOrder[] = [];
  let openOrder: PosOrder | null = null;

  function showList(): void {
    list.replaceChildren(
      ...(orders.length
        ? orders.map((order) => {
            const row = element("button", { type: "button", className: "order-row" });
            row.dataset.orderId = String(order.id);
            row.setAttribute("aria-pressed", String(order.id === openOrder?.id));
            row.append(
              element("strong", { textContent: order.name }),
              element("span", { textContent: order.customerName ?? "No customer" }),
              element("span", { className: "hint", textContent: `${itemsText(order)} · ${statusText(order)}` }),
            );
            row.addEventListener("click", () => open(order));
            return row;
          })
        : [element("p", { className: "hint", textContent: "No online orders at this location yet." })]),
    );
  }

  function showDetails(): void {
    if (!openOrder) {
      summary.replaceChildren(element("p", { className: "hint", textContent: "Choose an order to see its details." }));
      showBlock(null);
      return;
    }
    const order = openOrder;
    const items = element("ul", { className: "order-items" });
    items.append(
      ...order.lineItems.map((line) =>
        element("li", {
          textContent: `${line.quantity} × ${line.title}${line.variantTitle && line.variantTitle !== "Default Title" ? ` — ${line.variantTitle}` : ""}`,
        }),
      ),
    );
    summary.replaceChildren(
      element("h2", { textContent: `Order ${order.name}` }),
      element("p", {
        className: "hint",
        textContent: `${new Date(order.createdAt).toLocaleString()} · ${order.customerName ?? "No customer"} · ${statusText(order)}`,
      }),
      items,
      element("h3", { textContent: "Apps" }),
    );
    showBlock(order);
  }

  function open(order: PosOrder): void {
    openOrder = order;
    showList();
    showDetails();
  }

  return {
    get openOrder() {
      return openOrder;
    },
    async reload(locationId) {
      const response = await fetch(`/orders?locationId=${encodeURIComponent(locationId)}`);
      // Our own server's answer, relayed from the emulator (dev/pos/server.ts).
      orders = response.ok ? ((await response.json()) as { orders: PosOrder[] }).orders : [];
      // The open order as Shopify has it now (its status may have moved on), if still listed.
      openOrder = orders.find((order) => order.id === openOrder?.id) ?? null;
      showList();
      showDetails();
    },
    close() {
      openOrder = null;
      showList();
      showDetails();
    },
  };
}
