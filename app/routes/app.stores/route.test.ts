import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Prisma, PrismaClient, StoreTaskKind, StoreTaskState } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import type { action as storesAction, loader as storesLoader } from "./route";

/**
 * The Stores page: each store's day in its own zone, the staff leaderboard and the store
 * settings, computed from tasks and events seeded at known times.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof storesLoader;
let action: typeof storesAction;
const neighbour = uniqueShop();

// Noon in Chicago (CST): the stores' day began at 06:00 UTC.
const NOW = new Date("2026-11-27T18:00:00Z");
const at = (iso: string) => new Date(iso);

let taskNumber = 0;

interface SeededTask {
  shop?: string;
  locationId?: string;
  kind?: StoreTaskKind;
  state: StoreTaskState;
  assignedAt: string;
  dueAt?: string;
  firstScanAt?: string;
  packedAt?: string;
  readyAt?: string;
  completedAt?: string;
}

interface SeededEvent {
  at: string;
  fromState: StoreTaskState | null;
  toState: StoreTaskState;
  staffMemberId?: string;
  detail?: Prisma.InputJsonValue;
}

async function seedTask(task: SeededTask, events: SeededEvent[] = []): Promise<string> {
  taskNumber += 1;
  const shop = task.shop ?? emulator.shop;
  const locationId = task.locationId ?? "1";
  const created = await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(5000 + taskNumber),
      orderId: String(9000 + taskNumber),
      orderName: `#${1000 + taskNumber}`,
      locationId,
      kind: task.kind ?? "PICKUP",
      state: task.state,
      pickupCode: `CODE${taskNumber}`,
      assignedAt: at(task.assignedAt),
      dueAt: task.dueAt ? at(task.dueAt) : null,
      firstScanAt: task.firstScanAt ? at(task.firstScanAt) : null,
      packedAt: task.packedAt ? at(task.packedAt) : null,
      readyAt: task.readyAt ? at(task.readyAt) : null,
      completedAt: task.completedAt ? at(task.completedAt) : null,
    },
  });
  for (const event of events) {
    await prisma.storeTaskEvent.create({
      data: {
        shop,
        taskId: created.id,
        locationId,
        at: at(event.at),
        fromState: event.fromState,
        toState: event.toState,
        staffMemberId: event.staffMemberId ?? null,
        ...(event.detail ? { detail: event.detail } : {}),
      },
    });
  }
  return created.id;
}

const scan = (time: string, staffMemberId: string, outcome: "PICKED" | "WRONG_ITEM" | "OVER_PICKED"): SeededEvent => ({
  at: time,
  fromState: "PICKING",
  toState: "PICKING",
  staffMemberId,
  detail: { kind: "SCAN", code: "0123", lineItemId: outcome === "PICKED" ? "1" : null, outcome },
});

const packed = (time: string, staffMemberId: string): SeededEvent => ({
  at: time,
  fromState: "PICKING",
  toState: "PACKED",
  staffMemberId,
  detail: { kind: "TRANSITION" },
});

/** A day at the Loop: two picks today (6 min 12 s and 5 min), one late, one uncollected, one exception. */
async function seedLoopDay(): Promise<void> {
  // Collected today: picked in 372 s by staff 111, collected an hour after it was ready.
  await seedTask(
    {
      state: "PICKED_UP",
      assignedAt: "2026-11-27T15:00:00Z",
      firstScanAt: "2026-11-27T15:10:00Z",
      packedAt: "2026-11-27T15:16:12Z",
      readyAt: "2026-11-27T15:20:00Z",
      completedAt: "2026-11-27T16:20:00Z",
    },
    [
      scan("2026-11-27T15:10:00Z", "111", "PICKED"),
      scan("2026-11-27T15:11:00Z", "111", "WRONG_ITEM"),
      scan("2026-11-27T15:12:00Z", "111", "PICKED"),
      scan("2026-11-27T15:13:00Z", "111", "PICKED"),
      packed("2026-11-27T15:16:12Z", "111"),
    ],
  );
  // Shipped today: picked in 300 s by staff 222.
  await seedTask(
    {
      kind: "SHIP",
      state: "SHIPPED",
      assignedAt: "2026-11-27T15:50:00Z",
      firstScanAt: "2026-11-27T16:00:00Z",
      packedAt: "2026-11-27T16:05:00Z",
      completedAt: "2026-11-27T16:30:00Z",
    },
    [
      scan("2026-11-27T16:00:00Z", "222", "PICKED"),
      scan("2026-11-27T16:01:00Z", "222", "PICKED"),
      packed("2026-11-27T16:05:00Z", "222"),
    ],
  );
  // Being picked, due half an hour ago (late), with a line reported not found.
  await seedTask(
    {
      state: "PICKING",
      assignedAt: "2026-11-27T17:00:00Z",
      dueAt: "2026-11-27T17:30:00Z",
      firstScanAt: "2026-11-27T17:05:00Z",
    },
    [
      {
        at: "2026-11-27T17:10:00Z",
        fromState: "PICKING",
        toState: "PICKING",
        staffMemberId: "111",
        detail: { kind: "EXCEPTION", lineItemId: "1", reason: "NOT_FOUND", note: null },
      },
    ],
  );
  // Ready eight days ago and never collected.
  await seedTask({
    state: "READY",
    assignedAt: "2026-11-19T14:00:00Z",
    firstScanAt: "2026-11-19T14:10:00Z",
    packedAt: "2026-11-19T14:20:00Z",
    readyAt: "2026-11-19T15:00:00Z",
    dueAt: "2026-11-19T15:00:00Z",
  });
  // New, due later today.
  await seedTask({ state: "NEW", assignedAt: "2026-11-27T17:50:00Z", dueAt: "2026-11-27T19:00:00Z" });
  // Shipped yesterday evening (23:00 CST), picked in 600 s by staff 111: on the week's
  // leaderboard, not on today's board; its exception was yesterday's too.
  await seedTask(
    {
      kind: "SHIP",
      state: "SHIPPED",
      assignedAt: "2026-11-27T04:00:00Z",
      firstScanAt: "2026-11-27T04:40:00Z",
      packedAt: "2026-11-27T04:50:00Z",
      completedAt: "2026-11-27T05:00:00Z",
    },
    [
      packed("2026-11-27T04:50:00Z", "111"),
      {
        at: "2026-11-27T04:45:00Z",
        fromState: "PICKING",
        toState: "PICKING",
        staffMemberId: "111",
        detail: { kind: "EXCEPTION", lineItemId: "1", reason: "DAMAGED", note: "torn" },
      },
    ],
  );
  // Another shop's store with the same location id and a busy staff member: never seen here.
  await seedTask(
    {
      shop: neighbour,
      state: "PICKED_UP",
      assignedAt: "2026-11-27T15:00:00Z",
      firstScanAt: "2026-11-27T15:00:00Z",
      packedAt: "2026-11-27T15:01:00Z",
      readyAt: "2026-11-27T15:02:00Z",
      completedAt: "2026-11-27T15:03:00Z",
    },
    [packed("2026-11-27T15:01:00Z", "999"), scan("2026-11-27T15:00:30Z", "999", "PICKED")],
  );
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
    { locationId: "2", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.6986, lng: -88.0684, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.0451, lng: -87.6877, stock: {} },
  ]);
  await seedMirror(prisma, neighbour, [
    { locationId: "1", name: "Elsewhere", kind: "STORE", lat: 40.7, lng: -74, stock: {} },
  ]);
});

// Each test starts from the shop as seeded above: no tasks, no saved settings, no names.
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  for (const shop of [emulator.shop, neighbour]) {
    await prisma.storeTask.deleteMany({ where: { shop } });
    await prisma.storeSettings.deleteMany({ where: { shop } });
    await prisma.staffNickname.deleteMany({ where: { shop } });
  }
});

afterEach(async () => {
  vi.useRealTimers();
  await prisma.shopInstallation.updateMany({ where: { shop: emulator.shop }, data: { timeZone: null } });
});

/** The shop's zone, as the locations sync records it from Shopify. */
async function inShopTimeZone(timeZone: string): Promise<void> {
  await prisma.shopInstallation.upsert({
    where: { shop: emulator.shop },
    create: { shop: emulator.shop, timeZone },
    update: { timeZone },
  });
}

afterAll(async () => {
  await emulator.close();
});

function load(search = "") {
  return loader({
    request: new Request(`${TEST_APP.appUrl}/app/stores${search}`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    }),
    params: {},
    context: {},
  });
}

function post(fields: Record<string, string>) {
  return action({
    request: new Request(`${TEST_APP.appUrl}/app/stores`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
      body: new URLSearchParams(fields),
    }),
    params: {},
    context: {},
  });
}

const SETTINGS = {
  intent: "settings",
  pickTargetMinutes: "5",
  notStartedMinutes: "10",
  escalationEnabled: "true",
  escalationMinutesBeforeDue: "20",
  uncollectedDays: "3",
  requireIdCheck: "true",
  exceptionStockPolicy: "SET_SHOPIFY_ZERO",
  shipSlaHours: "12",
};

describe("the Stores page", () => {
  it("shows each of the shop's stores with empty figures before any order, and the default settings", async () => {
    const page = await load();

    expect(page.stores.map((store) => store.name)).toEqual(["Loop", "Evanston"]);
    expect(page.stores[1]?.figures).toMatchObject({
      open: 0,
      late: 0,
      picks: 0,
      medianPickSeconds: null,
      collected: 0,
      medianReadyToCollectedSeconds: null,
      exceptions: 0,
      uncollected: 0,
    });
    expect(page.leaderboard).toEqual([]);
    expect(page.settings.pickTargetSeconds).toBe(360);
    expect(page.savedAt).toBeNull();
  });

  it("counts a store's day from midnight in its zone: states, late, median pick and collection times, exceptions, uncollected", async () => {
    await seedLoopDay();

    const page = await load();

    const loop = page.stores.find((store) => store.name === "Loop");
    expect(loop?.figures.byState).toMatchObject({ NEW: 1, PICKING: 1, READY: 1, PICKED_UP: 1, SHIPPED: 1 });
    expect(Object.values(loop?.figures.byState ?? {}).reduce((sum, count) => sum + count, 0)).toBe(5);
    expect(loop?.figures).toMatchObject({
      open: 3,
      late: 1,
      picks: 2,
      // The median of 372 s and 300 s.
      medianPickSeconds: 336,
      collected: 1,
      medianReadyToCollectedSeconds: 3600,
      exceptions: 1,
      uncollected: 1,
    });
    expect(page.stores.find((store) => store.name === "Evanston")?.figures.picks).toBe(0);
    expect(page.asOf).toBe("2026-11-27 18:00 UTC");
  });

  it("lists each store's orders not started for too long and its pickups not collected, longest waiting first", async () => {
    await seedLoopDay();
    // New for 30 minutes: past the default 15.
    const stalled = await seedTask({ state: "NEW", assignedAt: "2026-11-27T17:30:00Z", dueAt: "2026-11-27T19:00:00Z" });
    // At Evanston, new for 20 minutes.
    await seedTask({ locationId: "3", state: "NEW", assignedAt: "2026-11-27T17:40:00Z" });

    const page = await load();

    const loop = page.stores.find((store) => store.name === "Loop");
    expect(loop?.attention.late).toBe(1);
    expect(loop?.attention.notStarted).toEqual([
      { taskId: stalled, orderId: expect.any(String), orderName: expect.any(String), waitingSeconds: 1800 },
    ]);
    // Ready since 19 November 15:00 UTC: 8 days and 3 hours.
    expect(loop?.attention.uncollected.map((task) => task.waitingSeconds)).toEqual([(8 * 24 + 3) * 3600]);
    const evanston = page.stores.find((store) => store.name === "Evanston");
    expect(evanston?.attention.notStarted.map((task) => task.waitingSeconds)).toEqual([1200]);
    expect(evanston?.attention.uncollected).toEqual([]);
  });

  it("ranks staff over 7 days by picks, with their median pick time and scan accuracy, and only the shop's own staff", async () => {
    await seedLoopDay();

    const page = await load("?period=7d");

    expect(page.leaderboardPeriod).toBe("7d");
    expect(page.leaderboard).toEqual([
      {
        staffMemberId: "111",
        name: "Staff 111",
        nickname: null,
        picks: 2,
        // The median of 372 s (today) and 600 s (yesterday).
        medianPickSeconds: 486,
        rightScans: 3,
        wrongScans: 1,
        scanAccuracy: 0.75,
      },
      {
        staffMemberId: "222",
        name: "Staff 222",
        nickname: null,
        picks: 1,
        medianPickSeconds: 300,
        rightScans: 2,
        wrongScans: 0,
        scanAccuracy: 1,
      },
    ]);
  });

  it("opens the leaderboard on today in the shop's zone: yesterday evening's pick in Chicago is not on it", async () => {
    await seedLoopDay();
    await inShopTimeZone("America/Chicago");

    const page = await load();

    expect(page.leaderboardPeriod).toBe("today");
    expect(page.leaderboard.map((row) => [row.staffMemberId, row.picks, row.medianPickSeconds])).toEqual([
      ["222", 1, 300],
      ["111", 1, 372],
    ]);
  });

  it("shows today's leaderboard for a period it does not offer, rather than an error", async () => {
    await seedLoopDay();
    await inShopTimeZone("America/Chicago");

    for (const search of [
      "?period=yesterday",
      "?period=",
      "?period=7d&period=30d",
      "?period=%00%FF",
      "?period=__proto__",
    ]) {
      const page = await load(search);
      expect(page.leaderboardPeriod, search).toBe(search.startsWith("?period=7d") ? "7d" : "today");
      expect(
        page.leaderboard.map((row) => row.picks),
        search,
      ).toEqual(search.startsWith("?period=7d") ? [2, 1] : [1, 1]);
    }
  });

  it("shows a staff member by the name the merchant gives them, and by id again once it is cleared", async () => {
    await seedLoopDay();

    const named = await post({ intent: "nickname", staffMemberId: "111", nickname: "  Sam  " });
    const afterNaming = await load();
    await post({ intent: "nickname", staffMemberId: "111", nickname: "" });
    const afterClearing = await load();
    const refused = await post({ intent: "nickname", staffMemberId: "Sam", nickname: "Sam" });
    const tooLong = await post({ intent: "nickname", staffMemberId: "222", nickname: "x".repeat(41) });

    expect(named).toEqual({ intent: "nickname", outcome: { ok: true } });
    expect(afterNaming.leaderboard.map((row) => row.name)).toEqual(["Sam", "Staff 222"]);
    expect(afterClearing.leaderboard.map((row) => row.name)).toEqual(["Staff 111", "Staff 222"]);
    expect(refused).toEqual({
      intent: "nickname",
      outcome: { ok: false, errors: { staffMemberId: "Choose a staff member from the leaderboard" } },
    });
    expect(tooLong).toEqual({
      intent: "nickname",
      outcome: { ok: false, errors: { nickname: "Keep the name to 40 characters or fewer" } },
    });
    expect(await prisma.staffNickname.count({ where: { shop: emulator.shop } })).toBe(0);
  });

  it("refuses settings that do not read with one message per field, and saves nothing", async () => {
    const result = await post({
      ...SETTINGS,
      pickTargetMinutes: "0",
      notStartedMinutes: "ten",
      uncollectedDays: "2.5",
      exceptionStockPolicy: "BURN_IT",
    });

    expect(result).toEqual({
      intent: "settings",
      outcome: {
        ok: false,
        errors: {
          pickTargetMinutes: "Enter minutes from 0.5 to 240",
          notStartedMinutes: "Enter minutes as a number",
          uncollectedDays: "Enter a whole number of days",
          exceptionStockPolicy: "Choose what an exception does to the stock",
        },
      },
    });
    expect(await prisma.storeSettings.count({ where: { shop: emulator.shop } })).toBe(0);
  });

  it("saves the settings with who saved them, and the stores then run on them", async () => {
    await seedLoopDay();
    const { storeSettingsFor } = await import("~/services/store-tasks/store-settings.server");

    const saved = await post(SETTINGS);
    const page = await load();
    // An unticked checkbox is absent from the posted form: off.
    const { escalationEnabled: _unticked, ...withoutEscalation } = SETTINGS;
    await post({ ...withoutEscalation, pickTargetMinutes: "6.5" });

    expect(saved).toMatchObject({ intent: "settings", outcome: { ok: true } });
    expect(page.settings).toEqual({
      pickTargetSeconds: 300,
      notStartedMinutes: 10,
      escalation: { enabled: true, minutesBeforeDue: 20 },
      uncollectedDays: 3,
      requireIdCheck: true,
      exceptionStockPolicy: "SET_SHOPIFY_ZERO",
      shipSlaHours: 12,
      emailStoresOnNewTask: false,
    });
    expect(page.savedAt).toBe("2026-11-27 18:00 UTC");
    expect(page.savedBy).toBe("Staff member 1");
    expect(await storeSettingsFor(emulator.shop)).toMatchObject({
      pickTargetSeconds: 390,
      escalation: { enabled: false, minutesBeforeDue: 20 },
    });
    expect(await storeSettingsFor(neighbour)).toMatchObject({ pickTargetSeconds: 360 });
  });
});
