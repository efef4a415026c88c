import { useState } from "preact/hooks";
import type { ExceptionReason } from "../api/contract";
import { TaskFrame } from "../components/TaskFrame";
import { host } from "../host";
import { useTaskWork } from "../hooks/task-work";

const REASONS: readonly { reason: ExceptionReason; label: string }[] = [
  { reason: "NOT_FOUND", label: "Can't find it" },
  { reason: "DAMAGED", label: "It's damaged" },
];

function isReason(value: unknown): value is ExceptionReason {
  return REASONS.some((entry) => entry.reason === value);
}

/**
 * An item that can't be sent: not found or damaged, with a note. Omniroute then moves that item
 * to another store (or holds the order) and tells the associate so.
 */
export function ExceptionScreen({ taskId, lineItemId }: { taskId: string; lineItemId?: string }) {
  const work = useTaskWork(taskId);
  const [lineId, setLineId] = useState<string | null>(lineItemId ?? null);
  const [reason, setReason] = useState<ExceptionReason | null>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { task } = work;
  const line = task?.lines.find((candidate) => candidate.lineItemId === lineId);

  const report = async () => {
    if (!line) return setProblem("Choose the item.");
    if (!reason) return setProblem("Choose what is wrong with it.");
    const outcome = await work.run(
      { kind: "exception", lineItemId: line.lineItemId, reason, note: note.trim() || undefined },
      `Report ${line.title}`,
    );
    if (outcome.status === "done") {
      host().toast.show("Reported. Omniroute is finding another store for it.");
      navigation.back();
    }
  };

  return (
    <TaskFrame heading="Problem with" work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <s-section heading="Which item?">
            <s-choice-list
              values={lineId ? [lineId] : []}
              onChange={(event) => setLineId(event.currentTarget.values?.[0] ?? null)}
            >
              {task.lines.map((candidate) => (
                <s-choice key={candidate.lineItemId} value={candidate.lineItemId}>
                  {candidate.variantTitle ? `${candidate.title} — ${candidate.variantTitle}` : candidate.title}
                </s-choice>
              ))}
            </s-choice-list>
          </s-section>
          <s-section heading="What's wrong?">
            <s-choice-list
              values={reason ? [reason] : []}
              onChange={(event) => {
                const chosen = event.currentTarget.values?.[0];
                setReason(isReason(chosen) ? chosen : null);
              }}
            >
              {REASONS.map((entry) => (
                <s-choice key={entry.reason} value={entry.reason}>
                  {entry.label}
                </s-choice>
              ))}
            </s-choice-list>
          </s-section>
          <s-text-area
            label="Note (optional)"
            value={note}
            onInput={(event) => setNote(event.currentTarget.value ?? "")}
          />
          {problem && <s-text tone="critical">{problem}</s-text>}
          <s-button variant="primary" tone="critical" disabled={work.sending} onClick={() => void report()}>
            Report problem
          </s-button>
        </s-stack>
      )}
    </TaskFrame>
  );
}
