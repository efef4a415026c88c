import { describe, expect, it } from "vitest";
import { scenarios } from "../scenarios";
import { DEMO_STAFF, posStandInConfig } from "./config";

describe("the POS stand-in's config", () => {
  const config = posStandInConfig(scenarios.chicago(), "http://127.0.0.1:3000");

  it("offers the shop's stores as POS locations, not its warehouse", () => {
    expect(config.locations.map((location) => location.name)).toContain("Wicker Park");
    expect(config.locations.map((location) => location.name)).not.toContain("Bolingbrook Distribution Center");
    expect(config.locations).toHaveLength(12);
  });

  it("logs in as a staff member the picker offers, and knows every barcode the shop sells", () => {
    expect(config.staff.map((member) => member.id)).toContain(config.userId);
    expect(config.staff).toHaveLength(DEMO_STAFF.length);
    expect(config.catalogue.length).toBeGreaterThan(100);
    expect(config.catalogue.every((item) => /^\d{13}$/.test(item.barcode))).toBe(true);
  });
});
