import { useState } from "preact/hooks";
import type { PosApiError } from "../api/client";
import type { HandoverMethod, HandoverQuery, Task } from "../api/contract";
import { fetchTask, lookupHandover } from "../api/endpoints";
import { LineList } from "../components/LineList";
import { BackToQueue } from "../components/NextStep";
import { ErrorBanner, OfflineBanner } from "../components/Notices";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading, taskTitle } from "../components/TaskHeading";
import { useOnline } from "../hooks/connectivity";
import { asApiError, useLoad } from "../hooks/load";
import { useNow } from "../hooks/now";
import { useCameraScanner, useScans } from "../hooks/scanner";
import { useTaskWork } from "../hooks/task-work";

/** "1001" and "#1001" both name order #1001; other formats are sent as typed. */
function orderNameOf(typed: string): string {
  const name = typed.trim();
  return /^\d+$/.test(name) ? `#${name}` : name;
}

/** The found order, checked against the shopper, then handed over. */
function HandoverConfirm({ found, method, expected }: { found: Task; method: HandoverMethod; expected: Task | null }) {
  const work = useTaskWork(found.id);
  const now = useNow(30_000);
  const [idChecked, setIdChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const task = work.task ?? found;

  const handOver = () => {
    if (task.requireIdCheck && !idChecked) return setProblem("Check the customer's photo ID first.");
    void work.run({ kind: "transition", to: "PICKED_UP", handover: { method, idChecked } }, "Hand over");
  };

  return (
    <TaskFrame heading="Hand over" work={work}>
      <s-stack direction="block" gap="base">
        <TaskHeading task={task} now={now} />
        {expected && expected.id !== task.id && (
          <s-banner tone="warning" heading="A different order">
            <s-text>{`This is ${task.orderName}, not ${expected.orderName}. Hand over the order the customer showed.`}</s-text>
          </s-banner>
        )}
        {task.bin && <s-text type="strong">{`Collect from bin ${task.bin}`}</s-text>}
        <LineList lines={task.lines} />
        {task.state === "READY" && (
          <s-stack direction="block" gap="small">
            {task.requireIdCheck && (
              <s-switch
                label="I checked the customer's photo ID"
                checked={idChecked}
                onChange={(event) => {
                  setIdChecked(Boolean(event.currentTarget.checked));
                  setProblem(null);
                }}
              />
            )}
            {problem && <s-text tone="critical">{problem}</s-text>}
            <s-button variant="primary" disabled={work.sending} onClick={handOver}>
              Hand over
            </s-button>
          </s-stack>
        )}
        {task.state === "PICKED_UP" && !task.pending && (
          <s-banner tone="success" heading="Handed over">
            <s-text>Shopify marks the order fulfilled.</s-text>
          </s-banner>
        )}
        {task.state === "PICKED_UP" && <BackToQueue />}
      </s-stack>
    </TaskFrame>
  );
}

/**
 * Handover: the shopper shows their pickup QR code, says their code, or gives their order
 * number and last name; the order found is the one handed over.
 */
export function HandoverScreen({ expectedTaskId }: { expectedTaskId?: string }) {
  const online = useOnline();
  const { cameraOn, toggleCamera } = useCameraScanner();
  const expected = useLoad(() => (expectedTaskId ? fetchTask(expectedTaskId) : Promise.resolve(null)), "expected");
  const [found, setFound] = useState<{ task: Task; method: HandoverMethod } | null>(null);
  const [error, setError] = useState<PosApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [code, setCode] = useState("");
  const [orderName, setOrderName] = useState("");
  const [lastName, setLastName] = useState("");

  const find = async (query: HandoverQuery, method: HandoverMethod) => {
    setSearching(true);
    setProblem(null);
    try {
      setFound({ task: await lookupHandover(query), method });
      setError(null);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setSearching(false);
    }
  };
  useScans((data) => {
    if (!found) void find({ code: data }, "QR");
  });

  if (found) return <HandoverConfirm found={found.task} method={found.method} expected={expected.data} />;

  const findByCode = () => {
    if (!code.trim()) return setProblem("Type the customer's pickup code.");
    void find({ code: code.trim() }, "PICKUP_CODE");
  };
  const findByName = () => {
    if (!orderName.trim() || !lastName.trim()) return setProblem("Enter both the order number and the last name.");
    void find({ orderName: orderNameOf(orderName), lastName: lastName.trim() }, "NAME_AND_ORDER");
  };

  return (
    <s-page heading="Hand over">
      <s-scroll-box>
        <s-stack direction="block" gap="base" padding="base">
          <OfflineBanner online={online} />
          <ErrorBanner error={error} />
          {expected.data && <s-text type="strong">{`Handing over ${taskTitle(expected.data)}`}</s-text>}
          <s-section heading="Scan the customer's QR code">
            <s-button onClick={toggleCamera}>{cameraOn ? "Hide camera" : "Scan with camera"}</s-button>
          </s-section>
          <s-section heading="Or type their pickup code">
            <s-stack direction="block" gap="small">
              <s-text-field
                label="Pickup code"
                value={code}
                onInput={(event) => setCode(event.currentTarget.value ?? "")}
              />
              <s-button disabled={searching} onClick={findByCode}>
                Find by code
              </s-button>
            </s-stack>
          </s-section>
          <s-section heading="Or search by order number and last name">
            <s-stack direction="block" gap="small">
              <s-text-field
                label="Order number"
                value={orderName}
                onInput={(event) => setOrderName(event.currentTarget.value ?? "")}
              />
              <s-text-field
                label="Last name"
                value={lastName}
                onInput={(event) => setLastName(event.currentTarget.value ?? "")}
              />
              <s-button disabled={searching} onClick={findByName}>
                Search
              </s-button>
            </s-stack>
          </s-section>
          {problem && <s-text tone="critical">{problem}</s-text>}
        </s-stack>
      </s-scroll-box>
    </s-page>
  );
}
