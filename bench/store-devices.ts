import crypto from "node:crypto";
import path from "node:path";
import { signSessionToken } from "../dev/emulator/session-token";
import { TEST_APP } from "../tests/support/shopify-app";
import { LatencySamples } from "./pipeline-stats";
import type { SeededTask } from "./store-seed";

/**
 * POS devices at one store, simulated: each polls its queue on a cadence and works through its
 * own tasks (scan each unit, pack, stage, ready, hand over / ship / hand to the courier), calling
 * the app's api.pos route handlers in-process with a real signed POS session token, as the
 * extension's requests reach them. A few scans are of the wrong item on purpose (the 409 the
 * associate is meant to get); any other answer that is not 2xx is a failure.
 */

export type RequestKind = "queue" | "scan" | "transition";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

/** Every request the devices made in a window: latency by kind, and answers that were not 2xx. */
export class StoreTraffic {
  samples: Record<RequestKind, LatencySamples> = this.emptySamples();
  /** Statements sent to PostgreSQL per request, when the API counts them. */
  statements: Record<RequestKind, LatencySamples> = this.emptySamples();
  /** WRONG_ITEM answers to the scans meant to be wrong. */
  intendedRefusals = 0;
  /** Status and code of every other answer that was not 2xx. */
  failures: string[] = [];

  private emptySamples(): Record<RequestKind, LatencySamples> {
    return { queue: new LatencySamples(), scan: new LatencySamples(), transition: new LatencySamples() };
  }

  get requests(): number {
    return this.samples.queue.count + this.samples.scan.count + this.samples.transition.count;
  }

  reset(): void {
    this.samples = this.emptySamples();
    this.statements = this.emptySamples();
    this.intendedRefusals = 0;
    this.failures = [];
  }
}

const ORIGIN = "https://extensions.shopifycdn.com";
/** Devices ask for a new token well before the 60 s one expires, as App Bridge does. */
const TOKEN_REFRESH_MS = 30_000;

/** The POS API as one store's devices call it, timed per request. */
export class PosApi {
  private readonly routes = new Map<string, RouteModule>();
  private token = { value: "", issuedAt: 0 };

  constructor(
    private readonly shop: string,
    private readonly locationId: string,
    readonly traffic: StoreTraffic,
    /** Given, each request's statements are recorded: for requests made one at a time. */
    private readonly statementsSent?: () => number,
  ) {}

  private bearer(): string {
    if (Date.now() - this.token.issuedAt > TOKEN_REFRESH_MS) {
      const value = signSessionToken(
        { shop: this.shop, apiKey: TEST_APP.apiKey, userId: "9001", now: new Date() },
        TEST_APP.apiSecret,
      );
      this.token = { value, issuedAt: Date.now() };
    }
    return this.token.value;
  }

  private async route(file: string): Promise<RouteModule> {
    let module = this.routes.get(file);
    if (!module) {
      module = (await import(/* @vite-ignore */ path.resolve("app/routes", file))) as RouteModule;
      this.routes.set(file, module);
    }
    return module;
  }

  /** Calls the route's handler and times it; the answer's status and JSON body. */
  async call(
    kind: RequestKind,
    file: string,
    {
      query = {},
      body,
      params = {},
    }: { query?: Record<string, string>; body?: object; params?: Record<string, string> },
  ): Promise<{ status: number; json: unknown }> {
    const module = await this.route(file);
    const url = new URL(`${TEST_APP.appUrl}/api/pos/${file}`);
    for (const [name, value] of Object.entries({ locationId: this.locationId, ...query }))
      url.searchParams.set(name, value);
    const headers = new Headers({ Origin: ORIGIN, Authorization: `Bearer ${this.bearer()}` });
    if (body) headers.set("Content-Type", "application/json");
    const request = new Request(url, {
      method: body ? "POST" : "GET",
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const handler = body ? module.action : module.loader;
    if (!handler) throw new Error(`${file} has no handler for ${request.method}`);
    const statementsBefore = this.statementsSent?.() ?? 0;
    const startedAt = performance.now();
    let response: Response;
    try {
      response = await handler({ request, params, context: {} });
    } catch (thrown) {
      // Remix sends a thrown Response as the answer.
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    this.traffic.samples[kind].add(performance.now() - startedAt);
    if (this.statementsSent) this.traffic.statements[kind].add(this.statementsSent() - statementsBefore);
    // A device reads a queue it is happy with without the bench parsing it (the app's CPU is measured).
    if (kind === "queue" && response.ok) return { status: response.status, json: await response.text() };
    return { status: response.status, json: (await response.json()) as unknown };
  }
}

interface TaskAnswer {
  task: { state: string; lines: { lineItemId: string; picked: number; quantity: number }[] };
}

/** A task as its device last saw it. */
interface DeviceTask {
  seeded: SeededTask;
  state: string;
  picked: Map<string, number>;
}

/** One in twenty scans is of an item not on the order. */
const WRONG_SCAN_SHARE = 0.05;
const FINAL_STATES = new Set(["PICKED_UP", "SHIPPED", "DELIVERED", "CANCELLED", "EXCEPTION"]);

/** The request that moves the task one step on, and whether a 409 WRONG_ITEM is its intended answer. */
function nextStep(
  task: DeviceTask,
  requestId: string,
  staffMemberId: string,
  wrongBarcode: string | null,
): { kind: RequestKind; file: string; body: object; wrongOnPurpose: boolean } {
  const { seeded, state } = task;
  const post = { requestId, staffMemberId };
  if (state === "NEW" || state === "PICKING") {
    const unpicked = seeded.lines.find((line) => (task.picked.get(line.lineItemId) ?? 0) < line.quantity);
    if (unpicked) {
      const code = wrongBarcode ?? unpicked.barcode;
      return {
        kind: "scan",
        file: "api.pos.tasks.$taskId.scan.ts",
        body: { ...post, code },
        wrongOnPurpose: !!wrongBarcode,
      };
    }
    return transition(post, { to: "PACKED" });
  }
  if (state === "PACKED") {
    if (seeded.kind === "SHIP") {
      return transition(post, { to: "SHIPPED", carrier: "UPS", trackingNumber: `1Z999AA1${seeded.id.slice(0, 8)}` });
    }
    return transition(post, { to: "STAGED", bin: `A-${seeded.id.charCodeAt(0) % 40}` });
  }
  if (state === "STAGED") {
    if (seeded.kind === "PICKUP") return transition(post, { to: "READY" });
    return transition(post, {
      to: "OUT_FOR_DELIVERY",
      courierName: "Sam Driver",
      trackingUrl: "https://courier.example.com/track/123",
    });
  }
  if (state === "READY") {
    return transition(post, {
      to: "PICKED_UP",
      handover: { method: "PICKUP_CODE", code: seeded.pickupCode, idChecked: true },
    });
  }
  return transition(post, { to: "DELIVERED" });
}

function transition(post: object, fields: object) {
  return {
    kind: "transition" as const,
    file: "api.pos.tasks.$taskId.transition.ts",
    body: { ...post, ...fields },
    wrongOnPurpose: false,
  };
}

/** One POS device: polls its list and works its own tasks, one request at a time per loop. */
export class Device {
  private readonly tasks: DeviceTask[];

  constructor(
    private readonly api: PosApi,
    private readonly staffMemberId: string,
    /** The list its associate works: TO_PICK (pickup and local delivery) or TO_SHIP. */
    private readonly view: "TO_PICK" | "TO_SHIP",
    tasks: readonly SeededTask[],
    private readonly wrongBarcodes: readonly string[],
    private readonly random: () => number,
  ) {
    this.tasks = tasks.map((seeded) => ({ seeded, state: "NEW", picked: new Map() }));
  }

  async pollQueue(): Promise<void> {
    const { status, json } = await this.api.call("queue", "api.pos.queue.ts", { query: { view: this.view } });
    if (status !== 200) this.api.traffic.failures.push(`queue ${status} ${JSON.stringify(json)}`);
  }

  /** One step on the device's first unfinished task; false when it has none left. */
  async act(): Promise<boolean> {
    const task = this.tasks.find((candidate) => !FINAL_STATES.has(candidate.state));
    if (!task) return false;
    const wrong =
      this.random() < WRONG_SCAN_SHARE
        ? (this.wrongBarcodes.find((code) => !task.seeded.lines.some((line) => line.barcode === code)) ?? null)
        : null;
    const step = nextStep(task, crypto.randomUUID(), this.staffMemberId, wrong);
    const { status, json } = await this.api.call(step.kind, step.file, {
      body: step.body,
      params: { taskId: task.seeded.id },
    });
    if (status === 200) {
      const { task: shown } = json as TaskAnswer;
      task.state = shown.state;
      for (const line of shown.lines) task.picked.set(line.lineItemId, line.picked);
    } else if (status === 409 && step.wrongOnPurpose && (json as { code?: string }).code === "WRONG_ITEM") {
      this.api.traffic.intendedRefusals += 1;
    } else {
      this.api.traffic.failures.push(`${step.kind} ${status} ${JSON.stringify(json)}`);
      // Read the task again before the next step, so one refusal does not repeat.
      task.state = "EXCEPTION";
    }
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `step` every `everyMs` (the first after a random offset, so devices do not poll in step)
 * until `stopAt`; a step still running when the next is due delays it, as a device waits for
 * its answer.
 */
export async function onCadence(
  everyMs: number,
  stopAt: number,
  random: () => number,
  step: () => Promise<unknown>,
): Promise<void> {
  let nextAt = Date.now() + random() * everyMs;
  for (;;) {
    await sleep(Math.max(0, nextAt - Date.now()));
    if (Date.now() >= stopAt) return;
    if ((await step()) === false) return;
    nextAt = Math.max(nextAt + everyMs, Date.now());
  }
}
