import fs from "node:fs";
import { createRequire } from "node:module";
import type { Frame } from "playwright-core";

/**
 * axe-core (Deque's accessibility engine) injected into the app's frame, for
 * bench/web-vitals.bench.ts: the WCAG 2.x A and AA rules and axe's best practices, and of what
 * it finds, the violations it rates serious or critical (the ones that stop someone using the page).
 * The engine comes from the `axe-core` dev dependency, or from AXE_CORE_PATH (its axe.min.js).
 */

export interface AxeViolation {
  rule: string;
  impact: "serious" | "critical";
  help: string;
  /** How many elements break the rule, and a few of them (CSS selectors). */
  elements: number;
  examples: string[];
}

export interface AxeFindings {
  version: string;
  /** Serious and critical violations, one per rule. */
  violations: AxeViolation[];
  /** Rules broken at a lesser impact (moderate, minor), for the record. */
  lesser: number;
}

export function axeCoreSource(): { source: string; from: string } {
  const given = process.env.AXE_CORE_PATH;
  let from: string;
  if (given) from = given;
  else {
    try {
      from = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    } catch {
      throw new Error(
        "axe-core is not installed: `npm install -D axe-core@4.14.1`, or set AXE_CORE_PATH to an axe.min.js",
      );
    }
  }
  return { source: fs.readFileSync(from, "utf8"), from };
}

// Plain JavaScript in a string, as in web-vitals-metrics.ts: run in the frame, after the engine.
const RUN_SCRIPT = String.raw`(async () => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    resultTypes: ["violations"],
  });
  return {
    version: window.axe.version,
    violations: result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.length,
      examples: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    })),
  };
})()`;

/** Injects the engine into the frame (through the debugger, so the page's CSP does not apply) and runs it. */
export async function runAxe(frame: Frame, source: string): Promise<AxeFindings> {
  if (!(await frame.evaluate("typeof window.axe === 'object'"))) await frame.evaluate(source);
  const raw = (await frame.evaluate(RUN_SCRIPT)) as {
    version: string;
    violations: (Omit<AxeViolation, "impact"> & { impact: string | null })[];
  };
  const violations: AxeViolation[] = [];
  let lesser = 0;
  for (const violation of raw.violations) {
    if (violation.impact === "serious" || violation.impact === "critical")
      violations.push({ ...violation, impact: violation.impact });
    else lesser += 1;
  }
  return { version: raw.version, violations, lesser };
}
