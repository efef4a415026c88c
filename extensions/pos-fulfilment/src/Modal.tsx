import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { currentRoute } from "./routes";
import { ExceptionScreen } from "./screens/Exception";
import { HandoverScreen } from "./screens/Handover";
import { PackScreen } from "./screens/Pack";
import { PickScreen } from "./screens/Pick";
import { QueueScreen } from "./screens/Queue";
import { ReadyScreen } from "./screens/Ready";
import { ShipScreen } from "./screens/Ship";
import { StageScreen } from "./screens/Stage";

/** Each navigation renders this module afresh in its own sandbox; the route says which screen. */
function Modal() {
  const route = currentRoute();
  switch (route.screen) {
    case "Queue":
      return <QueueScreen initialView={route.view} />;
    case "Task":
      return <PickScreen taskId={route.taskId} />;
    case "Pack":
      return <PackScreen taskId={route.taskId} />;
    case "Stage":
      return <StageScreen taskId={route.taskId} />;
    case "Ready":
      return <ReadyScreen taskId={route.taskId} />;
    case "Handover":
      return <HandoverScreen expectedTaskId={route.taskId} />;
    case "Ship":
      return <ShipScreen taskId={route.taskId} />;
    case "Exception":
      return <ExceptionScreen taskId={route.taskId} lineItemId={route.lineItemId} />;
  }
}

export default async () => {
  render(<Modal />, document.body);
};
