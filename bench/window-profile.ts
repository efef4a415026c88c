import fs from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * A CPU profile of one measured window only (not the set-up around it), written where
 * `target` points (by default `BENCH_PROFILE`), when it is set: `BENCH_PROFILE=/tmp/store.cpuprofile npm run bench:store`.
 * Open it in Chrome's DevTools (Performance) or any .cpuprofile viewer.
 */
export async function profileWindow<T>(
  label: string,
  run: () => Promise<T>,
  target = process.env.BENCH_PROFILE,
): Promise<T> {
  if (!target) return run();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.writeFileSync(target, JSON.stringify(profile));
    console.log(`${label}: CPU profile written to ${target}`);
    session.disconnect();
  }
}
