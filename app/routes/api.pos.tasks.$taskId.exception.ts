import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { reportLineException } from "~/services/store-tasks/associate-actions.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { exceptionBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/tasks/:taskId/exception?locationId= { requestId, lineItemId, reason, note? } → { task } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, exceptionBody, (caller, body) => reportLineException(caller, params.taskId ?? "", body));
