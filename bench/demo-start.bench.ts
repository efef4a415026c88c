/**
 * `npm run bench:demo-start [chicago|national]… [--history-only]`: how long `npm run demo` takes
 * to print its URL on a fresh data folder without its history and with it, how long after the
 * first admin page load its 30 days of history take to be routed by the engine
 * (dev/demo/history.ts), and the same on a restart (which must find the history there and add
 * nothing); `--history-only` runs only the first run with history. One line per run; the last
 * line sums them up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../tests/support/browser";
import { appFrame, expectText, freeDemoPorts, pollUntil, pressCtrlC, startDemo } from "../tests/support/demo";

const HISTORY_LINE =
  /History: (\d+) past orders routed by the engine \((\d+) already there\), (\d+) store tasks, (\d+) customer messages, in ([\d.]+) s/;

interface Run {
  label: string;
  urlSeconds: number;
  historySeconds: number | null;
  recorded: number | null;
  skipped: number | null;
  storeTasks: number | null;
  messages: number | null;
}

/** A fresh data folder the embedded PostgreSQL (its own user when run as root) can enter. */
function freshDataDir(name: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `omniroute-demo-bench-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  return dataDir;
}

async function runDemo(label: string, dataDir: string, args: string[]): Promise<Run> {
  const ports = await freeDemoPorts();
  const started = Date.now();
  const demo = await startDemo({ dataDir, ports, args, timeoutMs: 600_000 });
  const urlSeconds = (Date.now() - started) / 1000;
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    const opened = Date.now();
    await page.goto(demo.url);
    // The first admin page load installs the app; its mirror sync follows, then the history.
    await expectText(appFrame(page).locator("h2"), /\S/, 300_000);
    let historySeconds: number | null = null;
    let match: RegExpExecArray | null = null;
    if (!args.includes("--no-history")) {
      await pollUntil(
        async () => (match = HISTORY_LINE.exec(demo.output())) !== null,
        `${label}: the history line`,
        1_800_000,
      );
      historySeconds = (Date.now() - opened) / 1000;
    }
    const found = match as RegExpExecArray | null;
    return {
      label,
      urlSeconds,
      historySeconds,
      recorded: found ? Number(found[1]) : null,
      skipped: found ? Number(found[2]) : null,
      storeTasks: found ? Number(found[3]) : null,
      messages: found ? Number(found[4]) : null,
    };
  } finally {
    await chromium.close();
    await pressCtrlC(demo);
  }
}

function describeRun(run: Run): string {
  const history =
    run.historySeconds === null
      ? "no history"
      : `history ${run.recorded} orders routed (${run.skipped} already there), ${run.storeTasks} store tasks, ${run.messages} customer messages, done ${run.historySeconds.toFixed(1)} s after the first page load`;
  return `${run.label}: URL in ${run.urlSeconds.toFixed(1)} s; ${history}`;
}

async function main(): Promise<void> {
  const historyOnly = process.argv.includes("--history-only");
  const given = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const names = given.length > 0 ? given : ["chicago"];
  const runs: Run[] = [];
  for (const name of names) {
    const cases: [string, string[]][] = [
      [`${name} without history`, ["--scenario", name, "--no-history"]],
      [`${name} with history, first run`, ["--scenario", name]],
      [`${name} with history, restart`, ["--scenario", name]],
    ];
    const dataDir = freshDataDir(name);
    try {
      for (const [label, args] of historyOnly ? cases.slice(1, 2) : cases) {
        // Without history on its own folder; the two history runs share one (the restart finds it).
        const folder = args.includes("--no-history") ? freshDataDir(`${name}-plain`) : dataDir;
        const run = await runDemo(label, folder, args);
        if (folder !== dataDir) fs.rmSync(folder, { recursive: true, force: true });
        runs.push(run);
        process.stdout.write(`${describeRun(run)}\n`);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`demo start: ${runs.map(describeRun).join(" | ")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
