/** A "Send test" on the Sender accounts card, as the server answers it and the card shows it. */

export const TEST_SEND_VENDORS = ["twilio", "sendgrid", "onesignal"] as const;
export type TestSendVendor = (typeof TEST_SEND_VENDORS)[number];

export type TestSendOutcome =
  /** Sent: the vendor's id for it. */
  | { ok: true; vendor: TestSendVendor; id: string; message: string }
  /** Not sent. `badInput`: what the merchant typed was wrong, and nothing was tried. */
  | { ok: false; vendor: TestSendVendor; message: string; badInput: boolean };
