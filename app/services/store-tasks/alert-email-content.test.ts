import { describe, expect, it } from "vitest";
import { renderStoreAlertEmail, type StoreAlertEmailFacts } from "./alert-email-content";

const facts: StoreAlertEmailFacts = {
  orderName: "#1042",
  kind: "PICKUP",
  storeName: "Lincoln Park",
  // 15:30 in Chicago, in winter.
  dueAt: new Date("2026-11-27T21:30:00Z"),
  timeZone: "America/Chicago",
  customerName: "Ada Lovelace",
  lines: [
    { title: "Linen Shirt", variantTitle: "M / Blue", quantity: 2, bin: "Aisle 4, Bin 12" },
    { title: "Wool Scarf", variantTitle: "Default Title", quantity: 1, bin: null },
  ],
};

describe("the store's new-order email", () => {
  it("names the order, kind and store in its subject", () => {
    expect(renderStoreAlertEmail(facts).subject).toBe("New pickup order #1042 for Lincoln Park");
    expect(renderStoreAlertEmail({ ...facts, kind: "SHIP" }).subject).toBe(
      "New ship-from-store order #1042 for Lincoln Park",
    );
  });

  it("tells the due time in the store's zone, the items with quantities and bins, and where to open it", () => {
    expect(renderStoreAlertEmail(facts).text).toBe(
      [
        "New pickup order #1042 for Lincoln Park",
        "",
        "Pickup in store, due 2026-11-27 15:30 CST",
        "For Ada",
        "",
        "Items:",
        "- 2 × Linen Shirt (M / Blue) (bin Aisle 4, Bin 12)",
        "- 1 × Wool Scarf (no bin recorded)",
        "",
        "Open Omniroute on POS → Online orders to pick it.",
        "",
      ].join("\n"),
    );
    const { html } = renderStoreAlertEmail({ ...facts, timeZone: "America/New_York" });
    expect(html).toContain("Pickup in store, due 2026-11-27 16:30 EST");
    expect(html).toContain("<td");
    expect(html).toContain("2 × Linen Shirt (M / Blue)");
    expect(html).toContain("bin Aisle 4, Bin 12");
  });

  it("gives the customer's first name only, and says so when there is no due time or customer", () => {
    const email = renderStoreAlertEmail({ ...facts, dueAt: null, customerName: null });
    expect(email.text).toContain("Pickup in store, no due time set\n\nItems:");
    expect(renderStoreAlertEmail(facts).html).not.toContain("Lovelace");
    expect(renderStoreAlertEmail(facts).text).not.toContain("Lovelace");
  });

  it("escapes HTML in product titles, variant, bin, store and customer names", () => {
    const hostile = renderStoreAlertEmail({
      ...facts,
      storeName: "Tom & Jerry's",
      customerName: `<img src=x onerror="alert(1)"> Smith`,
      lines: [{ title: "<script>alert('x')</script>", variantTitle: "<b>M</b>", quantity: 1, bin: "<i>A3</i>" }],
    });

    expect(hostile.html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(hostile.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; (&lt;b&gt;M&lt;/b&gt;)");
    expect(hostile.html).toContain("bin &lt;i&gt;A3&lt;/i&gt;");
    expect(hostile.html).toContain("Tom &amp; Jerry&#39;s");
    expect(hostile.html).toContain("For &lt;img");
    // The plain text part is text: nothing to escape.
    expect(hostile.text).toContain("1 × <script>alert('x')</script> (<b>M</b>)");
  });
});
