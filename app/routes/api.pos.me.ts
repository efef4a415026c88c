import type { LoaderFunctionArgs } from "@remix-run/node";
import { posRead } from "~/services/store-tasks/pos-endpoint.server";
import { meQuery } from "~/services/store-tasks/pos-inputs";
import { staffDay } from "~/services/store-tasks/task-reads.server";

/** GET /api/pos/me?locationId=&staffMemberId= → { picksToday, medianPickSeconds, targetSeconds } */
export const loader = ({ request }: LoaderFunctionArgs) =>
  posRead(request, meQuery, (caller, query) => staffDay({ ...caller, staffMemberId: query.staffMemberId ?? null }));
