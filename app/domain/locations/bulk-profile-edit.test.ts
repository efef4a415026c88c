import { describe, expect, it } from "vitest";
import { parseBulkProfileEdit } from "./bulk-profile-edit";
import { parseProfileForm } from "./profile-form";

describe("a bulk edit of location profiles", () => {
  it("reads a labour cost for the selected locations, each location once", () => {
    expect(
      parseBulkProfileEdit({ intent: "set-labour-cost", locationIds: ["1", "2", "1"], labourCostPerOrder: " 2.50 " }),
    ).toEqual({
      ok: true,
      edit: { target: { kind: "selected", locationIds: ["1", "2"] }, change: { labourCostPerOrder: 2.5 } },
    });
  });

  it("reads pickup on, off and following Shopify", () => {
    const pickup = (choice: string) =>
      parseBulkProfileEdit({ intent: "set-pickup", locationIds: ["7"], pickup: choice });
    expect([pickup("on"), pickup("off"), pickup("shopify")]).toEqual([
      { ok: true, edit: { target: { kind: "selected", locationIds: ["7"] }, change: { pickupEnabledOverride: true } } },
      {
        ok: true,
        edit: { target: { kind: "selected", locationIds: ["7"] }, change: { pickupEnabledOverride: false } },
      },
      { ok: true, edit: { target: { kind: "selected", locationIds: ["7"] }, change: { pickupEnabledOverride: null } } },
    ]);
  });

  it("refuses a labour cost with the single form's own message", () => {
    for (const value of ["cheap", "-1", "1000.01", "", "1e3"]) {
      const single = parseProfileForm({ kind: "STORE", pickup: "on", labourCostPerOrder: value, hours: "always" });
      const bulk = parseBulkProfileEdit({ intent: "set-labour-cost", locationIds: ["1"], labourCostPerOrder: value });
      expect(single.ok, value).toBe(false);
      expect(bulk, value).toEqual({
        ok: false,
        errors: { labourCostPerOrder: !single.ok ? single.errors.labourCostPerOrder : "" },
      });
    }
  });

  it("refuses a pickup choice that is none", () => {
    expect(parseBulkProfileEdit({ intent: "set-pickup", locationIds: ["1"], pickup: "sometimes" })).toEqual({
      ok: false,
      errors: { pickup: "Choose whether shoppers can pick up here" },
    });
  });

  it("reads every location the table's filter matches, whatever page the filter was on", () => {
    expect(
      parseBulkProfileEdit({
        intent: "set-pickup",
        scope: "matching",
        filter: "kind=store&q=Park&cursor=WyJuYW1lIiwxLCJMb29wIiwiMSJd",
        locationIds: ["ignored"],
        pickup: "off",
      }),
    ).toEqual({
      ok: true,
      edit: {
        target: {
          kind: "matching",
          query: {
            search: "Park",
            kind: "STORE",
            pickup: null,
            routesOrders: null,
            hasCapacity: null,
            sort: "name",
            after: null,
          },
        },
        change: { pickupEnabledOverride: false },
      },
    });
  });

  it.each([
    ["no intent", { intent: null, locationIds: ["1"] }, "intent"],
    ["an unknown intent", { intent: "delete-all", locationIds: ["1"] }, "intent"],
    ["no location", { intent: "set-pickup", locationIds: [], pickup: "on" }, "locationIds"],
    ["an id that is none", { intent: "set-pickup", locationIds: ["1", "' OR 1=1"], pickup: "on" }, "locationIds"],
    [
      "more locations than a page",
      { intent: "set-pickup", locationIds: Array.from({ length: 251 }, (_, i) => String(i)), pickup: "on" },
      "locationIds",
    ],
    ["an unknown scope", { intent: "set-pickup", scope: "everything", locationIds: ["1"], pickup: "on" }, "scope"],
    [
      "a filter the table cannot read",
      { intent: "set-pickup", scope: "matching", filter: "kind=shed", locationIds: [], pickup: "on" },
      "filter",
    ],
  ])("refuses %s", (_, form, field) => {
    const reading = parseBulkProfileEdit(form);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && Object.keys(reading.errors)).toEqual([field]);
  });
});
