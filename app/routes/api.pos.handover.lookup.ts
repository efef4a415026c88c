import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { lookupHandover } from "~/services/store-tasks/handover-lookup.server";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { handoverLookupBody } from "~/services/store-tasks/pos-inputs";

/** POST /api/pos/handover/lookup?locationId= { requestId, code } | { requestId, orderName, lastName } → { task } */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

export const action = ({ request }: ActionFunctionArgs) =>
  posChange(request, handoverLookupBody, (caller, body) => lookupHandover(caller, body));
