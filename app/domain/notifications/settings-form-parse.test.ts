import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_SETTINGS } from "./settings";
import { channelOptions, delayInUnit, toCadenceForm, type CadenceForm } from "./settings-form";
import { parseCadenceForm, parseSenderAccountsForm } from "./settings-form-parse";

const DEFAULT_FORM = toCadenceForm(DEFAULT_NOTIFICATION_SETTINGS);
const edited = (changes: CadenceForm): CadenceForm => ({ ...DEFAULT_FORM, ...changes });

describe("the cadence form", () => {
  it("reads the defaults, as the page shows them, back into the default settings", () => {
    expect(parseCadenceForm(DEFAULT_FORM)).toEqual({
      ok: true,
      values: { settings: DEFAULT_NOTIFICATION_SETTINGS, autoCancelConfirmedCount: null },
    });
  });

  it("shows each delay in the unit that reads well", () => {
    expect([0, 45, 120, 90, 2880, 1500].map(delayInUnit)).toEqual([
      { value: "0", unit: "minutes" },
      { value: "45", unit: "minutes" },
      { value: "2", unit: "hours" },
      { value: "90", unit: "minutes" },
      { value: "2", unit: "days" },
      { value: "25", unit: "hours" },
    ]);
  });

  it("reads a step switched off (its checkbox absent), a delay in hours and a channel order", () => {
    const { ["READY_SMS.enabled"]: _unticked, ...form } = edited({
      "REMINDER_DAY_2.delay": "1.5",
      "REMINDER_DAY_2.delayUnit": "hours",
      "REMINDER_DAY_2.channels": "EMAIL,SMS",
      autoCancel: "true",
      uncollectedDays: "10",
      autoCancelRefund: "false",
      autoCancelConfirmedCount: "3",
      feedbackOffer: "  THANKS10 for 10% off  ",
    });
    const parsed = parseCadenceForm(form);
    expect(parsed.ok && parsed.values.settings.steps.READY_SMS.enabled).toBe(false);
    expect(parsed.ok && parsed.values.settings.steps.REMINDER_DAY_2).toEqual({
      enabled: true,
      delayMinutes: 90,
      channels: ["EMAIL", "SMS"],
    });
    expect(parsed.ok && parsed.values.settings.uncollected).toEqual({
      autoCancel: true,
      days: 10,
      restock: true,
      refund: false,
      notifyCustomer: true,
    });
    expect(parsed.ok && parsed.values.settings.feedbackOffer).toBe("THANKS10 for 10% off");
    expect(parsed.ok && parsed.values.autoCancelConfirmedCount).toBe(3);
  });

  it.each<[string, CadenceForm, Record<string, string>]>([
    ["a delay that is no number", { "READY_SMS.delay": "soon" }, { "READY_SMS.delay": "Enter the delay as a number" }],
    ["an empty delay", { "READY_SMS.delay": " " }, { "READY_SMS.delay": "Enter a delay (0 sends it right away)" }],
    ["a negative delay", { "READY_SMS.delay": "-5" }, { "READY_SMS.delay": "Enter the delay as a number" }],
    [
      "a delay of part of a minute",
      { "READY_SMS.delay": "0.5" },
      { "READY_SMS.delay": "Enter a delay of whole minutes" },
    ],
    [
      "a delay over 30 days",
      { "REMINDER_DAY_5.delay": "31", "REMINDER_DAY_5.delayUnit": "days" },
      { "REMINDER_DAY_5.delay": "Enter a delay of 30 days or less" },
    ],
    ["an unknown unit", { "READY_SMS.delayUnit": "weeks" }, { "READY_SMS.delayUnit": "Choose minutes, hours or days" }],
    [
      "an unknown channel",
      { "READY_SMS.channels": "FAX" },
      { "READY_SMS.channels": "Choose how this message is sent" },
    ],
    [
      "a channel the step does not offer",
      { "CONFIRMATION_SMS.channels": "EMAIL" },
      { "CONFIRMATION_SMS.channels": "EMAIL is not offered for this message" },
    ],
    ["push alone", { "READY_SMS.channels": "PUSH" }, { "READY_SMS.channels": "Push needs SMS or email as well" }],
    ["a time that is no time", { eventWindowStart: "8am" }, { eventWindowStart: "Enter a 24-hour time such as 08:00" }],
    ["sending before 08:00", { nudgeWindowStart: "07:30" }, { nudgeWindowStart: "Start at 08:00 or later" }],
    [
      "a window under an hour",
      { eventWindowStart: "10:00", eventWindowEnd: "10:30" },
      { eventWindowEnd: "Allow at least an hour of sending" },
    ],
    ["days that are no whole number", { uncollectedDays: "2.5" }, { uncollectedDays: "Enter a whole number of days" }],
    ["zero days", { uncollectedDays: "0" }, { uncollectedDays: "Enter 1 to 90 days" }],
    [
      "an offer too long",
      { feedbackOffer: "x".repeat(201) },
      { feedbackOffer: "Keep the offer to 200 characters or fewer" },
    ],
    [
      "a warning not before the cancel",
      { uncollectedDays: "1" },
      { "EXPIRY_WARNING.delay": "Warn before the order is cancelled, not after it was ready" },
    ],
    ["a checkbox that is no checkbox", { autoCancel: "yes please" }, { autoCancel: "Choose on or off" }],
  ])("refuses %s with one message on its field", (_name, changes, errors) => {
    expect(parseCadenceForm(edited(changes))).toEqual({ ok: false, errors });
  });

  it("reports every field to fix at once", () => {
    const parsed = parseCadenceForm(edited({ "READY_SMS.delay": "x", uncollectedDays: "x", eventWindowEnd: "25:00" }));
    expect(parsed.ok ? [] : Object.keys(parsed.errors).sort()).toEqual([
      "READY_SMS.delay",
      "eventWindowEnd",
      "uncollectedDays",
    ]);
  });

  it("reads an empty form (a hostile client) as errors, not defaults", () => {
    const parsed = parseCadenceForm({});
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? null : parsed.errors["READY_SMS.channels"]).toBe("Choose how this message is sent");
  });

  it("offers each step's allowed channels alone and in pairs, never push alone", () => {
    expect(channelOptions("READY_SMS").map((option) => option.value)).toEqual(["SMS", "SMS,PUSH", "PUSH,SMS"]);
    expect(channelOptions("CONFIRMATION_SMS").map((option) => option.label)).toEqual(["SMS"]);
    expect(channelOptions("FEEDBACK_EMAIL").map((option) => option.label)).toEqual([
      "Email",
      "SMS",
      "Email, else SMS",
      "SMS, else email",
    ]);
  });
});

const SID = `AC${"a1".repeat(16)}`;
const SERVICE = `MG${"b2".repeat(16)}`;
const NOTHING_SAVED = { twilioAuthToken: false, sendgridApiKey: false };

describe("the sender accounts form", () => {
  it("reads both accounts", () => {
    expect(
      parseSenderAccountsForm(
        {
          twilioAccountSid: ` ${SID} `,
          twilioAuthToken: "token-1234567890",
          twilioMessagingServiceSid: SERVICE,
          smsHelpText: "",
          sendgridApiKey: "SG.key.1234567890",
          sendgridFromEmail: "orders@shop.example",
          sendgridFromName: "Windy City",
        },
        NOTHING_SAVED,
      ),
    ).toEqual({
      ok: true,
      values: {
        twilio: { accountSid: SID, authToken: "token-1234567890", messagingServiceSid: SERVICE, smsHelpText: null },
        sendgrid: {
          apiKey: "SG.key.1234567890",
          fromEmail: "orders@shop.example",
          fromName: "Windy City",
          reminderGroupId: null,
          feedbackGroupId: null,
        },
        onesignal: null,
      },
    });
  });

  it("reads SendGrid's unsubscribe groups as whole numbers, blank for none, and refuses anything else", () => {
    const sendgrid = { sendgridApiKey: "SG.key.1234567890", sendgridFromEmail: "orders@shop.example" };
    expect(
      parseSenderAccountsForm(
        { ...sendgrid, sendgridReminderGroupId: " 4101 ", sendgridFeedbackGroupId: "" },
        NOTHING_SAVED,
      ),
    ).toMatchObject({ ok: true, values: { sendgrid: { reminderGroupId: 4101, feedbackGroupId: null } } });
    for (const bad of ["abc", "0", "-3", "1.5", "99999999999"]) {
      expect(parseSenderAccountsForm({ ...sendgrid, sendgridFeedbackGroupId: bad }, NOTHING_SAVED)).toEqual({
        ok: false,
        errors: { sendgridFeedbackGroupId: "Enter the group's ID: a whole number from SendGrid" },
      });
    }
  });

  it("reads the OneSignal app, keeping its saved key when the field is blank", () => {
    const appId = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
    expect(
      parseSenderAccountsForm({ onesignalAppId: ` ${appId} `, onesignalRestApiKey: "os_v2_key" }, NOTHING_SAVED),
    ).toMatchObject({ ok: true, values: { onesignal: { appId, restApiKey: "os_v2_key" } } });
    expect(
      parseSenderAccountsForm(
        { onesignalAppId: appId, onesignalRestApiKey: "" },
        { ...NOTHING_SAVED, onesignalRestApiKey: true },
      ),
    ).toMatchObject({ ok: true, values: { onesignal: { appId } } });
  });

  it("keeps a saved secret when its field is blank, and leaves a blank section as it is", () => {
    expect(
      parseSenderAccountsForm(
        { twilioAccountSid: SID, twilioAuthToken: "", sendgridApiKey: "", sendgridFromEmail: "" },
        { twilioAuthToken: true, sendgridApiKey: true },
      ),
    ).toEqual({
      ok: true,
      values: {
        twilio: { accountSid: SID, messagingServiceSid: null, smsHelpText: null },
        sendgrid: null,
        onesignal: null,
      },
    });
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ["a token with no saved one", { twilioAccountSid: SID }, { twilioAuthToken: "Enter the Auth Token" }],
    [
      "an SID that is not Twilio's",
      { twilioAccountSid: "AC123", twilioAuthToken: "t" },
      { twilioAccountSid: "Enter the Account SID from Twilio's console: AC and 32 characters" },
    ],
    ["a token without its SID", { twilioAuthToken: "t" }, { twilioAccountSid: "Enter the Account SID to send texts" }],
    [
      "a Messaging Service SID that is not one",
      { twilioAccountSid: SID, twilioAuthToken: "t", twilioMessagingServiceSid: "PN1" },
      { twilioMessagingServiceSid: "Enter the Messaging Service SID: MG and 32 characters" },
    ],
    [
      "a key with spaces in it",
      { sendgridApiKey: "SG key", sendgridFromEmail: "a@b.example" },
      { sendgridApiKey: "Paste the key alone, without spaces" },
    ],
    [
      "a sender that is no address",
      { sendgridApiKey: "SG.k", sendgridFromEmail: "orders" },
      { sendgridFromEmail: "Enter an email address such as orders@yourshop.com" },
    ],
    [
      "a key without a sender",
      { sendgridApiKey: "SG.k" },
      { sendgridFromEmail: "Enter the address customers' emails come from" },
    ],
    [
      "a OneSignal key with no saved one",
      { onesignalAppId: "5eb5a37e-b458-11e3-ac11-000c2940e62c" },
      { onesignalRestApiKey: "Enter the REST API key" },
    ],
    [
      "a OneSignal key without its app id",
      { onesignalRestApiKey: "k" },
      { onesignalAppId: "Enter the App ID to send push notifications" },
    ],
  ])("refuses %s", (_name, form, errors) => {
    expect(parseSenderAccountsForm(form, NOTHING_SAVED)).toEqual({ ok: false, errors });
  });
});
