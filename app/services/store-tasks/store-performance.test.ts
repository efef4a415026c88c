import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { LeaderboardPeriod } from "~/domain/store-tasks/leaderboard-period";
import { DEFAULT_STORE_SETTINGS } from "~/domain/store-tasks/settings";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { storesPerformance } from "./store-performance.server";

/** The staff leaderboard over the period the merchant picks, its days in the shop's zone. */

const shop = uniqueShop();
const neighbour = uniqueShop();
// Noon in Chicago (CST, UTC−6): the shop's day began at 06:00 UTC.
const NOW = new Date("2026-11-27T18:00:00Z");
const CHICAGO = "America/Chicago";

let tasksMade = 0;

/** A pick by `staffMemberId`: a right scan at `firstScanAt`, packed `pickSeconds` later. */
async function seedPick(pickShop: string, staffMemberId: string, firstScanAt: string, pickSeconds: number) {
  tasksMade += 1;
  const scannedAt = new Date(firstScanAt);
  const packedAt = new Date(scannedAt.getTime() + pickSeconds * 1000);
  await prisma.storeTask.create({
    data: {
      shop: pickShop,
      fulfillmentOrderId: String(7000 + tasksMade),
      orderId: String(8000 + tasksMade),
      orderName: `#${1000 + tasksMade}`,
      locationId: "1",
      kind: "SHIP",
      state: "PACKED",
      pickupCode: `CODE${tasksMade}`,
      assignedAt: scannedAt,
      firstScanAt: scannedAt,
      packedAt,
      events: {
        create: [
          {
            shop: pickShop,
            locationId: "1",
            at: scannedAt,
            fromState: "PICKING",
            toState: "PICKING",
            staffMemberId,
            detail: { kind: "SCAN", code: "0123", lineItemId: "1", outcome: "PICKED" },
          },
          {
            shop: pickShop,
            locationId: "1",
            at: packedAt,
            fromState: "PICKING",
            toState: "PACKED",
            staffMemberId,
            detail: { kind: "TRANSITION" },
          },
        ],
      },
    },
  });
}

async function picksOver(period: LeaderboardPeriod, timeZone = CHICAGO) {
  const { leaderboard } = await storesPerformance(shop, DEFAULT_STORE_SETTINGS, NOW, { period, timeZone });
  return leaderboard.map((row) => ({ staffMemberId: row.staffMemberId, picks: row.picks }));
}

beforeAll(async () => {
  for (const [seeded, name] of [
    [shop, "Loop"],
    [neighbour, "Elsewhere"],
  ] as const) {
    await seedMirror(prisma, seeded, [{ locationId: "1", name, kind: "STORE", lat: 41.88, lng: -87.63, stock: {} }]);
  }
  // This morning in Chicago.
  await seedPick(shop, "111", "2026-11-27T15:10:00Z", 300);
  await seedPick(shop, "222", "2026-11-27T16:00:00Z", 240);
  // Yesterday at 22:40 in Chicago, already the 27th in UTC.
  await seedPick(shop, "111", "2026-11-27T04:40:00Z", 600);
  // Six days ago in Chicago, the first day of the week's board.
  await seedPick(shop, "333", "2026-11-21T07:00:00Z", 200);
  // Seven days ago just before midnight in Chicago: out of the week, in the month.
  await seedPick(shop, "333", "2026-11-21T05:50:00Z", 200);
  // Twenty days ago.
  await seedPick(shop, "111", "2026-11-07T16:00:00Z", 420);
  // Forty days ago: on no board.
  await seedPick(shop, "222", "2026-10-18T16:00:00Z", 100);
  // Another shop's busy associate, this morning.
  await seedPick(neighbour, "999", "2026-11-27T15:00:00Z", 60);
});

describe("the staff leaderboard's period", () => {
  it("counts today's picks only, from midnight in the shop's zone", async () => {
    // One pick each: 222's 240 s ranks above 111's 300 s.
    expect(await picksOver("today")).toEqual([
      { staffMemberId: "222", picks: 1 },
      { staffMemberId: "111", picks: 1 },
    ]);
  });

  it("counts a pick from yesterday in 7 days but not today", async () => {
    // 333 and 222 have a pick each: the faster median (200 s against 240 s) ranks first.
    expect(await picksOver("7d")).toEqual([
      { staffMemberId: "111", picks: 2 },
      { staffMemberId: "333", picks: 1 },
      { staffMemberId: "222", picks: 1 },
    ]);
  });

  it("counts 30 days of picks, and none older", async () => {
    expect(await picksOver("30d")).toEqual([
      { staffMemberId: "111", picks: 3 },
      { staffMemberId: "333", picks: 2 },
      { staffMemberId: "222", picks: 1 },
    ]);
  });

  it("starts the day at the shop's own midnight: in UTC, yesterday evening in Chicago is today", async () => {
    expect(await picksOver("today", "UTC")).toEqual([
      { staffMemberId: "111", picks: 2 },
      { staffMemberId: "222", picks: 1 },
    ]);
  });

  it("gives each pick's time and scans over the period only", async () => {
    const { leaderboard } = await storesPerformance(shop, DEFAULT_STORE_SETTINGS, NOW, {
      period: "today",
      timeZone: CHICAGO,
    });
    expect(leaderboard.find((row) => row.staffMemberId === "111")).toMatchObject({
      medianPickSeconds: 300,
      rightScans: 1,
      wrongScans: 0,
    });
  });
});
