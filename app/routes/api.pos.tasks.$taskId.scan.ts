import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { scanForTask } from "~/services/store-tasks/associate-actions.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { scanBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/tasks/:taskId/scan?locationId= { requestId, code } → { task, line } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, scanBody, (caller, body) => scanForTask(caller, params.taskId ?? "", body));
