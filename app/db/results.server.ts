import type { Actor } from "~/domain/auth/roles";
import { ballotsDigest } from "~/domain/results/ballots-hash";
import { districtElection } from "~/domain/results/election";
import { noteFor } from "~/domain/results/explain";
import { votersWithAWinner } from "~/domain/results/satisfaction";
import { countDistrict, mesUtilityFor } from "~/domain/results/count";
import { newestRunPerDistrict } from "~/domain/results/runs";
import { message } from "~/i18n/message";
import { greedy } from "~/domain/tally/greedy";
import { audit } from "./audit.server";
import { dialect, prisma, type Tx } from "./client.server";
import { ballotOptions, mixBallots } from "./ballots.server";
import { readChoiceGroups } from "~/domain/ballots/choices";

import { version } from "../../package.json";

/** Stored with every count, so a result says which release computed it. */
export const SOFTWARE_VERSION = `civic-budget ${version}`;

/** The cycle left the phase a count was asked in (another admin moved it on meanwhile): nothing was counted. */
export class PhaseMovedOn extends Error {}

/**
 * Counts every district of the cycle with its rule and stores a new draft run for each.
 * `onlyIn`: count only while the cycle is still in that phase, checked inside the write (the PB office's
 * button), so a count cannot land as a draft just after another admin moved the cycle on.
 */
export async function runTally(cycleId: string, actor: Actor, opts: { onlyIn?: string } = {}) {
  // Every ballot is counted: any still sealed (voting closed before this release mixed them) is mixed first.
  await mixBallots(cycleId, { all: true });
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, include: { districts: true } });
  return prisma.$transaction(async (tx) => {
    if (opts.onlyIn && (await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { phase: true } })).phase !== opts.onlyIn) throw new PhaseMovedOn();
    const runs = [];
    for (const district of cycle.districts) {
      const options = await ballotOptions(cycleId, district.id);
      // Projects are counted under their public numbers (as text), the ids of the .pb
      // file, so a recount of that file breaks ties exactly as this count did.
      // Each distinct ballot once: its text (for the digest), the ids it counts for, its voters.
      const { ballots, voters } = await districtBallots(tx, district.id, options);
      const byNumber = new Map(options.map((o) => [String(o.number), o]));
      const election = districtElection({
        budgetCents: district.budgetCents,
        projects: options.map((o) => ({ id: String(o.number), costCents: o.costCents })),
        ballots,
        method: cycle.ballotMethod,
        maxRanks: cycle.maxRanks,
      });
      const outcome = countDistrict(cycle.tallyRule, election, cycle.ballotMethod);
      const greedyOutcome = cycle.tallyRule === "greedy" ? outcome : greedy(election);
      const last = await tx.tallyResult.aggregate({ where: { districtId: district.id }, _max: { run: true } });
      const result = await tx.tallyResult.create({
        data: {
          cycleId,
          districtId: district.id,
          run: (last._max.run ?? 0) + 1,
          rule: cycle.tallyRule,
          parameters: JSON.stringify({
            ballotMethod: cycle.ballotMethod,
            ...(cycle.ballotMethod === "ranked" ? { points: "top-k", k: cycle.maxRanks } : {}),
            ...(cycle.tallyRule !== "greedy" ? { utility: mesUtilityFor(cycle.ballotMethod) } : {}),
            // Add1 raises every voter's share by one currency unit per step; then greedy fills what is left.
            ...(cycle.tallyRule === "mes-add1" && outcome.mes
              ? { add1: { stepPerVoterCents: Number(election.currencyUnit ?? 1n), steps: outcome.mes.add1Steps, perVoterBudgetCents: outcome.mes.perVoterBudgetExact }, greedyFill: true }
              : {}),
            tieBreak: "smallest proposal number, compared as text (\"10\" before \"9\")",
          }),
          summary: JSON.stringify({
            withAWinner: votersWithAWinner(ballots, outcome.winners),
            withAWinnerUnderGreedy: votersWithAWinner(ballots, greedyOutcome.winners),
            // Proposal numbers, so the page can say which projects plain greedy would have funded instead.
            greedyWinners: [...greedyOutcome.winners],
          }),
          software: SOFTWARE_VERSION,
          ballotsHash: ballotsDigest(ballots),
          ballotCount: voters,
          // Received on paper but not countable: never in the count, the digest or the .pb file; shown beside them.
          spoiledCount: await tx.spoiledBallot.count({ where: { districtId: district.id } }),
          budgetCents: district.budgetCents,
          spentCents: Number(outcome.spent),
        },
      });
      // A separate createMany: one INSERT for all projects (a nested create runs one per row).
      await tx.tallyProjectResult.createMany({
        data: outcome.projects.map((p) => ({
          resultId: result.id,
          proposalId: byNumber.get(p.id)!.id,
          title: byNumber.get(p.id)!.title,
          costCents: Number(p.cost),
          votes: Number(p.score),
          position: p.position,
          selected: p.selected,
          note: JSON.stringify(noteFor(p, cycle.tallyRule === "mes-add1", outcome.projects)),
        })),
      });
      runs.push(result);
    }
    await audit(tx, actor, "tally.run", { type: "cycle", id: cycleId }, { rule: cycle.tallyRule, runs: runs.map((r) => r.id) });
    return runs;
  });
}

/**
 * A district's ballots, read grouped: one entry per distinct choice line with the
 * number of voters who cast it (`GROUP BY` on the (districtId, choices) index).
 * The groups come back as one aggregated text ("1,4,7:12;2,3:5;…") rather than a
 * row each: 400,000 ballots with 220,000 distinct lines read in about a third of the
 * time that many result rows take through the driver. Choice lines hold only digits
 * and commas, so ':' and ';' cannot occur inside them.
 * Ranked ballots stay in rank order (the stored text is in rank order).
 */
async function districtBallots(tx: Tx, districtId: string, options: readonly { number: number }[]) {
  // In text (byte) order, as the digest needs them: PostgreSQL is told; SQLite's GROUP BY
  // walks the (districtId, choices) index in that order. The digest checks, and sorts if not.
  const rows =
    dialect === "postgresql"
      ? await tx.$queryRaw<{ lines: string | null }[]>`
          SELECT string_agg("choices" || ':' || CAST("voters" AS TEXT), ';' ORDER BY "choices" COLLATE "C") AS "lines"
          FROM (SELECT "choices", COUNT(*) AS "voters" FROM "Ballot" WHERE "districtId" = ${districtId} GROUP BY "choices") AS "g"`
      : await tx.$queryRaw<{ lines: string | null }[]>`
          SELECT group_concat("choices" || ':' || CAST("voters" AS TEXT), ';') AS "lines"
          FROM (SELECT "choices", COUNT(*) AS "voters" FROM "Ballot" WHERE "districtId" = ${districtId} GROUP BY "choices") AS "g"`;
  const idText: string[] = [];
  for (const o of options) idText[o.number] = String(o.number);
  const groups = readChoiceGroups(rows[0]?.lines ?? "", idText);
  const voters = groups.reduce((sum, g) => sum + g.count, 0);
  return { ballots: groups, voters };
}

/**
 * The newest run of each district, draft or published (for the PB office's review), each project with
 * its public proposal number: a result row keeps only the proposal's id, but the public number is what
 * the `.pb` file and the tie-break name it by.
 */
export async function latestResults(cycleId: string, opts: { publishedOnly: boolean }) {
  const [results, proposals] = await Promise.all([
    prisma.tallyResult.findMany({
      where: { cycleId, ...(opts.publishedOnly ? { status: "published" } : {}) },
      orderBy: [{ run: "desc" }],
      include: { district: true, projects: { orderBy: { position: "asc" } } },
    }),
    prisma.proposal.findMany({ where: { cycleId }, select: { id: true, number: true } }),
  ]);
  const numbers = new Map(proposals.map((p) => [p.id, p.number]));
  const byDistrict = new Map<string, (typeof results)[number]>();
  for (const r of results) if (!byDistrict.has(r.districtId)) byDistrict.set(r.districtId, r);
  return [...byDistrict.values()]
    .sort((a, b) => a.district.name.localeCompare(b.district.name))
    .map((r) => ({ ...r, projects: r.projects.map((p) => ({ ...p, number: numbers.get(p.proposalId) ?? null })) }));
}

/**
 * Publishes draft runs. With `reviewed`, exactly the runs the PB office looked at,
 * and only while each is still its district's newest run (another count may have
 * been run meanwhile); without, the newest draft of every district. Published runs
 * are never changed.
 */
export async function publishResults(cycleId: string, actor: Actor, reviewed?: readonly string[]) {
  return prisma.$transaction(async (tx) => {
    const runs = await tx.tallyResult.findMany({ where: { cycleId }, orderBy: { run: "desc" }, select: { id: true, districtId: true, run: true, status: true } });
    const newest = newestRunPerDistrict(runs);
    const drafts = [...newest.values()].filter((r) => r.status === "draft");
    const toPublish = reviewed ? runs.filter((r) => reviewed.includes(r.id)) : drafts;
    if (reviewed && (toPublish.length !== reviewed.length || toPublish.some((r) => newest.get(r.districtId) !== r || r.status !== "draft"))) {
      return { ok: false as const, reason: message("admin:errors.countChanged") };
    }
    for (const r of toPublish) {
      await tx.tallyResult.update({ where: { id: r.id }, data: { status: "published", publishedAt: new Date() } });
    }
    if (toPublish.length) await audit(tx, actor, "tally.publish", { type: "cycle", id: cycleId }, { runs: toPublish.map((r) => r.id) });
    return { ok: true as const, count: toPublish.length };
  });
}

/** A published result with its district's anonymised ballots, for the `.pb` download. */
export async function resultWithBallots(resultId: string) {
  const result = await prisma.tallyResult.findFirst({
    where: { id: resultId },
    include: { cycle: true, district: true, projects: { orderBy: { position: "asc" } } },
  });
  if (!result) return null;
  const [ballots, proposals, phaseChanges] = await Promise.all([
    // Ordered by their random ids: the file's order reveals nothing about when anyone voted.
    prisma.ballot.findMany({ where: { districtId: result.districtId }, orderBy: { id: "asc" }, select: { choices: true } }),
    prisma.proposal.findMany({ where: { districtId: result.districtId }, include: { category: true } }),
    prisma.auditLog.findMany({
      where: { action: "cycle.phase", targetType: "cycle", targetId: result.cycleId, detail: { contains: '"voting"' } },
      orderBy: { id: "desc" },
      select: { detail: true, createdAt: true },
    }),
  ]);
  // The days voting really opened and closed (the PB office may close early), from the audit log;
  // the announced days where the log has none (a cycle seeded or imported at a later phase).
  const day = (entry: { createdAt: Date } | undefined) => entry?.createdAt.toISOString().slice(0, 10);
  const moves = phaseChanges.map((e) => ({ ...(JSON.parse(e.detail) as { from?: string; to?: string }), createdAt: e.createdAt }));
  const votingDays = {
    votingOpensOn: day(moves.find((m) => m.to === "voting")) ?? result.cycle.votingOpensOn,
    votingClosesOn: day(moves.find((m) => m.from === "voting")) ?? result.cycle.votingClosesOn,
  };
  return {
    result,
    votingDays,
    proposals: new Map(proposals.map((p) => [p.id, { number: p.number, category: p.category.name }])),
    // The votes exactly as stored: proposal numbers, the same text the digest covers.
    ballots: ballots.map((b) => b.choices.split(",").filter(Boolean)),
  };
}
