import { z } from "zod";

/**
 * The process environment, validated once at boot. A missing or malformed variable
 * stops the process with one message that names every problem, rather than failing
 * later on the first request that happens to need it.
 */
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL");

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Digits only: "1e3", "2000.5", "-1", " 20" and "0x10" are refused, not read as some number. */
const wholeNumber = z
  .string()
  .regex(/^\d+$/, "must be a whole number, 0 or more (digits only)")
  .transform(Number)
  .refine(Number.isSafeInteger, "is too large");

/** An AES-256 key: 32 random bytes, base64 (`openssl rand -base64 32`). */
const credentialsKey = z
  .string()
  .refine(
    (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32,
    "must be 32 bytes in base64 (openssl rand -base64 32)",
  );

const envFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "is required"),
  SHOPIFY_API_SECRET: z.string().min(1, "is required"),
  SHOPIFY_APP_URL: z.string().url(),
  SCOPES: z.preprocess(emptyAsUndefined, z.string().optional()),
  SHOP_CUSTOM_DOMAIN: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  EMBEDDED_POSTGRES_DIR: z.string().default(".data/postgres"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(5488),
  RUN_WORKERS_IN_PROCESS: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
  // Development and tests only: send the Shopify library's calls to shops to this local emulator.
  SHOPIFY_EMULATOR_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  // Development and demo only: a local stand-in for the App Bridge CDN script.
  APP_BRIDGE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // How long a routing job may run before pg-boss takes its worker for dead and retries it (default 60).
  ROUTING_JOB_EXPIRE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).optional()),
  // How long the store-task sync of a fulfilment order Shopify has just assigned waits for routing
  // to settle it first (default 5; tests that cannot wait shorten it).
  STORE_TASK_SYNC_AFTER_ROUTING_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(300).optional(),
  ),
  // The most orders a "Compare with the last 30 days" replays inside the request; more, and it is
  // a job the page polls (unset: INLINE_COMPARISON_LIMIT.orders, 2,000). 0 queues every one with orders.
  ROUTING_COMPARISON_INLINE_MAX_ORDERS: z.preprocess(emptyAsUndefined, wholeNumber.optional()),
  // How often a supervising process expires dead workers' jobs and archives old ones.
  JOB_MAINTENANCE_INTERVAL_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(3600).default(60),
  ),
  // The app's own SendGrid account, for operational email (a store told an order arrived);
  // unset: store emails cannot be turned on. Customers' notifications use each shop's account.
  SENDGRID_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ALERTS_FROM_EMAIL: z.preprocess(emptyAsUndefined, z.string().email("must be an email address").optional()),
  // Development and tests only: send SendGrid calls to this local stand-in instead.
  SENDGRID_API_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  // Development and tests only: send Twilio calls to this local stand-in instead.
  TWILIO_API_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  // Development and tests only: send OneSignal calls to this local stand-in instead.
  ONESIGNAL_API_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  // Development and demo only: a JSON file { "offsetMs": n } moving the notification clock (ADR 012).
  DEMO_CLOCK_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  // Seals the shops' vendor credentials (AES-256-GCM). Required in production; elsewhere, unset,
  // a development key derived from SHOPIFY_API_SECRET seals them (docs/operations.md).
  CREDENTIALS_KEY: z.preprocess(emptyAsUndefined, credentialsKey.optional()),
  // The key before the last rotation: still opens what it sealed until each secret is sealed again.
  CREDENTIALS_KEY_PREVIOUS: z.preprocess(emptyAsUndefined, credentialsKey.optional()),
});

export const envSchema = envFields.superRefine((env, context) => {
  // Production talks to Shopify, never to a stand-in.
  for (const name of [
    "SHOPIFY_EMULATOR_URL",
    "APP_BRIDGE_URL",
    "SENDGRID_API_URL",
    "TWILIO_API_URL",
    "ONESIGNAL_API_URL",
    "DEMO_CLOCK_FILE",
  ] as const) {
    if (env.NODE_ENV === "production" && env[name]) {
      context.addIssue({ code: "custom", path: [name], message: "must not be set in production" });
    }
  }
  // A key without a sender would fail on the first store email rather than at boot.
  if (env.SENDGRID_API_KEY && !env.ALERTS_FROM_EMAIL) {
    context.addIssue({ code: "custom", path: ["ALERTS_FROM_EMAIL"], message: "is required with SENDGRID_API_KEY" });
  }
  // Production never seals merchants' credentials with a key derived from another secret.
  if (env.NODE_ENV === "production" && !env.CREDENTIALS_KEY) {
    context.addIssue({ code: "custom", path: ["CREDENTIALS_KEY"], message: "is required in production" });
  }
  if (!env.CREDENTIALS_KEY && env.CREDENTIALS_KEY_PREVIOUS) {
    context.addIssue({
      code: "custom",
      path: ["CREDENTIALS_KEY"],
      message: "is required with CREDENTIALS_KEY_PREVIOUS",
    });
  }
  if (env.CREDENTIALS_KEY && env.CREDENTIALS_KEY === env.CREDENTIALS_KEY_PREVIOUS) {
    context.addIssue({
      code: "custom",
      path: ["CREDENTIALS_KEY_PREVIOUS"],
      message: "must differ from CREDENTIALS_KEY",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}. See .env.example for what each variable means.`);
    this.name = "InvalidEnvironmentError";
  }
}

type Source = Record<string, string | undefined>;

function parseWith<Schema extends z.ZodType>(schema: Schema, source: Source): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const missing = source[name] === undefined || source[name] === "";
    return missing ? `${name} is missing` : `${name} ${issue.message}`;
  });
  throw new InvalidEnvironmentError(problems);
}

export function parseEnv(source: Source): Env {
  return parseWith(envSchema, source);
}

/** What database tooling (migrations, the demo's launcher) needs, and no Shopify settings. */
export const databaseEnvSchema = envFields.pick({
  DATABASE_URL: true,
  EMBEDDED_POSTGRES_DIR: true,
  EMBEDDED_POSTGRES_PORT: true,
});

export function parseDatabaseEnv(source: Source): z.infer<typeof databaseEnvSchema> {
  return parseWith(databaseEnvSchema, source);
}

/** Workers run inside the web process by default outside production. */
export function runsWorkersInProcess(env: Env): boolean {
  return env.RUN_WORKERS_IN_PROCESS ?? env.NODE_ENV !== "production";
}
