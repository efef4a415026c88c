import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** CPU milliseconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / USER_HZ;
}

/** CPU of this process, its children and the emulator, read at one moment. */
export interface CpuReading {
  app: number;
  emulator: number;
}

/**
 * The app's CPU: this process (webhooks, and workers when they run here) plus its worker
 * processes; the emulator's apart. A difference of two readings is a window's cost.
 */
export class AppCpu {
  constructor(
    private readonly workerPids: () => readonly number[],
    private readonly emulatorPid: number,
  ) {}

  read(): CpuReading {
    const own = process.cpuUsage();
    const workers = this.workerPids().reduce((sum, pid) => sum + processCpuMs(pid), 0);
    return { app: (own.user + own.system) / 1000 + workers, emulator: processCpuMs(this.emulatorPid) };
  }

  since(start: CpuReading): CpuReading {
    const now = this.read();
    return { app: now.app - start.app, emulator: now.emulator - start.emulator };
  }
}

/**
 * `npm run worker` processes with this process's environment (the bench sets the app's before
 * forking): each takes jobs from the same queues, as a deployment's worker processes do.
 */
export async function startWorkerProcesses(count: number): Promise<ChildProcess[]> {
  const script = path.join(import.meta.dirname, "..", "scripts", "worker.ts");
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"], env: process.env }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("exit", (code) => reject(new Error(`a worker process exited (${code}) before it was ready`)));
          worker.stdout!.on("data", (chunk: Buffer) => {
            if (chunk.toString().includes("[worker] ready")) resolve();
          });
        }),
    ),
  );
  return workers;
}

/** SIGTERM, as a deployment stops them: they finish their jobs and exit. */
export async function stopWorkerProcesses(workers: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exitCode !== null) return resolve();
          const timer = setTimeout(() => worker.kill("SIGKILL"), 15_000);
          worker.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          worker.kill("SIGTERM");
        }),
    ),
  );
}
