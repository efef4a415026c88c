import type { Api as ModalApi } from "@shopify/ui-extensions/pos.home.modal.render";

/** What every target of this extension (tile, modal, order block) gets from POS. */
export type SharedHostApi = Pick<ModalApi, "session" | "storage" | "connectivity" | "toast">;

/**
 * POS installs the `shopify` object on globalThis before it runs a target's module.
 * shopify.d.ts (written by `shopify app build`) types that global only inside each target's
 * entry file, so the modules they share read it through here, typed by the part all targets have.
 */
export function host(): SharedHostApi {
  return (globalThis as unknown as { shopify: SharedHostApi }).shopify;
}

/** The modal's own APIs (the Scanner API exists only on `pos.home.modal.render`). */
export function modalHost(): ModalApi {
  return (globalThis as unknown as { shopify: ModalApi }).shopify;
}
