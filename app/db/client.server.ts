import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter, databaseUrl } from "./adapter";

// One client per process (kept across dev-server reloads).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

async function connect(): Promise<PrismaClient> {
  const client = new PrismaClient({ adapter: createAdapter() });
  if (databaseUrl().startsWith("file:")) {
    // Write-ahead log with full sync: a ballot is on disk before the voter sees "thank you";
    // a busy timeout lets several processes share the file without "database is locked".
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  }
  return client;
}

export const prisma: PrismaClient = globalForPrisma.prisma ?? (await connect());
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
