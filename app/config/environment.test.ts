import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv, runsWorkersInProcess } from "./environment";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://omniroute.example",
};

const CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");
const validInProduction = { ...valid, NODE_ENV: "production", CREDENTIALS_KEY };

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}

describe("the environment", () => {
  it("accepts the minimum a development machine needs and fills in defaults", () => {
    const env = parseEnv(valid);
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(5488);
    expect(runsWorkersInProcess(env)).toBe(true);
  });

  it("names every missing variable in one message", () => {
    expect(problemsOf({})).toEqual([
      "SHOPIFY_API_KEY is missing",
      "SHOPIFY_API_SECRET is missing",
      "SHOPIFY_APP_URL is missing",
    ]);
  });

  it("names a malformed variable and says what is wrong with it", () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: "mysql://localhost/db", EMBEDDED_POSTGRES_PORT: "eighty" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL /);
    expect(problems[1]).toMatch(/^EMBEDDED_POSTGRES_PORT /);
  });

  it("refuses the local emulator and App Bridge stand-in in production", () => {
    const problems = problemsOf({
      ...validInProduction,
      SHOPIFY_EMULATOR_URL: "http://127.0.0.1:9000",
      APP_BRIDGE_URL: "http://127.0.0.1:9000/app-bridge.js",
    });
    expect(problems).toEqual([
      "SHOPIFY_EMULATOR_URL must not be set in production",
      "APP_BRIDGE_URL must not be set in production",
    ]);
  });

  it("leaves SendGrid unset by default, and asks for a sender with a key", () => {
    expect(parseEnv(valid).SENDGRID_API_KEY).toBeUndefined();
    expect(problemsOf({ ...valid, SENDGRID_API_KEY: "SG.key" })).toEqual(["ALERTS_FROM_EMAIL is missing"]);
    expect(problemsOf({ ...valid, SENDGRID_API_KEY: "SG.key", ALERTS_FROM_EMAIL: "not an address" })).toEqual([
      "ALERTS_FROM_EMAIL must be an email address",
    ]);
    expect(
      parseEnv({ ...valid, SENDGRID_API_KEY: "SG.key", ALERTS_FROM_EMAIL: "alerts@omniroute.example" }),
    ).toMatchObject({ SENDGRID_API_KEY: "SG.key", ALERTS_FROM_EMAIL: "alerts@omniroute.example" });
  });

  it("refuses a SendGrid, Twilio or OneSignal stand-in in production", () => {
    expect(problemsOf({ ...validInProduction, SENDGRID_API_URL: "http://127.0.0.1:9000" })).toEqual([
      "SENDGRID_API_URL must not be set in production",
    ]);
    expect(problemsOf({ ...validInProduction, TWILIO_API_URL: "http://127.0.0.1:9000" })).toEqual([
      "TWILIO_API_URL must not be set in production",
    ]);
    expect(problemsOf({ ...validInProduction, ONESIGNAL_API_URL: "http://127.0.0.1:9000" })).toEqual([
      "ONESIGNAL_API_URL must not be set in production",
    ]);
    expect(parseEnv({ ...valid, TWILIO_API_URL: "http://127.0.0.1:9000" }).TWILIO_API_URL).toBe(
      "http://127.0.0.1:9000",
    );
  });

  it("requires the credentials key in production only, as 32 bytes of base64", () => {
    expect(parseEnv(valid).CREDENTIALS_KEY).toBeUndefined();
    expect(problemsOf({ ...valid, NODE_ENV: "production" })).toEqual(["CREDENTIALS_KEY is missing"]);
    expect(parseEnv(validInProduction).CREDENTIALS_KEY).toBe(CREDENTIALS_KEY);
    expect(problemsOf({ ...valid, CREDENTIALS_KEY: Buffer.alloc(16).toString("base64") })).toEqual([
      "CREDENTIALS_KEY must be 32 bytes in base64 (openssl rand -base64 32)",
    ]);
    expect(problemsOf({ ...valid, CREDENTIALS_KEY: "not base64 at all!" })).toHaveLength(1);
  });

  it("takes a previous credentials key only beside a current one that differs from it", () => {
    const previous = Buffer.alloc(32, 9).toString("base64");
    expect(parseEnv({ ...validInProduction, CREDENTIALS_KEY_PREVIOUS: previous }).CREDENTIALS_KEY_PREVIOUS).toBe(
      previous,
    );
    expect(problemsOf({ ...valid, CREDENTIALS_KEY_PREVIOUS: previous })).toEqual(["CREDENTIALS_KEY is missing"]);
    expect(problemsOf({ ...validInProduction, CREDENTIALS_KEY_PREVIOUS: CREDENTIALS_KEY })).toEqual([
      "CREDENTIALS_KEY_PREVIOUS must differ from CREDENTIALS_KEY",
    ]);
  });

  it("leaves the inline comparison bound to the app's default unless set, and takes any whole number of orders", () => {
    expect(parseEnv(valid).ROUTING_COMPARISON_INLINE_MAX_ORDERS).toBeUndefined();
    expect(parseEnv({ ...valid, ROUTING_COMPARISON_INLINE_MAX_ORDERS: "" }).ROUTING_COMPARISON_INLINE_MAX_ORDERS).toBe(
      undefined,
    );
    expect(parseEnv({ ...valid, ROUTING_COMPARISON_INLINE_MAX_ORDERS: "0" }).ROUTING_COMPARISON_INLINE_MAX_ORDERS).toBe(
      0,
    );
    expect(
      parseEnv({ ...valid, ROUTING_COMPARISON_INLINE_MAX_ORDERS: "5000" }).ROUTING_COMPARISON_INLINE_MAX_ORDERS,
    ).toBe(5000);
  });

  it("refuses an inline comparison bound that is not a whole number of orders, naming it", () => {
    for (const bad of ["-1", "2000.5", "1e3", "0x10", " 20", "2,000", "two thousand", "9".repeat(20)]) {
      const problems = problemsOf({ ...valid, ROUTING_COMPARISON_INLINE_MAX_ORDERS: bad });
      expect(problems, bad).toHaveLength(1);
      expect(problems[0], bad).toMatch(/^ROUTING_COMPARISON_INLINE_MAX_ORDERS (must be a whole number|is too large)/);
    }
  });

  it("treats an empty optional variable as unset", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "", RUN_WORKERS_IN_PROCESS: "" }).DATABASE_URL).toBeUndefined();
  });

  it("keeps workers out of the web process in production unless asked", () => {
    expect(runsWorkersInProcess(parseEnv(validInProduction))).toBe(false);
    expect(runsWorkersInProcess(parseEnv({ ...validInProduction, RUN_WORKERS_IN_PROCESS: "true" }))).toBe(true);
  });

  it("stops the app at boot with a message naming the bad variable", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "-e", "await import('./app/env.server.ts')"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", SHOPIFY_API_KEY: "key", SHOPIFY_APP_URL: "not a url" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("SHOPIFY_API_SECRET is missing");
    expect(result.stderr).toContain("SHOPIFY_APP_URL");
  });
});
