import { describe, expect, it } from "vitest";
import { CUSTOMER_EMAIL_STEPS, DEFAULT_EMAIL_TEMPLATES, unknownPlaceholders } from "./customer-email-templates";
import {
  previewCustomerEmail,
  renderCustomerEmail,
  sampleEmailFacts,
  SENDGRID_GROUP_UNSUBSCRIBE_TAG,
  type CustomerEmailFacts,
} from "./render-customer-email";

const facts: CustomerEmailFacts = {
  ...sampleEmailFacts("Windy City Outfitters", "https://cdn.example.com/logo.png"),
  pickupPassUrl: "https://app.example.com/pickup/tok123",
};

describe("rendering a customer email", () => {
  it("fills every placeholder in the subject, the HTML and the text", () => {
    const email = renderCustomerEmail(
      "READY",
      {
        subject: "{{orderName}} ready at {{storeName}}",
        body: "Hi {{customerFirstName}}, {{shopName}} has {{orderName}} ready {{readyBy}} at {{storeName}}, {{storeAddress}} ({{storeHours}}).\n\nCode {{pickupCode}}: {{pickupPassLink}} · map {{mapLink}}",
      },
      facts,
    );

    expect(email.subject).toBe("#1042 ready at Lincoln Park");
    expect(email.text).toContain(
      "Hi Ada, Windy City Outfitters has #1042 ready today by 4:00 PM at Lincoln Park, 2001 N Clark St, Chicago, IL 60614 (Open today 10:00 AM – 8:00 PM).",
    );
    expect(email.text).toContain("Code 4827: https://app.example.com/pickup/tok123 · map https://www.google.com/maps/");
    expect(email.html).toContain("Hi Ada, Windy City Outfitters has #1042 ready today by 4:00 PM at Lincoln Park");
    expect(email.html).toContain(
      '<a href="https://app.example.com/pickup/tok123" style="color:#005bd3">https://app.example.com/pickup/tok123</a>',
    );
    expect(email.html).toContain('<img src="https://cdn.example.com/logo.png" alt="Windy City Outfitters"');
    expect(`${email.subject}${email.html}${email.text}`).not.toContain("{{");
  });

  it("escapes every value and the merchant's own words in the HTML, and leaves the text as typed", () => {
    const hostile: CustomerEmailFacts = {
      ...facts,
      shopName: `Tom & Jerry's <b>"Shop"</b>`,
      customerFirstName: "<script>alert(1)</script>",
      store: { ...facts.store!, name: "<img src=x onerror=alert(1)>" },
    };
    const email = renderCustomerEmail(
      "REMINDER",
      {
        subject: "For {{customerFirstName}}",
        body: "<i>Hi</i> {{customerFirstName}} at {{storeName}} from {{shopName}}",
      },
      hostile,
    );

    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).not.toContain("<i>");
    expect(email.html).toContain(
      "&lt;i&gt;Hi&lt;/i&gt; &lt;script&gt;alert(1)&lt;/script&gt; at &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(email.html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Shop&quot;&lt;/b&gt;");
    expect(email.text).toContain("<i>Hi</i> <script>alert(1)</script> at <img src=x onerror=alert(1)>");
    expect(email.subject).toBe("For <script>alert(1)</script>");
  });

  it("never turns a javascript: link into an href", () => {
    const email = renderCustomerEmail("READY", DEFAULT_EMAIL_TEMPLATES.READY, {
      ...facts,
      pickupPassUrl: "javascript:alert(1)",
      logoUrl: "data:text/html,x",
      store: { ...facts.store!, mapUrl: "javascript:alert(2)" },
    });

    expect(email.html).not.toContain("javascript:");
    expect(email.html).not.toContain("data:text");
    expect(email.html).not.toContain("View your pickup pass");
    expect(email.text).not.toContain("javascript:");
  });

  it("writes a plain-text version that reads on its own: greeting, code, pass, store and footer", () => {
    const email = renderCustomerEmail("READY", DEFAULT_EMAIL_TEMPLATES.READY, facts);

    expect(email.text).toBe(
      [
        "Windy City Outfitters",
        "",
        "Hi Ada,",
        "",
        "Good news: your order #1042 is ready. Come by Lincoln Park and show your pickup code at the counter.",
        "",
        "Your pickup code: 4827",
        "",
        "Your pickup pass: https://app.example.com/pickup/tok123",
        "",
        "Pick up at: Lincoln Park",
        "2001 N Clark St, Chicago, IL 60614",
        "Open today 10:00 AM – 8:00 PM",
        "Directions: https://www.google.com/maps/search/?api=1&query=2001+N+Clark+St%2C+Chicago",
        "",
        "--",
        "Windy City Outfitters · Order #1042",
        "",
      ].join("\n"),
    );
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("greets a shopper without a name as 'there' and drops a paragraph left empty (no offer)", () => {
    const email = renderCustomerEmail("FEEDBACK", DEFAULT_EMAIL_TEMPLATES.FEEDBACK, {
      ...facts,
      customerFirstName: null,
      offer: null,
    });

    expect(email.text).toContain("Hi there,");
    expect(email.html).toContain("Hi there,");
    expect(email.html).not.toMatch(/<p[^>]*><\/p>/);
    expect(email.text).not.toMatch(/\n\n\n/);
  });

  it("puts the seed's offer in the feedback email, without the pickup code or pass", () => {
    const email = renderCustomerEmail("FEEDBACK", DEFAULT_EMAIL_TEMPLATES.FEEDBACK, facts);

    expect(email.text).toContain("Show this email for 10% off your next visit.");
    expect(email.html).toContain("Show this email for 10% off your next visit.");
    expect(email.text).not.toContain("4827");
    expect(email.html).not.toContain("View your pickup pass");
  });

  it("adds SendGrid's group unsubscribe link to reminders and feedback only", () => {
    const reminder = renderCustomerEmail("REMINDER", DEFAULT_EMAIL_TEMPLATES.REMINDER, facts);
    const delay = renderCustomerEmail("DELAY", DEFAULT_EMAIL_TEMPLATES.DELAY, facts);

    expect(reminder.html).toContain(`href="${SENDGRID_GROUP_UNSUBSCRIBE_TAG}"`);
    expect(reminder.text).toContain(`Stop these emails: ${SENDGRID_GROUP_UNSUBSCRIBE_TAG}`);
    expect(delay.html).not.toContain("asm_group_unsubscribe");
    expect(delay.text).not.toContain("Stop these emails");
  });

  it("names the old and new store when the store changed", () => {
    const email = renderCustomerEmail("STORE_CHANGED", DEFAULT_EMAIL_TEMPLATES.STORE_CHANGED, facts);

    expect(email.subject).toBe("Your order #1042 will be ready at Lincoln Park");
    expect(email.text).toContain("now being prepared at Lincoln Park instead of Wicker Park");
  });
});

describe("the default templates and the preview", () => {
  it("has a default for every step that uses only known placeholders and renders without leftovers", () => {
    for (const step of CUSTOMER_EMAIL_STEPS) {
      expect(unknownPlaceholders(DEFAULT_EMAIL_TEMPLATES[step]), step).toEqual([]);
      const email = previewCustomerEmail(step, { name: "Windy City Outfitters", logoUrl: null });
      expect(email.subject, step).not.toBe("");
      expect(`${email.subject}${email.html}${email.text}`, step).not.toContain("{{");
    }
  });

  it("previews the merchant's text on sample facts, with a harmless unsubscribe link", () => {
    const email = previewCustomerEmail(
      "REMINDER",
      { name: "Windy City Outfitters", logoUrl: null },
      { subject: "Still waiting, {{customerFirstName}}", body: "See you at {{storeName}}." },
    );

    expect(email.subject).toBe("Still waiting, Ada");
    expect(email.text).toContain("See you at Lincoln Park.");
    expect(email.html).toContain('href="#"');
    expect(email.html).toContain(">Windy City Outfitters</div>");
  });

  it("names the placeholders it does not know, and leaves them visible in the preview", () => {
    const template = { subject: "Hi {{firstName}}", body: "At {{storeName}} {{ storeNmae }}" };

    expect(unknownPlaceholders(template)).toEqual(["firstName", "storeNmae"]);
    expect(previewCustomerEmail("DELAY", { name: "Shop", logoUrl: null }, template).subject).toBe("Hi {{firstName}}");
  });
});
