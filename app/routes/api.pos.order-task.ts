import type { LoaderFunctionArgs } from "@remix-run/node";
import { posRead } from "~/services/store-tasks/pos-endpoint.server";
import { orderTaskQuery } from "~/services/store-tasks/pos-inputs";
import { orderTask } from "~/services/store-tasks/task-reads.server";

/** GET /api/pos/order-task?locationId=&orderId= → { task: Task | null } (the POS order-details block) */
export const loader = ({ request }: LoaderFunctionArgs) =>
  posRead(request, orderTaskQuery, (caller, { orderId }) => orderTask({ ...caller, staffMemberId: null }, orderId));
