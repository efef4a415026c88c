import { describe, expect, it } from "vitest";
import { routeForTask, routeFromState } from "./routes";

describe("routes between the modal's screens", () => {
  it("reads a route back from navigation state", () => {
    expect(routeFromState({ screen: "Stage", taskId: "t1" })).toEqual({ screen: "Stage", taskId: "t1" });
    expect(routeFromState({ screen: "Exception", taskId: "t1", lineItemId: "l1" })).toEqual({
      screen: "Exception",
      taskId: "t1",
      lineItemId: "l1",
    });
    expect(routeFromState({ screen: "Handover" })).toEqual({ screen: "Handover", taskId: undefined });
    expect(routeFromState({ screen: "Queue", view: "TO_SHIP" })).toEqual({ screen: "Queue", view: "TO_SHIP" });
  });

  it("opens the queue for a missing, unknown or incomplete state", () => {
    expect(routeFromState(undefined)).toEqual({ screen: "Queue" });
    expect(routeFromState({ screen: "Elsewhere", taskId: "t1" })).toEqual({ screen: "Queue", view: undefined });
    expect(routeFromState({ screen: "Task" })).toEqual({ screen: "Queue", view: undefined });
    expect(routeFromState({ screen: "Queue", view: "EVERYTHING" })).toEqual({ screen: "Queue", view: undefined });
  });

  it("continues each task where its work stands", () => {
    const route = (kind: "PICKUP" | "SHIP" | "LOCAL_DELIVERY", state: Parameters<typeof routeForTask>[0]["state"]) =>
      routeForTask({ id: "t1", kind, state }).screen;
    expect(route("PICKUP", "NEW")).toBe("Task");
    expect(route("PICKUP", "PICKING")).toBe("Task");
    expect(route("PICKUP", "PACKED")).toBe("Stage");
    expect(route("SHIP", "PACKED")).toBe("Ship");
    expect(route("LOCAL_DELIVERY", "PACKED")).toBe("Ship");
    expect(route("PICKUP", "STAGED")).toBe("Ready");
    expect(route("PICKUP", "READY")).toBe("Handover");
    expect(route("LOCAL_DELIVERY", "OUT_FOR_DELIVERY")).toBe("Ship");
    expect(route("PICKUP", "EXCEPTION")).toBe("Task");
  });
});
