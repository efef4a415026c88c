import { describe, expect, it } from "vitest";
import { defaultSmsHelpText, smsKeywordOf } from "./keywords";

describe("the keyword a shopper texted", () => {
  it.each([
    ["STOP", "STOP"],
    [" stop ", "STOP"],
    ["Unsubscribe", "STOP"],
    ["quit", "STOP"],
    ["START", "START"],
    ["unstop", "START"],
    ["help", "HELP"],
    ["INFO", "HELP"],
  ])("reads %j as %s", (body, keyword) => {
    expect(smsKeywordOf(body)).toBe(keyword);
  });

  it("reads no keyword in a sentence that contains one", () => {
    expect(smsKeywordOf("please stop texting me at work")).toBeNull();
    expect(smsKeywordOf("When do you open?")).toBeNull();
    expect(smsKeywordOf("")).toBeNull();
  });

  it("takes Twilio's OptOutType over the text", () => {
    expect(smsKeywordOf("arrêt", "STOP")).toBe("STOP");
    expect(smsKeywordOf("STOP", "START")).toBe("START");
    expect(smsKeywordOf("hello", "something else")).toBeNull();
  });

  it("answers HELP in the shop's name when it wrote no text of its own", () => {
    expect(defaultSmsHelpText("Windy City Outfitters")).toMatch(/^Windy City Outfitters: .*Reply STOP to opt out/);
  });
});
