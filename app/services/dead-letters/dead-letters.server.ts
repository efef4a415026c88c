import type { Prisma } from "@prisma/client";
import { z } from "zod";
import prisma from "~/db.server";
import { JOBS } from "~/services/job-registry.server";
import type { AnyJobDefinition } from "~/jobs/job-definition.server";
import { sourceQueueOf } from "~/jobs/queues";
import { listDeadLetters, takeDeadLetter, type StoredDeadLetter } from "~/models/dead-letters.server";

/**
 * Work that gave up after its retries (Shopify down for long, a bug), as the merchant sees it:
 * what it was, why it last failed, and a retry that queues it again as new. Each job's
 * definition says how its dead letters are described and retried.
 */
export interface DeadLetter {
  id: string;
  /** What the work was, in the merchant's words. */
  description: string;
  /** The last attempt's error. */
  error: string;
  failedAt: Date;
}

const SHOWN = 50;

const JOBS_BY_QUEUE = new Map(JOBS.map((job) => [job.queue, job]));

function jobOf(letter: StoredDeadLetter): AnyJobDefinition | undefined {
  const queue = sourceQueueOf(letter.name);
  return queue === null ? undefined : JOBS_BY_QUEUE.get(queue);
}

async function describeDeadLetter(letter: StoredDeadLetter): Promise<string> {
  return (await jobOf(letter)?.describeDeadLetter(letter.data)) ?? "Background work";
}

/** The error an attempt recorded: our workers store { message }, pg-boss's expiry { value: { message } }. */
const recordedError = z.object({
  message: z.string().optional(),
  value: z.object({ message: z.string() }).partial().optional(),
});

function errorOf(output: Prisma.JsonValue): string {
  const recorded = recordedError.safeParse(output);
  return (recorded.success && (recorded.data.message ?? recorded.data.value?.message)) || "No error was recorded";
}

export async function listShopDeadLetters(shop: string): Promise<DeadLetter[]> {
  const stored = await listDeadLetters(prisma, shop, SHOWN);
  return Promise.all(
    stored.map(async (letter) => ({
      id: letter.id,
      description: await describeDeadLetter(letter),
      error: errorOf(letter.output),
      failedAt: letter.createdOn,
    })),
  );
}

export type DeadLetterRetry = "QUEUED" | "NOT_FOUND";

/**
 * Queues a dead letter's work again as its job's definition says (through the job's usual
 * enqueue, so work already queued for the same order or sync is not doubled), and removes the
 * dead letter, in one transaction.
 */
export async function retryDeadLetter(shop: string, id: string): Promise<DeadLetterRetry> {
  return prisma.$transaction(async (tx) => {
    const letter = await takeDeadLetter(tx, shop, id);
    if (!letter) return "NOT_FOUND";
    const job = jobOf(letter);
    if (!job) throw new Error(`no retry for dead letters of ${letter.name}`);
    await job.retryDeadLetter(tx, letter.data, letter.id);
    return "QUEUED";
  });
}

/**
 * A page's answer to its dead-letter card's retry (`intent=retry-dead-letter` and the id): 200
 * when queued again, 404 when the shop has no such dead letter, 400 for any other form.
 */
export async function answerDeadLetterRetry(shop: string, form: FormData): Promise<Response> {
  const id = form.get("id");
  if (form.get("intent") !== "retry-dead-letter" || typeof id !== "string") {
    return Response.json({ error: "Send intent=retry-dead-letter with the id of the task to retry" }, { status: 400 });
  }
  const retried = await retryDeadLetter(shop, id);
  return Response.json({ retried }, { status: retried === "QUEUED" ? 200 : 404 });
}
