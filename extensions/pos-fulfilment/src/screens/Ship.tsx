import { useState } from "preact/hooks";
import type { Task } from "../api/contract";
import { NextStep } from "../components/NextStep";
import { PhotoField } from "../components/PhotoField";
import { TaskFrame } from "../components/TaskFrame";
import { TaskHeading } from "../components/TaskHeading";
import { usePhotoCapture } from "../hooks/camera";
import { useNow } from "../hooks/now";
import { useCameraScanner, useScans } from "../hooks/scanner";
import { useTaskWork, type TaskWork } from "../hooks/task-work";

type Problems = Partial<Record<"first" | "second", string>>;

/**
 * Two fields and a button: carrier and tracking number for a parcel, courier and tracking link
 * for a local delivery. The second field takes scans (a tracking barcode).
 */
function HandOffForm({
  labels,
  button,
  check,
  submit,
  work,
}: {
  labels: [string, string];
  button: string;
  check: (first: string, second: string) => Problems;
  submit: (first: string, second: string) => void;
  work: TaskWork;
}) {
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const { cameraOn, toggleCamera } = useCameraScanner();
  useScans((code) => setSecond(code));

  const send = () => {
    const found = check(first.trim(), second.trim());
    setProblems(found);
    if (!found.first && !found.second) submit(first.trim(), second.trim());
  };

  return (
    <s-stack direction="block" gap="small">
      <s-text-field
        label={labels[0]}
        value={first}
        error={problems.first}
        onInput={(event) => setFirst(event.currentTarget.value ?? "")}
      />
      <s-text-field
        label={labels[1]}
        value={second}
        error={problems.second}
        onInput={(event) => setSecond(event.currentTarget.value ?? "")}
      />
      <s-button onClick={toggleCamera}>{cameraOn ? "Hide camera" : "Scan with camera"}</s-button>
      <s-button variant="primary" disabled={work.sending} onClick={send}>
        {button}
      </s-button>
    </s-stack>
  );
}

function ParcelForm({ work }: { work: TaskWork }) {
  return (
    <HandOffForm
      work={work}
      labels={["Carrier", "Tracking number"]}
      button="Mark shipped"
      check={(carrier, trackingNumber) => ({
        first: carrier ? undefined : "Enter the carrier, for example UPS.",
        second: trackingNumber ? undefined : "Type or scan the tracking number.",
      })}
      submit={(carrier, trackingNumber) =>
        void work.run({ kind: "transition", to: "SHIPPED", carrier, trackingNumber }, `Ship with ${carrier}`)
      }
    />
  );
}

function CourierForm({ work }: { work: TaskWork }) {
  return (
    <HandOffForm
      work={work}
      labels={["Courier's name", "Tracking link (optional)"]}
      button="Hand to courier"
      check={(courierName, trackingUrl) => ({
        first: courierName ? undefined : "Enter the courier's or driver's name.",
        second: !trackingUrl || trackingUrl.startsWith("https://") ? undefined : "A tracking link starts with https://",
      })}
      submit={(courierName, trackingUrl) =>
        void work.run(
          { kind: "transition", to: "OUT_FOR_DELIVERY", courierName, trackingUrl: trackingUrl || undefined },
          `Hand to ${courierName}`,
        )
      }
    />
  );
}

/** Delivered, with an optional photo as proof, sent after the delivery is recorded. */
function DeliveredForm({ work }: { work: TaskWork }) {
  const capture = usePhotoCapture();
  const deliver = async () => {
    const { photo } = capture;
    const outcome = await work.run({ kind: "transition", to: "DELIVERED" }, "Delivered");
    if (outcome.status === "refused" || !photo) return;
    await work.run({ kind: "photos", purpose: "DELIVERY", ...photo }, "Delivery photo");
  };
  return (
    <s-stack direction="block" gap="base">
      <PhotoField heading="Photo as proof (optional)" capture={capture} />
      <s-button variant="primary" disabled={work.sending} onClick={() => void deliver()}>
        Mark delivered
      </s-button>
    </s-stack>
  );
}

function ShipContent({ task, work }: { task: Task; work: TaskWork }) {
  if (task.state === "PACKED" && task.kind === "SHIP") return <ParcelForm work={work} />;
  if (task.state === "PACKED" && task.kind === "LOCAL_DELIVERY") return <CourierForm work={work} />;
  if (task.state === "OUT_FOR_DELIVERY") return <DeliveredForm work={work} />;
  return null;
}

/** Ship from store (carrier and tracking) and local delivery (courier, then delivered). */
export function ShipScreen({ taskId }: { taskId: string }) {
  const work = useTaskWork(taskId);
  const now = useNow(30_000);
  const { task } = work;
  return (
    <TaskFrame heading={task?.kind === "LOCAL_DELIVERY" ? "Deliver" : "Ship"} work={work}>
      {task && (
        <s-stack direction="block" gap="base">
          <TaskHeading task={task} now={now} />
          <ShipContent task={task} work={work} />
          <NextStep task={task} here="Ship" />
        </s-stack>
      )}
    </TaskFrame>
  );
}
