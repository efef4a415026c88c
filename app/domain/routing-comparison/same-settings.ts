import type { RoutingSettings } from "../routing-settings/settings";

/** The value with every object's keys sorted, so two equal settings print alike whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Whether two settings route alike: every field equal, the shipping method rules in the same
 * order (the first match wins). Settings read back from JSON (jsonb reorders keys) compare equal
 * to the ones written.
 */
export function sameSettings(a: RoutingSettings, b: RoutingSettings): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
