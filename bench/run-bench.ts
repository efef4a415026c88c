/**
 * Runs a bench's `main` as the process's whole life: a watchdog ends a run that hangs (a stuck
 * child process or database must not keep a shared machine busy for ever), an error is printed
 * and fails the process, and otherwise the exit code is whatever `main` set (a missed aim is 1).
 */
export function runBench(name: string, main: () => Promise<void>, watchdogMs: number): void {
  const watchdog = setTimeout(() => {
    console.error(`${name} bench: still running after ${watchdogMs} ms; giving up`);
    process.exit(1);
  }, watchdogMs);
  watchdog.unref();
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
