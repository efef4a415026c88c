/**
 * What a POS sandbox (one iframe per screen, as POS runs each screen in its own sandbox) asks of
 * the stand-in page around it: the POS globals for the target it is about to load.
 */
/**
 * The extension's targets the stand-in runs: the home tile and modal, and on POS's order screen the
 * order-details block and the action it opens (`OrderBlock.tsx`, `OrderAction.tsx`).
 */
export const TARGET_NAMES = ["tile", "modal", "order-block", "order-action"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface PosStandInHost {
  /** Sets `shopify`, `navigation` and `fetch` on the sandbox window, before the target's module runs. */
  install(sandbox: Window, target: TargetName): void;
  /** The sandbox is going away: its signals stop following the stand-in. */
  forget(sandbox: Window): void;
}

export type { SignalClass, SubscribableSignal } from "../../extension-host/mirrored-state";

export function isTargetName(value: unknown): value is TargetName {
  return TARGET_NAMES.some((name) => name === value);
}
