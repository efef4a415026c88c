import { Prisma } from "@prisma/client";

/**
 * Whether a query failed because the database had no connection or transaction slot free in
 * time (a burst of requests, not bad input): worth answering "busy, try again" rather than
 * calling it a server error.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // P2024: no connection from the pool in time; P2028: a transaction could not start in time.
    return error.code === "P2024" || error.code === "P2028";
  }
  // The pg driver adapter's own pool gives up with this message.
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
