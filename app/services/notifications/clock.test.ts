import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "~/config/environment";
import { CLOCK_FILE_CACHE_MS, notificationClock } from "./clock.server";

const REAL = Date.parse("2026-11-30T16:00:00Z");
const HOUR = 3_600_000;

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "notification-clock-"));
  file = path.join(dir, "clock.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the notification clock", () => {
  it("is real time when no demo clock file is configured", () => {
    const clock = notificationClock({ realNow: () => REAL });
    expect(clock.now().toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(clock.at(new Date(REAL - HOUR)).getTime()).toBe(REAL - HOUR);
  });

  it("is real time while the demo clock file is missing", () => {
    const clock = notificationClock({ file, realNow: () => REAL });
    expect(clock.offsetMs()).toBe(0);
    expect(clock.now().getTime()).toBe(REAL);
  });

  it("is real time when the file is garbled or its offset is not a finite number", () => {
    let real = REAL;
    const clock = notificationClock({ file, realNow: () => real });
    for (const content of ["{not json", "[]", '{"offsetMs":"3600000"}', "null", '{"offsetMs":null}']) {
      fs.writeFileSync(file, content);
      real += CLOCK_FILE_CACHE_MS;
      expect(clock.offsetMs(), content).toBe(0);
    }
  });

  it("moves the cadence's now and event times by the file's offset", () => {
    fs.writeFileSync(file, JSON.stringify({ offsetMs: 2 * HOUR }));
    const clock = notificationClock({ file, realNow: () => REAL });
    expect(clock.now().getTime()).toBe(REAL + 2 * HOUR);
    expect(clock.at(new Date(REAL - HOUR)).getTime()).toBe(REAL + HOUR);
  });

  it("follows a changed file once its cached reading is a second old", () => {
    let real = REAL;
    fs.writeFileSync(file, JSON.stringify({ offsetMs: HOUR }));
    const clock = notificationClock({ file, realNow: () => real });
    expect(clock.offsetMs()).toBe(HOUR);

    fs.writeFileSync(file, JSON.stringify({ offsetMs: 25 * HOUR }));
    real += CLOCK_FILE_CACHE_MS - 1;
    expect(clock.offsetMs()).toBe(HOUR);
    real += 1;
    expect(clock.offsetMs()).toBe(25 * HOUR);
    expect(clock.now().getTime()).toBe(real + 25 * HOUR);

    fs.rmSync(file);
    real += CLOCK_FILE_CACHE_MS;
    expect(clock.offsetMs()).toBe(0);
  });

  it("is refused in production, as the emulator's addresses are", () => {
    const base = {
      SHOPIFY_API_KEY: "key",
      SHOPIFY_API_SECRET: "secret",
      SHOPIFY_APP_URL: "https://omniroute.example",
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"),
      DEMO_CLOCK_FILE: "/tmp/demo-clock.json",
    };
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(
      /DEMO_CLOCK_FILE must not be set in production/,
    );
    expect(parseEnv({ ...base, NODE_ENV: "development" }).DEMO_CLOCK_FILE).toBe("/tmp/demo-clock.json");
  });
});
