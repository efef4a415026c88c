import { Prisma } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";

describe("a POS request that fails unexpectedly", () => {
  it("answers 503 with Retry-After when the database is too busy to take it, so the device sends it again", async () => {
    const { failureResponse } = await import("./pos-endpoint.server");
    const busy = new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: Prisma.prismaVersion.client,
    });
    const response = failureResponse(busy);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(await response.json()).toEqual({ code: "BUSY", message: "Omniroute is busy: trying again in a moment" });
  });

  it("answers 500 with a sentence, and logs the error, for anything else", async () => {
    const { failureResponse } = await import("./pos-endpoint.server");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = failureResponse(new Error("relation does not exist"));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      code: "SERVER_ERROR",
      message: "Something went wrong: try again in a moment",
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
