import prisma from "~/db.server";
import {
  HISTORY_DAYS,
  inputsFromHistory,
  type InputsFromHistory,
  type RoutingHistorySummary,
} from "~/domain/roi/from-history";
import type { RoiInputs } from "~/domain/roi/roi-calculator";
import { summariseRoutingHistory } from "~/models/roi-history.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RoiFromData extends InputsFromHistory {
  /** What the window held, for the page to say what the figures rest on. */
  readonly summary: RoutingHistorySummary;
  readonly since: Date;
  readonly until: Date;
}

/**
 * The calculator's orders, BOPIS share, shipping and labour inputs from the shop's routing
 * decisions of the 30 days up to `now` (a month, for a calculator that counts by the month);
 * the inputs the history cannot speak to stay as given.
 */
export async function roiInputsFromYourData(shop: string, now: Date, otherwise: RoiInputs): Promise<RoiFromData> {
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const summary = await summariseRoutingHistory(prisma, shop, since, now);
  return { ...inputsFromHistory(summary, otherwise), summary, since, until: now };
}
