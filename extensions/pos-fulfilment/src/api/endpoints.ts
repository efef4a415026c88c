import { host } from "../host";
import { callPosApi, isRecord, unexpectedAnswer } from "./client";
import type { HandoverQuery, MyDay, QueueAnswer, QueueView, Task, TaskCommand, TaskLine } from "./contract";

// The checks below look at the fields the screens depend on; the casts after them trust the rest
// of the shape to the POS API contract, which the server's own tests hold it to.

function isTask(value: unknown): value is Task {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.orderName === "string" &&
    typeof value.state === "string" &&
    Array.isArray(value.lines)
  );
}

function taskOf(answer: unknown): Task {
  if (isRecord(answer) && isTask(answer.task)) return answer.task;
  throw unexpectedAnswer();
}

/** The pinned staff member, sent as a claim: the server records it beside the token's user. */
export function staffMemberId(): number | undefined {
  return host().session.staffMember.value?.id;
}

export async function fetchQueue(view: QueueView): Promise<QueueAnswer> {
  const answer = await callPosApi("GET", "queue", { view });
  if (isRecord(answer) && isRecord(answer.counts) && Array.isArray(answer.tasks)) {
    return answer as unknown as QueueAnswer;
  }
  throw unexpectedAnswer();
}

export async function fetchTask(taskId: string): Promise<Task> {
  return taskOf(await callPosApi("GET", `tasks/${encodeURIComponent(taskId)}`));
}

/** The task of a POS order at this location, or null when Omniroute has none here. */
export async function fetchOrderTask(orderId: number): Promise<Task | null> {
  const answer = await callPosApi("GET", "order-task", { orderId });
  if (isRecord(answer) && answer.task === null) return null;
  return taskOf(answer);
}

export async function fetchMyDay(): Promise<MyDay> {
  const answer = await callPosApi("GET", "me", { staffMemberId: staffMemberId() });
  if (isRecord(answer) && typeof answer.picksToday === "number" && typeof answer.targetSeconds === "number") {
    return answer as unknown as MyDay;
  }
  throw unexpectedAnswer();
}

/** One task POST; the requestId makes a resend of the same action have one effect. */
export async function sendTaskCommand(
  taskId: string,
  command: TaskCommand,
  requestId: string,
): Promise<{ task: Task; line?: TaskLine }> {
  const { kind, ...fields } = command;
  const answer = await callPosApi(
    "POST",
    `tasks/${encodeURIComponent(taskId)}/${kind}`,
    {},
    {
      requestId,
      staffMemberId: staffMemberId(),
      ...fields,
    },
  );
  const task = taskOf(answer);
  const line = isRecord(answer) && isRecord(answer.line) ? (answer.line as unknown as TaskLine) : undefined;
  return { task, line };
}

export async function lookupHandover(query: HandoverQuery): Promise<Task> {
  return taskOf(await callPosApi("POST", "handover/lookup", {}, { requestId: crypto.randomUUID(), ...query }));
}

export type PrintDocument = "PICK_LIST" | "PACKING_SLIP";

/** A signed path under the app, good for a few minutes, that POS's Printing API loads. */
export async function fetchPrintLink(taskId: string, document: PrintDocument): Promise<string> {
  const answer = await callPosApi("GET", `tasks/${encodeURIComponent(taskId)}/print-link`, { document });
  if (isRecord(answer) && typeof answer.src === "string") return answer.src;
  throw unexpectedAnswer();
}
