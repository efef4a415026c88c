import type { CadenceStepKey } from "./steps";

/**
 * Which of a shop's SendGrid unsubscribe groups a step's email belongs to. A shopper who stops
 * the reminders, or the feedback requests, still hears that their order is ready, moved, late or
 * about to be cancelled: those are about the order they placed, so they go in no group (and only
 * a stop to every email from the shop silences them).
 */
export type SuppressionGroup = "REMINDERS" | "FEEDBACK";

const GROUP_OF_STEP: Partial<Record<CadenceStepKey, SuppressionGroup>> = {
  PICKUP_REMINDER_PUSH: "REMINDERS",
  REMINDER_DAY_2: "REMINDERS",
  REMINDER_DAY_5: "REMINDERS",
  FEEDBACK_EMAIL: "FEEDBACK",
};

export function suppressionGroupOfStep(step: CadenceStepKey): SuppressionGroup | null {
  return GROUP_OF_STEP[step] ?? null;
}

/** The shop's SendGrid group id for the step's email, or null when it goes in none. */
export function asmGroupIdFor(
  step: CadenceStepKey,
  groups: { readonly reminderGroupId: number | null; readonly feedbackGroupId: number | null },
): number | null {
  switch (suppressionGroupOfStep(step)) {
    case "REMINDERS":
      return groups.reminderGroupId;
    case "FEEDBACK":
      return groups.feedbackGroupId;
    case null:
      return null;
  }
}
