import type { Actor } from "~/domain/auth/roles";
import { greedy } from "~/domain/tally/greedy";
import { ballotsDigest } from "~/domain/results/ballots-hash";
import { audit } from "./audit.server";
import { prisma } from "./client.server";
import { ballotOptions } from "./ballots.server";

export const SOFTWARE_VERSION = "civic-budget 0.1.0";

/** Counts every district of the cycle and stores a new draft run for each. */
export async function runTally(cycleId: string, actor: Actor) {
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, include: { districts: true } });
  return prisma.$transaction(async (tx) => {
    const runs = [];
    for (const district of cycle.districts) {
      const options = await ballotOptions(cycleId, district.id);
      const ballots = await tx.ballot.findMany({
        where: { cycleId, districtId: district.id },
        select: { selections: { select: { proposalId: true } } },
      });
      const ballotIds = ballots.map((b) => b.selections.map((s) => s.proposalId));
      const outcome = greedy({
        budget: BigInt(district.budgetCents),
        projects: options.map((o) => ({ id: o.id, cost: BigInt(o.costCents) })),
        ballots: ballotIds.map((ids) => ({ ids })),
      });
      const titles = new Map(options.map((o) => [o.id, o.title]));
      const last = await tx.tallyResult.aggregate({ where: { districtId: district.id }, _max: { run: true } });
      const result = await tx.tallyResult.create({
        data: {
          cycleId,
          districtId: district.id,
          run: (last._max.run ?? 0) + 1,
          rule: cycle.tallyRule,
          parameters: JSON.stringify({ ballotMethod: cycle.ballotMethod, tieBreak: "smallest project id first" }),
          software: SOFTWARE_VERSION,
          ballotsHash: ballotsDigest(ballotIds),
          ballotCount: ballots.length,
          budgetCents: district.budgetCents,
          spentCents: Number(outcome.spent),
          projects: {
            create: outcome.projects.map((p) => ({
              proposalId: p.id,
              title: titles.get(p.id) ?? p.id,
              costCents: Number(p.cost),
              votes: Number(p.score),
              position: p.position,
              selected: p.selected,
              note: p.selected ? "" : `did-not-fit:${p.remainingBefore}`,
            })),
          },
        },
      });
      runs.push(result);
    }
    await audit(tx, actor, "tally.run", { type: "cycle", id: cycleId }, { runs: runs.map((r) => r.id) });
    return runs;
  });
}

/** The newest run of each district, draft or published (for the PB office's review). */
export async function latestResults(cycleId: string, opts: { publishedOnly: boolean }) {
  const results = await prisma.tallyResult.findMany({
    where: { cycleId, ...(opts.publishedOnly ? { status: "published" } : {}) },
    orderBy: [{ run: "desc" }],
    include: { district: true, projects: { orderBy: { position: "asc" } } },
  });
  const byDistrict = new Map<string, (typeof results)[number]>();
  for (const r of results) if (!byDistrict.has(r.districtId)) byDistrict.set(r.districtId, r);
  return [...byDistrict.values()].sort((a, b) => a.district.name.localeCompare(b.district.name));
}

/** Publishes the newest draft run of every district. Published runs are never changed. */
export async function publishResults(cycleId: string, actor: Actor) {
  const drafts = (await latestResults(cycleId, { publishedOnly: false })).filter((r) => r.status === "draft");
  if (drafts.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    for (const r of drafts) {
      await tx.tallyResult.update({ where: { id: r.id }, data: { status: "published", publishedAt: new Date() } });
    }
    await audit(tx, actor, "tally.publish", { type: "cycle", id: cycleId }, { runs: drafts.map((r) => r.id) });
  });
  return drafts.length;
}
