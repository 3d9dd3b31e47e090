import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { generateVoterCodes } from "~/db/cycles.server";
import { decodeMessage } from "~/i18n/message";
import { action as committeesAction, loader as committeesLoader } from "~/routes/admin.cycles.$slug_.committees";
import { loader as myCommittees } from "~/routes/committees";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as proposalList } from "~/routes/proposals._index";
import { loader as proposalLoader } from "~/routes/proposals.$id";
import { loader as proposalEditLoader } from "~/routes/proposals.$id_.edit";
import { action as newProposalAction, loader as newProposalLoader } from "~/routes/proposals.new";
import { action as paperAction, loader as paperLoader } from "~/routes/admin.cycles.$slug_.paper";
import { action as voteAction, loader as voteLoader } from "~/routes/vote._index";
import { action as ballotAction } from "~/routes/vote.ballot";
import { answerOf, args, browserFor, makeCycle, makeUser, settle, votingCycle } from "./fixtures";

describe("delegate committees", async () => {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "proposals");
  const [north, south] = cycle.districts;
  const [parks] = cycle.categories;
  const url = `/admin/cycles/${cycle.slug}/committees`;
  const params = { slug: cycle.slug };
  for (const [n, districtId] of [[1, north.id], [2, south.id]] as const) {
    await prisma.idea.create({ data: { cycleId: cycle.id, number: n, districtId, categoryId: parks.id, title: `Idea in ${n === 1 ? "North" : "South"}`, description: "A description long enough." } });
  }

  it("lets the PB office create a committee for a district and assign delegates only", async () => {
    const browser = await browserFor(admin);
    const bad = answerOf<{ error: Record<string, string[]> }>(await committeesAction(args(browser.post(url, { intent: "create", name: "N", districtId: "another-cycle" }), params)));
    expect(bad.httpStatus).toBe(400);
    expect(decodeMessage(bad.reply.error.name[0])?.key).toBe("committees:errors.name");
    const tampered = answerOf<{ error: Record<string, string[]> }>(await committeesAction(args(browser.post(url, { intent: "create", name: "North committee", districtId: "another-cycle" }), params)));
    expect(decodeMessage(tampered.reply.error.districtId[0])?.key).toBe("committees:errors.district");
    await committeesAction(args(browser.post(url, { intent: "create", name: "North committee", districtId: north.id, categoryId: "" }), params));
    const committee = await prisma.committee.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const notDelegate = answerOf<{ memberError: { error: string } }>(await committeesAction(args(browser.post(url, { intent: "add-member", committeeId: committee.id, userId: resident.id }), params)));
    expect(decodeMessage(notDelegate.reply.memberError.error)?.key).toBe("committees:errors.notDelegate");
    await committeesAction(args(browser.post(url, { intent: "add-member", committeeId: committee.id, userId: delegate.id }), params));
    expect(await prisma.committeeMember.count({ where: { committeeId: committee.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "committee." }, targetId: committee.id } })).toBe(2);
  });

  it("shows a delegate their committee's ideas, and nobody else's", async () => {
    type Mine = { committees: { name: string; ideas: { title: string }[]; canWriteProposal: boolean }[] };
    const mine = (await myCommittees(args((await browserFor(delegate)).get("/committees")))) as Mine;
    expect(mine.committees.map((c) => [c.name, c.ideas.map((i) => i.title)])).toEqual([["North committee", ["Idea in North"]]]);
    expect(mine.committees[0].canWriteProposal).toBe(true);
    // While the cycle still collects ideas, no link leads to a refusal.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "ideas" } });
    const early = (await myCommittees(args((await browserFor(delegate)).get("/committees")))) as Mine;
    expect(early.committees[0].canWriteProposal).toBe(false);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "proposals" } });
    const residentTry = await settle(async () => myCommittees(args((await browserFor(resident)).get("/committees"))));
    expect((residentTry as Response).status).toBe(403);
  });

  it("lets a delegate act only on their committees' ideas and proposals once the cycle has committees", async () => {
    const browser = await browserFor(delegate);
    const ideaIn = async (n: number) => prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id, number: n } });
    const [northIdea, southIdea] = [await ideaIn(1), await ideaIn(2)];
    // Closing or merging a South idea is another committee's work.
    const close = (id: string) => ideaAction(args(browser.post(`/ideas/${id}`, { intent: "not-taken-forward", reason: "Already planned by the city for next spring." }), { id }));
    expect(((await settle(() => close(southIdea.id))) as Response).status).toBe(403);
    const southPage = (await ideaLoader(args(browser.get(`/ideas/${southIdea.id}`), { id: southIdea.id }))) as { canDecide: boolean };
    expect(southPage.canDecide).toBe(false);
    const intoSouth = answerOf<{ error: Record<string, string[]> }>(await ideaAction(args(browser.post(`/ideas/${northIdea.id}`, { intent: "merge", into: "2" }), { id: northIdea.id })));
    expect(decodeMessage(intoSouth.reply.error.into[0])?.key).toBe("ideas:merge.outsideReach");
    expect((await ideaIn(1)).status).toBe("open");

    // A new proposal offers only North's ideas and district; a tampered form gets a message by the field.
    const page = (await newProposalLoader(args(browser.get(`/proposals/new?cycle=${cycle.slug}`)))) as { ideas: { number: number }[]; districts: { label: string }[] };
    expect(page.ideas.map((i) => i.number)).toEqual([1]);
    expect(page.districts.map((d) => d.label)).toEqual([north.name]);
    const fields = { title: "Benches in the South", description: "Ten benches along the south path, with shade over each of them.", categoryId: parks.id };
    const post = (extra: Record<string, string>) => newProposalAction(args(browser.post(`/proposals/new?cycle=${cycle.slug}`, { ...fields, ...extra })));
    const wrongDistrict = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(await post({ districtId: south.id, ideaIds: northIdea.id }));
    expect(decodeMessage(wrongDistrict.reply.error.categoryId[0])?.key).toBe("proposals:errors.outsideCommittees");
    expect(wrongDistrict.reply.initialValue.title).toBe(fields.title);
    const southIdeaUsed = answerOf<{ error: Record<string, string[]> }>(await post({ districtId: north.id, ideaIds: southIdea.id }));
    expect(decodeMessage(southIdeaUsed.reply.error.ideaIds[0])?.key).toBe("proposals:errors.ideasNotInCycle");
    expect(await prisma.proposal.count({ where: { cycleId: cycle.id } })).toBe(0);

    // A South proposal (written by another committee) is not theirs to edit or send.
    const southProposal = await prisma.proposal.create({ data: { cycleId: cycle.id, number: 1, districtId: south.id, categoryId: parks.id, title: "South benches", description: "Benches along the south path, for older residents." } });
    const view = (await proposalLoader(args(browser.get(`/proposals/${southProposal.id}`), { id: southProposal.id }))) as { canEdit: boolean; canSend: boolean };
    expect([view.canEdit, view.canSend]).toEqual([false, false]);
    expect(((await settle(() => proposalEditLoader(args(browser.get(`/proposals/${southProposal.id}/edit`), { id: southProposal.id })))) as Response).status).toBe(403);

    // A delegate on no committee of this cycle writes no proposal in it.
    const outsider = await browserFor(await makeUser(["delegate"]));
    expect(((await settle(() => newProposalLoader(args(outsider.get(`/proposals/new?cycle=${cycle.slug}`))))) as Response).status).toBe(403);
    // Their own committee's idea they may still close.
    expect(((await close(northIdea.id)) as Response).status).toBe(302);
  });

  it("lets the PB office rename a committee or move it to another district: its delegates follow, a clash or another cycle's committee is refused", async () => {
    const browser = await browserFor(admin);
    const committee = await prisma.committee.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const other = await prisma.committee.create({ data: { cycleId: cycle.id, name: "Parks committee", categoryId: parks.id } });
    const change = (fields: Record<string, string>) => committeesAction(args(browser.post(url, { intent: "update", committeeId: committee.id, ...fields }), params));
    // Another committee's name, or a district of no cycle of its own: refused by field, nothing changed.
    const clash = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(await change({ name: "Parks committee", districtId: south.id, categoryId: "" }));
    expect(decodeMessage(clash.reply.error.name[0])?.key).toBe("committees:errors.nameTaken");
    expect(clash.reply.initialValue.committeeId).toBe(committee.id);
    const tampered = answerOf<{ error: Record<string, string[]> }>(await change({ name: "South committee", districtId: "another-cycle", categoryId: "" }));
    expect(decodeMessage(tampered.reply.error.districtId[0])?.key).toBe("committees:errors.district");
    const short = answerOf<{ error: Record<string, string[]> }>(await change({ name: "S", districtId: south.id, categoryId: "" }));
    expect(decodeMessage(short.reply.error.name[0])?.key).toBe("committees:errors.name");
    expect(await prisma.committee.findUniqueOrThrow({ where: { id: committee.id } })).toMatchObject({ name: "North committee", districtId: north.id });

    // Keeping its own name is no clash; moved to South, its delegate now sees South's idea.
    const moved = (await change({ name: "North committee", districtId: south.id, categoryId: "" })) as Response;
    expect(moved.headers.get("Location")).toBe(`${url}?changed=${committee.id}#committee-${committee.id}`);
    type Mine = { committees: { name: string; ideas: { title: string }[] }[] };
    const mine = (await myCommittees(args((await browserFor(delegate)).get("/committees")))) as Mine;
    expect(mine.committees.map((c) => [c.name, c.ideas.map((i) => i.title)])).toEqual([["North committee", ["Idea in South"]]]);
    await change({ name: "North committee", districtId: north.id, categoryId: "" });
    const log = await prisma.auditLog.findMany({ where: { action: "committee.update", targetId: committee.id }, orderBy: { id: "asc" } });
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[0].detail)).toMatchObject({ before: { districtId: north.id }, after: { districtId: south.id } });

    // Another cycle's committee is not changed from this cycle's page.
    const elsewhere = await prisma.committee.create({ data: { cycleId: (await makeCycle(admin, "proposals")).id, name: "Far committee" } });
    const notHere = answerOf<{ error: Record<string, string[]> }>(await committeesAction(args(browser.post(url, { intent: "update", committeeId: elsewhere.id, name: "Taken over", districtId: "", categoryId: "" }), params)));
    expect(decodeMessage(notHere.reply.error.name[0])?.key).toBe("committees:errors.notFound");
    expect((await prisma.committee.findUniqueOrThrow({ where: { id: elsewhere.id } })).name).toBe("Far committee");
    await prisma.committee.delete({ where: { id: other.id } });
  });

  it("refuses committee management to delegates and residents", async () => {
    const committee = await prisma.committee.findFirstOrThrow({ where: { cycleId: cycle.id } });
    for (const who of [delegate, resident]) {
      const browser = await browserFor(who);
      expect(((await settle(() => committeesLoader(args(browser.get(url), params)))) as Response).status).toBe(403);
      expect(((await settle(() => committeesAction(args(browser.post(url, { intent: "create", name: "Sneaky committee" }), params)))) as Response).status).toBe(403);
      expect(((await settle(() => committeesAction(args(browser.post(url, { intent: "delete", committeeId: committee.id }), params)))) as Response).status).toBe(403);
      const renamed = await settle(() => committeesAction(args(browser.post(url, { intent: "update", committeeId: committee.id, name: "Sneaky committee" }), params)));
      expect((renamed as Response).status).toBe(403);
    }
    expect(await prisma.committee.findUniqueOrThrow({ where: { id: committee.id } })).toMatchObject({ name: "North committee" });
  });

  it("lets the PB office delete a committee made by mistake: with none left, every delegate works on the whole cycle again", async () => {
    const browser = await browserFor(admin);
    const other = await makeCycle(admin, "proposals");
    const elsewhere = await prisma.committee.create({ data: { cycleId: other.id, name: "Another cycle's committee" } });
    // Another cycle's committee cannot be deleted from this cycle's page.
    await committeesAction(args(browser.post(url, { intent: "delete", committeeId: elsewhere.id }), params));
    expect(await prisma.committee.count({ where: { id: elsewhere.id } })).toBe(1);
    const outsider = await makeUser(["delegate"]);
    const outsiderBrowser = await browserFor(outsider);
    expect(((await settle(() => newProposalLoader(args(outsiderBrowser.get(`/proposals/new?cycle=${cycle.slug}`))))) as Response).status).toBe(403);
    const committee = await prisma.committee.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const deleted = (await committeesAction(args(browser.post(url, { intent: "delete", committeeId: committee.id }), params))) as Response;
    expect(deleted.headers.get("Location")).toBe(`${url}?deleted=last`);
    expect(await prisma.committeeMember.count({ where: { committeeId: committee.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "committee.delete", targetId: committee.id } })).toBe(1);
    // No committee left: the delegate on none of them may write proposals again.
    const page = (await newProposalLoader(args(outsiderBrowser.get(`/proposals/new?cycle=${cycle.slug}`)))) as { districts: unknown[] };
    expect(page.districts).toHaveLength(2);
  });
});

describe("voting with an account, and on paper", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "voting");
  const [north] = cycle.districts;
  await prisma.cycle.update({ where: { id: cycle.id }, data: { accountVoting: true, minAge: 16, residencyRule: "I live in the district" } });
  const declaration = { intent: "account", cycle: cycle.slug, districtId: north.id, age: "yes", residency: "yes", onlyOnce: "yes" };

  it("needs every box of the declaration ticked, and then issues one code per person", async () => {
    const browser = await browserFor(resident);
    const missing = answerOf<{ error: Record<string, string[]> }>(await voteAction(args(browser.post("/vote", { ...declaration, age: "" }))));
    expect(missing.httpStatus).toBe(400);
    expect(decodeMessage(missing.reply.error.age[0])?.key).toBe("vote:account.errors.age");
    const ok = (await voteAction(args(browser.post("/vote", declaration)))) as Response;
    expect(ok.headers.get("Location")).toBe("/vote/ballot");
    await voteAction(args(browser.post("/vote", declaration)));
    expect(await prisma.voterCode.count({ where: { cycleId: cycle.id, userId: resident.id } })).toBe(1);
  });

  it("is offered to a resident whose address is not confirmed yet, taken up only once it is: one sign-up is not one more ballot", async () => {
    const fresh = await makeUser(["resident"]);
    await prisma.user.update({ where: { id: fresh.id }, data: { emailConfirmedAt: null } });
    const browser = await browserFor(fresh);
    const page = await voteLoader(args(browser.get("/vote")));
    expect(page.accountCycles.map((c) => c.slug)).toContain(cycle.slug);
    expect(page.confirmFirst).toBe(fresh.email);
    const refused = (await settle(() => voteAction(args(browser.post("/vote", declaration))))) as Response;
    expect(refused.status).toBe(403);
    expect(await prisma.voterCode.count({ where: { userId: fresh.id } })).toBe(0);
    await prisma.user.update({ where: { id: fresh.id }, data: { emailConfirmedAt: new Date() } });
    expect((await voteLoader(args(browser.get("/vote")))).confirmFirst).toBeNull();
    expect(((await voteAction(args(browser.post("/vote", declaration)))) as Response).headers.get("Location")).toBe("/vote/ballot");
  });

  it("refuses visitors and staff, and cycles that do not allow account voting", async () => {
    const visitor = await settle(async () => voteAction(args((await browserFor(null)).post("/vote", declaration))));
    expect((visitor as Response).headers.get("Location")).toMatch(/^\/login/);
    const staff = await settle(async () => voteAction(args((await browserFor(await makeUser(["staff"], "Parks"))).post("/vote", declaration))));
    expect((staff as Response).status).toBe(403);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { accountVoting: false } });
    const closed = await settle(async () => voteAction(args((await browserFor(resident)).post("/vote", declaration))));
    expect((closed as Response).status).toBe(403);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { accountVoting: true } });
  });

  it("refuses paper check-in to anyone but the PB office, and a used or unknown code; a checked-in voter's ballot then comes from the box", async () => {
    await generateVoterCodes(cycle.id, north.id, 4, "Paper test", admin);
    const [code] = await prisma.voterCode.findMany({ where: { cycleId: cycle.id, batchId: { not: null } } });
    const url = `/admin/cycles/${cycle.slug}/paper`;
    const residentTry = await settle(async () => paperAction(args((await browserFor(resident)).post(url, { intent: "check-in", site: "Library", code: code.code }), { slug: cycle.slug })));
    expect((residentTry as Response).status).toBe(403);
    const browser = await browserFor(admin);
    const noSite = answerOf<{ errors: { site?: string[] } }>(await paperAction(args(browser.post(url, { intent: "check-in", site: "", code: code.code }), { slug: cycle.slug })));
    expect(decodeMessage(noSite.reply.errors.site![0])?.key).toBe("vote:paper.errors.site");
    const unknown = answerOf<{ errors: { code?: string[] } }>(await paperAction(args(browser.post(url, { intent: "check-in", site: "Library", code: "AAAA-BBBB-CCCC" }), { slug: cycle.slug })));
    expect(decodeMessage(unknown.reply.errors.code![0])?.key).toBe("vote:paperErrors.code.unknown");
    const checkedIn = (await paperAction(args(browser.post(url, { intent: "check-in", site: "Library", code: code.code }), { slug: cycle.slug }))) as Response;
    expect(checkedIn.headers.get("Location")).toBe(`${url}?site=Library`);
    const used = answerOf<{ errors: { code?: string[] } }>(await paperAction(args(browser.post(url, { intent: "check-in", site: "Library", code: code.code }), { slug: cycle.slug })));
    expect(decodeMessage(used.reply.errors.code![0])?.key).toBe("vote:errors.code.used");
    const page = await paperLoader(args(browser.get(`${url}?site=Library&district=${north.id}`), { slug: cycle.slug }));
    expect(page.data.box.ballot?.district).toBe("North");
    // One voter checked in at this box: whoever enters its ballot could tell whose it is, and is told so.
    expect(page.data.fewInBox).toBe(1);
    const [second, third] = (await prisma.voterCode.findMany({ where: { cycleId: cycle.id, batchId: { not: null }, participation: null } })).slice(0, 2);
    for (const c of [second, third]) await paperAction(args(browser.post(url, { intent: "check-in", site: "Library", code: c.code }), { slug: cycle.slug }));
    expect((await paperLoader(args(browser.get(`${url}?site=Library&district=${north.id}`), { slug: cycle.slug }))).data.fewInBox).toBeNull();
  });

  it("refuses another cycle's district in the declaration, and another cycle's code on paper", async () => {
    const other = await makeCycle(admin, "voting");
    const browser = await browserFor(await makeUser(["resident"]));
    const wrongDistrict = answerOf<{ error: Record<string, string[]> }>(await voteAction(args(browser.post("/vote", { ...declaration, districtId: other.districts[0].id }))));
    expect(wrongDistrict.httpStatus).toBe(400);
    expect(decodeMessage(wrongDistrict.reply.error.districtId[0])?.key).toBe("vote:account.errors.district");
    await generateVoterCodes(other.id, other.districts[0].id, 1, "Other cycle", admin);
    const foreign = await prisma.voterCode.findFirstOrThrow({ where: { cycleId: other.id } });
    const paper = answerOf<{ errors: { code?: string[] } }>(await paperAction(args((await browserFor(admin)).post(`/admin/cycles/${cycle.slug}/paper`, { intent: "check-in", site: "Library", code: foreign.code }), { slug: cycle.slug })));
    expect(paper.httpStatus).toBe(400);
    // Named as another vote's code, so the clerk asks for the right letter.
    expect(decodeMessage(paper.reply.errors.code![0])).toEqual({ key: "vote:paper.errors.otherCycle", values: { cycle: other.name, current: cycle.name } });
    expect(await prisma.participation.count({ where: { voterCodeId: foreign.id } })).toBe(0);
  });
});

describe("a resident who already voted with their account", async () => {
  const { cycle, proposalId } = await votingCycle();
  await prisma.cycle.update({ where: { id: cycle.id }, data: { accountVoting: true } });
  const [north, south] = cycle.districts;
  const declaration = { intent: "account", cycle: cycle.slug, districtId: north.id, age: "yes", residency: "yes", onlyOnce: "yes" };

  it("is told so on /vote instead of being offered the declaration again", async () => {
    const browser = await browserFor(await makeUser(["resident"]));
    expect((await voteLoader(args(browser.get("/vote")))).accountCycles.find((c) => c.slug === cycle.slug)!.votedIn).toBeNull();
    browser.remember((await voteAction(args(browser.post("/vote", declaration)))) as Response);
    const cast = (await settle(() => ballotAction(args(browser.post("/vote/ballot", { intent: "confirm", project: proposalId }))))) as Response;
    expect(cast.headers.get("Location")).toBe("/vote/receipt");
    expect((await voteLoader(args(browser.get("/vote")))).accountCycles.find((c) => c.slug === cycle.slug)!.votedIn).toEqual({ name: "North", writtenIn: "en" });
    // Declaring again, even for another district, says it was the account that voted, not "a code".
    const again = (await voteAction(args(browser.post("/vote", { ...declaration, districtId: south.id })))) as Response;
    expect(again.headers.get("Location")).toBe("/vote?notice=account-voted");
    expect(await prisma.participation.count({ where: { cycleId: cycle.id } })).toBe(1);
  });

  it("cannot then cast a second ballot with a letter code while signed in; someone else signs out first", async () => {
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    browser.remember((await voteAction(args(browser.post("/vote", declaration)))) as Response);
    await settle(() => ballotAction(args(browser.post("/vote/ballot", { intent: "confirm", project: proposalId }))));
    const [letter] = await prisma.voterCode.findMany({ where: { cycleId: cycle.id, userId: null, participation: null }, orderBy: { code: "asc" } });
    const second = answerOf<{ error: Record<string, string[]> }>(await voteAction(args(browser.post("/vote", { code: letter.code }))));
    expect(second.httpStatus).toBe(400);
    expect(decodeMessage(second.reply.error.code[0])).toEqual({ key: "vote:errors.code.accountVoted", values: { name: resident.name } });
    expect(await prisma.participation.count({ where: { voterCodeId: letter.id } })).toBe(0);
    // The same code from a browser not signed in to that account (a family member, after signing out) is fine.
    const family = await browserFor(null);
    const entered = (await settle(() => voteAction(args(family.post("/vote", { code: letter.code }))))) as Response;
    expect(entered.headers.get("Location")).toBe("/vote/ballot");
  });

  it("a browser that cast a ballot with a letter code cannot then vote with an account too, until it signs out", async () => {
    const [letter] = await prisma.voterCode.findMany({ where: { cycleId: cycle.id, userId: null, participation: null }, orderBy: { code: "desc" } });
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    browser.remember((await settle(() => voteAction(args(browser.post("/vote", { code: letter.code }))))) as Response);
    await settle(() => ballotAction(args(browser.post("/vote/ballot", { intent: "confirm", project: proposalId }))));
    expect(await prisma.participation.count({ where: { voterCodeId: letter.id } })).toBe(1);
    const refused = answerOf<{ error: Record<string, string[]> }>(await voteAction(args(browser.post("/vote", declaration))));
    expect(refused.httpStatus).toBe(400);
    expect(decodeMessage(refused.reply.error[""][0])?.key).toBe("vote:account.errors.sessionVoted");
    expect(await prisma.voterCode.count({ where: { cycleId: cycle.id, userId: resident.id, participation: { isNot: null } } })).toBe(0);
    // Signing out ends the voting session: signed in afresh (someone else in the household), the declaration is taken.
    const fresh = await browserFor(resident);
    expect(((await voteAction(args(fresh.post("/vote", declaration)))) as Response).headers.get("Location")).toBe("/vote/ballot");
  });
});

describe("translations of what people wrote", async () => {
  const { action: translateAction, loader: translateLoader } = await import("~/routes/translate.$type.$id");
  const { loader: ideaLoader } = await import("~/routes/ideas.$id");
  const { ballotOptions } = await import("~/db/ballots.server");
  const admin = await makeUser(["admin"]);
  const staff = await makeUser(["staff"], "Parks");
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "ideas");
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const idea = await prisma.idea.create({ data: { cycleId: cycle.id, number: 1, districtId: north.id, categoryId: parks.id, title: "Benches by the pond", description: "Four benches around the pond for older neighbours." } });
  const url = `/translate/idea/${idea.id}`;
  const params = { type: "idea", id: idea.id };

  it("lets staff add a Spanish translation that Spanish readers see, with the original kept", async () => {
    const bad = answerOf(await translateAction(args((await browserFor(staff)).post(url, { locale: "es", title: "B", description: "" }), params)));
    expect(bad.httpStatus).toBe(400);
    await translateAction(args((await browserFor(staff)).post(url, { locale: "es", title: "Bancas junto al estanque", description: "Cuatro bancas alrededor del estanque para los vecinos mayores." }), params));
    const reader = await browserFor(null);
    const spanish = (await ideaLoader(args(new Request(`http://test/ideas/${idea.id}?lng=es`, { headers: reader.get("/").headers }), { id: idea.id }))) as { translation: { title: string } | null; idea: { title: string } };
    expect(spanish.translation?.title).toBe("Bancas junto al estanque");
    expect(spanish.idea.title).toBe("Benches by the pond");
    const english = (await ideaLoader(args(reader.get(`/ideas/${idea.id}`), { id: idea.id }))) as { translation: unknown };
    expect(english.translation).toBeNull();
  });

  it("refuses residents and visitors", async () => {
    expect(((await settle(async () => translateLoader(args((await browserFor(resident)).get(url), params)))) as Response).status).toBe(403);
    const post = await settle(async () => translateAction(args((await browserFor(resident)).post(url, { locale: "es", title: "Hack", description: "Not allowed to do this." }), params)));
    expect((post as Response).status).toBe(403);
  });

  it("puts a translated proposal on the ballot in the voter's language", async () => {
    const proposal = await prisma.proposal.create({ data: { cycleId: cycle.id, number: 1, districtId: north.id, categoryId: parks.id, title: "Pond benches", description: "Benches around the pond.", status: "feasible", costEstimates: { create: { totalCents: 100_00, feasible: true, publicReason: "ok" } } } });
    await translateAction(args((await browserFor(admin)).post(`/translate/proposal/${proposal.id}`, { locale: "es", title: "Bancas del estanque", description: "Bancas alrededor del estanque." }), { type: "proposal", id: proposal.id }));
    expect((await ballotOptions(cycle.id, north.id, undefined, "es")).map((o) => o.title)).toEqual(["Bancas del estanque"]);
    expect((await ballotOptions(cycle.id, north.id, undefined, "en")).map((o) => o.title)).toEqual(["Pond benches"]);
  });

  it("translates a project update's note, shown to Spanish readers of the project page", async () => {
    const { loader: projectLoader } = await import("~/routes/projects.$id");
    const proposal = await prisma.proposal.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const project = await prisma.project.create({ data: { proposalId: proposal.id, cycleId: cycle.id, districtId: north.id, agencyId: staff.agencyId, title: "Pond benches", budgetCents: 100_00 } });
    const update = await prisma.projectUpdate.create({ data: { projectId: project.id, status: "in_progress", percentComplete: 20, note: "The benches are ordered.", postedOn: "2026-11-20" } });
    const target = { type: "update", id: update.id };
    const noNote = answerOf(await translateAction(args((await browserFor(staff)).post(`/translate/update/${update.id}`, { locale: "es", description: "" }), target)));
    expect(noNote.httpStatus).toBe(400);
    await translateAction(args((await browserFor(staff)).post(`/translate/update/${update.id}`, { locale: "es", description: "Las bancas ya están pedidas." }), target));
    const reader = await browserFor(null);
    const spanish = (await projectLoader(args(new Request(`http://test/projects/${project.id}?lng=es`, { headers: reader.get("/").headers }), { id: project.id }))) as { project: { updates: { note: string; translated: boolean }[] } };
    expect(spanish.project.updates[0]).toMatchObject({ note: "Las bancas ya están pedidas.", translated: true });
    const english = (await projectLoader(args(reader.get(`/projects/${project.id}`), { id: project.id }))) as { project: { updates: { note: string }[] } };
    expect(english.project.updates[0].note).toBe("The benches are ordered.");
  });
});

describe("translations of the PB office's own texts: cycles and categories", async () => {
  const { action: translateAction, loader: translateLoader } = await import("~/routes/translate.$type.$id");
  const { loader: ballotLoader } = await import("~/routes/vote.ballot");
  const { loader: homeLoader } = await import("~/routes/_index");
  const { ballotOptions } = await import("~/db/ballots.server");
  const { admin, cycle, codes } = await votingCycle();
  const staff = await makeUser(["staff"], "Parks");
  const resident = await makeUser(["resident"]);
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const description = "Choose the projects for Riverside's parks.";
  await prisma.cycle.update({ where: { id: cycle.id }, data: { description } });
  const categoryUrl = `/translate/category/${parks.id}`;
  const cycleUrl = `/translate/cycle/${cycle.id}`;
  const spanishReader = (url: string) => browserFor(null).then((b) => b.get(`${url}${url.includes("?") ? "&" : "?"}lng=es`));

  it("lets the PB office save a Spanish category name (the name only) and a cycle's name and description", async () => {
    const browser = await browserFor(admin);
    const page = (await translateLoader(args(browser.get(categoryUrl), { type: "category", id: parks.id }))) as { fields: { title: boolean; description: boolean }; back: string };
    expect(page.fields).toEqual({ title: true, description: false });
    expect(page.back).toBe(`/admin/cycles/${cycle.slug}`);
    const empty = answerOf(await translateAction(args(browser.post(categoryUrl, { locale: "es", title: "", description: "" }), { type: "category", id: parks.id })));
    expect(empty.httpStatus).toBe(400);
    expect(decodeMessage(empty.reply.error.title[0])?.key).toBe("translations:errors.categoryName");
    const saved = (await translateAction(args(browser.post(categoryUrl, { locale: "es", title: "Parques", description: "" }), { type: "category", id: parks.id }))) as Response;
    expect(saved.headers.get("Location")).toBe(`${categoryUrl}?saved=es`);
    expect(await prisma.contentTranslation.findFirst({ where: { targetType: "category", targetId: parks.id }, select: { locale: true, title: true, description: true } })).toEqual({ locale: "es", title: "Parques", description: "" });

    // A cycle with a description needs both, or a Spanish reader would see a Spanish name over an English description.
    const cycleParams = { type: "cycle", id: cycle.id };
    const nameOnly = answerOf(await translateAction(args(browser.post(cycleUrl, { locale: "es", title: "Votación de parques" }), cycleParams)));
    expect(nameOnly.httpStatus).toBe(400);
    expect(decodeMessage(nameOnly.reply.error.description[0])?.key).toBe("translations:errors.cycleDescription");
    await translateAction(args(browser.post(cycleUrl, { locale: "es", title: "Votación de parques", description: "Elija los proyectos para los parques de Riverside." }), cycleParams));
    expect(await prisma.contentTranslation.count({ where: { targetType: "cycle", targetId: cycle.id, locale: "es" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "translation.save", targetId: { in: [cycle.id, parks.id] } } })).toBe(2);

    // The admin cycle page links to both and says which languages they have.
    const { loader: adminCycleLoader } = await import("~/routes/admin.cycles.$slug");
    const { translations } = (await adminCycleLoader(args(browser.get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug }))) as { translations: { cycle: { locales: string[] }; categories: { name: string; locales: string[] }[] } };
    expect(translations.cycle.locales).toEqual(["es"]);
    expect(translations.categories.map((c) => [c.name, c.locales])).toEqual([["Parks", ["es"]], ["Streets", []]]);
  });

  it("refuses agency staff and residents (403) for cycles and categories, and sends visitors to sign in", async () => {
    const tries = [
      [categoryUrl, { type: "category", id: parks.id }, { locale: "es", title: "Parques" }],
      [cycleUrl, { type: "cycle", id: cycle.id }, { locale: "es", title: "Votación", description: "Una descripción." }],
    ] as const;
    for (const [url, params, form] of tries) {
      for (const who of [staff, resident]) {
        const browser = await browserFor(who);
        const read = (await settle(() => translateLoader(args(browser.get(url), params)))) as Response;
        expect(read.status).toBe(403);
        expect(decodeMessage(await read.text())?.key).toBe("translations:refusedOffice");
        expect(((await settle(() => translateAction(args(browser.post(url, form), params)))) as Response).status).toBe(403);
      }
      const visitor = (await settle(async () => translateLoader(args((await browserFor(null)).get(url), params)))) as Response;
      expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    }
    // Nothing they sent was saved.
    expect((await prisma.contentTranslation.findMany({ where: { targetId: { in: [parks.id, cycle.id] } }, orderBy: { targetType: "asc" } })).map((t) => t.translatedById)).toEqual([admin.id, admin.id]);
  });

  it("puts the Spanish category on the ballot for a reader with ?lng=es, and the original for an English reader", async () => {
    expect((await ballotOptions(cycle.id, north.id, undefined, "es")).map((o) => o.category)).toEqual(["Parques"]);
    expect((await ballotOptions(cycle.id, north.id, undefined, "en")).map((o) => o.category)).toEqual(["Parks"]);
    const voter = await browserFor(null);
    voter.remember((await voteAction(args(voter.post("/vote", { code: codes[0].code })))) as Response);
    // The PB office gives the district's name in Spanish too (only it may: it is its own text).
    const districtUrl = `/translate/district/${north.id}`;
    const admins = await browserFor(admin);
    expect(((await settle(() => translateAction(args(admins.post(districtUrl, { locale: "es", title: "Norte" }), { type: "district", id: north.id })))) as Response).status).toBe(302);
    const staffTry = await settle(async () => translateAction(args((await browserFor(staff)).post(districtUrl, { locale: "es", title: "Al norte" }), { type: "district", id: north.id })));
    expect((staffTry as Response).status).toBe(403);
    type Ballot = { cycle: { name: string }; district: { name: string }; options: { category: string }[] };
    const spanish = answerOf<Ballot>(await ballotLoader(args(voter.get("/vote/ballot?lng=es")))).reply;
    expect(spanish.options.map((o) => o.category)).toEqual(["Parques"]);
    expect(spanish.cycle.name).toBe("Votación de parques");
    expect(spanish.district.name).toBe("Norte");
    const english = answerOf<Ballot>(await ballotLoader(args(voter.get("/vote/ballot?lng=en")))).reply;
    expect(english.options.map((o) => o.category)).toEqual(["Parks"]);
    expect(english.cycle.name).toBe(cycle.name);
    expect(english.district.name).toBe(north.name);
    // And wherever residents read the district: the list of proposals, in Spanish.
    type Listed = { proposals: { district: { name: string } }[] };
    const listed = (await proposalList(args(await spanishReader(`/proposals?cycle=${cycle.slug}`)))) as Listed;
    expect(new Set(listed.proposals.map((p) => p.district.name))).toEqual(new Set(["Norte"]));
  });

  it("shows Spanish readers the cycle's translated name and description on the home page and the vote start page, the original otherwise", async () => {
    type Home = { cycles: { slug: string; name: string; description: string }[] };
    const card = (home: Home) => home.cycles.find((c) => c.slug === cycle.slug);
    expect(card((await homeLoader(args(await spanishReader("/")))) as Home)).toMatchObject({ name: "Votación de parques", description: "Elija los proyectos para los parques de Riverside." });
    expect(card((await homeLoader(args((await browserFor(null)).get("/")))) as Home)).toMatchObject({ name: cycle.name, description });
    type Start = { voting: { name: string }[] };
    expect(((await voteLoader(args(await spanishReader("/vote")))) as Start).voting.map((v) => v.name)).toContain("Votación de parques");
    expect(((await voteLoader(args((await browserFor(null)).get("/vote")))) as Start).voting.map((v) => v.name)).toContain(cycle.name);
  });

  it("names the cycle in Spanish on the idea list and in the cycle pickers too", async () => {
    const { loader: ideasLoader } = await import("~/routes/ideas._index");
    type Ideas = { cycle: { name: string }; cycles: { slug: string; name: string }[] };
    const spanish = (await ideasLoader(args(await spanishReader(`/ideas?cycle=${cycle.slug}`)))) as Ideas;
    expect(spanish.cycle.name).toBe("Votación de parques");
    expect(spanish.cycles.find((c) => c.slug === cycle.slug)?.name).toBe("Votación de parques");
    const english = (await ideasLoader(args((await browserFor(null)).get(`/ideas?cycle=${cycle.slug}`)))) as Ideas;
    expect(english.cycle.name).toBe(cycle.name);
  });

  it("names the category in Spanish on the proposal list and page too", async () => {
    const { loader: proposalsLoader } = await import("~/routes/proposals._index");
    const { loader: proposalLoader } = await import("~/routes/proposals.$id");
    type Named = { name: string; writtenIn: string | null };
    type List = { proposals: { id: string; category: Named }[] };
    // A translation is in the page's language (no mark); the original keeps the language it was written in.
    const list = (await proposalsLoader(args(await spanishReader(`/proposals?cycle=${cycle.slug}`)))) as List;
    expect(list.proposals.map((p) => p.category)).toEqual([{ name: "Parques", writtenIn: null }]);
    const english = (await proposalsLoader(args((await browserFor(null)).get(`/proposals?cycle=${cycle.slug}`)))) as List;
    expect(english.proposals.map((p) => p.category)).toEqual([{ name: "Parks", writtenIn: "en" }]);
    const id = list.proposals[0].id;
    const page = (await proposalLoader(args(await spanishReader(`/proposals/${id}`), { id }))) as { proposal: { category: Named } };
    expect(page.proposal.category).toEqual({ name: "Parques", writtenIn: null });
  });
});

// A resident ticks "I live, work or study in …" before voting with their account: a rule the PB office
// wrote itself must read in the voter's language, and never as an older rule than the one in force.
describe("translations of the PB office's own residency rule", async () => {
  const { action: translateAction, loader: translateLoader } = await import("~/routes/translate.$type.$id");
  const { action: adminAction, loader: adminLoader } = await import("~/routes/admin.cycles.$slug");
  const admin = await makeUser(["admin"]);
  const staff = await makeUser(["staff"], "Parks");
  const cycle = await makeCycle(admin, "costing");
  const params = { type: "residency", id: cycle.id };
  const url = `/translate/residency/${cycle.id}`;
  const rule = "I live in Riverside or attend a Riverside school";
  const setRule = async (residencyRule: string) =>
    adminAction(args((await browserFor(admin)).post(`/admin/cycles/${cycle.slug}`, { intent: "update-eligibility", accountVoting: "yes", minAge: "14", residencyRule }), { slug: cycle.slug }));
  type AdminPage = { translations: { residency: { locales: string[] } | null } };
  const adminPage = async () => (await adminLoader(args((await browserFor(admin)).get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug }))) as AdminPage;
  type Start = { accountCycles: { slug: string; residencyRule: string }[] };
  const ruleOnVotePage = async (lng: string) =>
    ((await voteLoader(args((await browserFor(null)).get(`/vote?lng=${lng}`)))) as Start).accountCycles.find((c) => c.slug === cycle.slug)?.residencyRule;

  it("offers nothing to translate while the cycle uses the standard wording (the app translates that)", async () => {
    expect((await adminPage()).translations.residency).toBeNull();
    expect(((await settle(async () => translateLoader(args((await browserFor(admin)).get(url), params)))) as Response).status).toBe(404);
  });

  it("lets the PB office translate its own rule, which Spanish readers then declare on /vote", async () => {
    await setRule(rule);
    expect((await adminPage()).translations.residency).toEqual({ locales: [] });
    const browser = await browserFor(admin);
    const page = (await translateLoader(args(browser.get(url), params))) as { item: { title: string }; fields: { title: boolean; description: boolean } };
    expect(page.item.title).toBe(rule);
    expect(page.fields).toEqual({ title: true, description: false });
    const empty = answerOf(await translateAction(args(browser.post(url, { locale: "es", title: " " }), params)));
    expect(decodeMessage(empty.reply.error.title[0])?.key).toBe("translations:errors.residencyRule");
    const long = answerOf(await translateAction(args(browser.post(url, { locale: "es", title: "x".repeat(201) }), params)));
    expect(decodeMessage(long.reply.error.title[0])?.key).toBe("translations:errors.residencyRuleLong");
    await translateAction(args(browser.post(url, { locale: "es", title: "Vivo en Riverside o asisto a una escuela de Riverside" }), params));
    expect((await adminPage()).translations.residency).toEqual({ locales: ["es"] });

    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    expect(await ruleOnVotePage("es")).toBe("Vivo en Riverside o asisto a una escuela de Riverside");
    expect(await ruleOnVotePage("en")).toBe(rule);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "costing" } });
  });

  it("refuses agency staff, and saves nothing from them", async () => {
    const browser = await browserFor(staff);
    const read = (await settle(() => translateLoader(args(browser.get(url), params)))) as Response;
    expect(read.status).toBe(403);
    expect(decodeMessage(await read.text())?.key).toBe("translations:refusedOffice");
    expect(((await settle(() => translateAction(args(browser.post(url, { locale: "es", title: "Cualquier cosa" }), params)))) as Response).status).toBe(403);
    expect((await prisma.contentTranslation.findMany({ where: { targetType: "residency", targetId: cycle.id } })).map((t) => t.translatedById)).toEqual([admin.id]);
  });

  it("drops the translation when the PB office changes the rule, so no voter declares an old rule in Spanish", async () => {
    await setRule(rule); // the same rule again: the translation stays
    expect(await prisma.contentTranslation.count({ where: { targetType: "residency", targetId: cycle.id } })).toBe(1);
    await setRule("I live in Riverside");
    expect(await prisma.contentTranslation.count({ where: { targetType: "residency", targetId: cycle.id } })).toBe(0);
    expect((await adminPage()).translations.residency).toEqual({ locales: [] });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    expect(await ruleOnVotePage("es")).toBe("I live in Riverside");
  });
});

describe("the PB office's warning about ideas no committee covers", async () => {
  it("counts only open ideas: withdrawn, merged, closed and developed ones need no delegate", async () => {
    const { createCommittee, addMember } = await import("~/db/committees.server");
    const { cycleSnapshot } = await import("~/db/cycles.server");
    const { warningsBeforeAdvance } = await import("~/domain/cycles/phases");
    const { inWords } = await import("../english");
    const admin = await makeUser(["admin"]);
    const delegate = await makeUser(["delegate"]);
    const cycle = await makeCycle(admin, "ideas");
    const [north, south] = cycle.districts;
    const [parks] = cycle.categories;
    const made = await createCommittee(cycle.id, { name: "North", districtId: north.id, categoryId: null }, admin);
    if (!made.ok) throw new Error(made.error);
    await addMember(cycle.id, made.committee.id, delegate.id, admin);
    for (const [n, status] of [[1, "open"], [2, "withdrawn"], [3, "merged"], [4, "not_taken_forward"], [5, "developed"]] as const) {
      await prisma.idea.create({ data: { cycleId: cycle.id, number: n, districtId: south.id, categoryId: parks.id, status, title: `South idea ${n}`, description: "A description long enough." } });
    }
    const warnings = warningsBeforeAdvance(await cycleSnapshot(cycle.id)).map((w) => inWords(w));
    expect(warnings.filter((w) => w.includes("not covered by any committee"))).toEqual([
      "1 idea in “South” · “Parks” is not covered by any committee with a delegate on it, so no delegate can turn it into a proposal. Add a delegate to a committee for it (or one for the whole cycle) on the committees page.",
    ]);
  });
});
