import { describe, expect, it } from "vitest";
import {
  customEmailTemplate,
  DEFAULT_EMAIL_TEMPLATES,
  EMAIL_TEMPLATE_LIMITS,
  emailTemplateFor,
  emailTemplateProblems,
  logoUrlProblem,
} from "./customer-email-templates";
import { renderCustomerEmail, sampleEmailFacts } from "./render-customer-email";

describe("a shop's own customer emails", () => {
  it("uses the shop's subject and body for an email it reworded, and the app's for the others", () => {
    const templates = { REMINDER: { subject: "Still here, {{customerFirstName}}", body: "See you at {{storeName}}." } };

    expect(emailTemplateFor("REMINDER", templates)).toEqual(templates.REMINDER);
    expect(emailTemplateFor("DELAY", templates)).toEqual(DEFAULT_EMAIL_TEMPLATES.DELAY);
  });

  it("escapes a store name with a script in the merchant's email, and keeps it as text in the plain version", () => {
    const facts = sampleEmailFacts("Windy <b>City</b>");
    const email = renderCustomerEmail(
      "REMINDER",
      { subject: "{{storeName}}", body: "Come to {{storeName}}" },
      { ...facts, store: { ...facts.store!, name: "<script>alert(1)</script>" } },
    );

    expect(email.html).not.toMatch(/<script>|<b>City/);
    expect(email.html).toContain("Come to &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.text).toContain("Come to <script>alert(1)</script>");
    expect(email.subject).toBe("<script>alert(1)</script>");
  });

  it("puts the merchant's heading above the text, filled in and escaped, in the HTML and the plain text", () => {
    const email = renderCustomerEmail(
      "REMINDER",
      { subject: "Waiting", heading: "<i>Still</i> at {{storeName}}", body: "Come by." },
      sampleEmailFacts("Windy City Outfitters"),
    );

    expect(email.html).toContain(">&lt;i&gt;Still&lt;/i&gt; at Lincoln Park</h1>");
    expect(email.text).toMatch(/^Windy City Outfitters\n\n<i>Still<\/i> at Lincoln Park\n\nCome by\./);
    expect(emailTemplateProblems({ subject: "x", heading: "{{nope}}", body: "y" })).toEqual({
      heading: expect.stringMatching(/^Unknown placeholder \{\{nope\}\}/),
    });
  });

  it("names the unknown placeholders per field, and refuses a blank or overlong subject or body", () => {
    expect(emailTemplateProblems({ subject: "Hi {{firstName}}", body: "{{orderName}} {{storeNmae}}" })).toEqual({
      subject: expect.stringMatching(/^Unknown placeholder \{\{firstName\}\}: use \{\{shopName\}\}, /),
      body: expect.stringMatching(/^Unknown placeholder \{\{storeNmae\}\}: use /),
    });
    expect(emailTemplateProblems({ subject: " ", body: "x".repeat(EMAIL_TEMPLATE_LIMITS.body + 1) })).toEqual({
      subject: "Enter a subject, or reset the email to the recommended one",
      body: `Keep the text to ${EMAIL_TEMPLATE_LIMITS.body} characters or fewer`,
    });
    expect(emailTemplateProblems(DEFAULT_EMAIL_TEMPLATES.FEEDBACK)).toEqual({});
  });

  it("keeps an email only when it differs from the app's (blank both: reset)", () => {
    expect(
      customEmailTemplate("DELAY", {
        ...DEFAULT_EMAIL_TEMPLATES.DELAY,
        subject: ` ${DEFAULT_EMAIL_TEMPLATES.DELAY.subject}`,
      }),
    ).toBeNull();
    expect(customEmailTemplate("DELAY", { subject: "", body: "" })).toBeNull();
    expect(customEmailTemplate("DELAY", { subject: "Sorry!", body: "Line one\r\n\r\nLine two" })).toEqual({
      subject: "Sorry!",
      body: "Line one\n\nLine two",
    });
  });

  it("takes a logo from an https address only", () => {
    expect(logoUrlProblem("https://cdn.shopify.com/logo.png")).toBeNull();
    expect(logoUrlProblem("http://cdn.example.com/logo.png")).toBe("Enter the logo's https:// address");
    expect(logoUrlProblem("javascript:alert(1)")).toBe("Enter the logo's https:// address");
    expect(logoUrlProblem("logo.png")).toBe("Enter the logo's https:// address");
  });
});
