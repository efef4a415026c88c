import { BackToQueue, NextStep } from "../components/NextStep";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading } from "../components/TaskHeading";
import { useNow } from "../hooks/now";
import { useTaskWork } from "../hooks/task-work";

/** Ready for pickup: Omniroute tells Shopify, which sends the customer its own "ready" email. */
export function ReadyScreen({ taskId }: { taskId: string }) {
  const work = useTaskWork(taskId);
  const now = useNow(30_000);
  const { task } = work;

  return (
    <TaskFrame heading="Ready" work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <TaskHeading task={task} now={now} />
          {task.bin && <s-text type="strong">{`Staged in bin ${task.bin}`}</s-text>}
          {task.state === "STAGED" && (
            <s-button
              variant="primary"
              disabled={work.sending}
              onClick={() => void work.run({ kind: "transition", to: "READY" }, "Mark ready")}
            >
              Mark ready for pickup
            </s-button>
          )}
          {task.state === "READY" && !task.pending && (
            <s-banner tone="success" heading="Ready for pickup">
              <s-text>Shopify lets the customer know their order is ready.</s-text>
            </s-banner>
          )}
          <NextStep task={task} here="Ready" />
          {task.state === "READY" && <BackToQueue />}
        </s-stack>
      )}
    </TaskFrame>
  );
}
