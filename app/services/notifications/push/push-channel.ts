/**
 * What the sending job needs of a push service: send one message to one shopper, exactly once
 * per idempotency key. OneSignal is the one there is (onesignal-channel.server.ts); Web Push on
 * the pickup pass page can join behind the same interface.
 */

export interface PushMessage {
  /** Who it is for, as the service knows them (OneSignal: the external id, Shopify's customer id). */
  recipient: string;
  heading: string;
  body: string;
  /** Opened on a tap: the order's pickup pass. */
  url: string | null;
  /** The notification row's id: the same message sent again is the same push. */
  idempotencyKey: string;
}

export type PushOutcome =
  | { kind: "SENT"; id: string }
  /** The shopper has no device to send to: the message goes by the step's next channel. */
  | { kind: "NO_SUBSCRIBED_DEVICE"; message: string }
  /** Refused (credentials, app, message): sending it again would fail again. */
  | { kind: "REFUSED"; message: string }
  /** It may have gone: sent again with the same idempotency key, which sends it at most once. */
  | { kind: "UNKNOWN"; message: string };

export interface PushChannel {
  /** The service's name, as the order page and the settings name it. */
  readonly service: string;
  send(message: PushMessage): Promise<PushOutcome>;
}
