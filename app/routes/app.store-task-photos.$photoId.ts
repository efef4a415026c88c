import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { taskPhotoImage } from "~/services/store-tasks/task-photos.server";

/**
 * GET /app/store-task-photos/:photoId : a photo an associate took (an exception's item, a
 * delivery's proof), for the order page's store timeline, which fetches it with the admin's
 * session token. Another shop's photo, or an id that is none, is a 404.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const photo = await taskPhotoImage(session.shop, params.photoId ?? "");
  if (!photo) {
    return new Response("No such photo", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    });
  }
  return new Response(photo.bytes, {
    headers: {
      // Kept as the image type its bytes are (JPEG or PNG), so the browser shows it as that and nothing else.
      "Content-Type": photo.contentType,
      "X-Content-Type-Options": "nosniff",
      // A customer's door or order: the merchant's browser may keep it, shared caches may not.
      "Cache-Control": "private, max-age=3600",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
};
