import { describe, expect, it } from "vitest";
import { usZipPoint } from "./zip-point.server";

describe("a US ZIP code's point", () => {
  it("places a ZIP, or a ZIP+4 by its first five digits", async () => {
    const lincolnPark = await usZipPoint("60614");

    expect(lincolnPark?.lat).toBeCloseTo(41.92, 1);
    expect(lincolnPark?.lng).toBeCloseTo(-87.65, 1);
    expect(await usZipPoint("60614-1234")).toEqual(lincolnPark);
  });

  it("places nothing it does not know", async () => {
    for (const zip of ["00000", "M5V 3L9", "6061", "", "__proto__"]) expect(await usZipPoint(zip)).toBeNull();
  });
});
