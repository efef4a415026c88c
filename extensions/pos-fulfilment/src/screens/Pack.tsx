import { LineList } from "../components/LineList";
import { NextStep } from "../components/NextStep";
import { PrintButtons } from "../components/PrintButtons";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading } from "../components/TaskHeading";
import { useNow } from "../hooks/now";
import { useTaskWork } from "../hooks/task-work";
import { go, routeForTask } from "../routes";

/** Packing: the picked items go into the bag or box; the pick clock stops here. */
export function PackScreen({ taskId }: { taskId: string }) {
  const work = useTaskWork(taskId);
  const now = useNow(30_000);
  const { task } = work;

  const pack = async () => {
    const outcome = await work.run({ kind: "transition", to: "PACKED" }, "Packed");
    if (outcome.status === "done") go(routeForTask(outcome.task));
  };

  return (
    <TaskFrame heading="Pack" work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <TaskHeading task={task} now={now} />
          <s-section heading={task.kind === "PICKUP" ? "Pack these for collection" : "Pack these for delivery"}>
            <LineList lines={task.lines} />
          </s-section>
          {task.state === "PICKING" && (
            <s-button variant="primary" disabled={work.sending} onClick={() => void pack()}>
              Items packed
            </s-button>
          )}
          <PrintButtons taskId={taskId} documents={["PACKING_SLIP"]} />
          <NextStep task={task} here="Pack" />
        </s-stack>
      )}
    </TaskFrame>
  );
}
