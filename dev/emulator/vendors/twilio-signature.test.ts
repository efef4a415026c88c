import { describe, expect, it } from "vitest";
import { paramsFromForm, twilioSignature, validateTwilioSignature } from "./twilio-signature";

// The example from Twilio's security documentation.
const DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const DOCS_PARAMS = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+12349013030",
  Digits: "1234",
  From: "+12349013030",
  To: "+18005551212",
};
const DOCS_AUTH_TOKEN = "12345";
const DOCS_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

describe("Twilio request signature", () => {
  it("matches the example in Twilio's documentation", () => {
    expect(twilioSignature(DOCS_AUTH_TOKEN, DOCS_URL, DOCS_PARAMS)).toBe(DOCS_SIGNATURE);
    expect(validateTwilioSignature(DOCS_AUTH_TOKEN, DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE)).toBe(true);
  });

  it("sorts parameters by name, so the order they arrive in does not matter", () => {
    const reversed = Object.fromEntries(Object.entries(DOCS_PARAMS).reverse());
    expect(twilioSignature(DOCS_AUTH_TOKEN, DOCS_URL, reversed)).toBe(DOCS_SIGNATURE);
  });

  it("rejects a changed parameter, URL, token or signature", () => {
    expect(validateTwilioSignature(DOCS_AUTH_TOKEN, DOCS_URL, { ...DOCS_PARAMS, Digits: "1235" }, DOCS_SIGNATURE)).toBe(
      false,
    );
    expect(validateTwilioSignature(DOCS_AUTH_TOKEN, `${DOCS_URL}&x=1`, DOCS_PARAMS, DOCS_SIGNATURE)).toBe(false);
    expect(validateTwilioSignature("54321", DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE)).toBe(false);
    expect(validateTwilioSignature(DOCS_AUTH_TOKEN, DOCS_URL, DOCS_PARAMS, "short")).toBe(false);
  });

  it("signs a repeated form parameter with each of its values in sorted order", () => {
    const form = new URLSearchParams("MediaUrl=https://b.test/2&MediaUrl=https://a.test/1&Body=hi");
    const params = paramsFromForm(form);

    expect(params).toEqual({ MediaUrl: ["https://b.test/2", "https://a.test/1"], Body: "hi" });
    expect(twilioSignature("token", "https://app.test/sms", params)).toBe(
      twilioSignature("token", "https://app.test/sms", {
        Body: "hi",
        MediaUrl: ["https://a.test/1", "https://b.test/2"],
      }),
    );
  });
});
