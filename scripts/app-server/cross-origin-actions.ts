import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";

/**
 * Remix refuses an action on a page (a document request: POST, PUT, PATCH or DELETE to a route
 * with a UI) whose Origin is not the host it was sent to, as a likely CSRF attack, but it answers
 * that refusal, and an Origin it cannot parse, with a bare 500. A client's request is never a 500
 * here: the server asks this first and answers 403 (or 400) with a reason. Resource routes (the
 * extensions' APIs, webhooks) are left alone: checkout and POS call them across origins by design.
 */

const ACTION_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type RouteTree = AgnosticRouteObject[];

/** The build's routes as the router matches them, each leaf knowing whether it renders a page. */
export function pageRouteMatcher(build: Pick<ServerBuild, "routes">): (pathname: string) => boolean {
  const routes = Object.values(build.routes).filter((route) => route !== undefined);
  const childrenOf = (parentId: string | undefined): RouteTree =>
    routes
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
          : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: childrenOf(route.id) },
      );
  const tree = childrenOf(undefined);
  return (pathname) => {
    const leaf = matchRoutes(tree, pathname)?.at(-1)?.route.id;
    // No match is Remix's 404 page: a document too.
    return leaf === undefined || build.routes[leaf]?.module.default !== undefined;
  };
}

/** The host the request was sent to, as Remix reads it: X-Forwarded-Host first, then Host. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The answer to an action on a page from another origin, or null to let Remix handle the request. */
export function crossOriginActionRefusal(
  request: Request,
  isPageRoute: (pathname: string) => boolean,
): Response | null {
  if (!ACTION_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const pathname = new URL(request.url).pathname;
  // Single fetch's data requests (`/page.data`) and resource routes carry no such check in Remix.
  if (pathname.endsWith(".data") || !isPageRoute(pathname)) return null;
  // A sandboxed frame or a privacy redirect sends "null": Remix refuses it too.
  const from = origin === "null" ? "null" : originHost(origin);
  if (from === null) return refusal(400, "The Origin header is not a URL");
  if (from !== requestHost(request.headers)) {
    return refusal(403, "This form can only be sent from the page it belongs to");
  }
  return null;
}

function refusal(status: 400 | 403, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
