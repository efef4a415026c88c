import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";

/**
 * What a client could send instead of what the app's own surfaces send, for the sweep of every
 * route (app/routes/routes-hostile-input.test.ts): the route modules found on disk, the auth
 * scheme each is called with, hostile values for query and route parameters, hostile bodies,
 * how a handler's answer (or throw) becomes a status, and a fingerprint of the database to show
 * that a refused request wrote nothing.
 */

export const ROUTES_DIR = "app/routes";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
export interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

/**
 * Every route module Remix serves: a file directly in app/routes (tests left out), or a folder's
 * route.tsx / route.ts. Component files inside route folders are not routes.
 */
export function routeModuleFiles(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((entry) => !/\.test\.tsx?$/.test(entry))
    .flatMap((entry) => {
      const full = path.join(ROUTES_DIR, entry);
      if (!fs.statSync(full).isDirectory()) return /\.tsx?$/.test(entry) ? [entry] : [];
      return ["route.tsx", "route.ts"]
        .map((name) => path.join(entry, name))
        .filter((file) => fs.existsSync(path.join(ROUTES_DIR, file)));
    })
    .sort();
}

/** The route's path segments in Remix's flat-routes naming: `app.orders.$orderId.tsx` → `app.orders.$orderId`. */
export function routeIdOf(file: string): string {
  return file.replace(/\/route\.tsx?$/, "").replace(/\.tsx?$/, "");
}

/** Who may call a route, and how a call proves it. */
export type Scheme =
  | "ADMIN" // the embedded admin's session token (Bearer) or Shopify's OAuth
  | "POS" // a POS session token, the device's locationId in the query
  | "CHECKOUT" // a checkout extension's session token
  | "CUSTOMER_ACCOUNT" // a customer account extension's session token
  | "APP_PROXY" // Shopify's app proxy signature over the query
  | "SHOPIFY_WEBHOOK" // X-Shopify-Hmac-Sha256 over the body
  | "TWILIO" // X-Twilio-Signature with the shop's auth token
  | "SENDGRID" // SendGrid's ECDSA signature with the shop's key
  | "PICKUP_PASS" // the signed token in the path
  | "PRINT_LINK" // the signed token in the query
  | "PUBLIC"; // nothing to prove: the landing page and the login form

const SCHEMES: [RegExp, Scheme][] = [
  [/^app(\.|$)/, "ADMIN"],
  [/^auth\.\$$/, "ADMIN"],
  [/^api\.pos\./, "POS"],
  [/^api\.checkout\./, "CHECKOUT"],
  [/^api\.customer-account\./, "CUSTOMER_ACCOUNT"],
  [/^apps\.omniroute\./, "APP_PROXY"],
  [/^webhooks\.twilio\./, "TWILIO"],
  [/^webhooks\.sendgrid\./, "SENDGRID"],
  [/^webhooks\./, "SHOPIFY_WEBHOOK"],
  [/^pickup\.\$token$/, "PICKUP_PASS"],
  [/^print\.store-task$/, "PRINT_LINK"],
  [/^(_index|auth\.login)$/, "PUBLIC"],
];

/** The scheme a route is called with; null for a route no scheme knows (the sweep fails on it). */
const schemes = new Map<string, Scheme | null>();
export function schemeOf(file: string): Scheme | null {
  if (!schemes.has(file)) schemes.set(file, readSchemeOf(file));
  return schemes.get(file) ?? null;
}

function readSchemeOf(file: string): Scheme | null {
  const id = routeIdOf(file);
  const scheme = SCHEMES.find(([pattern]) => pattern.test(id))?.[1] ?? null;
  // Another vendor's webhooks under webhooks.* are not Shopify's: only a route that goes through
  // the Shopify receiver is swept as one; any other is unknown until the sweep learns its signature.
  if (
    scheme === "SHOPIFY_WEBHOOK" &&
    !fs.readFileSync(path.join(ROUTES_DIR, file), "utf8").includes("receiveWebhook(")
  ) {
    return null;
  }
  return scheme;
}

/** The Shopify topic a `webhooks.*` route receives: `webhooks.orders.create` → `orders/create`. */
export function webhookTopicOf(file: string): string {
  return routeIdOf(file)
    .replace(/^webhooks\./, "")
    .replace(".", "/");
}

/** Every `$name` of the route's path, given `value`. */
export function routeParams(file: string, value: string): Record<string, string> {
  return Object.fromEntries([...routeIdOf(file).matchAll(/\$(\w+)/g)].map((match) => [match[1]!, value]));
}

/**
 * A hostile value as it arrives in a query string (`raw`, percent-encoded as a client may send it,
 * lone surrogates and NULs included) and as Remix hands it to a route parameter (`param`).
 */
export interface HostileValue {
  name: string;
  raw: string;
  param: string;
}

const LONG = "x".repeat(5_000);
export const HOSTILE_VALUES: HostileValue[] = [
  { name: "a word", raw: "garbage", param: "garbage" },
  { name: "40 nines", raw: "9".repeat(40), param: "9".repeat(40) },
  { name: "1e309", raw: "1e309", param: "1e309" },
  { name: "negative", raw: "-1", param: "-1" },
  { name: "empty", raw: "", param: "" },
  {
    name: "a UUID of nothing",
    raw: "00000000-0000-4000-8000-000000000000",
    param: "00000000-0000-4000-8000-000000000000",
  },
  { name: "an RTL mark", raw: "%E2%80%AEevil", param: "\u202Eevil" },
  { name: "an emoji", raw: "%F0%9F%92%A9", param: "\u{1F4A9}" },
  { name: "a lone surrogate", raw: "%ED%A0%80", param: "\uD800" },
  { name: "a NUL byte", raw: "a%00b", param: "a\u0000b" },
  { name: "5,000 characters", raw: LONG, param: LONG },
  { name: "SQL", raw: "'%20OR%20'1'%3D'1", param: "' OR '1'='1" },
  { name: "a path", raw: "..%2F..%2Fetc%2Fpasswd", param: "../../etc/passwd" },
  { name: "broken percent-encoding", raw: "%E0%A4%A", param: "%E0%A4%A" },
];

/** The query parameters the app's routes read, each of which gets the hostile value. */
export const QUERY_NAMES = [
  "cursor",
  "direction",
  "id",
  "orderId",
  "taskId",
  "status",
  "view",
  "document",
  "token",
  "staffMemberId",
  "variantId",
  "quantity",
  "zip",
  "limit",
  "period",
  "flag",
  "moves",
  "channel",
  "q",
  "page",
  "tab",
];

/** Query strings of hostile values: every name given the value, repeated names, and names that are none. */
export function hostileQueries(value: HostileValue, names: readonly string[] = QUERY_NAMES): string[] {
  return [
    names.map((name) => `${name}=${value.raw}`).join("&"),
    names.map((name) => `${name}=${value.raw}&${name}=1&${name}=`).join("&"),
  ];
}

/** Hostile query strings that are not about one value: empties, repeats, names without values. */
export const ODD_QUERIES = ["=&&&=x&%00=%00", "cursor&id&orderId", QUERY_NAMES.map((name) => `${name}=`).join("&")];

/**
 * The form fields and intents an admin page's own forms post, read from its source (the route
 * module and, for a route folder, its components): `name="…"` attributes, `form.get("…")` reads,
 * string keys of field lists, and the values compared with `intent`. A field added to a page joins
 * the sweep with it.
 */
export function formVocabularyOf(file: string): { fields: string[]; intents: string[] } {
  const folder = path.dirname(path.join(ROUTES_DIR, file));
  const sources =
    folder === ROUTES_DIR
      ? [path.join(ROUTES_DIR, file)]
      : fs
          .readdirSync(folder)
          .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
          .map((name) => path.join(folder, name));
  const text = sources.map((source) => fs.readFileSync(source, "utf8")).join("\n");
  const all = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);
  const fields = new Set([...all(/\bname="([\w[\].-]+)"/g), ...all(/\.get(?:All)?\("([\w[\].-]+)"\)/g), "intent"]);
  const intents = new Set([
    ...all(/intent"?\)?\s*[!=]==\s*"([\w-]+)"/g),
    ...all(/name="intent"\s+value="([\w-]+)"/g),
    ...all(/intent:\s*"([\w-]+)"/g),
  ]);
  return { fields: [...fields].sort(), intents: [...intents].sort() };
}

export interface HostileBody {
  name: string;
  contentType: string | null;
  body: string;
}

const BOUNDARY = "----omniroute-sweep";
const TWO_MB = 2 * 1024 * 1024;
export const HOSTILE_BODIES: HostileBody[] = [
  { name: "no body", contentType: null, body: "" },
  { name: "an empty JSON body", contentType: "application/json", body: "" },
  {
    name: "JSON where a form is expected",
    contentType: "application/json",
    body: JSON.stringify({ intent: "save", locationId: "1", id: "garbage" }),
  },
  {
    name: "a form where JSON is expected",
    contentType: "application/x-www-form-urlencoded",
    body: "requestId=x&to=PICKING&lines=1&orderId=1",
  },
  { name: "broken JSON", contentType: "application/json", body: '{"requestId": ' },
  { name: "JSON null", contentType: "application/json", body: "null" },
  { name: "a JSON string", contentType: "application/json", body: '"x"' },
  { name: "JSON 5,000 deep", contentType: "application/json", body: "[".repeat(5_000) + "]".repeat(5_000) },
  { name: "multipart without a boundary", contentType: "multipart/form-data", body: "no boundary" },
  {
    name: "truncated multipart",
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-da`,
  },
  {
    name: "a form with broken percent-encoding and NULs",
    contentType: "application/x-www-form-urlencoded",
    body: "intent=%E0%A4%A&locationId=%00&=&&&id=%ED%A0%80",
  },
  {
    name: "a form of nonsense",
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({
      intent: "retry-dead-letter",
      id: "garbage",
      orderId: "' OR 1=1",
      kind: "?",
      cursor: "9".repeat(40),
    }).toString(),
  },
  { name: "text", contentType: "text/plain", body: "\u0000\uFFFD hello" },
  { name: "2 MB of JSON", contentType: "application/json", body: `{"a":"${"x".repeat(TWO_MB)}"}` },
  {
    name: "a 2 MB form",
    contentType: "application/x-www-form-urlencoded",
    body: `intent=save&x=${"x".repeat(TWO_MB)}`,
  },
];

export interface Answer {
  status: number;
  /** The answer's text (a Response's body, or a route's data as JSON); for a 5xx, what was thrown. */
  text: string;
}

function isDataWithInit(
  value: unknown,
): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function answerOf(value: unknown): Promise<Answer> {
  if (value instanceof Response) {
    const text = value.body ? await value.text().catch(() => "") : "";
    return { status: value.status, text };
  }
  if (isDataWithInit(value)) return { status: value.init?.status ?? 200, text: JSON.stringify(value.data) ?? "" };
  return { status: 200, text: JSON.stringify(value) ?? "" };
}

/** What Remix would answer: a returned or thrown Response (or `data()`), else a thrown error's 500. */
export async function callHandler(handler: Handler, request: Request, params: Record<string, string>): Promise<Answer> {
  try {
    return await answerOf(await handler({ request, params, context: {} }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return answerOf(thrown);
    return {
      status: 500,
      text: thrown instanceof Error ? `${thrown.name}: ${thrown.message}`.slice(0, 300) : String(thrown),
    };
  }
}

export async function loadRoute(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.resolve(ROUTES_DIR, file))) as RouteModule;
}

/** pg-boss's own bookkeeping (when maintenance last ran): changes with time, not with requests. */
const UNFINGERPRINTED = new Set(["pgboss.version"]);

/**
 * Each table's row count and an md5 of its rows (the app's tables and pg-boss's jobs), in one
 * statement: two fingerprints differ exactly when some row was written, changed or removed.
 */
export async function databaseFingerprint(prisma: PrismaClient): Promise<Map<string, string>> {
  const rows = await prisma.$queryRawUnsafe<{ name: string; digest: string }[]>(`
    SELECT n.nspname || '.' || c.relname AS name,
           query_to_xml(format(
             'SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E''\\n'' ORDER BY t::text), '''')) AS h FROM %I.%I t',
             n.nspname, c.relname), false, true, '')::text AS digest
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname IN ('public', 'pgboss')
     ORDER BY 1`);
  return new Map(rows.filter((row) => !UNFINGERPRINTED.has(row.name)).map((row) => [row.name, row.digest]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
