import type { Route } from "./routes";
import { ExceptionScreen } from "./screens/Exception";
import { HandoverScreen } from "./screens/Handover";
import { PackScreen } from "./screens/Pack";
import { PickScreen } from "./screens/Pick";
import { QueueScreen } from "./screens/Queue";
import { ReadyScreen } from "./screens/Ready";
import { ShipScreen } from "./screens/Ship";
import { StageScreen } from "./screens/Stage";

/**
 * The screen a route names. The home modal and the order screen's action open the same screens,
 * so a handover begun from an order goes on (back to the queue, the next order) as from the tile.
 */
export function ModalScreen({ route }: { route: Route }) {
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
