import { pickupQrPayload } from "../../../app/domain/store-tasks/pickup-code";
import type { CustomerAtCounter } from "../customers-at-counter";
import type { ObservedTask } from "./observed-task";

/**
 * The stand-in's scanner and the customer at the counter: "scan" buttons for what the open
 * task needs next (each item's barcode and one item that is not on the order; a bin label once
 * packed), and the customers whose orders are ready: their pickup codes and QR codes.
 */
const BIN_LABELS = ["A1", "A2", "A3", "B1"];
const PICKING = ["NEW", "PICKING"];

export interface ScannerPanel {
  show(task: ObservedTask | null, customers: readonly CustomerAtCounter[]): void;
}

function scanButton(label: string, code: string, scan: (code: string) => void): HTMLButtonElement {
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: label });
  button.className = "scan";
  button.dataset.code = code;
  button.addEventListener("click", () => scan(code));
  return button;
}

export function scannerPanel(options: {
  buttons: HTMLElement;
  customer: HTMLElement;
  catalogue: readonly { barcode: string; title: string }[];
  scan: (code: string) => void;
}): ScannerPanel {
  const { buttons, customer, catalogue, scan } = options;
  return {
    show(task, customers) {
      const offered: HTMLElement[] = [];
      if (task && PICKING.includes(task.state)) {
        for (const line of task.lines) {
          if (!line.code) continue;
          const name = line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title;
          offered.push(scanButton(`Scan ${name} (${line.picked} of ${line.quantity})`, line.code, scan));
        }
        const onOrder = new Set(task.lines.map((line) => line.code));
        const wrong = catalogue.find((item) => !onOrder.has(item.barcode));
        if (wrong) offered.push(scanButton(`Scan a wrong item: ${wrong.title}`, wrong.barcode, scan));
      }
      if (task?.state === "PACKED") {
        offered.push(...BIN_LABELS.map((bin) => scanButton(`Scan bin label ${bin}`, bin, scan)));
      }
      if (offered.length === 0) {
        offered.push(
          Object.assign(document.createElement("p"), {
            className: "hint",
            textContent: "Open an order in Omniroute: its barcodes appear here.",
          }),
        );
      }
      buttons.replaceChildren(...offered);

      customer.replaceChildren(
        ...(customers.length
          ? customers.flatMap((ready) => [
              Object.assign(document.createElement("p"), {
                className: "pickup-code",
                textContent: `${ready.orderName}${ready.customerName ? ` · ${ready.customerName}` : ""}: pickup code ${ready.pickupCode}`,
              }),
              scanButton(`Scan ${ready.orderName}'s QR code`, pickupQrPayload(ready.pickupCode), scan),
            ])
          : [
              Object.assign(document.createElement("p"), {
                className: "hint",
                textContent: "Nobody yet: a customer's pickup code shows here once their order is ready.",
              }),
            ]),
      );
    },
  };
}
