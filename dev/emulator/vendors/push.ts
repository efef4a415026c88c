import {
  authorizationCredentials,
  isRecord,
  jsonResponse,
  parseJsonBody,
  type EmulatorRequest,
  type EmulatorResponse,
} from "./http-types";
import { type OutboxRecord, type OutboxSource } from "./outbox";
import { SeededRandom } from "../../seeded-random";

/**
 * A stand-in for a OneSignal-style push API: `POST /api/v1/notifications` (and the current
 * `/notifications`) with `Authorization: Key <REST API key>` (or `Basic <key>`, as older OneSignal
 * took it), recipients by external id, `contents` per language. Answers OneSignal's shapes:
 * `{ id, external_id }` on success, `{ errors: [...] }` when the request is wrong, and a 200 with
 * `errors.invalid_aliases` naming recipients it does not know.
 *
 * Idempotent requests, as OneSignal documents them
 * (https://documentation.onesignal.com/reference/idempotent-notification-requests): a request
 * carrying an `idempotency_key` (formerly `external_id`; a UUID) that an earlier request of the
 * same app already used within 30 days gets that earlier request's answer again, and nothing is
 * sent a second time.
 */
export type PushSandboxOptions = {
  appId: string;
  restApiKey: string;
  /**
   * The external ids that have a subscribed device. Unset means everyone has one; set it to see
   * how the app handles recipients without a device.
   */
  subscribedExternalIds?: Iterable<string>;
  now?: () => Date;
  seed?: number;
};

/** How long OneSignal remembers an idempotency key. */
export const IDEMPOTENCY_WINDOW_MS = 30 * 24 * 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET_CHANNELS = ["push", "email", "sms"];

export type PushNotificationRecord = {
  id: string;
  at: Date;
  externalIds: string[];
  heading: string | undefined;
  contents: string;
  url: string | undefined;
  data: unknown;
  request: Record<string, unknown>;
};

export class PushSandbox implements OutboxSource {
  private readonly now: () => Date;
  private readonly random: SeededRandom;
  private readonly notifications: PushNotificationRecord[] = [];
  private subscribed: Set<string> | undefined;
  /** Each idempotency key's first answer, and when it was given. */
  private readonly answered = new Map<string, { at: Date; response: EmulatorResponse }>();

  constructor(private readonly options: PushSandboxOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = new SeededRandom(options.seed);
    this.subscribed = options.subscribedExternalIds ? new Set(options.subscribedExternalIds) : undefined;
  }

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const path = request.path.replace(/\/$/, "");
    if (path !== "/api/v1/notifications" && path !== "/notifications") {
      return jsonResponse(404, { errors: ["Not Found"] });
    }
    if (request.method !== "POST") return jsonResponse(405, { errors: ["Method Not Allowed"] });
    const key = authorizationCredentials(request, "Key") ?? authorizationCredentials(request, "Basic");
    if (key !== this.options.restApiKey) {
      return jsonResponse(403, {
        errors: [
          "Access denied.  Please include an 'Authorization: Key YOUR_REST_API_KEY' header with a valid API key.",
        ],
      });
    }
    const parsed = parseJsonBody(request.body);
    if (!parsed.ok || !isRecord(parsed.value)) return badRequest("Invalid JSON body.");
    return this.create(parsed.value);
  }

  list(): PushNotificationRecord[] {
    return [...this.notifications];
  }

  outbox(): OutboxRecord[] {
    return this.notifications.flatMap((notification) =>
      notification.externalIds.map((externalId) => ({
        channel: "push" as const,
        id: notification.id,
        to: externalId,
        ...(notification.heading !== undefined ? { subject: notification.heading } : {}),
        body: notification.contents,
        at: notification.at,
        status: "sent",
        raw: notification.request,
      })),
    );
  }

  clear(): void {
    this.notifications.length = 0;
    this.answered.clear();
  }

  /** Changes who has a subscribed device; `undefined` means everyone. */
  setSubscribedExternalIds(externalIds: Iterable<string> | undefined): void {
    this.subscribed = externalIds ? new Set(externalIds) : undefined;
  }

  private create(body: Record<string, unknown>): EmulatorResponse {
    const key = body["idempotency_key"] ?? body["external_id"];
    if (key !== undefined && key !== null && (typeof key !== "string" || !UUID.test(key))) {
      return badRequest("idempotency_key must be a valid UUID (RFC 9562).");
    }
    if (typeof key !== "string") return this.createOnce(body, null);
    const now = this.now();
    const earlier = this.answered.get(key);
    if (earlier && now.getTime() - earlier.at.getTime() < IDEMPOTENCY_WINDOW_MS) return earlier.response;
    const before = this.notifications.length;
    const response = this.createOnce(body, key);
    // A refused request, or one nobody could receive, created nothing: the docs keep a key only
    // once it is "in our database" with its notification, so the same key may be used again.
    if (this.notifications.length > before) this.answered.set(key, { at: now, response });
    return response;
  }

  private createOnce(body: Record<string, unknown>, idempotencyKey: string | null): EmulatorResponse {
    if (body["app_id"] !== this.options.appId) {
      return badRequest("app_id not found. You may be missing a Content-Type: application/json header.");
    }
    const contents = body["contents"];
    const english = isRecord(contents) ? contents["en"] : undefined;
    if (typeof english !== "string" || english === "") {
      return badRequest("Message Notifications must have English language content");
    }
    const channel = body["target_channel"];
    if (channel !== undefined && (typeof channel !== "string" || !TARGET_CHANNELS.includes(channel))) {
      return badRequest("target_channel must be one of push, email or sms.");
    }
    const externalIds = targetExternalIds(body);
    if (externalIds === undefined) {
      return badRequest("You must include which players, segments, or tags you wish to send this notification to.");
    }

    const known = this.subscribed;
    const reachable = known ? externalIds.filter((id) => known.has(id)) : externalIds;
    const unknown = externalIds.filter((id) => !reachable.includes(id));
    const invalid = unknown.length > 0 ? { errors: { invalid_aliases: { external_id: unknown } } } : {};
    // With nobody to send to, OneSignal creates nothing and answers an empty id.
    if (reachable.length === 0) return jsonResponse(200, { id: "", external_id: idempotencyKey, ...invalid });

    const headings = body["headings"];
    const heading = isRecord(headings) && typeof headings["en"] === "string" ? headings["en"] : undefined;
    const record: PushNotificationRecord = {
      id: this.random.uuid(),
      at: this.now(),
      externalIds: reachable,
      heading,
      contents: english,
      url: typeof body["url"] === "string" ? body["url"] : undefined,
      data: body["data"],
      request: body,
    };
    this.notifications.push(record);
    return jsonResponse(200, { id: record.id, external_id: idempotencyKey, ...invalid });
  }
}

/** The external ids a request targets, or `undefined` when it names no recipients at all. */
function targetExternalIds(body: Record<string, unknown>): string[] | undefined {
  const aliases = body["include_aliases"];
  const fromAliases = isRecord(aliases) ? aliases["external_id"] : undefined;
  const legacy = body["include_external_user_ids"];
  const ids = Array.isArray(fromAliases) ? fromAliases : Array.isArray(legacy) ? legacy : undefined;
  if (!ids) return undefined;
  const strings = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return strings.length > 0 ? strings : undefined;
}

function badRequest(message: string): EmulatorResponse {
  return jsonResponse(400, { errors: [message] });
}
