import type { LoaderFunctionArgs } from "@remix-run/node";
import { posRead } from "~/services/store-tasks/pos-endpoint.server";
import { printLinkQuery } from "~/services/store-tasks/pos-inputs";
import { printLink } from "~/services/store-tasks/print.server";

/**
 * GET /api/pos/tasks/:taskId/print-link?locationId=&document=PICK_LIST|PACKING_SLIP → { src, expiresAt }
 * `src` is the path POS's Printing API loads (app/routes/print.store-task.ts), signed for this task.
 */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  posRead(request, printLinkQuery, (caller, query) =>
    printLink({ ...caller, staffMemberId: null }, params.taskId ?? "", query.document),
  );
