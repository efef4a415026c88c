import { describe, expect, it } from "vitest";
import { pushTextFor } from "./push-text";

const facts = {
  shopName: "Omniroute Outfitters",
  orderName: "#1042",
  storeName: "North Store",
  storeAddress: "2001 N Clark St, Chicago, IL 60614",
  pickupPassUrl: "https://app.example/pass/abc",
  offer: null,
};

describe("pushTextFor", () => {
  it("is headed by the shop's name, names the order and the store, and opens the pickup pass on a tap instead of writing its link", () => {
    expect(pushTextFor("PICKUP_REMINDER_PUSH", facts)).toEqual({
      heading: "Omniroute Outfitters",
      body: "Your order #1042 is waiting for you at North Store, 2001 N Clark St, Chicago, IL 60614.",
      url: "https://app.example/pass/abc",
    });
  });

  it("keeps a text the merchant worded without the shop's name first as it is", () => {
    expect(
      pushTextFor("PICKUP_REMINDER_PUSH", facts, { PICKUP_REMINDER_PUSH: "See you soon at {{storeName}}!" }),
    ).toMatchObject({ heading: "Omniroute Outfitters", body: "See you soon at North Store!" });
  });

  it("has no text for a step the app has none for", () => {
    expect(pushTextFor("NO_SUCH_STEP", facts)).toBeNull();
  });
});
