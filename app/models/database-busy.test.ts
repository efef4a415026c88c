import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "./database-busy.server";

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
    code,
    clientVersion: Prisma.prismaVersion.client,
  });

describe("a database too busy to answer", () => {
  it("is told apart from other failures: no transaction or pooled connection free in time", () => {
    expect(isDatabaseBusy(prismaError("P2028"))).toBe(true);
    expect(isDatabaseBusy(prismaError("P2024"))).toBe(true);
    expect(isDatabaseBusy(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("is not any other error", () => {
    expect(isDatabaseBusy(prismaError("P2002"))).toBe(false);
    expect(isDatabaseBusy(new Error("relation does not exist"))).toBe(false);
    expect(isDatabaseBusy("timeout exceeded when trying to connect")).toBe(false);
  });
});
