import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseForm } from "./form-result";

const schema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name")
    .regex(/^[A-Z]/, "Start the name with a capital"),
  size: z.string().regex(/^\d+$/, "Enter a size").transform(Number),
});

describe("a form read with its schema", () => {
  it("gives the parsed values when every field reads", () => {
    expect(parseForm(schema, { name: " Loop ", size: "3" })).toEqual({ ok: true, values: { name: "Loop", size: 3 } });
  });

  it("gives one message per field, the field's first, and no values", () => {
    expect(parseForm(schema, { name: "", size: "x" })).toEqual({
      ok: false,
      errors: { name: "Enter a name", size: "Enter a size" },
    });
  });

  it("refuses a schema whose issue names no field, as a mistake in the schema", () => {
    const whole = z.string().min(10, "Too short");
    expect(() => parseForm(whole, {})).toThrow("A form schema reported an issue on no field");
  });
});
