import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { transitionTask } from "~/services/store-tasks/associate-actions.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { transitionBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/tasks/:taskId/transition?locationId= { requestId, to, … } → { task } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, transitionBody, (caller, body) => transitionTask(caller, params.taskId ?? "", body));
