import { getExtension } from "@shopify/ui-extensions-tester";
import type {
  CameraMediaOptions,
  CameraMediaResponse,
  ConnectivityState,
  ScannerSubscriptionResult,
} from "@shopify/ui-extensions/point-of-sale";
import { render } from "preact";
import { afterEach, beforeEach, expect, vi } from "vitest";
import type { Route } from "../routes";
import { FakePosServer } from "./fake-pos-server";
import { testSignal, type TestSignal } from "./test-signal";

export interface PosModal {
  server: FakePosServer;
  scanner: TestSignal<ScannerSubscriptionResult>;
  connectivity: TestSignal<ConnectivityState>;
  navigations: { url: string; state: unknown }[];
  /** What was sent to POS's Printing API, in order. */
  printed: string[];
  /** The next print fails with this, as POS's does when it cannot fetch or print. */
  printFailure: Error | null;
  /** What POS's camera gives next: a photo, or the error it throws (cancelled, denied, no camera). */
  nextPhoto: CameraMediaResponse | Error;
  /** The options of each takePhoto, in order. */
  photoRequests: CameraMediaOptions[];
  /** Renders the modal at `route`, as POS does after `navigation.navigate(route.screen, {state: route})`. */
  open(route: Route): Promise<void>;
  /** A scan, once the screen listens for scans. */
  scan(code: string): Promise<void>;
  goOffline(): void;
  goOnline(): void;
}

/**
 * The modal under test: the tester's `shopify` for `pos.home.modal.render`, the fake POS API in
 * place of fetch (empty: each test adds its tasks), and a scanner and connectivity the test moves.
 */
export function posModalForEachTest(): PosModal {
  const extension = getExtension("pos.home.modal.render");
  const modal = {} as PosModal;

  beforeEach(() => {
    extension.setUp();
    modal.server = new FakePosServer();
    modal.scanner = testSignal<ScannerSubscriptionResult>({});
    modal.connectivity = testSignal<ConnectivityState>({ internetConnected: "Connected" });
    modal.navigations = [];
    modal.printed = [];
    modal.printFailure = null;
    modal.nextPhoto = new Error("User cancelled photo capture");
    modal.photoRequests = [];
    extension.shopify.camera.takePhoto = async (options) => {
      modal.photoRequests.push(options ?? {});
      if (modal.nextPhoto instanceof Error) throw modal.nextPhoto;
      return modal.nextPhoto;
    };
    extension.shopify.printing.print = async (src) => {
      const failure = modal.printFailure;
      modal.printFailure = null;
      if (failure) throw failure;
      modal.printed.push(src);
    };
    extension.fetch = modal.server.fetch;
    extension.shopify.scanner.scannerData.current = modal.scanner;
    extension.shopify.connectivity.current = modal.connectivity;
    extension.navigation.navigate = async (url, options) => {
      modal.navigations.push({ url, state: options?.state });
    };
    modal.open = async (route) => {
      const state = structuredClone(route);
      extension.navigation.currentEntry = {
        url: route.screen,
        key: route.screen,
        getState: () => structuredClone(state),
      };
      await extension.render();
    };
    modal.scan = async (code) => {
      await vi.waitFor(() => expect(modal.scanner.observed).toBe(true));
      modal.scanner.set({ data: code, source: "external" });
    };
    modal.goOffline = () => modal.connectivity.set({ internetConnected: "Disconnected" });
    modal.goOnline = () => modal.connectivity.set({ internetConnected: "Connected" });
  });

  afterEach(() => {
    // Unmount through Preact so effects (timers, subscriptions) end before the next test.
    render(null, document.body);
    extension.tearDown();
  });

  return modal;
}
