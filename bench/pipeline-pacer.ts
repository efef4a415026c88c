import { setTimeout as sleep } from "node:timers/promises";

export interface PacedRun {
  /** Calls started. */
  started: number;
  /** Wall time from the first call to the last one started, in ms. */
  elapsedMs: number;
}

/**
 * Starts `call` `perSecond` times a second for `durationMs`, on a timer: each tick starts every
 * call that is due by now, so a late tick catches up rather than lowering the rate. Calls are
 * not awaited here (an open-loop load, as webhooks arrive); their promises are collected and
 * awaited, bounded by `drainTimeoutMs`, before returning.
 */
export async function runAtRate(
  perSecond: number,
  durationMs: number,
  call: (index: number) => Promise<void>,
  drainTimeoutMs = 15_000,
): Promise<PacedRun> {
  const total = Math.round((perSecond * durationMs) / 1000);
  const inFlight: Promise<void>[] = [];
  const startedAt = performance.now();
  let started = 0;
  while (started < total) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) * perSecond) / 1000) + 1);
    for (; started < due; started += 1) inFlight.push(call(started));
    await sleep(Math.max(1, Math.floor(1000 / perSecond / 2)));
  }
  const elapsedMs = performance.now() - startedAt;
  await Promise.race([Promise.allSettled(inFlight), sleep(drainTimeoutMs)]);
  return { started, elapsedMs };
}
