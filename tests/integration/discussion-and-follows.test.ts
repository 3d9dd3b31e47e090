import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { ideasForProposal } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { addMember, createCommittee } from "~/db/committees.server";
import { decodeMessage } from "~/i18n/message";
import { deliverOutbox } from "~/mail.server";
import { action as commentAction } from "~/routes/comments";
import { action as followAction } from "~/routes/follows";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as outcomesLoader } from "~/routes/ideas.outcomes";
import { loader as proposalLoader } from "~/routes/proposals.$id";
import { answerOf, args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

const statusOf = (r: unknown) => (r instanceof Response ? r.status : answerOf(r).httpStatus);

describe("comments, moderation, merging, outcomes and following", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const neighbour = await makeUser(["resident"]);
  const delegate = await makeUser(["delegate"]);
  const parksStaff = await makeUser(["staff"], "Parks Department");
  const libraryStaff = await makeUser(["staff"], "Libraries");
  const cycle = await makeCycle(admin, "proposals");
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const idea = (n: number, title: string, authorId: string | null = resident.id) =>
    prisma.idea.create({ data: { cycleId: cycle.id, number: n, districtId: north.id, categoryId: parks.id, title, description: `${title}: a longer description of the idea.`, authorId } });
  const benches = await idea(1, "Benches by the pond");
  const seats = await idea(2, "Seats around the pond");
  const rude = await idea(3, "Something rude");
  const lights = await idea(4, "Lights on the footbridge");

  it("lets a signed-in resident comment, keeps the text when it is refused, and refuses visitors", async () => {
    const browser = await browserFor(neighbour);
    const empty = answerOf<{ errors: Record<string, string[]>; fields: Record<string, string> }>(
      await commentAction(args(browser.post("/comments", { intent: "add", targetType: "idea", targetId: benches.id, body: " " }))),
    );
    expect(empty.httpStatus).toBe(400);
    expect(decodeMessage(empty.reply.errors.body[0])?.key).toBe("comments:errors.bodyRequired");
    const saved = (await commentAction(args(browser.post("/comments", { intent: "add", targetType: "idea", targetId: benches.id, body: "Yes please, near the playground." })))) as Response;
    expect(saved.headers.get("Location")).toMatch(new RegExp(`^/ideas/${benches.id}#comment-`));
    const visitor = await settle(() => commentAction(args(new Request("http://test/comments", { method: "POST" }))));
    expect(statusOf(visitor)).toBeGreaterThanOrEqual(400);
    const anonymous = await browserFor(null);
    const refused = await settle(() => commentAction(args(anonymous.post("/comments", { intent: "add", targetType: "idea", targetId: benches.id, body: "Hello there" }))));
    expect((refused as Response).status).toBe(302); // asked to sign in
    expect(await prisma.comment.count({ where: { targetId: benches.id } })).toBe(1);
  });

  it("hides a comment with a reason its author sees, while others see only that it was hidden", async () => {
    const browser = await browserFor(await makeUser(["resident"]));
    await commentAction(args(browser.post("/comments", { intent: "add", targetType: "idea", targetId: benches.id, body: "Insulting words here" })));
    const comment = await prisma.comment.findFirstOrThrow({ where: { body: "Insulting words here" } });
    const notAdmin = await settle(async () => commentAction(args((await browserFor(delegate)).post("/comments", { intent: "hide", commentId: comment.id, reason: "Insults" }))));
    expect((notAdmin as Response).status).toBe(403);
    const noReason = answerOf(await commentAction(args((await browserFor(admin)).post("/comments", { intent: "hide", commentId: comment.id, reason: "" }))));
    expect(noReason.httpStatus).toBe(400);
    await commentAction(args((await browserFor(admin)).post("/comments", { intent: "hide", commentId: comment.id, reason: "Insults another resident" })));
    const seenBy = async (who: Awaited<ReturnType<typeof makeUser>> | null) => {
      const data = (await ideaLoader(args((await browserFor(who)).get(`/ideas/${benches.id}`), { id: benches.id }))) as { thread: { comments: { id: string; body: string | null; hidden: boolean; hiddenReason: string | null }[] } };
      return data.thread.comments.find((c) => c.id === comment.id)!;
    };
    expect(await seenBy(null)).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    expect(await seenBy(admin)).toMatchObject({ hidden: true, body: "Insulting words here", hiddenReason: "Insults another resident" });
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "comment.hide", targetId: comment.id } })).actorId).toBe(admin.id);
  });

  it("shows a comment hidden by mistake again: the PB office only; the log keeps both", async () => {
    const browser = await browserFor(await makeUser(["resident"]));
    await commentAction(args(browser.post("/comments", { intent: "add", targetType: "idea", targetId: benches.id, body: "A fair point about the benches" })));
    const comment = await prisma.comment.findFirstOrThrow({ where: { body: "A fair point about the benches" } });
    await commentAction(args((await browserFor(admin)).post("/comments", { intent: "hide", commentId: comment.id, reason: "Clicked the wrong comment" })));
    const refused = await settle(async () => commentAction(args((await browserFor(delegate)).post("/comments", { intent: "unhide", commentId: comment.id }))));
    expect((refused as Response).status).toBe(403);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).not.toBeNull();
    await commentAction(args((await browserFor(admin)).post("/comments", { intent: "unhide", commentId: comment.id })));
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ hiddenAt: null, hiddenReason: "" });
    const data = (await ideaLoader(args((await browserFor(null)).get(`/ideas/${benches.id}`), { id: benches.id }))) as { thread: { comments: { id: string; body: string | null; hidden: boolean }[] } };
    expect(data.thread.comments.find((c) => c.id === comment.id)).toMatchObject({ hidden: false, body: "A fair point about the benches" });
    expect((await prisma.auditLog.findMany({ where: { targetId: comment.id }, orderBy: { id: "asc" } })).map((l) => l.action)).toEqual(["comment.create", "comment.hide", "comment.unhide"]);
  });

  it("keeps the costing questions between delegates, the PB office and the costing agency's staff", async () => {
    const made = await createProposal(cycle.id, { title: "Pond benches", description: "Four benches around the pond, near the playground.", districtId: north.id, categoryId: parks.id, ideaIds: [lights.id] }, delegate);
    if (!made.ok) throw new Error("proposal not made");
    const parksId = (await prisma.agency.findUniqueOrThrow({ where: { name: "Parks Department" } })).id;
    await sendForCosting(made.proposal.id, parksId, delegate);
    const ask = (who: Awaited<ReturnType<typeof makeUser>>) =>
      browserFor(who).then((b) => settle(() => commentAction(args(b.post("/comments", { intent: "add", targetType: "proposal", targetId: made.proposal.id, channel: "costing", body: "Which bench model?" })))));
    expect(((await ask(delegate)) as Response).status).toBe(302);
    expect(((await ask(parksStaff)) as Response).status).toBe(302);
    expect(((await ask(libraryStaff)) as Response).status).toBe(403);
    expect(((await ask(resident)) as Response).status).toBe(403);
    const view = async (who: Awaited<ReturnType<typeof makeUser>> | null) =>
      (await proposalLoader(args((await browserFor(who)).get(`/proposals/${made.proposal.id}`), { id: made.proposal.id }))) as { questions: { comments: unknown[] } | null };
    expect((await view(parksStaff)).questions?.comments).toHaveLength(2);
    expect((await view(libraryStaff)).questions).toBeNull();
    expect((await view(null)).questions).toBeNull();

    // Once the PB office sets up committees, only the proposal's own delegates (whose committee covers it) are in it.
    const south = cycle.districts[1];
    const northCommittee = await createCommittee(cycle.id, { name: "North", districtId: north.id, categoryId: null }, admin);
    const southCommittee = await createCommittee(cycle.id, { name: "South", districtId: south.id, categoryId: null }, admin);
    if (!northCommittee.ok || !southCommittee.ok) throw new Error("the test's committees were not made");
    const southDelegate = await makeUser(["delegate"]);
    await addMember(cycle.id, northCommittee.committee.id, delegate.id, admin);
    await addMember(cycle.id, southCommittee.committee.id, southDelegate.id, admin);
    expect(((await ask(southDelegate)) as Response).status).toBe(403);
    expect((await view(southDelegate)).questions).toBeNull();
    expect(((await ask(delegate)) as Response).status).toBe(302);
    expect((await view(delegate)).questions?.comments).toHaveLength(3);
  });

  it("merges an idea into another, with lineage both ways, and refuses merging into itself", async () => {
    const browser = await browserFor(delegate);
    const self = answerOf<{ error: Record<string, string[]> }>(await ideaAction(args(browser.post(`/ideas/${seats.id}`, { intent: "merge", into: "2" }), { id: seats.id })));
    expect(self.httpStatus).toBe(400);
    expect(decodeMessage(self.reply.error.into[0])?.key).toBe("ideas:merge.notItself");
    const residentTry = await settle(async () => ideaAction(args((await browserFor(resident)).post(`/ideas/${seats.id}`, { intent: "merge", into: "1" }), { id: seats.id })));
    expect((residentTry as Response).status).toBe(403);
    // A typed number alone merges nothing: first the idea it would go into, by name, to confirm.
    const asked = (await ideaAction(args(browser.post(`/ideas/${seats.id}`, { intent: "merge", into: "1" }), { id: seats.id }))) as { mergeCheck: { number: number; title: string; otherPlace: boolean } };
    expect(asked.mergeCheck).toMatchObject({ number: 1, title: benches.title, otherPlace: false });
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: seats.id } })).status).toBe("open");
    await ideaAction(args(browser.post(`/ideas/${seats.id}`, { intent: "merge", into: "1", confirmed: "yes" }), { id: seats.id }));
    const merged = await prisma.idea.findUniqueOrThrow({ where: { id: seats.id } });
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: benches.id });
    const target = (await ideaLoader(args(browser.get(`/ideas/${benches.id}`), { id: benches.id }))) as { idea: { mergedFrom: { number: number }[] } };
    expect(target.idea.mergedFrom.map((m) => m.number)).toEqual([2]);

    // The merged idea is carried by the one it joined: not offered for a new proposal, and a tampered form cannot undo the merge.
    expect((await ideasForProposal(cycle.id, { wholeCycle: true })).map((i) => i.number)).not.toContain(2);
    const tampered = await createProposal(cycle.id, { title: "Pond seats", description: "Seats all around the pond.", districtId: north.id, categoryId: parks.id, ideaIds: [seats.id, benches.id] }, delegate);
    expect(tampered.ok).toBe(false);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: seats.id } })).toMatchObject({ status: "merged", mergedIntoId: benches.id });
  });

  it("hides an idea from the public with a reason its author still sees, and lists every idea's outcome", async () => {
    const refused = await settle(async () => ideaAction(args((await browserFor(delegate)).post(`/ideas/${rude.id}`, { intent: "hide", reason: "Not respectful" }), { id: rude.id })));
    expect((refused as Response).status).toBe(403);
    await ideaAction(args((await browserFor(admin)).post(`/ideas/${rude.id}`, { intent: "hide", reason: "Not respectful to neighbours" }), { id: rude.id }));
    const publicView = await settle(async () => ideaLoader(args((await browserFor(neighbour)).get(`/ideas/${rude.id}`), { id: rude.id })));
    expect((publicView as Response).status).toBe(410);
    // Nothing more is done with it: no support, no comment, no new follower, no delegate decision.
    const neighbourBrowser = await browserFor(neighbour);
    const attempts: (() => Promise<unknown>)[] = [
      () => ideaAction(args(neighbourBrowser.post(`/ideas/${rude.id}`, { intent: "support" }), { id: rude.id })),
      () => commentAction(args(neighbourBrowser.post("/comments", { intent: "add", targetType: "idea", targetId: rude.id, body: "Still a good idea to me." }))),
      () => followAction(args(neighbourBrowser.post("/follows", { targetType: "idea", targetId: rude.id, follow: "yes" }))),
    ];
    for (const attempt of attempts) expect([404, 410]).toContain(((await settle(attempt)) as Response).status);
    const decided = await settle(async () => ideaAction(args((await browserFor(delegate)).post(`/ideas/${rude.id}`, { intent: "not-taken-forward", reason: "Not something we can fund this year." }), { id: rude.id })));
    expect((decided as Response).status).toBe(410);
    expect(await prisma.ideaSupport.count({ where: { ideaId: rude.id } })).toBe(0);
    expect(await prisma.comment.count({ where: { targetId: rude.id } })).toBe(0);
    expect(await prisma.follow.count({ where: { targetId: rude.id, userId: neighbour.id } })).toBe(0);
    const authorView = (await ideaLoader(args((await browserFor(resident)).get(`/ideas/${rude.id}`), { id: rude.id }))) as { hidden: { reason: string } | null };
    expect(authorView.hidden).toEqual({ reason: "Not respectful to neighbours" });

    const outcomes = (await outcomesLoader(args((await browserFor(null)).get(`/ideas/outcomes?cycle=${cycle.slug}`)))) as { ideas: { number: number; status: string; hidden: boolean; title: string | null; mergedInto: { number: number } | null; proposals: { number: number }[] }[] };
    expect(outcomes.ideas.map((i) => [i.number, i.hidden ? "hidden" : i.status, i.title])).toEqual([
      [1, "open", "Benches by the pond"],
      [2, "merged", "Seats around the pond"],
      [3, "hidden", null],
      [4, "developed", "Lights on the footbridge"],
    ]);
    expect(outcomes.ideas[1].mergedInto?.number).toBe(1);
    // A Spanish reader gets a translated title in Spanish; the others as written, marked with their language.
    const first = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id, number: 1 } });
    await prisma.contentTranslation.create({ data: { targetType: "idea", targetId: first.id, locale: "es", title: "Bancos junto al estanque", description: "Bancos.", translatedById: admin.id } });
    type Titled = { ideas: { number: number; title: string | null; writtenIn?: string | null }[] };
    const spanish = (await outcomesLoader(args(new Request(`http://test/ideas/outcomes?cycle=${cycle.slug}&lng=es`)))) as Titled;
    expect(spanish.ideas.filter((i) => i.number !== 3).map((i) => [i.number, i.title, i.writtenIn])).toEqual([
      [1, "Bancos junto al estanque", null],
      [2, "Seats around the pond", "en"],
      [4, "Lights on the footbridge", "en"],
    ]);
    await prisma.contentTranslation.deleteMany({ where: { targetId: first.id } });

    // After the vote the developed idea says how far its proposal got: not funded, then (once a project) funded.
    type Outcomes = { ideas: { number: number; proposals: { number: number; notFunded: boolean; project: { id: string } | null }[] }[] };
    const lightsNow = async () =>
      ((await outcomesLoader(args((await browserFor(null)).get(`/ideas/outcomes?cycle=${cycle.slug}`)))) as Outcomes).ideas.find((i) => i.number === 4)!.proposals[0];
    const proposal = await prisma.proposal.findFirstOrThrow({ where: { cycleId: cycle.id, ideas: { some: { ideaId: lights.id } } } });
    expect((await lightsNow()).notFunded).toBe(false); // still before the vote
    await prisma.proposal.update({ where: { id: proposal.id }, data: { status: "feasible" } });
    // Results published, projects not made yet: a winner has no project, so nothing is said.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    expect(await lightsNow()).toMatchObject({ notFunded: false, project: null });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "implementation" } });
    expect(await lightsNow()).toMatchObject({ notFunded: true, project: null });
    const project = await prisma.project.create({ data: { proposalId: proposal.id, cycleId: cycle.id, districtId: proposal.districtId, title: proposal.title, budgetCents: 1_000_00 } });
    expect(await lightsNow()).toMatchObject({ notFunded: false, project: { id: project.id } });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "proposals" } });
    await prisma.project.delete({ where: { id: project.id } });
  });

  it("e-mails followers in the language they followed in when an idea is closed, and only them", async () => {
    const follower = await makeUser(["resident"]);
    const browser = await browserFor(follower);
    const request = browser.post("/follows?lng=es", { targetType: "idea", targetId: benches.id, follow: "yes" });
    const followed = (await followAction(args(new Request(request.url, { method: "POST", body: await request.text(), headers: { ...Object.fromEntries(request.headers), "Accept-Language": "es-MX,es" } })))) as Response;
    expect(followed.headers.get("Location")).toBe(`/ideas/${benches.id}?followed=yes#follow`);
    const visitorFollow = await settle(async () => followAction(args((await browserFor(null)).post("/follows", { targetType: "idea", targetId: benches.id, follow: "yes" }))));
    expect((visitorFollow as Response).status).toBe(302);
    // Signed in, they come back to the idea, not to the form's address (which only leads home).
    expect((visitorFollow as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/ideas/${benches.id}#follow`)}`);

    // Staff translated the idea: the follower reads its Spanish title.
    await prisma.contentTranslation.create({ data: { targetType: "idea", targetId: benches.id, locale: "es", title: "Bancos junto al estanque", description: "Bancos." } });
    await ideaAction(args((await browserFor(delegate)).post(`/ideas/${benches.id}`, { intent: "not-taken-forward", reason: "The pond path is being rebuilt next year with seating." }), { id: benches.id }));
    await deliverOutbox();
    const mail = await prisma.outboxMessage.findMany({ where: { to: follower.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("La idea n.º 1 no siguió adelante");
    expect(mail[0].text).toContain("The pond path is being rebuilt next year with seating.");
    expect(mail[0].text).toContain("«Bancos junto al estanque»");
    expect(mail[0].text).toContain(`/ideas/${benches.id}`);
    expect(mail[0].sentAt).not.toBeNull();
    expect(await prisma.outboxMessage.count({ where: { to: neighbour.email } })).toBe(0);
  });
});
