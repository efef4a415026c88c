import { describe, expect, it, vi } from "vitest";
import { eventually, waitForJobState } from "../../tests/support/jobs";
import { useTestQueues } from "../../tests/support/test-queues";

const queues = useTestQueues("consumer");
const { createQueue, startConsumer, onCleanup } = queues;

async function sendJobs(queue: string, data: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const item of data) ids.push((await queues.boss.send(queue, item))!);
  return ids;
}

/** A promise the test settles by hand; released at the end of the test whatever happens. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  onCleanup(() => open());
  return { opened, open };
}

async function statesOf(queue: string, ids: string[]): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => (await queues.boss.getJobById(queue, id, { includeArchive: true }))?.state ?? "missing"),
  );
}

describe("QueueConsumer", () => {
  it("runs at most `concurrency` jobs at once, starts the next as each finishes, and completes them all", async () => {
    const queue = await createQueue();
    const ids = await sendJobs(
      queue,
      [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n })),
    );
    const started: number[] = [];
    const gates = new Map<number, () => void>();
    let inFlight = 0;
    let maxInFlight = 0;
    const { errors } = startConsumer(
      queue,
      async (data) => {
        const { n } = data as { n: number };
        started.push(n);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const { opened, open } = gate();
        gates.set(n, open);
        await opened;
        inFlight--;
      },
      { concurrency: 3 },
    );

    await eventually(async () => started.length === 3);
    expect(inFlight).toBe(3);
    // The consumer took only what it can run: the rest wait in the queue, free for other workers.
    expect(await statesOf(queue, ids.slice(3))).toEqual(["created", "created", "created", "created"]);

    // Each job that finishes frees a slot, and the consumer fetches the next at once.
    for (let next = 4; next <= 7; next++) {
      gates.get(started[next - 4]!)!();
      await eventually(async () => started.length === next);
    }
    for (const open of gates.values()) open();

    for (const id of ids) await waitForJobState(queues.boss, queue, id, ["completed"], 5_000);
    expect(maxInFlight).toBe(3);
    expect([...started].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(errors).toEqual([]);
  });

  it("marks the jobs that finish while a completion is on its way completed together, in one statement", async () => {
    const queue = await createQueue();
    const ids = await sendJobs(queue, [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    const complete = queues.boss.complete.bind(queues.boss);
    const { opened: firstMayComplete, open: letFirstComplete } = gate();
    const completions: string[][] = [];
    const spy = vi.spyOn(queues.boss, "complete").mockImplementation(async (name, id, ...rest) => {
      if (name !== queue) return complete(name, id, ...rest);
      const batch = [id].flat() as string[];
      completions.push(batch);
      // The first completion is slow: the rest finish meanwhile.
      if (completions.length === 1) await firstMayComplete;
      return complete(name, batch, ...rest);
    });
    onCleanup(() => spy.mockRestore());
    const { opened: othersMayFinish, open: letOthersFinish } = gate();
    let finished = 0;
    const { errors } = startConsumer(
      queue,
      async (data) => {
        if ((data as { n: number }).n !== 1) await othersMayFinish;
        finished++;
      },
      { concurrency: 4 },
    );

    await eventually(async () => completions.length === 1);
    letOthersFinish();
    await eventually(async () => finished === 4);
    // Done but not yet marked: still active while the first completion is on its way.
    expect((await statesOf(queue, ids)).filter((state) => state === "active")).toHaveLength(4);
    letFirstComplete();

    for (const id of ids) await waitForJobState(queues.boss, queue, id, ["completed"], 5_000);
    expect(completions).toHaveLength(2);
    expect(completions[0]).toHaveLength(1);
    expect([...completions.flat()].sort()).toEqual([...ids].sort());
    expect(errors).toEqual([]);
  });

  it("fails only the job whose handler throws, sending it to the dead-letter queue, and completes the rest of its fetch", async () => {
    const deadLetter = await createQueue();
    const queue = await createQueue({ retryLimit: 0, deadLetter });
    const [first, failing, last] = await sendJobs(queue, [{ n: 1 }, { n: 2, fail: true }, { n: 3 }]);
    const { opened: allStarted, open: startAll } = gate();
    let started = 0;
    startConsumer(
      queue,
      async (data) => {
        // All three run together (one fetch) before any of them settles.
        if (++started === 3) startAll();
        await allStarted;
        if ((data as { fail?: boolean }).fail) throw new Error("vendor down");
      },
      { concurrency: 3 },
    );

    const failed = await waitForJobState(queues.boss, queue, failing!, ["failed"], 5_000);
    expect(failed.output).toMatchObject({ message: "vendor down" });
    await waitForJobState(queues.boss, queue, first!, ["completed"], 5_000);
    await waitForJobState(queues.boss, queue, last!, ["completed"], 5_000);
    expect(started).toBe(3);

    const dead = await queues.boss.fetch<object>(deadLetter, { batchSize: 10 });
    expect(dead.map((job) => job.data)).toEqual([{ n: 2, fail: true }]);
  });

  it("fails a job whose handler outlasts the job's expiry, and pg-boss retries it per the queue's policy", async () => {
    const queue = await createQueue({ expireInSeconds: 1, retryLimit: 1, retryDelay: 0, retryBackoff: false });
    const [id] = await sendJobs(queue, [{ slow: true }]);
    const { opened: never } = gate();
    let attempts = 0;
    startConsumer(queue, async () => {
      attempts++;
      await never;
    });

    // The first attempt is failed after a second, freeing the slot; the retry is due at once
    // (retryDelay 0), is fetched, outlasts its expiry too, and the job has no retries left.
    const failed = await waitForJobState(queues.boss, queue, id!, ["failed", "completed"], 8_000);
    expect(failed.state).toBe("failed");
    expect(failed.retryCount).toBe(1);
    expect(failed.output).toMatchObject({ message: "job outlasted its expiry of 1 s" });
    expect(attempts).toBe(2);
  });

  it("stop() waits for the running job to finish and complete, and fetches nothing after", async () => {
    const queue = await createQueue();
    const [running] = await sendJobs(queue, [{ n: 1 }]);
    const { opened: finish, open } = gate();
    const ran: number[] = [];
    const { consumer } = startConsumer(
      queue,
      async (data) => {
        ran.push((data as { n: number }).n);
        await finish;
      },
      { concurrency: 2 },
    );
    await eventually(async () => ran.length === 1);
    // The real fetch, watched: calls pass through to pg-boss.
    const fetch = vi.spyOn(queues.boss, "fetch");
    onCleanup(() => fetch.mockRestore());

    let stopped = false;
    const stopping = consumer.stop(10_000).then(() => (stopped = true));
    // A job announced after stop(): the consumer has a free slot but must not take it.
    const [late] = await sendJobs(queue, [{ n: 2 }]);
    consumer.wake();
    expect(await statesOf(queue, [running!])).toEqual(["active"]);
    expect(stopped).toBe(false);

    open();
    await stopping;
    // Completed before stop() resolved, not merely finished by the handler.
    expect(await statesOf(queue, [running!])).toEqual(["completed"]);
    // Neither the wake-up nor the freed slot made it look again (a fetch would start within
    // this turn of the event loop).
    await new Promise((resolve) => setImmediate(resolve));
    expect(fetch).not.toHaveBeenCalled();
    expect(await statesOf(queue, [late!])).toEqual(["created"]);
    expect(ran).toEqual([1]);
  });

  it("stop() gives up waiting after its timeout, leaving a stuck job active for pg-boss to expire", async () => {
    const queue = await createQueue();
    const [stuck] = await sendJobs(queue, [{ n: 1 }]);
    const { opened: never } = gate();
    let started = false;
    const { consumer } = startConsumer(queue, async () => {
      started = true;
      await never;
    });
    await eventually(async () => started);

    await consumer.stop(50);
    expect(await statesOf(queue, [stuck!])).toEqual(["active"]);
  });

  it("fetches again after a job only when the queue may hold more: a wake-up, a full batch or the idle poll", async () => {
    const queue = await createQueue();
    const fetched: number[] = [];
    const fetch = queues.boss.fetch.bind(queues.boss);
    const spy = vi.spyOn(queues.boss, "fetch").mockImplementation(async (name, options) => {
      const jobs = await fetch(name, options as never);
      if (name === queue) fetched.push(Array.isArray(jobs) ? jobs.length : 0);
      return jobs as never;
    });
    onCleanup(() => spy.mockRestore());
    const ran: number[] = [];
    const { consumer, errors } = startConsumer(
      queue,
      async (data) => {
        ran.push((data as { n: number }).n);
      },
      { concurrency: 2, idlePollMs: 60_000 },
    );
    // The first fetch finds the queue empty; nothing is fetched until something may be there.
    await eventually(async () => fetched.length === 1);
    await sendJobs(queue, [{ n: 1 }]);
    consumer.wake();
    await eventually(async () => ran.length === 1);
    // The wake-up's fetch took one job of the two it could: the queue was empty then, and nothing
    // was announced since, so the job finishing fetches nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetched).toEqual([0, 1]);
    // Two announced at once fill a batch: the consumer then looks again.
    await sendJobs(queue, [{ n: 2 }, { n: 3 }]);
    consumer.wake();
    await eventually(async () => ran.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetched).toEqual([0, 1, 2, 0]);
    expect(errors).toEqual([]);
  });
});
