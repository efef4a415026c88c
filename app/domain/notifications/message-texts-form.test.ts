import { describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_TEMPLATES } from "../email/customer-email-templates";
import { toMessageTextsForm } from "./message-texts-form";
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema } from "./settings";
import { toCadenceForm, type CadenceForm } from "./settings-form";
import { parseCadenceForm } from "./settings-form-parse";
import { DEFAULT_SMS_TEXTS } from "./sms-text";

const DEFAULT_FORM = toCadenceForm(DEFAULT_NOTIFICATION_SETTINGS);
const edited = (changes: CadenceForm): CadenceForm => ({ ...DEFAULT_FORM, ...changes });

describe("the shop's wording on the cadence form", () => {
  it("shows the app's texts until the merchant changes them, and keeps none of them when saved as shown", () => {
    expect(DEFAULT_FORM["READY_SMS.text"]).toBe(DEFAULT_SMS_TEXTS.READY_SMS);
    expect(DEFAULT_FORM["email.FEEDBACK.body"]).toBe(DEFAULT_EMAIL_TEMPLATES.FEEDBACK.body);
    expect(DEFAULT_FORM.emailLogoUrl).toBe("");

    const parsed = parseCadenceForm(DEFAULT_FORM);

    expect(parsed.ok && parsed.values.settings).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it("saves the texts, emails and logo the merchant changed, and shows them back", () => {
    const parsed = parseCadenceForm(
      edited({
        "DELIVERED_SMS.text": "{{shopName}}: {{orderName}} is at your door!\r\n",
        "email.DELAY.subject": "Sorry, {{customerFirstName}}",
        "email.DELAY.heading": " Running late ",
        "email.DELAY.body": "It is late.\r\n\r\nWe are on it.",
        emailLogoUrl: " https://cdn.windy.example/logo.png ",
      }),
    );

    expect(parsed.ok).toBe(true);
    const settings = parsed.ok ? parsed.values.settings : DEFAULT_NOTIFICATION_SETTINGS;
    expect(settings.texts).toEqual({ DELIVERED_SMS: "{{shopName}}: {{orderName}} is at your door!" });
    expect(settings.emailTemplates).toEqual({
      DELAY: { subject: "Sorry, {{customerFirstName}}", heading: "Running late", body: "It is late.\n\nWe are on it." },
    });
    expect(settings.emailLogoUrl).toBe("https://cdn.windy.example/logo.png");
    expect(toMessageTextsForm(settings)).toMatchObject({
      "DELIVERED_SMS.text": "{{shopName}}: {{orderName}} is at your door!",
      "email.DELAY.subject": "Sorry, {{customerFirstName}}",
      "CANCELLED_NOTICE.text": DEFAULT_SMS_TEXTS.CANCELLED_NOTICE,
      emailLogoUrl: "https://cdn.windy.example/logo.png",
    });
  });

  it("resets a text left blank to the app's", () => {
    const parsed = parseCadenceForm(
      edited({ "DELIVERED_SMS.text": "  ", "email.DELAY.subject": "", "email.DELAY.body": "" }),
    );

    expect(parsed.ok && parsed.values.settings).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it("refuses bad wording with one message on each field to fix, and saves nothing", () => {
    const parsed = parseCadenceForm(
      edited({
        "READY_SMS.text": "{{shopName}}: ready, {{firstName}}! HELP STOP",
        "CONFIRMATION_SMS.text": "{{shopName}}: confirmed.",
        "email.REMINDER.subject": "Hi {{first}}",
        "email.REMINDER.body": "",
        emailLogoUrl: "http://windy.example/logo.png",
      }),
    );

    expect(parsed).toEqual({
      ok: false,
      errors: {
        "READY_SMS.text": expect.stringMatching(/^Unknown placeholder \{\{firstName\}\}: use \{\{shopName\}\}/),
        "CONFIRMATION_SMS.text": expect.stringContaining('Keep "STOP" in this text'),
        "email.REMINDER.subject": expect.stringMatching(/^Unknown placeholder \{\{first\}\}/),
        "email.REMINDER.body": "Enter the email's text, or reset it to the recommended one",
        emailLogoUrl: "Enter the logo's https:// address",
      },
    });
  });

  it("reads settings stored before the shop's wording existed, and refuses stored wording that breaks the rules", () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS)) as Record<string, unknown>;

    expect(notificationSettingsSchema.parse(stored)).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(notificationSettingsSchema.safeParse({ ...stored, texts: { READY_SMS: "no shop" } }).success).toBe(false);
    expect(notificationSettingsSchema.safeParse({ ...stored, emailLogoUrl: "javascript:alert(1)" }).success).toBe(
      false,
    );
  });
});
