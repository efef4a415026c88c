import type { LoaderFunctionArgs } from "@remix-run/node";
import { addDocumentResponseHeaders, authenticate } from "~/shopify.server";

// Shopify's auth paths (/auth/*): the library answers them, by throwing what to send: a redirect,
// or a small HTML page of its own (the session-token bounce page, which loads App Bridge to fetch
// a token and load the page again; the exit-iframe page). With no component of its own this is a
// resource route, so that page is sent as the library wrote it: rendered through an error
// boundary, its markup did not survive hydration (React replaced the page and logged errors).
// A resource route's response skips entry.server, so the app's document headers are added here.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  try {
    await authenticate.admin(request);
  } catch (thrown) {
    if (thrown instanceof Response) addDocumentResponseHeaders(request, thrown.headers);
    throw thrown;
  }
  return null;
};
