import type { StoreTaskLine } from "@prisma/client";
import type { PickLine } from "~/domain/store-tasks/types";

/** A stored task line as the store-task rules read it. */
export function pickLine(line: StoreTaskLine): PickLine {
  return {
    lineItemId: line.lineItemId,
    sku: line.sku,
    barcode: line.barcode,
    title: line.title,
    variantTitle: line.variantTitle,
    quantity: line.quantity,
    picked: line.picked,
    exception: line.exceptionReason,
    takenOff: line.takenOffAt !== null,
  };
}
