import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// schema.prisma reads DATABASE_URL; commands that only read schemas (generate, validate,
// migrate diff between two schema files) need a well-formed value, never a server.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/schema-only";

// Prisma's native engines download from outside the npm registry, so the CLI runs on
// the JavaScript schema engine through the pg driver adapter (docs/decisions/002).
// Migrations are applied by app/db/migrations.server.ts (`npm run db:migrate`).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
