import { z } from "zod";
import type { FieldErrors, FormResult } from "../form-result";
import { minuteOfDay } from "../local-time";
import { messageTextFieldOf, messageTextsOfForm } from "./message-texts-form";
import { NOTIFICATION_SETTINGS_LIMITS, notificationSettingsSchema, type NotificationSettings } from "./settings";
import {
  DELAY_UNITS,
  MINUTES_PER_UNIT,
  stepField,
  type CadenceForm,
  type CadenceFormField,
  type SenderAccountField,
  type SenderAccountsForm,
} from "./settings-form";
import { CADENCE_STEP_KEYS, NOTIFICATION_CHANNELS, type CadenceStepKey, type NotificationChannel } from "./steps";

/**
 * Reads the Notifications page's forms (settings-form.ts): the cadence and its policies into
 * NotificationSettings, the sender accounts into what to save. One message per field; either
 * every field reads or nothing is taken.
 */

const LIMITS = NOTIFICATION_SETTINGS_LIMITS;

/** An unticked checkbox is absent from the posted form: off. */
const checkbox = z
  .enum(["true", "false", "on"], { error: "Choose on or off" })
  .optional()
  .transform((value) => value === "true" || value === "on");

/** Absent (a form from before the option existed): the setting's default. */
const optionalCheckbox = z
  .enum(["true", "false", "on"], { error: "Choose on or off" })
  .optional()
  .transform((value) => (value === undefined ? undefined : value !== "false"));

const delayNumber = z
  .string()
  .trim()
  .min(1, "Enter a delay (0 sends it right away)")
  .regex(/^\d+(\.\d+)?$/, "Enter the delay as a number")
  .prefault("")
  .transform(Number);

const delayUnit = z.enum(DELAY_UNITS, { error: "Choose minutes, hours or days" });

const channelList = z
  .string({ error: "Choose how this message is sent" })
  .transform((value) => value.split(","))
  .pipe(z.array(z.enum(NOTIFICATION_CHANNELS, { error: "Choose how this message is sent" })).min(1));

const timeOfDay = z
  .string()
  .trim()
  .prefault("")
  .refine((value) => minuteOfDay(value) !== null, "Enter a 24-hour time such as 08:00");

const feedbackOffer = z
  .string()
  .trim()
  .max(LIMITS.feedbackOfferLength, `Keep the offer to ${LIMITS.feedbackOfferLength} characters or fewer`)
  .prefault("");

const { min: minDays, max: maxDays } = LIMITS.uncollectedDays;
const uncollectedDays = z
  .string()
  .trim()
  .regex(/^\d+$/, "Enter a whole number of days")
  .prefault("")
  .transform(Number)
  .pipe(
    z.number().min(minDays, `Enter ${minDays} to ${maxDays} days`).max(maxDays, `Enter ${minDays} to ${maxDays} days`),
  );

const confirmedCount = z
  .string()
  .trim()
  .regex(/^\d{0,6}$/, "Review the orders it would cancel, then save again")
  .optional()
  .transform((value) => (value ? Number(value) : null));

export interface ParsedCadenceForm {
  settings: NotificationSettings;
  /** How many orders the page listed when auto-cancel was turned on; null when it listed none. */
  autoCancelConfirmedCount: number | null;
}

type Errors = FieldErrors<CadenceFormField>;

function read<Output>(schema: z.ZodType<Output, unknown>, value: unknown, field: CadenceFormField, errors: Errors) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors[field] ??= parsed.error.issues[0]?.message ?? "Check this field";
  return undefined;
}

function delayMinutes(form: CadenceForm, key: CadenceStepKey, errors: Errors): number | undefined {
  const field = stepField(key, "delay");
  const value = read(delayNumber, form[field], field, errors);
  const unit = read(delayUnit, form[stepField(key, "delayUnit")], stepField(key, "delayUnit"), errors);
  if (value === undefined || unit === undefined) return undefined;
  const minutes = value * MINUTES_PER_UNIT[unit];
  if (!Number.isInteger(minutes)) {
    errors[field] = "Enter a delay of whole minutes";
    return undefined;
  }
  if (minutes > LIMITS.delayMinutes.max) {
    errors[field] = `Enter a delay of ${LIMITS.delayMinutes.max / MINUTES_PER_UNIT.days} days or less`;
    return undefined;
  }
  return minutes;
}

/** The settings schema's own checks (allowed channels, windows' bounds, warning before cancel) on the form's fields. */
function formFieldOf(path: readonly PropertyKey[]): CadenceFormField {
  const [section, key, part] = path.map(String);
  if (section === "steps" && (CADENCE_STEP_KEYS as readonly string[]).includes(key ?? "")) {
    return stepField(
      key as CadenceStepKey,
      part === "delayMinutes" ? "delay" : part === "enabled" ? "enabled" : "channels",
    );
  }
  if (section === "sendingWindows") {
    const prefix = key === "EVENT" ? "eventWindow" : "nudgeWindow";
    return part === "start" ? `${prefix}Start` : `${prefix}End`;
  }
  if (section === "uncollected") return UNCOLLECTED_FIELDS[key ?? ""] ?? "uncollectedDays";
  if (section === "feedbackOffer") return "feedbackOffer";
  const textField = messageTextFieldOf(path.map(String));
  if (textField) return textField;
  throw new Error(`The notification settings reported an issue on no form field: ${path.join(".")}`);
}

const UNCOLLECTED_FIELDS: Readonly<Record<string, CadenceFormField>> = {
  autoCancel: "autoCancel",
  restock: "autoCancelRestock",
  refund: "autoCancelRefund",
  notifyCustomer: "autoCancelNotifyCustomer",
};

/** A field that did not read is left out, not set to undefined: the settings' step defaults are spread under it. */
function withoutUndefined<Value extends object>(value: Value): Partial<Value> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<Value>; // a subset of its own entries.
}

export function parseCadenceForm(form: CadenceForm): FormResult<ParsedCadenceForm, CadenceFormField> {
  const errors: Errors = {};
  const steps = Object.fromEntries(
    CADENCE_STEP_KEYS.map((key) => [
      key,
      withoutUndefined({
        enabled: read(checkbox, form[stepField(key, "enabled")], stepField(key, "enabled"), errors),
        delayMinutes: delayMinutes(form, key, errors),
        channels: read<NotificationChannel[]>(
          channelList,
          form[stepField(key, "channels")],
          stepField(key, "channels"),
          errors,
        ),
      }),
    ]),
  );
  const candidate = {
    steps,
    sendingWindows: {
      EVENT: {
        start: read(timeOfDay, form.eventWindowStart, "eventWindowStart", errors),
        end: read(timeOfDay, form.eventWindowEnd, "eventWindowEnd", errors),
      },
      NUDGE: {
        start: read(timeOfDay, form.nudgeWindowStart, "nudgeWindowStart", errors),
        end: read(timeOfDay, form.nudgeWindowEnd, "nudgeWindowEnd", errors),
      },
    },
    uncollected: {
      autoCancel: read(checkbox, form.autoCancel, "autoCancel", errors),
      days: read(uncollectedDays, form.uncollectedDays, "uncollectedDays", errors),
      restock: read(optionalCheckbox, form.autoCancelRestock, "autoCancelRestock", errors),
      refund: read(optionalCheckbox, form.autoCancelRefund, "autoCancelRefund", errors),
      notifyCustomer: read(optionalCheckbox, form.autoCancelNotifyCustomer, "autoCancelNotifyCustomer", errors),
    },
    feedbackOffer: read(feedbackOffer, form.feedbackOffer, "feedbackOffer", errors),
    ...messageTextsOfForm(form),
  };
  const autoCancelConfirmedCount = read(confirmedCount, form.autoCancelConfirmedCount, "autoCancel", errors);

  // Run on what did read (a field that did not is left out, taking its default), so every field
  // to fix is named at once; the warning-before-cancel check is left out when the days did not read.
  const settings = notificationSettingsSchema.safeParse(candidate);
  if (!settings.success) {
    for (const issue of settings.error.issues) {
      const field = formFieldOf(issue.path);
      if (field === "EXPIRY_WARNING.delay" && errors.uncollectedDays) continue;
      errors[field] ??= issue.message;
    }
  }
  if (!settings.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { settings: settings.data, autoCancelConfirmedCount: autoCancelConfirmedCount ?? null } };
}

/** What the sender accounts form changes: a section left blank is left as saved. */
export interface SenderAccountChanges {
  twilio: {
    accountSid: string;
    /** Undefined keeps the saved token. */
    authToken?: string;
    messagingServiceSid: string | null;
    smsHelpText: string | null;
  } | null;
  sendgrid: {
    /** Undefined keeps the saved key. */
    apiKey?: string;
    fromEmail: string;
    fromName: string | null;
    /** Null: that kind of email goes in no group. */
    reminderGroupId: number | null;
    feedbackGroupId: number | null;
  } | null;
  onesignal?: {
    appId: string;
    /** Undefined keeps the saved key. */
    restApiKey?: string;
  } | null;
}

export interface SavedSecrets {
  twilioAuthToken: boolean;
  sendgridApiKey: boolean;
  onesignalRestApiKey?: boolean;
}

const ONESIGNAL_APP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SMS_HELP_TEXT_MAX = 300;
const SECRET_MAX = 200;

const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .prefault("")
    .transform((value) => value || null);
const secret = z
  .string()
  .trim()
  .max(SECRET_MAX, "This is longer than any key: paste it again")
  .regex(/^[\x21-\x7e]*$/, "Paste the key alone, without spaces")
  .prefault("")
  .transform((value) => value || undefined);
// Twilio's ids: two letters and 32 characters (the same rule the inbound webhook reads them by).
const twilioSid = (prefix: "AC" | "MG", message: string) =>
  z
    .string()
    .trim()
    .prefault("")
    .refine((value) => value === "" || new RegExp(`^${prefix}[0-9a-zA-Z]{32}$`).test(value), message)
    .transform((value) => value || null);

// A SendGrid unsubscribe group's id (Suppressions › Unsubscribe Groups): a whole number; blank for none.
const unsubscribeGroupId = z
  .string()
  .trim()
  .prefault("")
  .refine((value) => value === "" || /^[1-9]\d{0,9}$/.test(value), "Enter the group's ID: a whole number from SendGrid")
  .transform((value) => (value ? Number(value) : null));

const senderAccountsSchema = z.object({
  twilioAccountSid: twilioSid("AC", "Enter the Account SID from Twilio's console: AC and 32 characters"),
  twilioAuthToken: secret,
  twilioMessagingServiceSid: twilioSid("MG", "Enter the Messaging Service SID: MG and 32 characters"),
  smsHelpText: text(SMS_HELP_TEXT_MAX, `Keep the HELP reply to ${SMS_HELP_TEXT_MAX} characters or fewer`),
  sendgridApiKey: secret,
  sendgridFromEmail: z
    .string()
    .trim()
    .prefault("")
    .refine(
      (value) => value === "" || z.email().safeParse(value).success,
      "Enter an email address such as orders@yourshop.com",
    )
    .transform((value) => value || null),
  sendgridFromName: text(100, "Keep the sender name to 100 characters or fewer"),
  sendgridReminderGroupId: unsubscribeGroupId,
  sendgridFeedbackGroupId: unsubscribeGroupId,
  onesignalAppId: z
    .string()
    .trim()
    .prefault("")
    .refine(
      (value) => value === "" || ONESIGNAL_APP_ID.test(value),
      "Enter the App ID from OneSignal's Settings › Keys & IDs: a UUID such as 5eb5a37e-b458-11e3-ac11-000c2940e62c",
    )
    .transform((value) => value || null),
  onesignalRestApiKey: secret,
});

/** The accounts to save, or why not; `saved` says which secrets a blank field keeps. */
export function parseSenderAccountsForm(
  form: SenderAccountsForm,
  saved: SavedSecrets,
): FormResult<SenderAccountChanges, SenderAccountField> {
  const parsed = senderAccountsSchema.safeParse(form);
  const errors: FieldErrors<SenderAccountField> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as SenderAccountField] ??= issue.message; // the schema's keys are the form's.
    return { ok: false, errors };
  }
  const values = parsed.data;
  const twilioTouched = Boolean(
    values.twilioAccountSid || values.twilioAuthToken || values.twilioMessagingServiceSid || values.smsHelpText,
  );
  const sendgridTouched = Boolean(
    values.sendgridApiKey ||
    values.sendgridFromEmail ||
    values.sendgridFromName ||
    values.sendgridReminderGroupId ||
    values.sendgridFeedbackGroupId,
  );
  const onesignalTouched = Boolean(values.onesignalAppId || values.onesignalRestApiKey);
  if (onesignalTouched) {
    if (!values.onesignalAppId) errors.onesignalAppId = "Enter the App ID to send push notifications";
    if (!values.onesignalRestApiKey && !saved.onesignalRestApiKey) {
      errors.onesignalRestApiKey = "Enter the REST API key";
    }
  }
  if (twilioTouched) {
    if (!values.twilioAccountSid) errors.twilioAccountSid = "Enter the Account SID to send texts";
    if (!values.twilioAuthToken && !saved.twilioAuthToken) errors.twilioAuthToken = "Enter the Auth Token";
  }
  if (sendgridTouched) {
    if (!values.sendgridApiKey && !saved.sendgridApiKey) errors.sendgridApiKey = "Enter the API key";
    if (!values.sendgridFromEmail) errors.sendgridFromEmail = "Enter the address customers' emails come from";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      twilio:
        twilioTouched && values.twilioAccountSid
          ? {
              accountSid: values.twilioAccountSid,
              ...(values.twilioAuthToken ? { authToken: values.twilioAuthToken } : {}),
              messagingServiceSid: values.twilioMessagingServiceSid,
              smsHelpText: values.smsHelpText,
            }
          : null,
      sendgrid:
        sendgridTouched && values.sendgridFromEmail
          ? {
              ...(values.sendgridApiKey ? { apiKey: values.sendgridApiKey } : {}),
              fromEmail: values.sendgridFromEmail,
              fromName: values.sendgridFromName,
              reminderGroupId: values.sendgridReminderGroupId,
              feedbackGroupId: values.sendgridFeedbackGroupId,
            }
          : null,
      onesignal:
        onesignalTouched && values.onesignalAppId
          ? {
              appId: values.onesignalAppId,
              ...(values.onesignalRestApiKey ? { restApiKey: values.onesignalRestApiKey } : {}),
            }
          : null,
    },
  };
}
