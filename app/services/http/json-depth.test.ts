import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./json-depth";

describe("how deep a JSON text nests", () => {
  it("counts objects and arrays, not brackets inside strings or escaped quotes", () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(jsonNestsDeeperThan('{"note":"[[[[{{{{ \\" [[[["}', 1)).toBe(false);
  });

  it("finds a payload nested 5,000 deep without parsing it", () => {
    expect(jsonNestsDeeperThan(`${"[".repeat(5000)}${"]".repeat(5000)}`, 64)).toBe(true);
  });

  it("takes siblings as the same depth", () => {
    expect(jsonNestsDeeperThan(`[${Array.from({ length: 1000 }, () => "{}").join(",")}]`, 2)).toBe(false);
  });
});
