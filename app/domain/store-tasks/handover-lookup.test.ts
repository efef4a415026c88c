import { describe, expect, it } from "vitest";
import { matchesNameAndOrder, sameLastName, sameOrderName } from "./handover-lookup";

describe("finding an order by its number and the customer's last name", () => {
  it("matches the order's name however the shopper says it", () => {
    expect(sameOrderName("#1001", "1001")).toBe(true);
    expect(sameOrderName("#1001", " # 1001 ")).toBe(true);
    expect(sameOrderName("#SH-1001", "sh1001")).toBe(true);
    expect(sameOrderName("#SH-1001", "1001")).toBe(true);
  });

  it("does not match another order or an empty answer", () => {
    expect(sameOrderName("#1001", "1002")).toBe(false);
    expect(sameOrderName("#1001", "10010")).toBe(false);
    expect(sameOrderName("#SH1001", "XX1001")).toBe(false);
    expect(sameOrderName("#1001", " # ")).toBe(false);
  });

  it("matches the last words of the customer's name, ignoring case and accents", () => {
    expect(sameLastName("Ana María de la Cruz", "cruz")).toBe(true);
    expect(sameLastName("Ana María de la Cruz", "De La Cruz")).toBe(true);
    expect(sameLastName("Jürgen Müller", "muller")).toBe(true);
    expect(sameLastName("Siobhán O'Brien", "OBrien")).toBe(true);
  });

  it("does not match a first or middle name, an empty answer, or an order without a customer", () => {
    expect(sameLastName("Ana María de la Cruz", "María")).toBe(false);
    expect(sameLastName("Ana María de la Cruz", "Ana María de la Cruz Ruiz")).toBe(false);
    expect(sameLastName("Jürgen Müller", "  ")).toBe(false);
    expect(sameLastName(null, "Müller")).toBe(false);
  });

  it("needs both to match", () => {
    const task = { orderName: "#1001", customerName: "Jordan Lee" };
    expect(matchesNameAndOrder(task, { orderName: "1001", lastName: "lee" })).toBe(true);
    expect(matchesNameAndOrder(task, { orderName: "1001", lastName: "Jordan" })).toBe(false);
    expect(matchesNameAndOrder(task, { orderName: "1002", lastName: "Lee" })).toBe(false);
  });
});
