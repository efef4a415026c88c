import { expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { sqlRows } from "./sql.server";

// inet_client_addr() is the client's IP address, and NULL for a connection through the Unix socket.
const CLIENT_ADDRESS = "SELECT inet_client_addr()::text AS address";

it("reaches the embedded server through its Unix socket, on the plain-SQL statements and Prisma's alike", async () => {
  const [plain] = await sqlRows<{ address: string | null }>(sqlPool, CLIENT_ADDRESS);
  const [viaPrisma] = await prisma.$queryRawUnsafe<{ address: string | null }[]>(CLIENT_ADDRESS);

  expect(plain).toEqual({ address: null });
  expect(viaPrisma).toEqual({ address: null });
});
