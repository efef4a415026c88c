import type { LoaderFunctionArgs } from "@remix-run/node";
import { posRead } from "~/services/store-tasks/pos-endpoint.server";
import { queueQuery } from "~/services/store-tasks/pos-inputs";
import { locationQueue } from "~/services/store-tasks/task-reads.server";

/** GET /api/pos/queue?locationId=&view=TO_PICK|READY|TO_SHIP → { counts, tasks } */
export const loader = ({ request }: LoaderFunctionArgs) =>
  posRead(request, queueQuery, (caller, { view }) => locationQueue({ ...caller, staffMemberId: null }, view));
