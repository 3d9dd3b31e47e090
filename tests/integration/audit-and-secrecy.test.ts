import "./fresh-db";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditEntries } from "~/db/audit.server";
import { castBallot, countBallots, mixBallots } from "~/db/ballots.server";
import { MIX_BATCH } from "~/domain/ballots/mixing";
import { dialect, prisma } from "~/db/client.server";
import { advancePhase, generateVoterCodes } from "~/db/cycles.server";
import { saveCostEstimate } from "~/db/costing.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { verifyAuditChain } from "~/domain/audit/chain";
import { makeCycle, makeUser, votingCycle } from "./fixtures";

async function chain() {
  const entries = [];
  for await (const e of auditEntries(prisma, 3)) entries.push(e);
  return verifyAuditChain(entries);
}

describe("the audit log", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "ideas");
  for (const title of ["Benches", "Trees", "Lights", "Murals"]) {
    await createIdea(cycle.id, { title, description: `${title} for everyone, please.`, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, location: "" }, resident);
  }

  it("records every change in a hash chain that verifies", async () => {
    const result = await chain();
    expect(result).toMatchObject({ ok: true, checked: 5, legacy: 0 }); // the cycle and four ideas
    const newest = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(result.ok && result.head).toEqual({ id: newest.id, hash: newest.hash });
  });

  it("refuses to change or delete an entry", async () => {
    const first = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "asc" } });
    // (The database trigger refuses; the driver reports it as a constraint violation.)
    await expect(prisma.auditLog.update({ where: { id: first.id }, data: { action: "nothing.happened" } })).rejects.toThrow();
    await expect(prisma.auditLog.delete({ where: { id: first.id } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
  });

  it("reports the first broken link when someone tampers with the file directly", async () => {
    const entries = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    // Someone with the database file drops the guard and rewrites history.
    await prisma.$executeRawUnsafe(`DROP TRIGGER "AuditLog_no_update"${dialect === "postgresql" ? ` ON "AuditLog"` : ""}`);
    await prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET "actorLabel" = 'someone else' WHERE "id" = ${entries[2].id}`);
    expect(await chain()).toMatchObject({ ok: false, brokenAt: entries[2].id, checked: 2, reason: expect.stringContaining("was changed") });
  });
});

describe("ballot secrecy", async () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const model = (name: string) => new RegExp(`model ${name} \\{([\\s\\S]*?)\\n\\}`).exec(schema)![1];

  it("stores ballots with no reference to a voter, a code, a participation, a time or a channel", () => {
    for (const name of ["Ballot", "SealedBallot"]) {
      const ballot = model(name);
      for (const forbidden of ["User", "VoterCode", "Participation", "voterCodeId", "userId", "participationId", "DateTime", "castOn", "channel"]) {
        expect(ballot, name).not.toContain(forbidden);
      }
      expect(ballot).toMatch(/id\s+String\s+@id @default\(uuid\(\)\)/); // random, not time-ordered
    }
  });

  it("records who voted with no reference to the ballot they cast", () => {
    const participation = model("Participation");
    expect(participation).not.toMatch(/ballot|Ballot|DateTime/);
  });

  it("leaves no trace of a ballot's id, tracker or contents in the audit log or the participation", async () => {
    const admin = await makeUser(["admin"]);
    const delegate = await makeUser(["delegate"]);
    const staff = await makeUser(["staff"], "Parks");
    const cycle = await makeCycle(admin, "costing");
    const d = cycle.districts[0];
    const idea = await createIdea(cycle.id, { title: "Secret garden", description: "A small garden for everyone.", districtId: d.id, categoryId: cycle.categories[0].id, location: "" }, admin);
    const created = await createProposal(cycle.id, { title: "Secret garden", description: "A small garden for everyone, with benches and shade.", districtId: d.id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
    if (!created.ok) throw new Error(created.error);
    await sendForCosting(created.proposal.id, staff.agencyId!, delegate);
    await saveCostEstimate(created.proposal.id, { lineItems: [{ description: "Plants", quantity: 1, unitCostCents: 500_00 }], verdict: "feasible", publicReason: "City land, our remit, recent prices." }, staff);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    await generateVoterCodes(cycle.id, d.id, 1, "test", admin);
    const code = await prisma.voterCode.findFirstOrThrow({ where: { districtId: d.id } });
    const cast = await castBallot(code, [created.proposal.id]);
    expect(cast.ok).toBe(true);
    // Until it is mixed the ballot is sealed: neither its tracker nor its choices can be read in the database.
    expect(await prisma.ballot.count({ where: { districtId: d.id } })).toBe(0);
    const sealed = JSON.stringify(await prisma.sealedBallot.findMany({ where: { districtId: d.id } }));
    expect(sealed).not.toContain(cast.ok ? cast.tracker : "?");
    const proposal = await prisma.proposal.findUniqueOrThrow({ where: { id: created.proposal.id } });
    expect(sealed).not.toMatch(new RegExp(`"${proposal.number}"|choices`));
    expect(await mixBallots(cycle.id)).toBe(0); // one ballot: a mix waits for more
    expect(await mixBallots(cycle.id, { all: true })).toBe(1);
    expect(await prisma.sealedBallot.count({ where: { districtId: d.id } })).toBe(0);
    const ballot = await prisma.ballot.findFirstOrThrow({ where: { districtId: d.id } });
    expect(ballot.tracker).toBe(cast.ok ? cast.tracker : "?");
    const log = JSON.stringify(await prisma.auditLog.findMany());
    expect(log).not.toContain(ballot.id);
    expect(log).not.toContain(ballot.tracker);
    const participation = await prisma.participation.findFirstOrThrow({ where: { voterCodeId: code.id } });
    expect(JSON.stringify(participation)).not.toContain(ballot.id);
    expect(participation.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // random, no time in it
    // No insertion order to line ballots up with participations: the table has no rowid,
    // and on PostgreSQL no column with a default made by the database (a serial, a time).
    await expect(prisma.$queryRawUnsafe(`SELECT rowid FROM "Ballot"`)).rejects.toThrow();
    if (dialect === "postgresql") {
      const defaults = await prisma.$queryRawUnsafe<{ column_name: string; column_default: string }[]>(
        `SELECT column_name::text, column_default::text FROM information_schema.columns WHERE table_name = 'Ballot' AND column_default IS NOT NULL`,
      );
      expect(defaults).toEqual([]);
    }

    // Voting closes while a second voter is on the ballot page: their confirmation is refused, not stored.
    await generateVoterCodes(cycle.id, d.id, 1, "late", admin);
    const late = await prisma.voterCode.findFirstOrThrow({ where: { districtId: d.id, participation: null } });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    expect(await castBallot(late, [created.proposal.id])).toEqual({ ok: false, reason: "closed" });
    expect(await prisma.ballot.count({ where: { districtId: d.id } })).toBe(1);
    expect(await prisma.sealedBallot.count({ where: { districtId: d.id } })).toBe(0);
  });

  it("mixes each district's ballots apart, always leaving a batch sealed while voting is open, and all of them at the close", async () => {
    const { admin, cycle, proposalId } = await votingCycle();
    const [north, south] = cycle.districts;
    const benches = await prisma.proposal.create({
      data: { number: 99, cycleId: cycle.id, districtId: south.id, categoryId: cycle.categories[0].id, title: "Benches", description: "Benches by the pond.", status: "feasible" },
    });
    await generateVoterCodes(cycle.id, north.id, 3 * MIX_BATCH, "more", admin);
    await generateVoterCodes(cycle.id, south.id, MIX_BATCH + 5, "south", admin);
    const codesOf = (districtId: string) => prisma.voterCode.findMany({ where: { cycleId: cycle.id, districtId } });
    const mixed = (districtId: string) => prisma.ballot.count({ where: { districtId } });
    const trackers: string[] = [];
    const cast = async (code: Awaited<ReturnType<typeof codesOf>>[number], project: string) => {
      const done = await castBallot(code, [project]);
      if (!done.ok) throw new Error(done.reason);
      trackers.push(done.tracker);
    };
    // South: more than a batch, yet never mixed while open: its ballots would enter Ballot beside too few of their district.
    for (const code of (await codesOf(south.id)).slice(0, MIX_BATCH + 5)) await cast(code, benches.id);
    // North: nothing until twice a batch wait; then all but a batch; the next ones wait again.
    for (const [i, code] of (await codesOf(north.id)).slice(0, 2 * MIX_BATCH + 3).entries()) {
      await cast(code, proposalId);
      expect(await mixed(north.id)).toBe(i + 1 < 2 * MIX_BATCH ? 0 : MIX_BATCH);
      expect(await mixed(south.id)).toBe(0);
    }
    expect(await countBallots(cycle.id)).toBe(trackers.length);
    // Closing the vote mixes the rest, so the count has every ballot.
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true);
    expect(await prisma.sealedBallot.count({ where: { cycleId: cycle.id } })).toBe(0);
    const stored = await prisma.ballot.findMany({ where: { cycleId: cycle.id }, select: { tracker: true } });
    expect(stored.map((b) => b.tracker).sort()).toEqual([...trackers].sort());
  });

  it("keeps the voter's code and receipt in a cookie of their own that the browser drops when it closes, not in the 14-day sign-in cookie", async () => {
    const { browserFor, args, settle } = await import("./fixtures");
    const { action: codeAction } = await import("~/routes/vote._index");
    const { action: ballotAction } = await import("~/routes/vote.ballot");
    const { codes, proposalId } = await votingCycle();
    const voter = await browserFor(null);
    const started = (await settle(() => codeAction(args(voter.post("/vote", { code: codes[0].code }))))) as Response;
    voter.remember(started);
    const cast = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    expect(cast.headers.get("Location")).toBe("/vote/receipt");
    for (const answer of [started, cast]) {
      const cookie = answer.headers.get("Set-Cookie")!;
      expect(cookie).toMatch(/^cb_vote=/);
      expect(cookie).not.toMatch(/Max-Age|Expires/i); // a browser-session cookie
    }
  });

  it("tells a voter who confirms after voting closed that their ballot was not recorded, not to start again", async () => {
    const { browserFor, args, settle } = await import("./fixtures");
    const { action: codeAction } = await import("~/routes/vote._index");
    const { action: ballotAction } = await import("~/routes/vote.ballot");
    const { admin, cycle, codes, proposalId } = await votingCycle();
    const voter = await browserFor(null);
    voter.remember((await settle(() => codeAction(args(voter.post("/vote", { code: codes[0].code }))))) as Response);
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true); // the PB office closes the vote meanwhile
    const late = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    expect(late.headers.get("Location")).toBe("/vote?notice=closed");
    expect(await prisma.participation.count({ where: { voterCodeId: codes[0].id } })).toBe(0);
  });
});
