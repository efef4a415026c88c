import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { fetchOrderTask } from "./api/endpoints";
import { useLoad } from "./hooks/load";
import { ModalScreen } from "./ModalScreen";
import { routeFromState } from "./routes";
import { HandoverScreen } from "./screens/Handover";

/**
 * The order's handover, as the order block's "Hand over" opens it. When the order's task cannot
 * be read the screen still takes the customer's code: the code finds the order.
 */
function OrderHandover() {
  const orderId = shopify.order.id;
  const loaded = useLoad(async () => ({ task: await fetchOrderTask(orderId) }), String(orderId));
  if (!loaded.data && !loaded.error) {
    return (
      <s-page heading="Hand over">
        <s-box padding="base">
          <s-text color="subdued">Loading…</s-text>
        </s-box>
      </s-page>
    );
  }
  return <HandoverScreen expectedTaskId={loaded.data?.task?.id} />;
}

/**
 * POS opens this target when the order screen's block asks (`shopify.action.presentModal()`).
 * Its first screen has no navigation state: the order's handover. Every screen after it was
 * navigated to with its route, as in the home modal.
 */
export default async () => {
  const state = navigation.currentEntry.getState();
  render(state === undefined ? <OrderHandover /> : <ModalScreen route={routeFromState(state)} />, document.body);
};
