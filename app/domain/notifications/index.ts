// The customer notification cadence's public surface: the steps as data, the merchant's
// settings, what each order event schedules and cancels, quiet hours and the auto-cancel preview.
export {
  CADENCE_EVENT_TYPES,
  CADENCE_STEP_KEYS,
  CADENCE_STEPS,
  cadenceStep,
  MESSAGE_KINDS,
  NOTIFICATION_CHANNELS,
  SHOPIFY_MESSAGE_KEYS,
  SHOPIFY_MESSAGES,
} from "./steps";
export type * from "./steps";
export {
  DEFAULT_FEEDBACK_OFFER,
  DEFAULT_NOTIFICATION_SETTINGS,
  NOTIFICATION_SETTINGS_LIMITS,
  notificationSettingsSchema,
  readStoredNotificationSettings,
} from "./settings";
export type * from "./settings";
export { DEFAULT_SENDING_WINDOWS, nextSendableAt } from "./quiet-hours";
export type * from "./quiet-hours";
export { autoCancelAt, recipientTimeZone, scheduleFor, SKIP_REASONS, unreachableReason } from "./schedule";
export type * from "./schedule";
export { ordersToAutoCancel } from "./uncollected";
export type * from "./uncollected";
export { fallbackReasonText, NO_FALLBACK_REASONS, nextChannelAfter } from "./fallback";
export type * from "./fallback";
