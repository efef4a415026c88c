/**
 * `npm run bench:scenarios`: how long each emulator scenario takes to build and to load
 * into the emulator (the issue asks that a scenario loads in seconds).
 */
import { ShopifyEmulator } from "../dev/emulator/shopify";
import { scenarios } from "../dev/scenarios";

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

for (const [name, build] of Object.entries(scenarios)) {
  const built = time(build);
  const emulator = new ShopifyEmulator({ apiKey: "bench", apiSecret: "bench" });
  const loaded = time(() => emulator.loadScenario(built.value.shop.domain, built.value));
  const { locations, inventory } = built.value;
  console.log(
    `${name}: ${locations.length} locations, ${inventory.length} stock lines; build ${built.ms.toFixed(0)} ms, load ${loaded.ms.toFixed(0)} ms`,
  );
}
