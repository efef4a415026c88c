import { useState } from "preact/hooks";
import { NextStep } from "../components/NextStep";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading } from "../components/TaskHeading";
import { useNow } from "../hooks/now";
import { useCameraScanner, useScans } from "../hooks/scanner";
import { useTaskWork } from "../hooks/task-work";
import { go, routeForTask } from "../routes";

/** Staging: the packed order goes on a shelf or in a bin, typed or scanned, shown at handover. */
export function StageScreen({ taskId }: { taskId: string }) {
  const work = useTaskWork(taskId);
  const now = useNow(30_000);
  const { cameraOn, toggleCamera } = useCameraScanner();
  const [bin, setBin] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { task } = work;
  useScans((code) => {
    setBin(code);
    setProblem(null);
  });

  const stage = async () => {
    const code = bin.trim();
    if (!code) return setProblem("Type or scan the bin or shelf code.");
    const outcome = await work.run({ kind: "transition", to: "STAGED", bin: code }, `Stage in ${code}`);
    if (outcome.status === "done") go(routeForTask(outcome.task));
  };

  return (
    <TaskFrame heading="Stage" work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <TaskHeading task={task} now={now} />
          {task.state === "PACKED" && (
            <s-section heading="Where is it going?">
              <s-stack direction="block" gap="small">
                <s-text-field
                  label="Bin or shelf"
                  value={bin}
                  error={problem ?? undefined}
                  onInput={(event) => {
                    setBin(event.currentTarget.value ?? "");
                    setProblem(null);
                  }}
                />
                <s-button onClick={toggleCamera}>{cameraOn ? "Hide camera" : "Scan the bin label"}</s-button>
                <s-button variant="primary" disabled={work.sending} onClick={() => void stage()}>
                  Stage here
                </s-button>
              </s-stack>
            </s-section>
          )}
          <NextStep task={task} here="Stage" />
        </s-stack>
      )}
    </TaskFrame>
  );
}
