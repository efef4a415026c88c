import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ManualConfirmReason, Task, TaskLine } from "../api/contract";
import { NextStep } from "../components/NextStep";
import { PrintButtons } from "../components/PrintButtons";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading } from "../components/TaskHeading";
import { ago, duration } from "../format";
import { host } from "../host";
import { useNow } from "../hooks/now";
import { useCameraScanner, useScans } from "../hooks/scanner";
import { useTaskWork } from "../hooks/task-work";
import { go } from "../routes";

const REASONS: readonly { reason: ManualConfirmReason; label: string }[] = [
  { reason: "LABEL_UNREADABLE", label: "The label can't be read" },
  { reason: "NO_BARCODE", label: "The item has no barcode" },
  { reason: "SCANNER_BROKEN", label: "The scanner isn't working" },
];

function isReason(value: unknown): value is ManualConfirmReason {
  return REASONS.some((entry) => entry.reason === value);
}

function remaining(line: TaskLine): number {
  return Math.max(0, line.quantity - line.picked);
}

function allPicked(task: Task): boolean {
  return task.lines.every((line) => remaining(line) === 0);
}

/** The pick clock against the store's target; it starts at the first scan. */
function PickTimer({ task, now }: { task: Task; now: number }) {
  const target = duration(task.pickTargetSeconds);
  if (!task.pickStartedAt) return <s-text>{`Pick target ${target}: the clock starts at your first scan.`}</s-text>;
  const seconds = (now - Date.parse(task.pickStartedAt)) / 1000;
  const over = seconds > task.pickTargetSeconds;
  return (
    <s-text type="strong" tone={over ? "critical" : "success"}>
      {`Pick time ${duration(seconds)} · target ${target}`}
    </s-text>
  );
}

/** Confirming a line without a scan says why; the server records the reason. */
function ManualConfirm({
  line,
  onConfirm,
  onCancel,
}: {
  line: TaskLine;
  onConfirm: (reason: ManualConfirmReason, quantity: number) => void;
  onCancel: () => void;
}) {
  const left = remaining(line);
  const [reason, setReason] = useState<ManualConfirmReason | null>(null);
  const [quantity, setQuantity] = useState(String(left));
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = () => {
    const count = Number(quantity);
    if (!reason) return setProblem("Choose why you are confirming without a scan.");
    if (!Number.isInteger(count) || count < 1 || count > left) return setProblem(`Enter a quantity from 1 to ${left}.`);
    onConfirm(reason, count);
  };

  return (
    <s-box padding="small">
      <s-stack direction="block" gap="small">
        <s-text type="strong">Why no scan?</s-text>
        <s-choice-list
          values={reason ? [reason] : []}
          onChange={(event) => {
            const chosen = event.currentTarget.values?.[0];
            setReason(isReason(chosen) ? chosen : null);
            setProblem(null);
          }}
        >
          {REASONS.map((entry) => (
            <s-choice key={entry.reason} value={entry.reason}>
              {entry.label}
            </s-choice>
          ))}
        </s-choice-list>
        <s-number-field
          label="How many did you pick?"
          value={quantity}
          min={1}
          max={left}
          onInput={(event) => setQuantity(event.currentTarget.value ?? "")}
        />
        {problem && <s-text tone="critical">{problem}</s-text>}
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" onClick={confirm}>
            Confirm picked
          </s-button>
          <s-button onClick={onCancel}>Cancel</s-button>
        </s-stack>
      </s-stack>
    </s-box>
  );
}

/** The longest place the server keeps ("Aisle 4, Bin 12"); longer is refused there too. */
const PLACE_MAX_LENGTH = 64;

/** "Found it elsewhere": where the item really is, so the next picker at this store is sent there. */
function FoundElsewhere({ onSave, onCancel }: { onSave: (code: string) => void; onCancel: () => void }) {
  const [place, setPlace] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const save = () => {
    const code = place.replace(/\s+/g, " ").trim();
    if (!code) return setProblem("Enter where you found it, for example Aisle 4, Bin 12.");
    if (code.length > PLACE_MAX_LENGTH) return setProblem(`Keep it to ${PLACE_MAX_LENGTH} characters.`);
    onSave(code);
  };

  return (
    <s-box padding="small">
      <s-stack direction="block" gap="small">
        <s-text-field
          label="Where did you find it?"
          value={place}
          onInput={(event) => {
            setPlace(event.currentTarget.value ?? "");
            setProblem(null);
          }}
        />
        {problem && <s-text tone="critical">{problem}</s-text>}
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" onClick={save}>
            Save location
          </s-button>
          <s-button onClick={onCancel}>Cancel</s-button>
        </s-stack>
      </s-stack>
    </s-box>
  );
}

function PickLine({
  line,
  now,
  children,
  onStartConfirm,
  onFoundElsewhere,
  onReport,
}: {
  line: TaskLine;
  now: number;
  children?: ComponentChildren;
  onStartConfirm: () => void;
  /** Offered while picking, for an item with a SKU (bins are kept by SKU). */
  onFoundElsewhere?: () => void;
  onReport: () => void;
}) {
  const done = remaining(line) === 0;
  return (
    <s-box padding="small">
      <s-stack direction="inline" gap="base">
        {line.imageUrl && <s-image src={line.imageUrl} inlineSize="auto" objectFit="contain" />}
        <s-stack direction="block" gap="small">
          <s-text type="strong">{line.title}</s-text>
          {line.variantTitle && <s-text color="subdued">{line.variantTitle}</s-text>}
          <s-text>
            {line.binLocation
              ? `${line.binLocation.code} · confirmed ${ago(line.binLocation.confirmedAt, now)}`
              : "No bin location recorded for this store"}
          </s-text>
          <s-badge tone={done ? "success" : "neutral"}>{`${line.picked} of ${line.quantity} picked`}</s-badge>
          {!done && <s-button onClick={onStartConfirm}>Confirm without scanning</s-button>}
          {line.sku && onFoundElsewhere && <s-button onClick={onFoundElsewhere}>Found it elsewhere</s-button>}
          <s-button tone="critical" onClick={onReport}>
            Report a problem
          </s-button>
          {children}
        </s-stack>
      </s-stack>
    </s-box>
  );
}

/** Picking: scan each item (or type its barcode), see each line's progress and where to find it. */
export function PickScreen({ taskId }: { taskId: string }) {
  const work = useTaskWork(taskId);
  const now = useNow(1_000);
  const { cameraOn, toggleCamera } = useCameraScanner();
  const [typedCode, setTypedCode] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [relocating, setRelocating] = useState<string | null>(null);
  const { task } = work;
  const picking = task?.state === "NEW" || task?.state === "PICKING";

  const scan = async (code: string) => {
    if (!task || !picking) return;
    if (task.state === "NEW") await work.run({ kind: "transition", to: "PICKING" }, "Start picking");
    const outcome = await work.run({ kind: "scan", code }, `Scan ${code}`);
    if (outcome.status === "done" && outcome.line) host().toast.show(`Picked ${outcome.line.title}`);
  };
  useScans((code) => void scan(code));

  const checkTyped = () => {
    const code = typedCode.trim();
    if (!code) return;
    setTypedCode("");
    void scan(code);
  };

  const confirmLine = async (line: TaskLine, reason: ManualConfirmReason, quantity: number) => {
    setConfirming(null);
    await work.run({ kind: "confirm-line", lineItemId: line.lineItemId, quantity, reason }, `Confirm ${line.title}`);
  };

  const saveFoundAt = async (line: TaskLine, code: string) => {
    setRelocating(null);
    const outcome = await work.run({ kind: "bin-location", lineItemId: line.lineItemId, code }, `Found ${line.title}`);
    if (outcome.status === "done") host().toast.show(`${line.title}: ${code} saved for this store`);
  };

  return (
    <TaskFrame heading="Pick" work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <TaskHeading task={task} now={now} />
          {task.state === "EXCEPTION" && (
            <s-banner tone="warning" heading="Problem reported">
              <s-text>Omniroute is moving the affected items to another store. Keep this order aside.</s-text>
            </s-banner>
          )}
          {picking && <PickTimer task={task} now={now} />}
          {picking && (
            <s-section heading="Scan items">
              <s-stack direction="block" gap="small">
                <s-button onClick={toggleCamera}>{cameraOn ? "Hide camera" : "Scan with camera"}</s-button>
                <s-text-field
                  label="Or type the barcode"
                  value={typedCode}
                  onInput={(event) => setTypedCode(event.currentTarget.value ?? "")}
                />
                <s-button onClick={checkTyped}>Check item</s-button>
              </s-stack>
            </s-section>
          )}
          <s-section heading="Items">
            {task.lines.map((line) => (
              <PickLine
                key={line.lineItemId}
                line={line}
                now={now}
                onStartConfirm={() => {
                  setRelocating(null);
                  setConfirming(line.lineItemId);
                }}
                onFoundElsewhere={
                  picking
                    ? () => {
                        setConfirming(null);
                        setRelocating(line.lineItemId);
                      }
                    : undefined
                }
                onReport={() => go({ screen: "Exception", taskId, lineItemId: line.lineItemId })}
              >
                {picking && confirming === line.lineItemId && (
                  <ManualConfirm
                    line={line}
                    onConfirm={(reason, quantity) => void confirmLine(line, reason, quantity)}
                    onCancel={() => setConfirming(null)}
                  />
                )}
                {picking && relocating === line.lineItemId && (
                  <FoundElsewhere
                    onSave={(code) => void saveFoundAt(line, code)}
                    onCancel={() => setRelocating(null)}
                  />
                )}
              </PickLine>
            ))}
          </s-section>
          {task.state === "NEW" && (
            <s-button
              variant="primary"
              onClick={() => void work.run({ kind: "transition", to: "PICKING" }, "Start picking")}
            >
              Start picking
            </s-button>
          )}
          {task.state === "PICKING" && allPicked(task) && (
            <s-button variant="primary" onClick={() => go({ screen: "Pack", taskId })}>
              Continue to packing
            </s-button>
          )}
          <PrintButtons taskId={taskId} documents={["PICK_LIST", "PACKING_SLIP"]} />
          <NextStep task={task} here="Task" />
        </s-stack>
      )}
    </TaskFrame>
  );
}
