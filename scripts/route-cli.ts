// `npm run --silent route -- FILE.json`: routes one request, or an array of requests, read from a
// JSON file and prints the decision (or the array of decisions) as JSON. Invalid input exits 2
// with the offending fields on stderr and nothing on stdout.
import { describeIssues, routeOrder, validateRoutingRequest } from "../app/domain/routing/index";
import type { RoutingDecision } from "../app/domain/routing/index";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = "usage: npm run --silent route -- FILE.json";
/** Enough to fix a file; the count of the rest is still given. */
const MAX_ISSUES_SHOWN = 50;

function invalid(lines: readonly string[]): CliResult {
  return { code: 2, stdout: "", stderr: `${lines.join("\n")}\n` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function runRouteCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const [path] = args;
  if (args.length !== 1 || path === undefined) return invalid([USAGE]);

  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    return invalid([`${path}: cannot read the file: ${messageOf(error)}`]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return invalid([`${path}: invalid JSON: ${messageOf(error)}`]);
  }

  const many = Array.isArray(input);
  const requests: readonly unknown[] = Array.isArray(input) ? (input as unknown[]) : [input];
  const issues: string[] = [];
  const decisions: RoutingDecision[] = [];
  requests.forEach((request, index) => {
    const result = validateRoutingRequest(request);
    if (!result.ok) {
      for (const issue of describeIssues(result.errors)) issues.push(many ? `[${index}].${issue}` : issue);
      return;
    }
    if (issues.length === 0) decisions.push(routeOrder(result.value));
  });
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN);
    if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
    return invalid([`${path}: invalid routing request`, ...shown]);
  }
  const output = many ? decisions : decisions[0];
  return { code: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: "" };
}
