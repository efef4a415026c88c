/**
 * What a POS sandbox (one iframe per screen, as POS runs each screen in its own sandbox) asks of
 * the stand-in page around it: the POS globals for the target it is about to load.
 */
/** The order-details block (`OrderBlock.tsx`) is not stood in for yet: POS's order screen is not. */
export type TargetName = "tile" | "modal";

export interface PosStandInHost {
  /** Sets `shopify`, `navigation` and `fetch` on the sandbox window, before the target's module runs. */
  install(sandbox: Window, target: TargetName): void;
  /** The sandbox is going away: its signals stop following the stand-in. */
  forget(sandbox: Window): void;
}

export interface SubscribableSignal<T> {
  value: T;
  subscribe(listener: (value: T) => void): () => void;
}

/** Preact's Signal class, as `@shopify/ui-extensions/preact` hands it to `shopify.setSignals`. */
export type SignalClass = new (value: unknown) => SubscribableSignal<unknown>;

export function isTargetName(value: unknown): value is TargetName {
  return value === "tile" || value === "modal";
}
