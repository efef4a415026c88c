import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { posRead } from "~/services/store-tasks/pos-endpoint.server";
import { taskDetail } from "~/services/store-tasks/task-reads.server";

/** GET /api/pos/tasks/:taskId?locationId= → { task } */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  posRead(request, z.object({}), (caller) => taskDetail({ ...caller, staffMemberId: null }, params.taskId ?? ""));
