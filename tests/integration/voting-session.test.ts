import "./fresh-db";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db/client.server";
import { action as logoutAction } from "~/routes/logout";
import { action as ballotAction, loader as ballotLoader } from "~/routes/vote.ballot";
import { action as voteAction } from "~/routes/vote._index";
import { packChoices } from "~/domain/ballots/draft";
import { keepBallotDraft } from "~/voter-session.server";
import { KEPT_CHOICES_HOURS } from "~/domain/ballots/session";
import { inWords } from "../english";
import { answerOf, args, ballotStep, browserFor, makeUser, settle, votingCycle } from "./fixtures";

// A voting session on a shared computer (a library, a polling site, a family phone) must not be
// usable by the next person, and must not throw away the ballot of someone still choosing.
describe("the voting session on a shared computer", async () => {
  const { cycle, codes, proposalId } = await votingCycle();
  await prisma.cycle.update({ where: { id: cycle.id }, data: { accountVoting: true, minAge: 16, residencyRule: "I live in the district" } });
  const declaration = { intent: "account", cycle: cycle.slug, districtId: cycle.districts[0].id, age: "yes", residency: "yes", onlyOnce: "yes" };
  const location = (r: unknown) => (r as Response).headers.get("Location");
  /** What the voting cookie set by a response holds: signed, not encrypted, so anyone at that browser can read it (but the choices are sealed). */
  const voteCookie = (r: Response) => {
    const value = decodeURIComponent(r.headers.getSetCookie().find((c) => c.startsWith("cb_vote="))!.split(";")[0].slice("cb_vote=".length));
    return JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8")) as Record<string, unknown>;
  };
  afterEach(() => vi.restoreAllMocks());

  it("ends when the account that started it signs out: the next person cannot vote with it", async () => {
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    const started = (await settle(() => voteAction(args(browser.post("/vote", declaration))))) as Response;
    expect(location(started)).toBe("/vote/ballot");
    browser.remember(started);
    // Signing out clears the voting cookie along with the sign-in.
    const out = (await logoutAction(args(browser.post("/logout", {})))) as Response;
    expect(out.headers.getSetCookie().find((c) => c.startsWith("cb_vote="))).toMatch(/^cb_vote=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    // Even with the voting cookie left behind (an old browser, a copied cookie), the next person is not let in.
    const next = await browserFor(null);
    next.remember(started);
    const tried = await settle(() => ballotAction(args(next.post("/vote/ballot", { intent: "confirm", project: proposalId }))));
    expect(location(tried)).toBe("/vote?notice=not-recorded");
    expect(await prisma.voterCode.count({ where: { userId: resident.id, participation: { isNot: null } } })).toBe(0);
  });

  it("ends after 30 minutes without a step and says so, but stays open while the voter is choosing", async () => {
    const voter = await browserFor(null);
    const started = (await settle(() => voteAction(args(voter.post("/vote", { code: codes[0].code }))))) as Response;
    voter.remember(started);
    const t0 = Date.now();
    const at = (minutes: number) => vi.spyOn(Date, "now").mockReturnValue(t0 + minutes * 60_000);
    // Reading for 20 minutes, then a step: the session is renewed from then.
    at(20);
    const review = await ballotStep(voter, { intent: "review", project: proposalId });
    expect(review.page.step).toBe("review");
    at(45); // 45 minutes after starting, 25 after the last step
    expect(answerOf<{ options: unknown[] }>(await ballotLoader(args(voter.get("/vote/ballot")))).reply.options).toHaveLength(1);
    // Then 31 minutes idle: the voter is told why, not asked for a code as if nothing had happened.
    at(45 + 31);
    const late = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    expect(location(late)).toBe("/vote?notice=expired-kept");
    expect(await prisma.participation.count({ where: { voterCodeId: codes[0].id } })).toBe(0);
    // The session stays closed: the choices alone do not let anyone vote.
    voter.remember(late);
    expect(location(await settle(() => ballotLoader(args(voter.get("/vote/ballot")))))).toBe("/vote?notice=expired");
  });

  it("keeps the choices of a ballot sent after the session closed, for that code only, until it is entered again", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[4].code }))))) as Response);
    // A slow voter: 40 minutes on the choices page, then "Review my ballot".
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 40 * 60_000);
    const late = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "review", project: proposalId }))))) as Response;
    expect(location(late)).toBe("/vote?notice=expired-kept");
    voter.remember(late);
    // Someone else's code at this browser: an empty ballot, and the first voter's choices are gone.
    const other = await browserFor(null);
    other.remember(late);
    const otherStart = (await settle(() => voteAction(args(other.post("/vote", { code: codes[5].code }))))) as Response;
    expect(voteCookie(otherStart)).not.toHaveProperty("ballotDraft");
    other.remember(otherStart);
    expect(answerOf<{ draft: unknown }>(await ballotLoader(args(other.get("/vote/ballot")))).reply.draft).toBeNull();
    // The voter enters their code again: the ballot is back as they left it, to review and confirm.
    const again = (await settle(() => voteAction(args(voter.post("/vote", { code: codes[4].code }))))) as Response;
    expect(location(again)).toBe("/vote/ballot");
    voter.remember(again);
    const page = answerOf<{ step: string; draft: { selection: string[]; errors: string[] } }>(await ballotLoader(args(voter.get("/vote/ballot")))).reply;
    expect(page).toMatchObject({ step: "choose", draft: { selection: [proposalId], errors: [] } });
    expect(await prisma.participation.count({ where: { voterCodeId: codes[4].id } })).toBe(0);
  });

  it("seals the kept choices, so the next person at that browser cannot read them, and drops them after two hours", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[4].code }))))) as Response);
    const t0 = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(t0 + 40 * 60_000);
    const late = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "review", project: proposalId }))))) as Response;
    expect(location(late)).toBe("/vote?notice=expired-kept");
    voter.remember(late);
    // What a person at this browser can read of the cookie: no choice, in any form.
    const kept = voteCookie(late).ballotDraft;
    expect(kept).toEqual(expect.any(String));
    expect(JSON.stringify(voteCookie(late))).not.toContain(proposalId);
    expect(() => JSON.parse(Buffer.from(kept as string, "base64url").toString("utf8"))).toThrow();
    // Past the two hours, the code entered again starts from an empty ballot.
    vi.spyOn(Date, "now").mockReturnValue(t0 + 40 * 60_000 + (KEPT_CHOICES_HOURS * 60 + 1) * 60_000);
    const again = (await settle(() => voteAction(args(voter.post("/vote", { code: codes[4].code }))))) as Response;
    expect(location(again)).toBe("/vote/ballot");
    voter.remember(again);
    expect(answerOf<{ draft: unknown }>(await ballotLoader(args(voter.get("/vote/ballot")))).reply.draft).toBeNull();
  });

  it("makes each step of the ballot a page of its own, so Back after voting never offers to send it again", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[3].code }))))) as Response);
    // Review: the answer is a page to go to, not a page made of a form sent (which Back and reload would resend).
    const review = await ballotStep(voter, { intent: "review", project: proposalId });
    expect(review.location).toBe("/vote/ballot?step=review");
    expect(review.page).toMatchObject({ step: "review", draft: { selection: [proposalId], errors: [] } });
    // A reload shows the same review; Back shows the choices, still ticked.
    expect(answerOf<{ step: string }>(await ballotLoader(args(voter.get(review.location)))).reply.step).toBe("review");
    expect(answerOf<{ step: string; draft: { selection: string[] } }>(await ballotLoader(args(voter.get("/vote/ballot")))).reply).toMatchObject({ step: "choose", draft: { selection: [proposalId] } });
    // "Change my choices" (or a language switch) keeps the language asked for.
    const change = await ballotStep(voter, { intent: "change", project: proposalId }, "/vote/ballot?step=review&lng=es");
    expect(change.location).toBe("/vote/ballot?lng=es");
    expect(change.page).toMatchObject({ step: "choose", draft: { selection: [proposalId] } });
    const cast = (await settle(() => ballotAction(args(voter.post("/vote/ballot?step=review", { intent: "confirm", project: proposalId }))))) as Response;
    expect(location(cast)).toBe("/vote/receipt");
    voter.remember(cast);
    // Back from the receipt opens the review page: it is the receipt again, and nothing is sent.
    expect(location(await settle(() => ballotLoader(args(voter.get("/vote/ballot?step=review")))))).toBe("/vote/receipt");
    expect(await prisma.participation.count({ where: { voterCodeId: codes[3].id } })).toBe(1);
    // The choices left the browser with the vote (only the receipt, shown once, lists them).
    expect(voteCookie(cast)).not.toHaveProperty("ballotDraft");
  });

  it("takes the choices out of the browser when the ballot is left without casting it", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[4].code }))))) as Response);
    const review = await ballotStep(voter, { intent: "review", project: proposalId });
    expect(voteCookie(review.sent)).toHaveProperty("ballotDraft"); // kept between the steps (signed, not secret)
    // Walked away: the next person at this computer, 31 minutes later, finds the session over and the choices gone.
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 31 * 60_000);
    const expired = (await settle(() => ballotLoader(args(voter.get("/vote/ballot?step=review"))))) as Response;
    expect(location(expired)).toBe("/vote?notice=expired");
    expect(voteCookie(expired)).not.toHaveProperty("ballotDraft");
    vi.restoreAllMocks();
    // Or they enter their own code straight away: they start from an empty ballot.
    const other = await browserFor(null);
    other.remember((await settle(() => voteAction(args(other.post("/vote", { code: codes[5].code }))))) as Response);
    const abandoned = await ballotStep(other, { intent: "review", project: proposalId });
    expect(voteCookie(abandoned.sent)).toHaveProperty("ballotDraft");
    const next = (await settle(() => voteAction(args(other.post("/vote", { code: codes[2].code }))))) as Response;
    expect(voteCookie(next)).not.toHaveProperty("ballotDraft");
  });

  it("a ballot sent twice (a double click on a slow line) is counted once, and both answers give the voter its receipt", async () => {
    const { cycle: other, codes: more, proposalId: project } = await votingCycle();
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: more[0].code }))))) as Response);
    // The second sending leaves with the cookie of before the first answer came back.
    const confirm = () => settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project })))) as Promise<Response>;
    const first = await confirm();
    const second = await confirm();
    expect([location(first), location(second)]).toEqual(["/vote/receipt", "/vote/receipt"]);
    const trackers = [first, second].map((r) => (voteCookie(r).__flash_receipt__ as { tracker: string }).tracker);
    expect(trackers[0]).toBe(trackers[1]);
    // At the same instant, too: one ballot, two receipts with its tracker.
    const again = await browserFor(null);
    again.remember((await settle(() => voteAction(args(again.post("/vote", { code: more[1].code }))))) as Response);
    const both = await Promise.all([0, 1].map(() => settle(() => ballotAction(args(again.post("/vote/ballot", { intent: "confirm", project })))) as Promise<Response>));
    expect(both.map(location)).toEqual(["/vote/receipt", "/vote/receipt"]);
    expect(new Set(both.map((r) => (voteCookie(r).__flash_receipt__ as { tracker: string }).tracker)).size).toBe(1);
    expect(await prisma.participation.count({ where: { voterCode: { cycleId: other.id } } })).toBe(2);
    expect((await prisma.sealedBallot.count({ where: { cycleId: other.id } })) + (await prisma.ballot.count({ where: { cycleId: other.id } }))).toBe(2);
    // Another browser with the same code (someone else holding the letter) is still told it was used.
    const stranger = await browserFor(null);
    const refused = answerOf<{ error: Record<string, string[]> }>(await settle(() => voteAction(args(stranger.post("/vote", { code: more[0].code })))));
    expect(refused.httpStatus).toBe(400);
    expect(refused.reply.error.code).toEqual(["vote:errors.code.used"]);
  });

  it("keeps even a long ranked ballot between steps in a cookie a browser accepts (under 4 KB)", async () => {
    const ids = Array.from({ length: 80 }, (_, i) => `cm${String(i).padStart(3, "0")}x7k2p9q4r8s6t1u3v5w`);
    const ranks = Object.fromEntries(ids.map((id, i) => [id, String(i + 1).padStart(8, " ")]));
    const cookie = await keepBallotDraft(new Request("http://test/vote/ballot"), { codeId: codes[5].id, ...packChoices({ ranks }, ids), refused: true, reviewed: false });
    expect(cookie.split(";")[0].length).toBeLessThan(4096);
  });

  it("long after voting, a ballot page reopened from the history says the code voted, not that nothing was recorded", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[2].code }))))) as Response);
    const cast = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    voter.remember(cast);
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 90 * 60_000);
    expect(location(await settle(() => ballotLoader(args(voter.get("/vote/ballot")))))).toBe("/vote?notice=already-voted");
  });

  it("answers a ballot sent again from the browser's history after voting with the receipt, not an alarm", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => voteAction(args(voter.post("/vote", { code: codes[1].code }))))) as Response);
    const cast = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    expect(location(cast)).toBe("/vote/receipt");
    voter.remember(cast);
    const again = await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: proposalId }))));
    expect(location(again)).toBe("/vote/receipt");
    // Someone else with the same code (a second browser) is told the code was used.
    const other = await browserFor(null);
    const used = await settle(() => voteAction(args(other.post("/vote", { code: codes[1].code }))));
    expect(JSON.stringify(answerOf(used).reply)).toContain("vote:errors.code.used");
  });

  it("two codes in two tabs of one phone: a ballot is only ever cast under the code its page was opened with", async () => {
    const { cycle: family, codes: letters, proposalIds } = await votingCycle({ proposals: 2 });
    const [mural, lights] = proposalIds;
    const phone = await browserFor(null);
    const start = async (code: string) => phone.remember((await settle(() => voteAction(args(phone.post("/vote", { code }))))) as Response);
    const ballotFor = async () => answerOf<{ ballotFor: string }>(await ballotLoader(args(phone.get("/vote/ballot")))).reply.ballotFor;
    // Tab A opens the ballot with the first letter; then tab B enters the second letter's code.
    await start(letters[0].code);
    const tabA = await ballotFor();
    await start(letters[1].code);
    const tabB = await ballotFor();
    expect(tabB).not.toBe(tabA);
    // Tab A, reviewed or confirmed: refused and said so, nothing cast under either code, tab B's session untouched.
    for (const intent of ["review", "confirm"]) {
      const sent = (await settle(() => ballotAction(args(phone.post("/vote/ballot", { intent, project: mural, ballotFor: tabA }))))) as Response;
      expect(location(sent)).toBe("/vote?notice=other-code");
      expect(sent.headers.get("Set-Cookie")).toBeNull();
    }
    expect(await prisma.participation.count({ where: { voterCode: { cycleId: family.id } } })).toBe(0);
    // Tab B votes with its own page.
    const cast = (await settle(() => ballotAction(args(phone.post("/vote/ballot", { intent: "confirm", project: lights, ballotFor: tabB }))))) as Response;
    expect(location(cast)).toBe("/vote/receipt");
    phone.remember(cast);
    expect(await prisma.participation.findMany({ where: { voterCode: { cycleId: family.id } }, select: { voterCodeId: true } })).toEqual([{ voterCodeId: letters[1].id }]);
    // Tab A sent after that: still not this session's ballot, so not its receipt either (its tracker is tab B's).
    const late = (await settle(() => ballotAction(args(phone.post("/vote/ballot", { intent: "confirm", project: mural, ballotFor: tabA }))))) as Response;
    expect(location(late)).toBe("/vote?notice=other-code");
  });

  it("a code of a vote that closed, or has not opened, is told so with the vote's name and day, not 'not open right now'", async () => {
    const { cycle: other, codes: letters } = await votingCycle();
    const tryCode = async () => {
      const visitor = await browserFor(null);
      const answer = answerOf<{ error: Record<string, string[]> }>(await settle(() => voteAction(args(visitor.post("/vote", { code: letters[0].code })))));
      expect(answer.httpStatus).toBe(400);
      return inWords(answer.reply.error.code[0]);
    };
    await prisma.cycle.update({ where: { id: other.id }, data: { phase: "results", votingClosesOn: "2026-12-01" } });
    expect(await tryCode()).toBe(`Voting in “${other.name}” closed on December 1, 2026: this code can no longer vote. The results are on the Results page once the PB office publishes them.`);
    await prisma.cycle.update({ where: { id: other.id }, data: { phase: "costing", votingOpensOn: "2027-01-10" } });
    expect(await tryCode()).toBe(`Voting in “${other.name}” opens on January 10, 2027. Keep your code: it works from then.`);
  });
});
