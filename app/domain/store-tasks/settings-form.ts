import { EXCEPTION_STOCK_POLICIES, type ExceptionStockPolicy, type StoreSettings } from "./settings";

/**
 * The store settings form as a browser posts it (every value a string), and the settings as the
 * form shows them. No schema here: the Stores page's browser code imports this file, so zod
 * stays out of the browser; parse-settings-form.ts, which only the server imports, parses it.
 */
export interface StoreSettingsForm {
  /** The pick-time target in minutes, as merchants think of it ("6"); stored in seconds. */
  pickTargetMinutes?: string;
  notStartedMinutes?: string;
  /** A checkbox: "true" when ticked. */
  escalationEnabled?: string;
  escalationMinutesBeforeDue?: string;
  uncollectedDays?: string;
  requireIdCheck?: string;
  exceptionStockPolicy?: string;
  shipSlaHours?: string;
  /** A checkbox: "true" when ticked. */
  emailStoresOnNewTask?: string;
}

export const STORE_SETTINGS_FIELDS = [
  "pickTargetMinutes",
  "notStartedMinutes",
  "escalationEnabled",
  "escalationMinutesBeforeDue",
  "uncollectedDays",
  "requireIdCheck",
  "exceptionStockPolicy",
  "shipSlaHours",
  "emailStoresOnNewTask",
] as const satisfies readonly (keyof StoreSettingsForm)[];

export const EXCEPTION_STOCK_POLICY_LABELS: Readonly<Record<ExceptionStockPolicy, string>> = {
  HOLD_OUT_OF_ROUTING: "Hold the store's stock of the item out of routing until its next inventory update",
  SET_SHOPIFY_ZERO: "Also set the item's available quantity at the store to 0 in Shopify",
};

export const EXCEPTION_STOCK_POLICY_OPTIONS = EXCEPTION_STOCK_POLICIES.map((value) => ({
  value,
  label: EXCEPTION_STOCK_POLICY_LABELS[value],
}));

/** The settings as the form shows them. */
export function toStoreSettingsForm(settings: StoreSettings): Required<StoreSettingsForm> {
  return {
    // Two decimals at most: 390 s shows as "6.5", 372 s as "6.2".
    pickTargetMinutes: String(Number((settings.pickTargetSeconds / 60).toFixed(2))),
    notStartedMinutes: String(settings.notStartedMinutes),
    escalationEnabled: String(settings.escalation.enabled),
    escalationMinutesBeforeDue: String(settings.escalation.minutesBeforeDue),
    uncollectedDays: String(settings.uncollectedDays),
    requireIdCheck: String(settings.requireIdCheck),
    exceptionStockPolicy: settings.exceptionStockPolicy,
    shipSlaHours: String(settings.shipSlaHours),
    emailStoresOnNewTask: String(settings.emailStoresOnNewTask),
  };
}
