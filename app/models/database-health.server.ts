import type { PrismaClient } from "@prisma/client";

export interface DatabaseHealth {
  roundTripMs: number;
  migrationsApplied: number;
}

export async function checkDatabase(db: PrismaClient, now: () => number): Promise<DatabaseHealth> {
  const started = now();
  const [row] = await db.$queryRaw<{ applied: number }[]>`
    SELECT count(*)::int AS applied FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  return { roundTripMs: Math.round((now() - started) * 10) / 10, migrationsApplied: row?.applied ?? 0 };
}
