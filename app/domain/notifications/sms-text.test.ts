import { describe, expect, it } from "vitest";
import { smsLength } from "../sms/sms-segments";
import {
  customSmsText,
  DEFAULT_SMS_TEXTS,
  renderSmsTemplate,
  SMS_TEXT_MAX_LENGTH,
  smsTemplateProblems,
  smsTextFor,
  type SmsFacts,
} from "./sms-text";
import { CADENCE_STEPS } from "./steps";

const FACTS: SmsFacts = {
  shopName: "Windy City Outfitters",
  orderName: "#1042",
  storeName: "Lincoln Park",
  storeAddress: "2001 N Clark St, Chicago, IL 60614",
  pickupPassUrl: "https://app.example.com/pickup/windy-city:5000001.abcdefghijklmnopqrstuv",
  offer: "Rate us and get 10% off next time",
  trackingUrl: "https://www.ups.com/track?tracknum=1Z999",
};

describe("the text of each step sent by SMS", () => {
  it("has a text for every step a merchant may send by SMS, naming the shop and the order, within two segments", () => {
    for (const step of CADENCE_STEPS.filter((candidate) => candidate.allowedChannels.includes("SMS"))) {
      const text = smsTextFor(step.key, FACTS);

      expect(text, step.key).toMatch(/^Windy City Outfitters: .*#1042/);
      expect(smsLength(text!).segments, step.key).toBeLessThanOrEqual(2);
    }
  });

  it("tells where to pick up, with the pass, and offers HELP and STOP on the ready text", () => {
    expect(smsTextFor("READY_SMS", FACTS)).toBe(
      "Windy City Outfitters: your order #1042 is ready for pickup at Lincoln Park, 2001 N Clark St, Chicago, IL 60614. " +
        `Show your pickup pass: ${FACTS.pickupPassUrl} Reply HELP for support, STOP to opt out.`,
    );
  });

  it("says how to stop texts in the confirmation, the first text a shopper gets", () => {
    expect(smsTextFor("CONFIRMATION_SMS", FACTS)).toMatch(/Reply STOP to opt out\.$/);
  });

  it("leaves out what is not known: no store, no pass, no offer, no tracking link", () => {
    const unknown = {
      ...FACTS,
      storeName: null,
      storeAddress: null,
      pickupPassUrl: null,
      offer: null,
      trackingUrl: null,
    };

    expect(smsTextFor("REMINDER_DAY_2", unknown)).toBe("Windy City Outfitters: your order #1042 is waiting for you.");
    expect(smsTextFor("FEEDBACK_EMAIL", unknown)).toBe(
      "Windy City Outfitters: thank you for picking up order #1042. How did it go? Just reply.",
    );
    expect(smsTextFor("SHIPPED_SMS", unknown)).toBe("Windy City Outfitters: your order #1042 has shipped.");
  });

  it("carries the tracking link in the shipped text", () => {
    expect(smsTextFor("SHIPPED_SMS", FACTS)).toBe(
      "Windy City Outfitters: your order #1042 has shipped. Track it: https://www.ups.com/track?tracknum=1Z999",
    );
  });

  it("has no text for a step it does not know", () => {
    expect(smsTextFor("SHOPIFY:ORDER_CONFIRMATION", FACTS)).toBeNull();
  });

  it("uses the shop's own text for a step, and the app's for the others", () => {
    const texts = { REMINDER_DAY_2: "{{shopName}}: {{orderName}} is at {{storeName}} till 8pm." };

    expect(smsTextFor("REMINDER_DAY_2", FACTS, texts)).toBe(
      "Windy City Outfitters: #1042 is at Lincoln Park till 8pm.",
    );
    expect(smsTextFor("REMINDER_DAY_5", FACTS, texts)).toBe(smsTextFor("REMINDER_DAY_5", FACTS));
  });
});

describe("filling a text template", () => {
  it("fills each placeholder", () => {
    const template =
      "{{shopName}}|{{orderName}}|{{storeName}}|{{storeAddress}}|{{pickupPassLink}}|{{offer}}|{{trackingLink}}";

    expect(renderSmsTemplate(template, FACTS)).toBe(
      [
        FACTS.shopName,
        FACTS.orderName,
        FACTS.storeName,
        FACTS.storeAddress,
        FACTS.pickupPassUrl,
        FACTS.offer,
        FACTS.trackingUrl,
      ].join("|"),
    );
  });

  it("drops an [optional part] whose value is blank, keeps its words otherwise, and leaves plain [brackets] alone", () => {
    const template = "{{shopName}}[ at {{storeName}}][ pass {{pickupPassLink}}] [sic]";

    expect(renderSmsTemplate(template, { ...FACTS, pickupPassUrl: null })).toBe(
      "Windy City Outfitters at Lincoln Park [sic]",
    );
  });

  it("puts a value in as it is, even one that looks like a placeholder or markup (a text is plain text)", () => {
    expect(renderSmsTemplate("{{shopName}}", { ...FACTS, shopName: "<script>{{offer}}</script>" })).toBe(
      "<script>{{offer}}</script>",
    );
  });

  it("leaves an unknown placeholder as typed, so the preview shows the mistake", () => {
    expect(renderSmsTemplate("Hi {{firstName}}", FACTS)).toBe("Hi {{firstName}}");
  });
});

describe("checking a merchant's text", () => {
  it("accepts every default text", () => {
    for (const step of CADENCE_STEPS)
      expect(smsTemplateProblems(step.key, DEFAULT_SMS_TEXTS[step.key]), step.key).toEqual([]);
  });

  it("names the unknown placeholders and the ones it may use", () => {
    const [problem] = smsTemplateProblems("REMINDER_DAY_2", "{{shopName}}: hi {{firstName}}, {{ordr}}");

    expect(problem).toContain("Unknown placeholders {{firstName}}, {{ordr}}");
    expect(problem).toContain("{{orderName}}");
    expect(problem).not.toContain("{{trackingLink}}");
  });

  it("refuses a tracking link where there is none to give", () => {
    expect(smsTemplateProblems("READY_SMS", "{{shopName}} {{trackingLink}} HELP STOP")).toEqual([
      "{{trackingLink}} is only known for shipped and out-for-delivery texts",
    ]);
  });

  it("keeps the shop's name in every text, and HELP and STOP where the shopper may first hear from the shop", () => {
    expect(smsTemplateProblems("DELIVERED_SMS", "Delivered!")).toEqual([
      "Name your shop with {{shopName}}: shoppers and carriers need to see who is texting",
    ]);
    expect(smsTemplateProblems("CONFIRMATION_SMS", "{{shopName}}: got it")).toEqual([
      'Keep "STOP" in this text (for example "Reply STOP"): it may be the first text the shopper gets',
    ]);
    expect(smsTemplateProblems("READY_SMS", "{{shopName}}: ready. Reply STOP to stop")).toEqual([
      'Keep "HELP" in this text (for example "Reply HELP"): it may be the first text the shopper gets',
    ]);
  });

  it("refuses a blank or an overlong text", () => {
    expect(smsTemplateProblems("DELIVERED_SMS", "  ")).toEqual(["Enter the text, or reset it to the recommended one"]);
    expect(smsTemplateProblems("DELIVERED_SMS", `{{shopName}}${"x".repeat(SMS_TEXT_MAX_LENGTH)}`)[0]).toMatch(
      /^Keep the text to 400 characters or fewer/,
    );
  });

  it("keeps a text only when it differs from the default", () => {
    expect(customSmsText("DELIVERED_SMS", ` ${DEFAULT_SMS_TEXTS.DELIVERED_SMS}\r\n`)).toBeNull();
    expect(customSmsText("DELIVERED_SMS", "")).toBeNull();
    expect(customSmsText("DELIVERED_SMS", "{{shopName}}: here!\r\nEnjoy")).toBe("{{shopName}}: here!\nEnjoy");
  });
});
