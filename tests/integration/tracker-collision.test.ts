import "./fresh-db";
import { describe, expect, it, vi } from "vitest";

// Trackers are 48 random bits: among hundreds of thousands of ballots two will one day be drawn
// equal. Drawn here on purpose: the second ballot must get another one, or every later mix would fail.
const drawn = vi.hoisted(() => ["AAAA-AAAA-0001", "AAAA-AAAA-0001", "AAAA-AAAA-0002", "AAAA-AAAA-0001", "AAAA-AAAA-0002", "AAAA-AAAA-0003"]);
vi.mock("~/domain/ballots/trackers", async (original) => {
  const real = await original<typeof import("~/domain/ballots/trackers")>();
  return { ...real, newTracker: () => drawn.shift() ?? real.newTracker() };
});

const { castBallot, mixBallots } = await import("~/db/ballots.server");
const { prisma } = await import("~/db/client.server");
const { advancePhase } = await import("~/db/cycles.server");
const { votingCycle } = await import("./fixtures");

describe("a tracker drawn twice", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();

  it("is drawn again, whether the first is still sealed or already mixed, and the vote closes with every ballot", async () => {
    const first = await castBallot(codes[0], [proposalId]);
    const second = await castBallot(codes[1], [proposalId]);
    expect([first, second]).toEqual([{ ok: true, tracker: "AAAA-AAAA-0001" }, { ok: true, tracker: "AAAA-AAAA-0002" }]);
    expect(await mixBallots(cycle.id, { all: true })).toBe(2);
    expect(await castBallot(codes[2], [proposalId])).toEqual({ ok: true, tracker: "AAAA-AAAA-0003" });
    expect(await advancePhase(cycle.id, admin)).toEqual({ ok: true, phase: "results" });
    const trackers = (await prisma.ballot.findMany({ where: { cycleId: cycle.id }, select: { tracker: true } })).map((b) => b.tracker).sort();
    expect(trackers).toEqual(["AAAA-AAAA-0001", "AAAA-AAAA-0002", "AAAA-AAAA-0003"]);
  });
});
