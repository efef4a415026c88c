import { describe, expect, it } from "vitest";
import { CADENCE_STEPS } from "~/domain/notifications";
import { smsTextFor, type SmsFacts } from "./sms-text";

const FACTS: SmsFacts = {
  shopName: "Windy City Outfitters",
  orderName: "#1042",
  storeName: "Lincoln Park",
  storeAddress: "2001 N Clark St, Chicago, IL 60614",
  pickupPassUrl: "https://app.example.com/pickup/windy-city:5000001.abcdefghijklmnopqrstuv",
  offer: "Rate us and get 10% off next time",
};

describe("the text of each step sent by SMS", () => {
  it("has a text for every step a merchant may send by SMS, naming the shop and the order, within two segments", () => {
    for (const step of CADENCE_STEPS.filter((candidate) => candidate.allowedChannels.includes("SMS"))) {
      const text = smsTextFor(step.key, FACTS);

      expect(text, step.key).toMatch(/^Windy City Outfitters: .*#1042/);
      expect(text!.length, step.key).toBeLessThanOrEqual(306);
    }
  });

  it("tells where to pick up, with the pass, and offers HELP on the ready text", () => {
    expect(smsTextFor("READY_SMS", FACTS)).toBe(
      "Windy City Outfitters: your order #1042 is ready for pickup at Lincoln Park, 2001 N Clark St, Chicago, IL 60614. " +
        `Show your pickup pass: ${FACTS.pickupPassUrl} Reply HELP for support.`,
    );
  });

  it("leaves out what is not known: no store, no pass", () => {
    expect(smsTextFor("REMINDER_DAY_2", { ...FACTS, storeName: null, storeAddress: null, pickupPassUrl: null })).toBe(
      "Windy City Outfitters: your order #1042 is waiting for you.",
    );
  });

  it("has no text for a step it does not know", () => {
    expect(smsTextFor("SHOPIFY:ORDER_CONFIRMATION", FACTS)).toBeNull();
  });
});
