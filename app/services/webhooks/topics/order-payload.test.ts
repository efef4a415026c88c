import { describe, expect, it } from "vitest";
import { orderContactOf, orderPayload } from "./order-payload";

const body = {
  id: 6100000001042,
  name: "#1042",
  created_at: "2026-11-30T10:00:00Z",
  email: "shopper@example.com",
  phone: null,
  customer: { id: 7200000000042, phone: "+13125550123", sms_marketing_consent: { state: "subscribed" } },
  line_items: [],
};

describe("orderContactOf", () => {
  it("keeps the customer's numeric id as the push recipient", () => {
    const contact = orderContactOf(orderPayload.parse(body));
    expect(contact).toEqual({
      orderId: "6100000001042",
      email: "shopper@example.com",
      orderPhone: null,
      customerPhone: "+13125550123",
      shippingPhone: null,
      billingPhone: null,
      smsMarketingConsent: true,
      customerId: "7200000000042",
    });
  });

  it("has no customer id for a guest checkout", () => {
    expect(orderContactOf(orderPayload.parse({ ...body, customer: null })).customerId).toBeNull();
  });
});
