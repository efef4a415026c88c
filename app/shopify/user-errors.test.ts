import { describe, expect, it } from "vitest";
import { AdminApiUserError } from "./admin-api-errors";
import { requireNoUserErrors } from "./user-errors";

describe("requireNoUserErrors", () => {
  it("lets an empty or absent list through", () => {
    expect(() => requireNoUserErrors([])).not.toThrow();
    expect(() => requireNoUserErrors(null)).not.toThrow();
    expect(() => requireNoUserErrors(undefined)).not.toThrow();
  });

  it("throws AdminApiUserError naming each field and message", () => {
    const userErrors = [
      { field: ["newLocationId"], message: "Location does not exist." },
      { field: null, message: "Something else.", code: "INVALID" },
    ];
    let thrown: unknown;
    try {
      requireNoUserErrors(userErrors, "fulfillmentOrderMove");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AdminApiUserError);
    expect((thrown as AdminApiUserError).userErrors).toEqual(userErrors);
    expect((thrown as AdminApiUserError).message).toBe(
      "fulfillmentOrderMove refused: newLocationId: Location does not exist.; Something else. [INVALID]",
    );
  });
});
