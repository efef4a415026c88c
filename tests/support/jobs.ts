import type PgBoss from "pg-boss";

/** Waits until pg-boss reports the job in one of `states`, or fails after `timeoutMs`. */
export async function waitForJobState(
  boss: PgBoss,
  queue: string,
  id: string,
  states: string[],
  timeoutMs = 20_000,
): Promise<PgBoss.JobWithMetadata> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await boss.getJobById<object>(queue, id, { includeArchive: true });
    if (job && states.includes(job.state)) return job;
    if (Date.now() > deadline) {
      throw new Error(`job ${id} in ${queue} is ${job?.state ?? "missing"}, expected ${states.join(" or ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for `check` to return true, polling; for effects of jobs run by workers. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
