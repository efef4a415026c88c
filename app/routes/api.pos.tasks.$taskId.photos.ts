import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { PHOTO_MAX_BASE64_LENGTH } from "~/domain/store-tasks/task-photo";
import { posChange, posChangeOnly } from "~/services/store-tasks/pos-endpoint.server";
import { photoBody } from "~/services/store-tasks/pos-inputs";
import { addTaskPhoto } from "~/services/store-tasks/task-photos.server";

/**
 * POST /api/pos/tasks/:taskId/photos?locationId= { requestId, purpose, base64, width, height, type }
 * → { task, photo: { id, purpose, takenAt } }. A JPEG or PNG of at most 1.5 MB; larger is a 413.
 */
export const loader = ({ request }: LoaderFunctionArgs) => posChangeOnly(request);

/** The photo's base64 and room for the other fields. */
const MAX_BODY_BYTES = PHOTO_MAX_BASE64_LENGTH + 4 * 1024;

export const action = ({ request, params }: ActionFunctionArgs) =>
  posChange(request, photoBody, (caller, body) => addTaskPhoto(caller, params.taskId ?? "", body), {
    maxBodyBytes: MAX_BODY_BYTES,
  });
