/**
 * What a checkout sandbox (one iframe per pickup option, as checkout runs one extension instance
 * per option) asks of the stand-in page around it.
 */
export interface CheckoutStandInHost {
  /** Sets `shopify` on the sandbox window for the option it renders under, before the target's module runs. */
  install(sandbox: Window, locationId: string): void;
  /** The sandbox is going away: its signals stop following the page. */
  forget(sandbox: Window): void;
  /** The sandbox's content is `height` pixels tall: its frame takes that height, as checkout sizes a block. */
  resize(sandbox: Window, height: number): void;
}

/** The target's module as the stand-in serves it (dev/checkout/bundle.ts). */
export const TARGET_MODULE_NAME = "pickup-option";
