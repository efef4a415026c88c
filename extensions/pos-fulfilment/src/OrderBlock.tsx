import "@shopify/ui-extensions/preact";
import { render } from "preact";
import type { Task } from "./api/contract";
import { fetchOrderTask } from "./api/endpoints";
import { kindLabel, pendingLabel, stateLabel } from "./format";
import { useLoad } from "./hooks/load";

const BLOCK_REREAD_MS = 30_000;

function TaskStatus({ task }: { task: Task }) {
  const picked = task.lines.reduce((sum, line) => sum + line.picked, 0);
  const pending = pendingLabel(task);
  return (
    <s-stack direction="block" gap="small">
      <s-text type="strong">{`${kindLabel(task.kind)}: ${stateLabel(task.state)}`}</s-text>
      {task.bin && <s-text>{`Bin ${task.bin}`}</s-text>}
      <s-text>{`${picked} of ${task.units} items picked`}</s-text>
      {task.waiting && (
        <s-badge tone="critical">
          {task.waiting.spot ? `Customer waiting — spot ${task.waiting.spot}` : "Customer waiting"}
        </s-badge>
      )}
      {task.late && <s-badge tone="critical">Late</s-badge>}
      {pending && <s-text tone="info">{pending}</s-text>}
    </s-stack>
  );
}

/** On POS's own order screen: where Omniroute's store work on this order stands, and its handover. */
function OrderBlock() {
  const orderId = shopify.order.id;
  const loaded = useLoad(async () => ({ task: await fetchOrderTask(orderId) }), String(orderId), BLOCK_REREAD_MS);
  let content = <s-text color="subdued">Loading…</s-text>;
  if (loaded.error) content = <s-text tone="critical">{loaded.error.message}</s-text>;
  else if (loaded.data?.task) content = <TaskStatus task={loaded.data.task} />;
  else if (loaded.data) content = <s-text color="subdued">Omniroute has no store work for this order here.</s-text>;

  // The handover is this extension's order action (pos.order-details.action.render), which POS
  // opens over the order screen when the block asks.
  const readyToHandOver = loaded.data?.task?.state === "READY";
  return (
    <s-pos-block heading="Omniroute">
      {readyToHandOver && (
        <s-button slot="secondary-actions" onClick={() => shopify.action.presentModal()}>
          Hand over
        </s-button>
      )}
      <s-box padding="base">{content}</s-box>
    </s-pos-block>
  );
}

export default async () => {
  render(<OrderBlock />, document.body);
};
