import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

/** What the emulator process says once it listens. */
export interface PipelineScenario {
  url: string;
  shop: string;
  locations: number;
  stockLines: number;
}

export interface StockLevel {
  inventoryItemId: number;
  locationId: number;
  available: number;
}

export type EmulatorRequest =
  | { id: number; op: "placeOrder"; index: number }
  | { id: number; op: "levels" }
  | { id: number; op: "idle" }
  | { id: number; op: "close" };

export type EmulatorReply =
  | { id: number; orderId: string }
  | { id: number; refused: string }
  | { id: number; levels: StockLevel[] }
  | { id: number; ready: PipelineScenario }
  | { id: number };

const CHILD = path.join(import.meta.dirname, "pipeline-emulator-process.ts");
const READY_TIMEOUT_MS = 120_000;

/**
 * The emulator in a child process, spoken to over IPC: the bench's CPU figures are then the
 * app's (and the load generator's), not the emulator's.
 */
export class EmulatorProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: EmulatorReply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly scenario: PipelineScenario,
  ) {
    child.on("message", (reply: EmulatorReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(scenario: "chicago" | "national", appUrl: string): Promise<EmulatorProcess> {
    const child = fork(CHILD, [scenario, appUrl], {
      // PIPELINE_EMULATOR_CPU_PROFILE=<dir> writes the emulator's CPU profile there when it stops.
      execArgv: [
        "--import",
        "tsx",
        ...(process.env.PIPELINE_EMULATOR_CPU_PROFILE
          ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PIPELINE_EMULATOR_CPU_PROFILE}`]
          : []),
      ],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // graphql-js checks every value's realm in development: a fifth of the emulator's CPU on the
      // machine the app is measured on, for nothing Shopify would do.
      env: { ...process.env, NODE_ENV: "production" },
    });
    const ready = await new Promise<PipelineScenario>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the emulator process did not start in time")), READY_TIMEOUT_MS);
      child.once("exit", (code) => reject(new Error(`the emulator process exited (${code}) before it was ready`)));
      child.once("message", (reply: EmulatorReply) => {
        clearTimeout(timer);
        if ("ready" in reply) resolve(reply.ready);
        else reject(new Error("the emulator process spoke before it was ready"));
      });
    });
    return new EmulatorProcess(child, ready);
  }

  private ask(request: { op: EmulatorRequest["op"]; index?: number }): Promise<EmulatorReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ ...request, id });
    });
  }

  /** Places the bench's order number `index`; the order's numeric id, or why the emulator refused it. */
  async placeOrder(index: number): Promise<{ orderId: string } | { refused: string }> {
    const reply = await this.ask({ op: "placeOrder", index });
    if ("orderId" in reply) return { orderId: reply.orderId };
    if ("refused" in reply) return { refused: reply.refused };
    throw new Error("unexpected reply to placeOrder");
  }

  /** Every stock line the emulator holds, with its available quantity now. */
  async levels(): Promise<StockLevel[]> {
    const reply = await this.ask({ op: "levels" });
    if (!("levels" in reply)) throw new Error("unexpected reply to levels");
    return reply.levels;
  }

  /** Resolves once every webhook the emulator owes has been delivered. */
  async webhooksIdle(): Promise<void> {
    await this.ask({ op: "idle" });
  }

  /** The emulator process's own CPU is not ours to measure; this stops it. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    void this.ask({ op: "close" });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
