import { z } from "zod";
import { minuteOfDay } from "../local-time";
import { messageTextsShape, type MessageTexts } from "./message-texts";
import { DEFAULT_SENDING_WINDOWS, type SendingWindow, type SendingWindows } from "./quiet-hours";
import {
  CADENCE_STEP_KEYS,
  CADENCE_STEPS,
  cadenceStep,
  NOTIFICATION_CHANNELS,
  type CadenceStepKey,
  type NotificationChannel,
} from "./steps";

/**
 * How a merchant runs the cadence: each step on or off, its delay and channels, the sending
 * windows, the uncollected-order policy and the feedback email's offer. Stored as JSON; every key
 * optional, a missing one taking its default, so settings saved before a step existed still read.
 */

export interface StepSettings {
  readonly enabled: boolean;
  /** After the triggering event; for the expiry warning, before the auto-cancel. */
  readonly delayMinutes: number;
  /** In order of preference: the first the shopper can be reached on is used. */
  readonly channels: readonly NotificationChannel[];
}

export interface UncollectedPolicy {
  /** Off until the merchant turns it on (after seeing which orders it would cancel). */
  readonly autoCancel: boolean;
  /** A pickup order ready this many 24-hour days and not collected is cancelled. */
  readonly days: number;
  /** Its committed units go back to available at the store. */
  readonly restock: boolean;
  /** The shopper is refunded to the original payment methods. */
  readonly refund: boolean;
  /** Shopify sends the shopper its order-cancelled email. */
  readonly notifyCustomer: boolean;
}

/** With the shop's own wording of its texts and emails (message-texts.ts). */
export interface NotificationSettings extends MessageTexts {
  readonly steps: Readonly<Record<CadenceStepKey, StepSettings>>;
  readonly sendingWindows: SendingWindows;
  readonly uncollected: UncollectedPolicy;
  /** The seed's feedback offer, put in the feedback message. */
  readonly feedbackOffer: string;
}

export const NOTIFICATION_SETTINGS_LIMITS = {
  delayMinutes: { min: 0, max: 30 * 24 * 60 },
  uncollectedDays: { min: 1, max: 90 },
  feedbackOfferLength: 200,
  /** Merchants may narrow the sending windows (Florida's 8 to 8), never send outside 08:00–21:00. */
  earliestStart: "08:00",
  latestEnd: "21:00",
  shortestWindowMinutes: 60,
} as const;

const LIMITS = NOTIFICATION_SETTINGS_LIMITS;

export const DEFAULT_FEEDBACK_OFFER = "Rate us and get 10% off next time";

function defaultStepSettings(): Record<CadenceStepKey, StepSettings> {
  return Object.fromEntries(
    CADENCE_STEPS.map((step) => [
      step.key,
      Object.freeze({
        enabled: step.defaultEnabled,
        delayMinutes: step.defaultDelayMinutes,
        channels: step.defaultChannels,
      }),
    ]),
  ) as Record<CadenceStepKey, StepSettings>; // every key: CADENCE_STEPS lists each step once.
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = Object.freeze({
  steps: Object.freeze(defaultStepSettings()),
  sendingWindows: DEFAULT_SENDING_WINDOWS,
  uncollected: Object.freeze({ autoCancel: false, days: 7, restock: true, refund: true, notifyCustomer: true }),
  feedbackOffer: DEFAULT_FEEDBACK_OFFER,
});

const timeOfDay = z.string().refine((value) => minuteOfDay(value) !== null, "Use a 24-hour time, HH:MM");

function windowSchema(fallback: SendingWindow) {
  return z
    .object({ start: timeOfDay.default(fallback.start), end: timeOfDay.default(fallback.end) })
    .prefault({})
    .superRefine((window, ctx) => {
      const start = minuteOfDay(window.start) ?? 0;
      const end = minuteOfDay(window.end) ?? 0;
      if (start < (minuteOfDay(LIMITS.earliestStart) ?? 0)) {
        ctx.addIssue({ code: "custom", path: ["start"], message: `Start at ${LIMITS.earliestStart} or later` });
      }
      if (end > (minuteOfDay(LIMITS.latestEnd) ?? 0)) {
        ctx.addIssue({ code: "custom", path: ["end"], message: `End at ${LIMITS.latestEnd} or earlier` });
      }
      if (end - start < LIMITS.shortestWindowMinutes) {
        ctx.addIssue({ code: "custom", path: ["end"], message: "Allow at least an hour of sending" });
      }
    });
}

const stepOverrideSchema = z.object({
  enabled: z.boolean().optional(),
  delayMinutes: z.number().int().min(LIMITS.delayMinutes.min).max(LIMITS.delayMinutes.max).optional(),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).min(1).optional(),
});

/** The problem with a step's channels, or null when the merchant may use them. */
function channelProblem(key: CadenceStepKey, channels: readonly NotificationChannel[]): string | null {
  const step = cadenceStep(key);
  const refused = channels.find((channel) => !step.allowedChannels.includes(channel));
  if (refused) return `${refused} is not offered for this message`;
  if (new Set(channels).size !== channels.length) return "A channel is listed twice";
  // Push reaches few shoppers (no web push on iPhones outside Home-Screen apps).
  if (channels.every((channel) => channel === "PUSH")) return "Push needs SMS or email as well";
  return null;
}

/** The settings as stored (or as submitted), read into full settings with every default filled. */
export const notificationSettingsSchema = z
  .object({
    steps: z.partialRecord(z.enum(CADENCE_STEP_KEYS), stepOverrideSchema).default({}),
    sendingWindows: z
      .object({
        EVENT: windowSchema(DEFAULT_SENDING_WINDOWS.EVENT),
        NUDGE: windowSchema(DEFAULT_SENDING_WINDOWS.NUDGE),
      })
      .prefault({}),
    uncollected: z
      .object({
        autoCancel: z.boolean().default(DEFAULT_NOTIFICATION_SETTINGS.uncollected.autoCancel),
        days: z
          .number()
          .int()
          .min(LIMITS.uncollectedDays.min)
          .max(LIMITS.uncollectedDays.max)
          .default(DEFAULT_NOTIFICATION_SETTINGS.uncollected.days),
        restock: z.boolean().default(DEFAULT_NOTIFICATION_SETTINGS.uncollected.restock),
        refund: z.boolean().default(DEFAULT_NOTIFICATION_SETTINGS.uncollected.refund),
        notifyCustomer: z.boolean().default(DEFAULT_NOTIFICATION_SETTINGS.uncollected.notifyCustomer),
      })
      .prefault({}),
    feedbackOffer: z.string().trim().max(LIMITS.feedbackOfferLength).default(DEFAULT_FEEDBACK_OFFER),
    ...messageTextsShape,
  })
  .transform((stored): NotificationSettings => ({
    ...stored,
    steps: Object.fromEntries(
      CADENCE_STEP_KEYS.map((key) => [key, { ...DEFAULT_NOTIFICATION_SETTINGS.steps[key], ...stored.steps[key] }]),
    ) as Record<CadenceStepKey, StepSettings>, // every key: mapped from CADENCE_STEP_KEYS.
  }))
  .superRefine((settings, ctx) => {
    for (const key of CADENCE_STEP_KEYS) {
      const problem = channelProblem(key, settings.steps[key].channels);
      if (problem) ctx.addIssue({ code: "custom", path: ["steps", key, "channels"], message: problem });
    }
    const warning = settings.steps.EXPIRY_WARNING;
    if (warning.delayMinutes >= settings.uncollected.days * 24 * 60) {
      ctx.addIssue({
        code: "custom",
        path: ["steps", "EXPIRY_WARNING", "delayMinutes"],
        message: "Warn before the order is cancelled, not after it was ready",
      });
    }
  }) satisfies z.ZodType<NotificationSettings, unknown>;

type StoredObject = Record<string, unknown>;
const isObject = (value: unknown): value is StoredObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The stored settings without the parts at `paths` (each the first one or two keys of a problem's path). */
function withoutParts(stored: StoredObject, paths: readonly (readonly PropertyKey[])[]): StoredObject {
  const copy: StoredObject = { ...stored };
  for (const [top, inner] of paths) {
    if (typeof top !== "string") continue;
    const section = copy[top];
    if (typeof inner === "string" && isObject(section) && inner in section) {
      copy[top] = Object.fromEntries(Object.entries(section).filter(([key]) => key !== inner));
    } else {
      delete copy[top];
    }
  }
  return copy;
}

/**
 * Settings as stored, read leniently: a part that no longer passes (a rule tightened since it was
 * saved, a text whose placeholder was retired) takes its default and the rest of the merchant's
 * settings stand, rather than all of them falling back to the defaults. `dropped` names the parts
 * ("texts.READY_SMS"), so the caller can say so.
 */
export function readStoredNotificationSettings(stored: unknown): {
  settings: NotificationSettings;
  dropped: string[];
} {
  if (!isObject(stored)) return { settings: DEFAULT_NOTIFICATION_SETTINGS, dropped: stored == null ? [] : ["*"] };
  let current = stored;
  const dropped: string[] = [];
  // A part dropped can only take its default, which passes; a few rounds settle any stored value.
  for (let round = 0; round < 4; round++) {
    const parsed = notificationSettingsSchema.safeParse(current);
    if (parsed.success) return { settings: parsed.data, dropped };
    const paths = parsed.error.issues.map((issue) => issue.path.slice(0, 2));
    dropped.push(...paths.map((path) => path.map(String).join(".")).filter((path) => !dropped.includes(path)));
    current = withoutParts(current, paths);
  }
  return { settings: DEFAULT_NOTIFICATION_SETTINGS, dropped: ["*"] };
}
