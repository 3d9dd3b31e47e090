import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { generateVoterCodes } from "~/db/cycles.server";
import { generateVoterCode } from "~/domain/ballots/voter-codes";
import { action as loginAction } from "~/routes/login";
import { action as codeAction } from "~/routes/vote._index";
import { action as newIdea } from "~/routes/ideas.new";
import { inWords } from "../english";
import { answerOf, browserFor, makeCycle, makeUser, settle } from "./fixtures";

type Reply = { status?: string; error?: Record<string, string[]> };
const from = (clientIp: string, request: Request) => ({ request, params: {}, context: { clientIp } });
const unwrap = (result: unknown) => {
  const { httpStatus, reply } = answerOf<Reply>(result);
  return { status: httpStatus, reply };
};

describe("rate limits", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");
  await generateVoterCodes(cycle.id, cycle.districts[0].id, 1, "test", admin);
  const realCode = (await prisma.voterCode.findFirstOrThrow()).code;
  const guesser = await browserFor(null);
  const guessRequest = () => guesser.post("/vote", { code: generateVoterCode() });

  it("slow a voter-code guessing script to a crawl, and find nothing", async () => {
    const guesser = await browserFor(null);
    const outcomes: number[] = [];
    for (let i = 0; i < 70; i++) {
      const result = unwrap(await settle(() => codeAction(from("10.9.9.9", guesser.post("/vote", { code: generateVoterCode() })))));
      outcomes.push(result.status);
      expect(result.reply.status).toBe("error"); // no guess got through
    }
    expect(outcomes.slice(0, 60).every((s) => s === 400)).toBe(true); // a wrong code: 400 with the reason
    expect(outcomes.slice(60).every((s) => s === 429)).toBe(true);
    // Even the right code is refused from that address now, with a clear message.
    const blocked = unwrap(await settle(() => codeAction(from("10.9.9.9", guesser.post("/vote", { code: realCode })))));
    expect(blocked.status).toBe(429);
    expect(inWords(blocked.reply.error?.[""]?.[0] ?? "")).toMatch(/^Too many attempts\. For everyone's safety, please wait \d+ minutes and try again\.$/);
    // Voters elsewhere are not affected.
    const voter = await browserFor(null);
    const ok = (await settle(() => codeAction(from("10.1.1.1", voter.post("/vote", { code: realCode }))))) as Response;
    expect(ok.headers.get("Location")).toBe("/vote/ballot");
  });

  it("stop password guessing on one account from one address, without locking its owner out elsewhere", async () => {
    const resident = await makeUser(["resident"]);
    const visitor = await browserFor(null);
    for (let i = 0; i < 8; i++) {
      const wrong = unwrap(await loginAction(from("10.2.2.2", visitor.post("/login", { email: resident.email, password: `guess-${i}` }))));
      expect(wrong.reply.error?.[""]?.map((e) => inWords(e))).toEqual(["That email and password do not match an account."]);
    }
    // The guesser's address is stopped, even with the right password.
    const limited = unwrap(await loginAction(from("10.2.2.2", visitor.post("/login", { email: resident.email, password: "test-password-123" }))));
    expect(limited.status).toBe(429);
    // The owner, from their own address, still signs in: a few wrong passwords do not lock an account.
    const ownersBrowser = await browserFor(null);
    const owner = (await settle(() => loginAction(from("10.3.3.3", ownersBrowser.post("/login", { email: resident.email, password: "test-password-123" }))))) as Response;
    expect(owner.status).toBe(302);
    const other = await makeUser(["resident"]);
    const fine = (await settle(() => loginAction(from("10.2.2.2", visitor.post("/login", { email: other.email, password: "test-password-123" }))))) as Response;
    expect(fine.status).toBe(302);
  });

  it("count password guesses sent all at once: the right password among 40 parallel tries is refused", async () => {
    const resident = await makeUser(["resident"]);
    const visitor = await browserFor(null);
    const tries = Array.from({ length: 40 }, (_, i) => (i === 39 ? "test-password-123" : `guess-${i}`));
    const answers = await Promise.all(tries.map((password) => settle(() => loginAction(from("10.4.4.4", visitor.post("/login", { email: resident.email, password }))))));
    const statuses = answers.map((a) => (a instanceof Response ? a.status : answerOf(a).httpStatus));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(32);
    expect(statuses[39]).toBe(429); // the 40th, right password came after the limit: not signed in
  });

  it("count voter codes sent all at once, and give back each right one", async () => {
    const answers = await Promise.all(
      Array.from({ length: 70 }, () => settle(() => codeAction(from("10.5.5.5", guessRequest())))),
    );
    expect(answers.filter((a) => answerOf(a).httpStatus === 429)).toHaveLength(10);
    // A polling station voting with right codes is not slowed down: each right code gives its attempt back.
    const station = await browserFor(null);
    for (let i = 0; i < 65; i++) {
      const ok = (await settle(() => codeAction(from("10.6.6.6", station.post("/vote", { code: realCode }))))) as Response;
      expect(ok.headers.get("Location")).toBe("/vote/ballot");
    }
  });

  it("count only the ideas a resident shares, not refused tries or the similar-ideas step", async () => {
    const ideasCycle = await makeCycle(admin, "ideas");
    const resident = await browserFor(await makeUser(["resident"]));
    const url = `/ideas/new?cycle=${ideasCycle.slug}`;
    const idea = (n: number) => ({
      title: `Water fountain number ${n}`,
      description: "A drinking fountain by the playground, for children and runners in summer.",
      districtId: ideasCycle.districts[0].id,
      categoryId: ideasCycle.categories[0].id,
      location: "",
      confirmedNew: "yes",
    });
    // Twenty refused tries (more than the hourly limit of 15): none of them counts.
    for (let i = 0; i < 20; i++) {
      expect(unwrap(await settle(() => newIdea(from("10.2.2.2", resident.post(url, { ...idea(0), description: "short" }))))).status).toBe(400);
    }
    for (let n = 1; n <= 15; n++) {
      // First without "submit anyway": from the second idea on, similar ones are shown first.
      const first = await settle(() => newIdea(from("10.2.2.2", resident.post(url, { ...idea(n), confirmedNew: "" }))));
      if (first instanceof Response && first.status === 302) continue;
      expect(answerOf<{ similar: unknown[] }>(first).reply.similar.length, `idea ${n}`).toBeGreaterThan(0);
      const shared = (await settle(() => newIdea(from("10.2.2.2", resident.post(url, idea(n)))))) as Response;
      expect(shared.status, `idea ${n}`).toBe(302);
    }
    // The sixteenth idea in the hour is the one refused.
    const sixteenth = unwrap(await settle(() => newIdea(from("10.2.2.2", resident.post(url, idea(16))))));
    expect(sixteenth.status).toBe(429);
    expect(await prisma.idea.count({ where: { cycleId: ideasCycle.id } })).toBe(15);
  });
});
