import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { ModalScreen } from "./ModalScreen";
import { currentRoute } from "./routes";

/** Each navigation renders this module afresh in its own sandbox; the route says which screen. */
export default async () => {
  render(<ModalScreen route={currentRoute()} />, document.body);
};
