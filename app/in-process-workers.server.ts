import { env, runsWorkersInProcess } from "./env.server";
import { appJobQueue } from "./jobs/app-job-queue.server";
import { startWorkers } from "./worker.server";

declare global {
  var __omnirouteWorkersStarted: boolean | undefined;
}

/**
 * In development the web process also runs the job workers (one command, nothing else
 * to start); production runs `npm run worker` processes instead (RUN_WORKERS_IN_PROCESS).
 */
export async function startInProcessWorkers(): Promise<void> {
  if (!runsWorkersInProcess(env) || globalThis.__omnirouteWorkersStarted) return;
  globalThis.__omnirouteWorkersStarted = true;
  try {
    await startWorkers(await appJobQueue());
  } catch (error) {
    globalThis.__omnirouteWorkersStarted = false;
    console.error("[jobs] could not start in-process workers", error);
  }
}
