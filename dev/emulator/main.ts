/**
 * `npm run emulator -- [--port 8787] [--app-url http://127.0.0.1:3000] [--scenario chicago]`:
 * the local Shopify and vendor emulator on its own, for running the app against it by hand
 * (set SHOPIFY_EMULATOR_URL and APP_BRIDGE_URL in the app's environment). `npm run demo`
 * starts it together with everything else.
 */
import { parseArgs } from "node:util";
import { DEMO_APP } from "../demo/demo-app";
import { scenarios } from "../scenarios";
import { startEmulatorServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    "app-url": { type: "string", default: "http://127.0.0.1:3000" },
    scenario: { type: "string", default: "chicago" },
    "state-file": { type: "string" },
  },
});

const scenario = values.scenario ?? "chicago";
if (!(scenario in scenarios)) {
  console.error(`unknown scenario ${scenario}; one of ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}
const port = Number(values.port);
const emulator = await startEmulatorServer({
  port,
  publicUrl: `http://127.0.0.1:${port}`,
  appUrl: values["app-url"] ?? "http://127.0.0.1:3000",
  apiKey: process.env.SHOPIFY_API_KEY ?? DEMO_APP.apiKey,
  apiSecret: process.env.SHOPIFY_API_SECRET ?? DEMO_APP.apiSecret,
  scopes: DEMO_APP.scopes,
  scenario: scenario as keyof typeof scenarios,
  ...(values["state-file"] ? { stateFile: values["state-file"] } : {}),
});
console.log(`emulator: ${emulator.url} (shop ${emulator.shop})`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
