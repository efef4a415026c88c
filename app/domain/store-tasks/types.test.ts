import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ENDED_REASONS,
  EXCEPTION_REASONS,
  MANUAL_CONFIRM_REASONS,
  PENDING_SHOPIFY_ACTIONS,
  FINAL_STATES,
  isFinalState,
  isOpenState,
  isStoreTaskKind,
  isStoreTaskState,
  itemName,
  OPEN_STATES,
  STORE_TASK_KINDS,
  STORE_TASK_STATES,
} from "./types";

/** The values of a Prisma enum, as declared in the schema. */
function prismaEnum(name: string): string[] {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  const body = new RegExp(`^enum ${name} \\{([^}]*)\\}`, "m").exec(schema)?.[1];
  if (body === undefined) throw new Error(`prisma/schema.prisma has no enum ${name}`);
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => line !== "");
}

describe("store task kinds and states", () => {
  it("say the same as the database's enums, value for value", () => {
    expect(prismaEnum("StoreTaskKind")).toEqual([...STORE_TASK_KINDS]);
    expect(prismaEnum("StoreTaskState")).toEqual([...STORE_TASK_STATES]);
    expect([...prismaEnum("StoreTaskEndedReason")].sort()).toEqual([...ENDED_REASONS].sort());
    expect([...prismaEnum("StoreTaskManualReason")].sort()).toEqual([...MANUAL_CONFIRM_REASONS].sort());
    expect([...prismaEnum("StoreTaskLineException")].sort()).toEqual([...EXCEPTION_REASONS].sort());
    expect([...prismaEnum("StoreTaskShopifyAction")].sort()).toEqual([...PENDING_SHOPIFY_ACTIONS].sort());
  });

  it("are exactly the values of the database's enums", () => {
    expect(STORE_TASK_KINDS).toEqual(["PICKUP", "SHIP", "LOCAL_DELIVERY"]);
    expect(STORE_TASK_STATES).toEqual([
      "NEW",
      "PICKING",
      "PACKED",
      "STAGED",
      "READY",
      "PICKED_UP",
      "SHIPPED",
      "OUT_FOR_DELIVERY",
      "DELIVERED",
      "EXCEPTION",
      "CANCELLED",
    ]);
  });

  it("sorts every state as open, final, or out for delivery (neither)", () => {
    const sorted = [...OPEN_STATES, ...FINAL_STATES, "OUT_FOR_DELIVERY"];
    expect([...sorted].sort()).toEqual([...STORE_TASK_STATES].sort());
    expect(isOpenState("EXCEPTION")).toBe(true);
    expect(isOpenState("OUT_FOR_DELIVERY")).toBe(false);
    expect(isFinalState("OUT_FOR_DELIVERY")).toBe(false);
    expect(isFinalState("CANCELLED")).toBe(true);
  });

  it("recognises its values and nothing else", () => {
    expect(isStoreTaskKind("SHIP")).toBe(true);
    expect(isStoreTaskKind("ship")).toBe(false);
    expect(isStoreTaskState("READY")).toBe(true);
    expect(isStoreTaskState(3)).toBe(false);
  });

  it("names an item with its variant, leaving out Shopify's Default Title", () => {
    expect(itemName({ title: "Linen Shirt", variantTitle: "M / Blue" })).toBe("Linen Shirt (M / Blue)");
    expect(itemName({ title: "Wool Beanie", variantTitle: "Default Title" })).toBe("Wool Beanie");
    expect(itemName({ title: "Wool Beanie", variantTitle: null })).toBe("Wool Beanie");
  });
});
