import type { TaskCommand } from "./api/contract";
import { isRecord } from "./api/client";
import { host } from "./host";

/**
 * An action the associate took that the server has not answered yet (offline, no answer, or a
 * login to renew). It is kept in POS storage with its requestId, so it survives screen changes
 * and a restart of the modal, and a resend has one effect on the server.
 */
export interface KeptAction {
  requestId: string;
  command: TaskCommand;
  /** What the associate did, as they would say it: "Mark ready", "Scan 0123…". */
  label: string;
}

function storageKey(taskId: string): string {
  return `kept-actions:${taskId}`;
}

function isKeptAction(value: unknown): value is KeptAction {
  return (
    isRecord(value) &&
    typeof value.requestId === "string" &&
    typeof value.label === "string" &&
    isRecord(value.command) &&
    typeof value.command.kind === "string"
  );
}

export function keepAction(command: TaskCommand, label: string): KeptAction {
  return { requestId: crypto.randomUUID(), command, label };
}

export async function loadKeptActions(taskId: string): Promise<KeptAction[]> {
  const stored: unknown = await host()
    .storage.get(storageKey(taskId))
    .catch(() => undefined);
  return Array.isArray(stored) ? stored.filter(isKeptAction) : [];
}

/**
 * Saves the task's kept actions; false when POS storage refused them (it throws when full),
 * in which case they live only as long as this screen and the caller says so.
 */
export async function saveKeptActions(taskId: string, actions: readonly KeptAction[]): Promise<boolean> {
  const { storage } = host();
  try {
    if (actions.length === 0) await storage.delete(storageKey(taskId));
    else await storage.set(storageKey(taskId), actions);
    return true;
  } catch {
    return false;
  }
}
