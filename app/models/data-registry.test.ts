import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import { SHOP_DATA_TABLES } from "./data-registry.server";

describe("the registry of tables holding shop data", () => {
  it("lists every Prisma model that has a shop column", () => {
    const modelsWithShop = Prisma.dmmf.datamodel.models
      .filter((model) => model.fields.some((field) => field.name === "shop"))
      .map((model) => model.name)
      .sort();
    const registered = SHOP_DATA_TABLES.map((table) => table.model).sort();
    expect(registered).toEqual(modelsWithShop);
  });

  it("lists each table once", () => {
    const names = SHOP_DATA_TABLES.map((table) => table.model);
    expect(new Set(names).size).toBe(names.length);
  });
});
