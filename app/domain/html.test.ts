import { describe, expect, it } from "vitest";
import { escapeHtml, safeLink } from "./html";

describe("HTML from untrusted text", () => {
  it("escapes the five characters that could start markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });

  it("keeps http(s) links and refuses every other scheme or non-URL", () => {
    expect(safeLink("https://example.com/pickup/a?b=1")).toBe("https://example.com/pickup/a?b=1");
    expect(safeLink("http://localhost:3000/x")).toBe("http://localhost:3000/x");
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "/relative", "", null]) {
      expect(safeLink(url), String(url)).toBeNull();
    }
  });
});
