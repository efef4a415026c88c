import { useState } from "preact/hooks";
import type { MyDay, QueueCounts, QueueView, TaskSummary } from "../api/contract";
import { fetchMyDay, fetchQueue } from "../api/endpoints";
import { ErrorBanner, OfflineBanner } from "../components/Notices";
import { TaskBadges, taskTimes, taskTitle } from "../components/TaskHeading";
import { duration, pendingLabel, plural } from "../format";
import { useOnline } from "../hooks/connectivity";
import { useLoad } from "../hooks/load";
import { useNow } from "../hooks/now";
import { inWorkOrder } from "../queue-order";
import { go, isQueueView, routeForTask } from "../routes";

const QUEUE_REREAD_MS = 20_000;

const VIEWS: readonly { view: QueueView; label: string; count: keyof QueueCounts; empty: string }[] = [
  { view: "TO_PICK", label: "To pick", count: "toPick", empty: "Nothing to pick" },
  { view: "READY", label: "Ready", count: "ready", empty: "No orders waiting for collection" },
  { view: "TO_SHIP", label: "To ship", count: "toShip", empty: "Nothing to ship" },
];

function MyDayLine({ day }: { day: MyDay | null }) {
  if (!day) return null;
  const median = day.medianPickSeconds === null ? "" : ` · median pick ${duration(day.medianPickSeconds)}`;
  return (
    <s-text color="subdued">{`Your picks today: ${day.picksToday}${median} · target ${duration(day.targetSeconds)}`}</s-text>
  );
}

function TaskRow({ task, now }: { task: TaskSummary; now: number }) {
  const pending = pendingLabel(task);
  return (
    <s-clickable onClick={() => go(routeForTask(task))}>
      <s-box padding="small">
        <s-stack direction="block" gap="small">
          <s-text type="strong">{taskTitle(task)}</s-text>
          <TaskBadges task={task} />
          {pending && <s-text tone="info">{pending}</s-text>}
          <s-text color="subdued">{taskTimes(task, now)}</s-text>
        </s-stack>
      </s-box>
    </s-clickable>
  );
}

/** The store's online orders, in the order to work them: customers waiting, then late, then due. */
export function QueueScreen({ initialView }: { initialView?: QueueView }) {
  const online = useOnline();
  const now = useNow(30_000);
  const [view, setView] = useState<QueueView>(initialView ?? "TO_PICK");
  const queue = useLoad(() => fetchQueue(view), `${view}:${online}`, QUEUE_REREAD_MS);
  const myDay = useLoad(fetchMyDay, "me");
  const counts = queue.data?.counts;
  const tasks = queue.data ? inWorkOrder(queue.data.tasks) : null;
  const current = VIEWS.find((entry) => entry.view === view) ?? VIEWS[0]!;

  return (
    <s-page heading="Online orders">
      <s-button slot="secondary-actions" onClick={() => go({ screen: "Handover" })}>
        Hand over
      </s-button>
      <s-scroll-box>
        <s-stack direction="block" gap="base" padding="base">
          <OfflineBanner online={online} />
          <ErrorBanner error={queue.error} onRetry={queue.reload} />
          <MyDayLine day={myDay.data} />
          <s-tabs
            value={view}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (isQueueView(chosen)) setView(chosen);
            }}
          >
            <s-tab-list>
              {VIEWS.map((entry) => (
                <s-tab key={entry.view} controls={entry.view}>
                  {counts ? `${entry.label} (${counts[entry.count]})` : entry.label}
                </s-tab>
              ))}
            </s-tab-list>
            {VIEWS.map((entry) => (
              <s-tab-panel key={entry.view} id={entry.view}>
                {entry.view === view && tasks && tasks.length === 0 && (
                  <s-empty-state heading={current.empty} subheading="New online orders for this store appear here." />
                )}
                {entry.view === view &&
                  tasks?.map((task) => (
                    <s-stack key={task.id} direction="block">
                      <TaskRow task={task} now={now} />
                      <s-divider />
                    </s-stack>
                  ))}
                {entry.view === view && tasks && queue.data && queue.data.more > 0 && (
                  <s-text tone="neutral">
                    {`${plural(queue.data.more, "more order", "more orders")} after these: the most urgent are listed first.`}
                  </s-text>
                )}
                {entry.view === view && !tasks && !queue.error && <s-spinner accessibilityLabel="Loading orders" />}
              </s-tab-panel>
            ))}
          </s-tabs>
        </s-stack>
      </s-scroll-box>
    </s-page>
  );
}
