import { z } from "zod";

/**
 * How the merchant runs store fulfilment: the pick-time target, when a task alerts or
 * escalates, whether handover needs an ID check, what an exception does to the store's stock,
 * and whether stores are emailed when an order arrives.
 */

export const EXCEPTION_STOCK_POLICIES = ["HOLD_OUT_OF_ROUTING", "SET_SHOPIFY_ZERO"] as const;
/**
 * HOLD_OUT_OF_ROUTING: routing ignores the store's stock of the SKU until the next inventory
 * update. SET_SHOPIFY_ZERO: Shopify's available quantity there is set to 0 as well.
 */
export type ExceptionStockPolicy = (typeof EXCEPTION_STOCK_POLICIES)[number];

export interface EscalationSettings {
  /** Off until the merchant turns it on: a reroute moves an order away from its store. */
  readonly enabled: boolean;
  /** A task not started this many minutes before it is due is rerouted. */
  readonly minutesBeforeDue: number;
}

export interface StoreSettings {
  /** Pick-time target, first scan to packed. */
  readonly pickTargetSeconds: number;
  /** A task still new this long after it was assigned alerts (critical). */
  readonly notStartedMinutes: number;
  readonly escalation: EscalationSettings;
  /** A pickup order ready this long and not collected is listed as uncollected. */
  readonly uncollectedDays: number;
  /** Every handover includes an ID check. */
  readonly requireIdCheck: boolean;
  readonly exceptionStockPolicy: ExceptionStockPolicy;
  /** A ship-from-store order is due shipped this long after it was assigned. */
  readonly shipSlaHours: number;
  /** Each store with an email address is emailed when an order arrives for it. */
  readonly emailStoresOnNewTask: boolean;
}

export const DEFAULT_STORE_SETTINGS: StoreSettings = Object.freeze({
  // The seed's retailer brought its average pick from 12 minutes to 6.
  pickTargetSeconds: 360,
  notStartedMinutes: 15,
  escalation: Object.freeze({ enabled: false, minutesBeforeDue: 30 }),
  uncollectedDays: 7,
  requireIdCheck: false,
  exceptionStockPolicy: "HOLD_OUT_OF_ROUTING",
  // Ship-from-store promises leave the store within a day.
  shipSlaHours: 24,
  // Off until the merchant gives stores their addresses and turns it on.
  emailStoresOnNewTask: false,
});

/** Bounds that keep a typo from alerting on every order, or on none. */
export const STORE_SETTINGS_LIMITS = {
  pickTargetSeconds: { min: 30, max: 4 * 3600 },
  notStartedMinutes: { min: 1, max: 24 * 60 },
  minutesBeforeDue: { min: 1, max: 24 * 60 },
  uncollectedDays: { min: 1, max: 90 },
  shipSlaHours: { min: 1, max: 14 * 24 },
} as const;

function bounded({ min, max }: { min: number; max: number }, fallback: number) {
  return z.number().int().min(min).max(max).default(fallback);
}

const DEFAULTS = DEFAULT_STORE_SETTINGS;
const LIMITS = STORE_SETTINGS_LIMITS;

/**
 * The settings as stored: every key optional, a missing one taking its default, so settings
 * saved before a key existed still read.
 */
export const storeSettingsSchema = z.object({
  pickTargetSeconds: bounded(LIMITS.pickTargetSeconds, DEFAULTS.pickTargetSeconds),
  notStartedMinutes: bounded(LIMITS.notStartedMinutes, DEFAULTS.notStartedMinutes),
  escalation: z
    .object({
      enabled: z.boolean().default(DEFAULTS.escalation.enabled),
      minutesBeforeDue: bounded(LIMITS.minutesBeforeDue, DEFAULTS.escalation.minutesBeforeDue),
    })
    .prefault({}),
  uncollectedDays: bounded(LIMITS.uncollectedDays, DEFAULTS.uncollectedDays),
  requireIdCheck: z.boolean().default(DEFAULTS.requireIdCheck),
  exceptionStockPolicy: z.enum(EXCEPTION_STOCK_POLICIES).default(DEFAULTS.exceptionStockPolicy),
  shipSlaHours: bounded(LIMITS.shipSlaHours, DEFAULTS.shipSlaHours),
  emailStoresOnNewTask: z.boolean().default(DEFAULTS.emailStoresOnNewTask),
}) satisfies z.ZodType<StoreSettings, unknown>;
