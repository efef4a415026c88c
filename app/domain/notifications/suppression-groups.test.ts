import { describe, expect, it } from "vitest";
import { CADENCE_STEP_KEYS } from "./steps";
import { asmGroupIdFor, suppressionGroupOfStep } from "./suppression-groups";

const groups = { reminderGroupId: 101, feedbackGroupId: 202 };

describe("the unsubscribe group of a step's email", () => {
  it("puts the reminders in the reminders group and the feedback request in the feedback group", () => {
    expect(asmGroupIdFor("PICKUP_REMINDER_PUSH", groups)).toBe(101);
    expect(asmGroupIdFor("REMINDER_DAY_2", groups)).toBe(101);
    expect(asmGroupIdFor("REMINDER_DAY_5", groups)).toBe(101);
    expect(asmGroupIdFor("FEEDBACK_EMAIL", groups)).toBe(202);
  });

  it("keeps news about the order itself out of every group, so no group's unsubscribe silences it", () => {
    const inGroups = CADENCE_STEP_KEYS.filter((step) => suppressionGroupOfStep(step) !== null);
    expect(inGroups.sort()).toEqual(["FEEDBACK_EMAIL", "PICKUP_REMINDER_PUSH", "REMINDER_DAY_2", "REMINDER_DAY_5"]);
    for (const step of ["READY_SMS", "EXPIRY_WARNING", "DELAY_NOTICE", "STORE_CHANGED", "CANCELLED_NOTICE"] as const) {
      expect(asmGroupIdFor(step, groups)).toBeNull();
    }
  });

  it("sends without a group when the shop has not set that group", () => {
    expect(asmGroupIdFor("REMINDER_DAY_2", { reminderGroupId: null, feedbackGroupId: 202 })).toBeNull();
  });
});
