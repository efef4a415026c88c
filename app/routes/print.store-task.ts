import type { LoaderFunctionArgs } from "@remix-run/node";
import { escapeHtml } from "~/services/store-tasks/print-documents";
import { printPage } from "~/services/store-tasks/print.server";

/**
 * GET /print/store-task?token= : the pick list or packing slip POS's Printing API loads. The
 * signed token (from /api/pos/tasks/:taskId/print-link) is the only proof: see print-links.server.ts.
 */

const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  // A print document runs no script and loads nothing but its own inline style and images.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
  // The link carries a token: not kept by caches, not passed on to other sites.
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
  "Access-Control-Allow-Origin": "*",
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const page = await printPage(new URL(request.url).searchParams.get("token"));
  const html =
    page.status === 200
      ? page.html
      : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not printed</title></head><body><p>${escapeHtml(page.message)}</p></body></html>`;
  return new Response(html, { status: page.status, headers: HEADERS });
};
