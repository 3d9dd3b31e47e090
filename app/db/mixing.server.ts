// Mixing (see SealedBallot in prisma/schema.prisma): what a voter gave is stored sealed in the
// transaction that records their participation, then moved with others, in random order, in a
// transaction of its own, so nothing in the database lines it up with the participation.
import { randomInt } from "node:crypto";
import { prisma, type Tx } from "./client.server";

/**
 * How many sealed rows a mix waits for: each mixed row then enters its table with at least this
 * many others at once, in random order, with no tie to the order they were stored in.
 */
export const MIX_BATCH = 10;

/**
 * Mixes when MIX_BATCH rows wait (or whatever waits, with `all`). Counted first without a
 * transaction: most calls find too few and take no lock (on PostgreSQL a mix's transaction is
 * exclusive, and votes would otherwise queue behind each other). Returns how many were mixed.
 */
export async function mixWhenEnough(all: boolean, waiting: () => Promise<number>, mix: (tx: Tx) => Promise<number>): Promise<number> {
  if (!all && (await waiting()) < MIX_BATCH) return 0;
  return prisma.$transaction(mix);
}

/** Fisher–Yates with crypto.randomInt: the order says nothing about the order of storing. */
export function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
