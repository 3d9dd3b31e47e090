// Mixing (see SealedBallot in prisma/schema.prisma): what a voter gave is stored sealed in the
// transaction that records their participation, then moved with others, in random order, in a
// transaction of its own, so nothing in the database lines it up with the participation.
// Which rows go, and in what order: ~/domain/ballots/mixing.
import { MIX_BATCH } from "~/domain/ballots/mixing";
import { prisma, type Tx } from "./client.server";

/**
 * Mixes once a group has 2 × MIX_BATCH rows waiting (or everything, with `all`). The largest group
 * is counted first without a transaction: most calls find too few and take no lock (on PostgreSQL
 * a mix's transaction is exclusive, and votes would otherwise queue behind each other). Returns how many were mixed.
 */
export async function mixWhenEnough(all: boolean, largestGroup: () => Promise<number>, mix: (tx: Tx) => Promise<number>): Promise<number> {
  if (!all && (await largestGroup()) < 2 * MIX_BATCH) return 0;
  return prisma.$transaction(mix);
}
