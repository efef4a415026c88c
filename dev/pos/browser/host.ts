import type { PosStandInConfig } from "../config";
import type { CustomerAtCounter } from "../customers-at-counter";
import { standInCamera } from "./camera";
import type { PosStandInHost, SignalClass, SubscribableSignal, TargetName } from "./host-api";
import { MirroredState } from "../../extension-host/mirrored-state";
import { taskInAnswer, type ObservedTask } from "./observed-task";
import { orderApiContent, ordersScreen } from "./orders-screen";
import { scannerPanel } from "./scanner-panel";
import { localStorageBackedStorage } from "./storage";

/**
 * The Store POS stand-in page: a tablet with POS's home screen (the extension's tile), its Orders
 * screen (an order's details with the extension's block) and the modal either opens, each screen
 * in its own sandbox iframe as POS runs them, around which this page plays POS: session (location
 * and staff pickers), session tokens, the order API, scanner, toasts, navigation with per-screen
 * state, storage and connectivity.
 */
function $<T extends HTMLElement = HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the stand-in page has no ${selector}`);
  return element;
}

// Our own server's answer (dev/pos/config.ts builds it).
const config = (await (await fetch("/config.json")).json()) as PosStandInConfig;

interface ScanData {
  data?: string;
  source?: "camera" | "external" | "embedded";
}
interface ConnectivityState {
  internetConnected: "Connected" | "Disconnected";
}

const scanner = new MirroredState<ScanData>({});
const connectivity = new MirroredState<ConnectivityState>({ internetConnected: "Connected" });
const staffMember = new MirroredState<{ id: number } | undefined>(undefined);
const storage = localStorageBackedStorage();
const camera = standInCamera($("main.tablet"));
const CHOSEN_LOCATION = "pos-stand-in:location";
const CHOSEN_STAFF = "pos-stand-in:staff";

// --- session: location and staff ---
const locationSelect = $<HTMLSelectElement>("#location");
const staffSelect = $<HTMLSelectElement>("#staff");
const option = (value: number, label: string) =>
  Object.assign(document.createElement("option"), { value: String(value), textContent: label });
locationSelect.append(...config.locations.map((location) => option(location.id, location.name)));
staffSelect.append(...config.staff.map((member) => option(member.id, member.name)));
locationSelect.value = localStorage.getItem(CHOSEN_LOCATION) ?? String(config.locations[0]?.id ?? "");
staffSelect.value = localStorage.getItem(CHOSEN_STAFF) ?? String(config.staff[0]?.id ?? "");
staffMember.set({ id: Number(staffSelect.value) });
$("#shop-name").textContent = config.shopName;

async function getSessionToken(): Promise<string | undefined> {
  const response = await fetch(`/session-token?userId=${config.userId}`);
  if (!response.ok) return undefined;
  const answer: unknown = await response.json();
  return typeof answer === "object" && answer !== null && "token" in answer && typeof answer.token === "string"
    ? answer.token
    : undefined;
}

// --- toasts and the camera ---
function showToast(message: string, options?: { duration?: number }): void {
  const toast = Object.assign(document.createElement("div"), { className: "toast", textContent: message });
  toast.setAttribute("role", "status");
  $("#toasts").append(toast);
  setTimeout(() => toast.remove(), options?.duration ?? 4_000);
}

function showCamera(open: boolean): void {
  $("#camera").hidden = !open;
}

// --- what the screens read from the app (the open task), and the customers at the counter ---
let openTask: ObservedTask | null = null;
let customers: CustomerAtCounter[] = [];
const CUSTOMERS_REREAD_MS = 2_000;
const panel = scannerPanel({
  buttons: $("#scan-buttons"),
  customer: $("#customer"),
  catalogue: config.catalogue,
  scan,
});
function showObserved(): void {
  panel.show(openTask, customers);
}
function observe(answer: unknown): void {
  const task = taskInAnswer(answer);
  if (!task) return;
  openTask = task;
  showObserved();
}
async function rereadCustomers(): Promise<void> {
  const response = await fetch(`/customers?locationId=${encodeURIComponent(locationSelect.value)}`);
  // Our own server's answer (dev/pos/customers-at-counter.ts).
  if (response.ok) customers = ((await response.json()) as { customers: CustomerAtCounter[] }).customers;
  showObserved();
}

function scan(code: string): void {
  scanner.set({ data: code, source: "external" });
}

// --- the sandboxes ---
interface Entry {
  key: string;
  url: string;
  state: unknown;
}
let entries: Entry[] = [];
let entryCount = 0;

const navigation = {
  get currentEntry() {
    const entry = entries.at(-1);
    return {
      key: entry?.key ?? "",
      url: entry?.url ?? "",
      getState: () => (entry?.state === undefined ? undefined : structuredClone(entry.state)),
    };
  },
  async navigate(url: string, options?: { state?: unknown }) {
    entries.push({ key: String(++entryCount), url, state: structuredClone(options?.state) });
    // Not while the calling screen's handler is still running in the sandbox being replaced.
    setTimeout(showModalScreen);
  },
  async back() {
    entries.pop();
    setTimeout(() => (entries.length ? showModalScreen() : closeModal()));
  },
};

/** Which full-screen target the open modal runs: the tile's, or the order block's action. */
type ModalTarget = Extract<TargetName, "modal" | "order-action">;
let modalTarget: ModalTarget = "modal";

function install(sandbox: Window, target: TargetName): void {
  let Signal: SignalClass | null = null;
  const lazily = <T>(state: MirroredState<T>) => {
    let signal: SubscribableSignal<T> | undefined;
    return () => (signal ??= state.signalFor(sandbox, Signal));
  };
  const scanSignal = lazily(scanner);
  const connectivitySignal = lazily(connectivity);
  const staffSignal = lazily(staffMember);
  const shopify = {
    setSignals(SignalOfTheSandbox: SignalClass) {
      Signal = SignalOfTheSandbox;
    },
    session: {
      currentSession: {
        shopId: config.shopId,
        userId: config.userId,
        shopDomain: config.shopDomain,
        locationId: Number(locationSelect.value),
        staffMemberId: staffMember.value?.id,
        currency: config.currency,
        posVersion: config.posVersion,
      },
      get staffMember() {
        return staffSignal();
      },
      getSessionToken,
      deviceId: 1,
    },
    scanner: {
      scannerData: {
        get current() {
          return scanSignal();
        },
      },
      showCameraScanner: () => showCamera(true),
      hideCameraScanner: () => showCamera(false),
    },
    connectivity: {
      get current() {
        return connectivitySignal();
      },
    },
    toast: { show: showToast },
    // POS prints the page at `src` (a path under the app's URL) on the store's printer; the
    // stand-in opens it in a new tab, where the browser's own print dialog takes over.
    printing: {
      getPrinters: async () => [{ id: "stand-in", name: "This browser", isDefault: true }],
      print: async (src: string) => {
        if (connectivity.value.internetConnected === "Disconnected") throw new Error("POS is offline");
        window.open(new URL(src, config.appUrl).toString(), "_blank", "noopener");
      },
    },
    storage,
    camera,
    // POS opens the target's companion: the tile's modal, the order block's order action.
    action: { presentModal: () => openModal(target === "order-block" ? "order-action" : "modal") },
    // The order screen's targets get the order it shows (POS's Order API).
    ...(target === "order-block" || target === "order-action"
      ? { order: orders.openOrder ? orderApiContent(orders.openOrder) : undefined }
      : {}),
    locale: { current: { value: "en-US", subscribe: () => () => undefined } },
  };
  Object.defineProperty(sandbox, "shopify", { value: shopify, configurable: true, writable: true });
  // Chromium has a Navigation API of its own on window: POS's stands in front of it.
  if (target === "modal" || target === "order-action") {
    Object.defineProperty(sandbox, "navigation", { value: navigation, configurable: true });
  }

  // POS resolves the extension's relative URLs against the app's URL; offline, nothing gets out.
  const ownFetch = sandbox.fetch.bind(sandbox);
  sandbox.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (connectivity.value.internetConnected === "Disconnected") throw new TypeError("Failed to fetch (offline)");
    const resolved = typeof input === "string" ? new URL(input, config.appUrl) : input;
    const response = await ownFetch(resolved, init);
    if (response.headers.get("content-type")?.includes("json")) {
      response
        .clone()
        .json()
        .then(observe, () => undefined);
    }
    return response;
  };
}

function forget(sandbox: Window): void {
  scanner.forget(sandbox);
  connectivity.forget(sandbox);
  staffMember.forget(sandbox);
}

const standIn: PosStandInHost = { install, forget };
Object.assign(window, { posStandIn: standIn });

function putSandbox(container: HTMLElement, target: TargetName | null, id: string, title: string): void {
  for (const old of container.querySelectorAll("iframe")) {
    if (old.contentWindow) forget(old.contentWindow);
    old.remove();
  }
  if (!target) return;
  const frame = Object.assign(document.createElement("iframe"), { id, title, src: `/screen.html?target=${target}` });
  frame.className = "sandbox-frame";
  container.append(frame);
}

function showTile(): void {
  putSandbox($("#tile-slot"), "tile", "tile-frame", "Omniroute tile");
}

function openModal(target: ModalTarget): void {
  modalTarget = target;
  // The tile's modal opens on its queue; the order action on its own first screen.
  entries = [{ key: String(++entryCount), url: target === "modal" ? "Queue" : "", state: undefined }];
  $("#modal").hidden = false;
  showModalScreen();
}

function showModalScreen(): void {
  $<HTMLButtonElement>("#modal-back").disabled = entries.length < 2;
  putSandbox($("#modal-slot"), modalTarget, "modal-frame", "Omniroute");
}

function closeModal(): void {
  entries = [];
  $("#modal").hidden = true;
  putSandbox($("#modal-slot"), null, "modal-frame", "Omniroute");
  openTask = null;
  showObserved();
  // Back on the order screen, POS shows the order (and the apps' blocks) as it is now.
  if (!$("#orders-screen").hidden) void orders.reload(locationSelect.value);
}

// --- POS's Orders screen ---
const orders = ordersScreen({
  list: $("#order-list"),
  summary: $("#order-summary"),
  showBlock: showOrderBlock,
});

function showOrderBlock(): void {
  putSandbox($("#order-block-slot"), orders.openOrder ? "order-block" : null, "order-block-frame", "Omniroute block");
}

function showScreen(screen: "home" | "orders"): void {
  $("#home-screen").hidden = screen !== "home";
  $("#orders-screen").hidden = screen !== "orders";
  $("#tab-home").setAttribute("aria-pressed", String(screen === "home"));
  $("#tab-orders").setAttribute("aria-pressed", String(screen === "orders"));
  if (screen === "orders") void orders.reload(locationSelect.value);
}

// --- the stand-in's own controls ---
$("#modal-back").addEventListener("click", () => void navigation.back());
$("#modal-close").addEventListener("click", closeModal);
locationSelect.addEventListener("change", () => {
  localStorage.setItem(CHOSEN_LOCATION, locationSelect.value);
  // A different store: POS starts its extensions afresh with the new session.
  customers = [];
  orders.close();
  closeModal();
  void rereadCustomers();
  showTile();
});
$("#tab-home").addEventListener("click", () => showScreen("home"));
$("#tab-orders").addEventListener("click", () => showScreen("orders"));
staffSelect.addEventListener("change", () => {
  localStorage.setItem(CHOSEN_STAFF, staffSelect.value);
  staffMember.set({ id: Number(staffSelect.value) });
});
const online = $<HTMLInputElement>("#online");
online.addEventListener("change", () =>
  connectivity.set({ internetConnected: online.checked ? "Connected" : "Disconnected" }),
);
const scanField = $<HTMLInputElement>("#scan-code");
$("#scan-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const code = scanField.value.trim();
  if (code) scan(code);
  scanField.value = "";
});

showObserved();
showTile();
void rereadCustomers();
setInterval(() => void rereadCustomers().catch(() => undefined), CUSTOMERS_REREAD_MS);
