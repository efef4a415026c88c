import type { ComponentChildren } from "preact";
import type { TaskWork } from "../hooks/task-work";
import { ErrorBanner, KeptBanner, OfflineBanner, ShopifyPendingBanner, ShopifyProblemBanner } from "./Notices";

/**
 * A task screen's page: its heading, what the connection and the server say, and the screen's
 * own content once the task has been read.
 */
export function TaskFrame({
  heading,
  work,
  children,
}: {
  heading: string;
  work: TaskWork;
  children: ComponentChildren;
}) {
  const { task } = work;
  return (
    <s-page heading={task ? `${heading} ${task.orderName}` : heading}>
      <s-scroll-box>
        <s-stack direction="block" gap="base" padding="base">
          <OfflineBanner online={work.online} />
          <KeptBanner kept={work.kept} online={work.online} keptOnlyHere={work.keptOnlyHere} onRetry={work.retry} />
          <ErrorBanner error={work.error} onRetry={work.retry} />
          {task && <ShopifyProblemBanner task={task} />}
          {task && <ShopifyPendingBanner task={task} />}
          {task ? children : !work.error && <s-spinner accessibilityLabel="Loading the order" />}
        </s-stack>
      </s-scroll-box>
    </s-page>
  );
}
