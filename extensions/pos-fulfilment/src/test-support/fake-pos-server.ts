import type { MyDay, QueueView, Task, TaskLine, TaskState, TaskSummary } from "../api/contract";

/**
 * An in-memory POS API that answers as the contract says (the POS API brief): the
 * session token, the location, a requestId per POST with one effect however often it is sent,
 * `{code, message}` errors in the sentences an associate reads. Its rules are a small stand-in
 * for the server's state machine, enough to drive every screen; the server's own tests hold the
 * real rules.
 */

export const SESSION_TOKEN = "mock-session-token";
export const LOCATION_ID = 1;

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
  authorization: string | null;
}

type Answer = { status: number; body: unknown };
type Failure = "unreachable" | Answer;

const NEXT: Partial<Record<TaskState, TaskState[]>> = {
  NEW: ["PICKING", "EXCEPTION", "CANCELLED"],
  PICKING: ["PACKED", "EXCEPTION", "CANCELLED"],
  PACKED: ["STAGED", "SHIPPED", "OUT_FOR_DELIVERY", "EXCEPTION", "CANCELLED"],
  STAGED: ["READY", "EXCEPTION", "CANCELLED"],
  READY: ["PICKED_UP", "EXCEPTION", "CANCELLED"],
  OUT_FOR_DELIVERY: ["DELIVERED"],
  EXCEPTION: ["PICKING", "CANCELLED"],
};

const ALREADY: Partial<Record<TaskState, string>> = {
  PICKING: "This order is already being picked",
  PACKED: "This order is already packed",
  STAGED: "This order is already staged",
  READY: "This order is already ready for pickup",
  PICKED_UP: "This order was already handed over",
  SHIPPED: "This order was already shipped",
};

function refuse(status: number, code: string, message: string): Answer {
  return { status, body: { code, message } };
}

function summaryOf(task: Task): TaskSummary {
  const { lines: _lines, events: _events, pickTargetSeconds: _target, pickStartedAt: _started, ...summary } = task;
  return summary;
}

function inView(task: Task, view: QueueView): boolean {
  if (view === "READY") return task.state === "READY";
  if (view === "TO_SHIP") return task.kind === "SHIP" && ["NEW", "PICKING", "PACKED"].includes(task.state);
  return task.kind !== "SHIP" && ["NEW", "PICKING", "PACKED", "STAGED", "EXCEPTION"].includes(task.state);
}

export class FakePosServer {
  readonly tasks = new Map<string, Task>();
  readonly requests: RecordedRequest[] = [];
  /** Codes known elsewhere in the catalogue, for the wrong-item sentence. */
  readonly catalogue = new Map<string, string>();
  /** POS order id → task id, for the order details block. */
  readonly orderTasks = new Map<number, string>();
  me: MyDay = { picksToday: 4, medianPickSeconds: 312, targetSeconds: 360 };
  /** The most tasks of one list the queue sends, as the app caps it. */
  queueListLimit = 100;
  /** Photos kept, in the order they arrived. */
  readonly photos: { taskId: string; purpose: string; base64: string; type: string }[] = [];
  private readonly answered = new Map<string, Answer>();
  private readonly failures: Failure[] = [];
  private readonly pathFailures: { path: string; failure: Failure }[] = [];

  constructor(tasks: readonly Task[] = []) {
    this.add(...tasks);
  }

  add(...tasks: readonly Task[]): void {
    for (const task of tasks) this.tasks.set(task.id, structuredClone(task));
  }

  /** The next requests fail this way, in order, before anything else happens. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** The next request to a path ending with `path` fails this way; others are answered. */
  failNextTo(path: string, failure: Failure): void {
    this.pathFailures.push({ path, failure });
  }

  task(id: string): Task {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`no task ${id}`);
    return task;
  }

  posts(path?: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === "POST" && (!path || request.path.endsWith(path)));
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input), "https://omniroute.test");
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    this.requests.push({
      method: init?.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization: headers.get("Authorization"),
    });
    const onPath = this.pathFailures.findIndex((entry) => url.pathname.endsWith(entry.path));
    const failure = onPath === -1 ? this.failures.shift() : this.pathFailures.splice(onPath, 1)[0]?.failure;
    if (failure === "unreachable") throw new TypeError("Failed to fetch");
    const answer = failure ?? this.answer(init?.method ?? "GET", url, headers, body);
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  };

  private answer(method: string, url: URL, headers: Headers, body: Record<string, unknown> | null): Answer {
    if (headers.get("Authorization") !== `Bearer ${SESSION_TOKEN}`) {
      return refuse(401, "UNAUTHORIZED", "The session token is missing or invalid.");
    }
    if (url.searchParams.get("locationId") !== String(LOCATION_ID)) {
      return refuse(404, "NOT_FOUND", "This location is not part of the shop.");
    }
    const path = url.pathname.replace(/^\/api\/pos\//, "");
    if (method === "GET") return this.read(path, url.searchParams);
    const requestId = body?.requestId;
    if (typeof requestId !== "string") return refuse(400, "INVALID", "Every change needs a requestId.");
    const replay = this.answered.get(requestId);
    if (replay) return replay;
    const answer = this.change(path, body ?? {});
    this.answered.set(requestId, answer);
    return answer;
  }

  private read(path: string, query: URLSearchParams): Answer {
    if (path === "queue") {
      const view = (query.get("view") ?? "TO_PICK") as QueueView;
      const all = [...this.tasks.values()];
      const open = all.filter((task) => !["PICKED_UP", "SHIPPED", "DELIVERED", "CANCELLED"].includes(task.state));
      const counts = {
        toPick: all.filter((task) => inView(task, "TO_PICK")).length,
        ready: all.filter((task) => inView(task, "READY")).length,
        toShip: all.filter((task) => inView(task, "TO_SHIP")).length,
        late: open.filter((task) => task.late).length,
        waiting: open.filter((task) => task.waiting).length,
        notStarted: open.filter((task) => task.notStarted).length,
      };
      // Deliberately in insertion order: the extension must not depend on the server's sorting.
      const listed = all.filter((task) => inView(task, view)).map(summaryOf);
      const tasks = listed.slice(0, this.queueListLimit);
      return { status: 200, body: { counts, tasks, more: listed.length - tasks.length } };
    }
    if (path === "me") return { status: 200, body: this.me };
    if (path === "order-task") {
      const taskId = this.orderTasks.get(Number(query.get("orderId")));
      return { status: 200, body: { task: taskId ? this.task(taskId) : null } };
    }
    const printed = /^tasks\/([^/]+)\/print-link$/.exec(path)?.[1];
    if (printed) {
      const document = query.get("document");
      if (!this.tasks.has(decodeURIComponent(printed)))
        return refuse(404, "NOT_FOUND", "This order is not at this store.");
      if (document !== "PICK_LIST" && document !== "PACKING_SLIP") return refuse(400, "INVALID", "Unknown document.");
      const expiresAt = new Date(Date.now() + 300_000).toISOString();
      return { status: 200, body: { src: `/print/store-task?token=signed-${printed}-${document}`, expiresAt } };
    }
    const taskId = /^tasks\/([^/]+)$/.exec(path)?.[1];
    const task = taskId ? this.tasks.get(decodeURIComponent(taskId)) : undefined;
    if (!task) return refuse(404, "NOT_FOUND", "This order is not at this store.");
    return { status: 200, body: { task } };
  }

  private change(path: string, body: Record<string, unknown>): Answer {
    if (path === "handover/lookup") return this.lookup(body);
    const [, taskId, action] = /^tasks\/([^/]+)\/([a-z-]+)$/.exec(path) ?? [];
    const task = taskId ? this.tasks.get(decodeURIComponent(taskId)) : undefined;
    if (!task) return refuse(404, "NOT_FOUND", "This order is not at this store.");
    switch (action) {
      case "transition":
        return this.transition(task, body);
      case "scan":
        return this.scan(task, String(body.code ?? ""));
      case "confirm-line":
        return this.confirmLine(task, body);
      case "exception":
        return this.exception(task, body);
      case "bin-location":
        return this.binLocation(task, body);
      case "photos":
        return this.photo(task, body);
      default:
        return refuse(404, "NOT_FOUND", "No such action.");
    }
  }

  private moveTo(task: Task, to: TaskState, staffMemberId: unknown): Answer {
    task.events.push({
      at: new Date().toISOString(),
      from: task.state,
      to,
      staffMemberId: staffMemberId === undefined ? null : String(staffMemberId),
    });
    task.state = to;
    if (to === "PICKING") task.pending = "PROGRESS";
    if (to === "READY") task.pending = "READY";
    if (to === "PICKED_UP" || to === "SHIPPED" || to === "OUT_FOR_DELIVERY") task.pending = "FULFILL";
    return { status: 200, body: { task: structuredClone(task) } };
  }

  private transition(task: Task, body: Record<string, unknown>): Answer {
    const to = body.to as TaskState;
    if (task.state === to) return refuse(409, "ILLEGAL_TRANSITION", ALREADY[to] ?? `This order is already ${to}`);
    if (task.state === "CANCELLED") return refuse(409, "ILLEGAL_TRANSITION", "This order was cancelled");
    if (!NEXT[task.state]?.includes(to)) {
      return refuse(
        409,
        "ILLEGAL_TRANSITION",
        `An order that is ${task.state.toLowerCase()} can't become ${to.toLowerCase()}`,
      );
    }
    if (to === "PACKED") {
      const picked = task.lines.reduce((sum, line) => sum + line.picked, 0);
      if (picked < task.units)
        return refuse(409, "ILLEGAL_TRANSITION", `Pick every item before packing (${picked} of ${task.units} picked)`);
    }
    if (to === "STAGED") {
      if (typeof body.bin !== "string" || !body.bin.trim())
        return { status: 400, body: { code: "INVALID", message: "Enter a bin", field: "bin" } };
      task.bin = body.bin.trim();
    }
    if (to === "SHIPPED" && (!body.carrier || !body.trackingNumber)) {
      return refuse(400, "INVALID", "A shipment needs a carrier and a tracking number");
    }
    if (to === "PICKED_UP") {
      if (task.kind !== "PICKUP")
        return refuse(409, "ILLEGAL_TRANSITION", "A ship-from-store order is shipped, not handed over");
      const handover = body.handover as { method?: unknown; idChecked?: unknown } | undefined;
      if (!handover?.method) return refuse(400, "INVALID", "Verify the customer before handing over");
      if (task.requireIdCheck && handover.idChecked !== true)
        return refuse(400, "INVALID", "Check the customer's ID first");
    }
    return this.moveTo(task, to, body.staffMemberId);
  }

  private scan(task: Task, code: string): Answer {
    if (task.state !== "PICKING") return refuse(409, "ILLEGAL_TRANSITION", "Start picking before scanning");
    const line = task.lines.find((candidate) => candidate.barcode === code || candidate.sku === code);
    if (!line) {
      const known = this.catalogue.get(code);
      return refuse(
        409,
        "WRONG_ITEM",
        known ? `That's ${known}: it is not on this order` : "This item is not on this order",
      );
    }
    if (line.picked >= line.quantity) {
      return refuse(409, "OVER_PICKED", `All ${line.quantity} of ${line.title} are already picked`);
    }
    line.picked += 1;
    task.pickStartedAt ??= new Date().toISOString();
    return { status: 200, body: { task: structuredClone(task), line: structuredClone(line) } };
  }

  private confirmLine(task: Task, body: Record<string, unknown>): Answer {
    const line = task.lines.find((candidate) => candidate.lineItemId === body.lineItemId);
    if (!line) return refuse(404, "NOT_FOUND", "That item is not on this order");
    if (!["LABEL_UNREADABLE", "NO_BARCODE", "SCANNER_BROKEN"].includes(String(body.reason))) {
      return { status: 400, body: { code: "INVALID", message: "Say why the item was not scanned", field: "reason" } };
    }
    const quantity = Number(body.quantity);
    if (!(quantity >= 1 && line.picked + quantity <= line.quantity)) {
      return refuse(409, "OVER_PICKED", `All ${line.quantity} of ${line.title} are already picked`);
    }
    line.picked += quantity;
    return { status: 200, body: { task: structuredClone(task) } };
  }

  private exception(task: Task, body: Record<string, unknown>): Answer {
    const line = task.lines.find((candidate) => candidate.lineItemId === body.lineItemId);
    if (!line) return refuse(404, "NOT_FOUND", "That item is not on this order");
    if (body.reason !== "NOT_FOUND" && body.reason !== "DAMAGED") {
      return refuse(400, "INVALID", "Say whether the item is missing or damaged");
    }
    return this.moveTo(task, "EXCEPTION", body.staffMemberId);
  }

  private binLocation(task: Task, body: Record<string, unknown>): Answer {
    const line = task.lines.find((candidate) => candidate.lineItemId === body.lineItemId);
    if (!line) return refuse(404, "NOT_FOUND", "That item is not on this order");
    const code = typeof body.code === "string" ? body.code.trim() : "";
    if (!code) {
      return { status: 400, body: { code: "INVALID", message: "code: Enter where the item is", field: "code" } };
    }
    line.binLocation = { code, confirmedAt: new Date().toISOString() };
    return { status: 200, body: { task: structuredClone(task) } };
  }

  private photo(task: Task, body: Record<string, unknown>): Answer {
    const { purpose, base64, type } = body;
    if (purpose !== "EXCEPTION" && purpose !== "DELIVERY") return refuse(400, "INVALID", "purpose: not a purpose");
    if (type !== "image/jpeg" && type !== "image/png") {
      return refuse(400, "INVALID", "type: must be image/jpeg or image/png");
    }
    if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
      return refuse(400, "INVALID", "base64: must be the photo's base64, without a data: prefix");
    }
    if (purpose === "DELIVERY" && task.kind !== "LOCAL_DELIVERY") {
      return refuse(400, "INVALID", "A delivery photo is for a local delivery");
    }
    this.photos.push({ taskId: task.id, purpose, base64, type });
    const photo = { id: `photo-${this.photos.length}`, purpose, takenAt: new Date().toISOString() };
    return { status: 200, body: { task: structuredClone(task), photo } };
  }

  private lookup(body: Record<string, unknown>): Answer {
    const ready = [...this.tasks.values()].filter((task) => task.state === "READY");
    let found: Task | undefined;
    if (typeof body.code === "string") {
      const code = body.code
        .replace(/^omniroute:pickup:/i, "")
        .replace(/[\s-]/g, "")
        .toUpperCase();
      found = ready.find((task) => task.pickupCode === code);
    } else if (typeof body.orderName === "string" && typeof body.lastName === "string") {
      const lastName = body.lastName.toLowerCase();
      found = ready.find(
        (task) => task.orderName === body.orderName && task.customerName?.toLowerCase().endsWith(lastName),
      );
    }
    if (!found) return refuse(404, "NOT_FOUND", "No order ready for pickup here matches");
    return { status: 200, body: { task: structuredClone(found) } };
  }
}

let nextId = 1;

/** A task with sensible defaults: a pickup of one line, assigned ten minutes ago. */
export function aTask(overrides: Partial<Task> = {}): Task {
  const id = overrides.id ?? `task-${nextId++}`;
  const lines: TaskLine[] = overrides.lines ?? [
    {
      lineItemId: `${id}-line-1`,
      sku: "MUG-BLUE",
      barcode: "0123456789012",
      title: "Stoneware mug",
      variantTitle: "Blue",
      imageUrl: "https://cdn.example/mug.png",
      quantity: 2,
      picked: 0,
      binLocation: { code: "Aisle 4, Bin 12", confirmedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() },
    },
  ];
  return {
    id,
    orderName: "#1001",
    kind: "PICKUP",
    state: "NEW",
    customerName: "Jane Doe",
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    lineCount: lines.length,
    assignedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    dueAt: new Date(Date.now() + 50 * 60_000).toISOString(),
    late: false,
    waiting: null,
    bin: null,
    pending: null,
    lines,
    events: [],
    pickTargetSeconds: 360,
    pickStartedAt: null,
    pickupCode: "K7QX3M",
    ...overrides,
  };
}
