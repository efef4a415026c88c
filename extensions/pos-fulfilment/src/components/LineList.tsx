import type { TaskLine } from "../api/contract";

/** The order's items as a short list: "2 × Mug — Blue". */
export function LineList({ lines }: { lines: readonly TaskLine[] }) {
  return (
    <s-stack direction="block" gap="small">
      {lines.map((line) => (
        <s-text key={line.lineItemId}>
          {`${line.picked} × ${line.title}${line.variantTitle ? ` — ${line.variantTitle}` : ""}`}
        </s-text>
      ))}
    </s-stack>
  );
}
