import { formatDateTime } from "../date-time";
import type { RoutingStatus } from "../routing/types";

/**
 * The "try it" panel's comparison for a recorded order: where it actually went, where the live
 * rules would send it against today's stock, and where the draft rules send it, in sentences a
 * merchant reads at a glance ("Live rules send it to Loop; your draft sends it to the warehouse").
 */

export interface DecisionSummary {
  readonly status: RoutingStatus;
  /** The assigned locations, in the decision's order. */
  readonly locations: readonly { readonly id: string; readonly name: string }[];
}

export interface RecordedSummary extends DecisionSummary {
  readonly decidedAt: Date;
  /** The settings version in force then; null for the recommended defaults. */
  readonly settingsVersion: number | null;
}

export interface TryComparisonInput {
  /** As merchants know it, e.g. "#1001". */
  readonly orderName: string;
  /** The order's stored decision; null when it has not been routed. */
  readonly recorded: RecordedSummary | null;
  /** The live rules (saved version, null for the defaults) applied to the order now. */
  readonly live: DecisionSummary & { readonly settingsVersion: number | null };
  /** The draft rules applied to the order now, against the same stock. */
  readonly draft: DecisionSummary;
  /** The shop's time zone, in which the recorded decision's time is told. */
  readonly timeZone: string;
}

export interface TryComparison {
  /** Whether the draft sends the order somewhere other than the live rules would today. */
  readonly changed: boolean;
  readonly sentences: readonly string[];
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function where(summary: DecisionSummary, tense: "past" | "present" = "present"): string {
  if (summary.status === "UNROUTABLE" || summary.locations.length === 0) {
    return tense === "past" ? "nowhere (it could not be routed)" : "nowhere (it cannot be routed)";
  }
  const names = listed(summary.locations.map((location) => location.name));
  return summary.status === "SPLIT" ? `split between ${names}` : `to ${names}`;
}

function rulesName(version: number | null): string {
  return version === null ? "the recommended defaults" : `version ${version}`;
}

function sameDestination(a: DecisionSummary, b: DecisionSummary): boolean {
  const ids = (summary: DecisionSummary) =>
    summary.status === "UNROUTABLE" ? "" : summary.locations.map((location) => location.id).join(",");
  return a.status === b.status && ids(a) === ids(b);
}

export function compareWithLiveRules(input: TryComparisonInput): TryComparison {
  const sentences: string[] = [];
  if (input.recorded === null) {
    sentences.push(`${input.orderName} has not been routed yet.`);
  } else {
    sentences.push(
      `When ${input.orderName} was routed (${formatDateTime(input.recorded.decidedAt, input.timeZone)}), the rules then in force ` +
        `(${rulesName(input.recorded.settingsVersion)}) sent it ${where(input.recorded, "past")}.`,
    );
  }
  const changed = !sameDestination(input.live, input.draft);
  sentences.push(
    changed
      ? `Against today's stock, the live rules (${rulesName(input.live.settingsVersion)}) would send it ` +
          `${where(input.live)}; the draft rules send it ${where(input.draft)}.`
      : `Against today's stock, the draft rules send it ${where(input.draft)}, as the live rules ` +
          `(${rulesName(input.live.settingsVersion)}) would.`,
  );
  return { changed, sentences };
}
