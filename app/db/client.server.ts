import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "./adapter";

// One client per process (kept across dev-server reloads).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? new PrismaClient({ adapter: createAdapter() });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
