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

/**
 * CPU milliseconds a process and every child it has (its reaped children's, and the living ones'
 * so far) have used: PostgreSQL's postmaster forks a backend per connection.
 */
export function processTreeCpuMs(pid: number): number {
  const fieldsOf = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const own = fieldsOf(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  // utime, stime, then cutime and cstime: the CPU of children already waited for.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fields: string[];
    try {
      fields = fieldsOf(fs.readFileSync(`/proc/${entry}/stat`, "utf8"));
    } catch {
      continue; // exited since the listing
    }
    if (Number(fields[1]) === pid)
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks * 1000) / USER_HZ;
}

/** CPU of this process, its worker processes, the emulator and PostgreSQL, read at one moment. */
export interface CpuReading {
  /** This process and the worker processes. */
  app: number;
  /** This process alone: the app's web role (and the in-process load generator). */
  web: number;
  /** The worker processes alone. */
  workers: number;
  emulator: number;
  /** PostgreSQL's postmaster and its backends; 0 when not given. */
  database: number;
}

/**
 * The app's CPU: this process (webhooks, and workers when they run here) plus its worker
 * processes; the emulator's and the database's apart. A difference of two readings is a window's cost.
 */
export class AppCpu {
  constructor(
    private readonly workerPids: () => readonly number[],
    private readonly emulatorPid: number,
    private readonly databasePid?: number,
  ) {}

  read(): CpuReading {
    const own = process.cpuUsage();
    const web = (own.user + own.system) / 1000;
    const workers = this.workerPids().reduce((sum, pid) => sum + processCpuMs(pid), 0);
    return {
      app: web + workers,
      web,
      workers,
      emulator: processCpuMs(this.emulatorPid),
      database: this.databasePid === undefined ? 0 : processTreeCpuMs(this.databasePid),
    };
  }

  since(start: CpuReading): CpuReading {
    const now = this.read();
    return {
      app: now.app - start.app,
      web: now.web - start.web,
      workers: now.workers - start.workers,
      emulator: now.emulator - start.emulator,
      database: now.database - start.database,
    };
  }
}

/** PIPELINE_WORKER_CPU_PROFILE=<dir> writes each worker process's CPU profile there when it stops. */
const WORKER_PROFILE_FLAGS = process.env.PIPELINE_WORKER_CPU_PROFILE
  ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PIPELINE_WORKER_CPU_PROFILE}`]
  : [];

/**
 * `npm run worker` processes with this process's environment (the bench sets the app's before
 * forking): each takes jobs from the same queues, as a deployment's worker processes do.
 */
export async function startWorkerProcesses(count: number): Promise<ChildProcess[]> {
  const script = path.join(import.meta.dirname, "..", "scripts", "worker.ts");
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [...WORKER_PROFILE_FLAGS, "--import", "tsx", script], {
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    }),
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
