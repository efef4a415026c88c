import { chicago } from "./chicago";
import { national } from "./national";
import type { Scenario } from "./types";

export type { Scenario } from "./types";
export { CHICAGO_SHOP_DOMAIN } from "./chicago";
export { NATIONAL_SHOP_DOMAIN } from "./national";

/** Every scenario by name, as a factory: each call builds a fresh, identical scenario. */
export const scenarios: Record<"chicago" | "national", () => Scenario> = { chicago, national };
