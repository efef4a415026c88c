import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { confirmLine } from "~/services/store-tasks/associate-actions.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { confirmLineBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/tasks/:taskId/confirm-line?locationId= { requestId, lineItemId, quantity, reason } → { task } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, confirmLineBody, (caller, body) => confirmLine(caller, params.taskId ?? "", body));
