// Mixing (see SealedBallot in prisma/schema.prisma): what a voter gave is stored sealed in the
// transaction that records their participation, then moved with others, in random order, in a
// transaction of its own, so nothing in the database lines it up with the participation.
// Which rows go, and in what order: ~/domain/ballots/mixing.
import { MIX_THRESHOLD, type MixMode } from "~/domain/ballots/mixing";
import { prisma, type Tx } from "./client.server";

/**
 * Mixes once a group has enough rows waiting for the mode (see rowsToMix). The largest group is
 * counted first without a transaction: most calls find too few and take no lock (on PostgreSQL a
 * mix's transaction is exclusive, and votes would otherwise queue behind each other). Returns how many were mixed.
 */
export async function mixWhenEnough(mode: MixMode, largestGroup: () => Promise<number>, mix: (tx: Tx) => Promise<number>): Promise<number> {
  if (mode !== "all" && (await largestGroup()) < MIX_THRESHOLD[mode]) return 0;
  return prisma.$transaction(mix);
}
