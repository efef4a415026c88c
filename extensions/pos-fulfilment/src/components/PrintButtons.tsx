import { useState } from "preact/hooks";
import { PosApiError } from "../api/client";
import { fetchPrintLink, type PrintDocument } from "../api/endpoints";
import { host, modalHost } from "../host";

const LABELS: Readonly<Record<PrintDocument, { button: string; name: string }>> = {
  PICK_LIST: { button: "Print pick list", name: "Pick list" },
  PACKING_SLIP: { button: "Print packing slip", name: "Packing slip" },
};

/**
 * The task's paper through POS's Printing API: the app signs a short-lived link for this task
 * (the task id alone prints nothing) and POS loads and prints it, on the chosen printer or the
 * system dialog.
 */
export function PrintButtons({ taskId, documents }: { taskId: string; documents: readonly PrintDocument[] }) {
  const [printing, setPrinting] = useState<PrintDocument | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const print = async (document: PrintDocument) => {
    setPrinting(document);
    setProblem(null);
    try {
      const src = await fetchPrintLink(taskId, document);
      await modalHost().printing.print(src);
      host().toast.show(`${LABELS[document].name} sent to print`);
    } catch (error) {
      setProblem(
        error instanceof PosApiError ? error.message : "POS could not print it. Check the printer, then try again.",
      );
    } finally {
      setPrinting(null);
    }
  };

  return (
    <s-stack direction="block" gap="small">
      <s-stack direction="inline" gap="small">
        {documents.map((document) => (
          <s-button key={document} disabled={printing !== null} onClick={() => void print(document)}>
            {LABELS[document].button}
          </s-button>
        ))}
      </s-stack>
      {problem && (
        <s-banner tone="critical" heading="Not printed">
          <s-text>{problem}</s-text>
        </s-banner>
      )}
    </s-stack>
  );
}
