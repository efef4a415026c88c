import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { recordFoundBinLocation } from "~/services/store-tasks/bin-locations.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { binLocationBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/tasks/:taskId/bin-location?locationId= { requestId, lineItemId, code } → { task } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, binLocationBody, (caller, body) => recordFoundBinLocation(caller, params.taskId ?? "", body));
