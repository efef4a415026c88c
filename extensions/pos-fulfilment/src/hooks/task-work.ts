import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { PosApiError } from "../api/client";
import type { Task, TaskCommand, TaskLine } from "../api/contract";
import { fetchTask, sendTaskCommand } from "../api/endpoints";
import { keepAction, loadKeptActions, saveKeptActions, type KeptAction } from "../pending-actions";
import { isOnline, useOnline } from "./connectivity";
import { asApiError } from "./load";

export type ActionOutcome =
  | { status: "done"; task: Task; line?: TaskLine }
  | { status: "refused"; error: PosApiError }
  /** Not answered yet: kept on the device and sent again, with the same requestId, later. */
  | { status: "kept" };

export interface TaskWork {
  task: Task | null;
  online: boolean;
  /** What the associate should read: the server's refusal, or why kept actions are waiting. */
  error: PosApiError | null;
  kept: readonly KeptAction[];
  sending: boolean;
  /** POS storage refused the kept actions: they last only while this screen is open. */
  keptOnlyHere: boolean;
  run: (command: TaskCommand, label: string) => Promise<ActionOutcome>;
  retry: () => void;
}

/** While Shopify is being told about a change, the task is read again this often. */
const PENDING_REREAD_MS = 3_000;

/**
 * One task on one screen: its current state from the server, and the associate's actions on it.
 * Actions go out one at a time, in the order taken; each is kept (in POS storage, with its
 * requestId) until the server has decided it, so going offline, losing an answer or a login to
 * renew never loses one, and sending it again never doubles it.
 */
export function useTaskWork(taskId: string): TaskWork {
  const online = useOnline();
  const [task, setTask] = useState<Task | null>(null);
  const [error, setError] = useState<PosApiError | null>(null);
  const [kept, setKept] = useState<readonly KeptAction[]>([]);
  const [sending, setSending] = useState(false);
  const [keptOnlyHere, setKeptOnlyHere] = useState(false);
  const queue = useRef<readonly KeptAction[]>([]);
  const outcomes = useRef(new Map<string, ActionOutcome>());
  const flushing = useRef<Promise<void> | null>(null);
  const stoppedUnanswered = useRef(false);
  const storedLoaded = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(async () => {
    try {
      setTask(await fetchTask(taskId));
    } catch (failure) {
      setError(asApiError(failure));
    }
  }, [taskId]);

  const keep = useCallback(
    async (actions: readonly KeptAction[]) => {
      queue.current = actions;
      setKept(actions);
      setKeptOnlyHere(!(await saveKeptActions(taskId, actions)));
    },
    [taskId],
  );

  const sendKept = useCallback(async () => {
    stoppedUnanswered.current = false;
    setSending(true);
    try {
      while (queue.current.length > 0 && isOnline()) {
        const action = queue.current[0]!;
        try {
          const answer = await sendTaskCommand(taskId, action.command, action.requestId);
          setTask(answer.task);
          setError(null);
          outcomes.current.set(action.requestId, { status: "done", ...answer });
        } catch (failure) {
          const apiError = asApiError(failure);
          setError(apiError);
          if (apiError.worthRetrying) {
            stoppedUnanswered.current = true;
            return;
          }
          outcomes.current.set(action.requestId, { status: "refused", error: apiError });
        }
        await keep(queue.current.filter((other) => other.requestId !== action.requestId));
      }
    } finally {
      setSending(false);
    }
  }, [taskId, keep]);

  const flush = useCallback((): Promise<void> => {
    if (queue.current.length === 0) return Promise.resolve();
    flushing.current ??= sendKept().finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, [sendKept]);

  useEffect(() => {
    void reload();
    storedLoaded.current = loadKeptActions(taskId).then((stored) => {
      queue.current = [...stored, ...queue.current];
      setKept(queue.current);
      return flush();
    });
  }, [taskId, reload, flush]);

  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);

  useEffect(() => {
    if (!task?.pending) return;
    const timer = setInterval(() => void reload(), PENDING_REREAD_MS);
    return () => clearInterval(timer);
  }, [task?.pending, reload]);

  const run = useCallback(
    async (command: TaskCommand, label: string): Promise<ActionOutcome> => {
      await storedLoaded.current;
      const action = keepAction(command, label);
      await keep([...queue.current, action]);
      await flush();
      // A send that was finishing as this action was added has not looked at it: go once more.
      if (!outcomes.current.has(action.requestId) && !stoppedUnanswered.current && queue.current.includes(action)) {
        await flush();
      }
      return outcomes.current.get(action.requestId) ?? { status: "kept" };
    },
    [keep, flush],
  );

  const retry = useCallback(() => {
    setError(null);
    void flush().then(reload);
  }, [flush, reload]);

  return { task, online, error, kept, sending, keptOnlyHere, run, retry };
}
