import { useState } from "preact/hooks";
import type { ExceptionReason } from "../api/contract";
import { PhotoField } from "../components/PhotoField";
import { TaskFrame } from "../components/TaskFrame";
import { host } from "../host";
import { usePhotoCapture } from "../hooks/camera";
import { useTaskWork } from "../hooks/task-work";

const REASONS: readonly { reason: ExceptionReason; label: string }[] = [
  { reason: "NOT_FOUND", label: "Can't find it" },
  { reason: "DAMAGED", label: "It's damaged" },
];

function isReason(value: unknown): value is ExceptionReason {
  return REASONS.some((entry) => entry.reason === value);
}

/**
 * An item that can't be sent: not found or damaged, with a note and an optional photo. Omniroute
 * then moves that item to another store (or holds the order) and tells the associate so. The photo
 * goes out after the report, kept on the device like it when POS is offline.
 */
export function ExceptionScreen({ taskId, lineItemId }: { taskId: string; lineItemId?: string }) {
  const work = useTaskWork(taskId);
  const [lineId, setLineId] = useState<string | null>(lineItemId ?? null);
  const [reason, setReason] = useState<ExceptionReason | null>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const capture = usePhotoCapture();
  const { task } = work;
  const line = task?.lines.find((candidate) => candidate.lineItemId === lineId);

  const report = async () => {
    if (!line) return setProblem("Choose the item.");
    if (!reason) return setProblem("Choose what is wrong with it.");
    const outcome = await work.run(
      { kind: "exception", lineItemId: line.lineItemId, reason, note: note.trim() || undefined },
      `Report ${line.title}`,
    );
    if (outcome.status === "refused") return;
    const { photo } = capture;
    const photoOutcome = photo
      ? await work.run({ kind: "photos", purpose: "EXCEPTION", ...photo }, `Photo of ${line.title}`)
      : null;
    if (outcome.status !== "done" || photoOutcome?.status === "kept") return;
    // The report stands without its photo: the associate is told, not held on this screen.
    const photoNote =
      photoOutcome?.status === "refused" ? ` The photo was not saved: ${photoOutcome.error.message}` : "";
    host().toast.show(`Reported. Omniroute is finding another store for it.${photoNote}`);
    navigation.back();
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
          <PhotoField heading="Photo (optional)" capture={capture} />
          {problem && <s-text tone="critical">{problem}</s-text>}
          <s-button variant="primary" tone="critical" disabled={work.sending} onClick={() => void report()}>
            Report problem
          </s-button>
        </s-stack>
      )}
    </TaskFrame>
  );
}
