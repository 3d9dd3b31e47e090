import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { action as newIdea } from "~/routes/ideas.new";
import { decodeMessage } from "~/i18n/message";
import { action as ideaAction, loader as ideaLoader } from "~/routes/ideas.$id";
import { action as editAction, loader as editLoader } from "~/routes/ideas.$id_.edit";
import { loader as outcomesLoader } from "~/routes/ideas.outcomes";
import { inWords } from "../english";
import { answerOf, args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

describe("submitting and supporting ideas", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "ideas");
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const form = {
    title: "Benches by the pond",
    description: "Four benches around the pond so older neighbours can rest while walking.",
    districtId: north.id,
    categoryId: parks.id,
    location: "Pond path",
  };

  it("stores a valid idea with the next number and sends the resident to its page", async () => {
    const browser = await browserFor(resident);
    const response = await settle(() => newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, form))));
    expect(response).toBeInstanceOf(Response);
    const location = (response as Response).headers.get("Location")!;
    expect(location).toMatch(/^\/ideas\/\w+\?submitted=1$/);
    const idea = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id } });
    expect(idea).toMatchObject({ number: 1, title: form.title, authorId: resident.id, status: "open" });
    const audit = await prisma.auditLog.findFirst({ where: { action: "idea.create", targetId: idea.id } });
    expect(audit?.actorId).toBe(resident.id);
  });

  it("refuses an invalid idea with an error per field and the typed text kept", async () => {
    const browser = await browserFor(resident);
    const { httpStatus, reply } = answerOf(
      await newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, { ...form, title: "Hi", districtId: "another-cycles-district" }))),
    );
    expect(httpStatus).toBe(400);
    expect(reply.status).toBe("error");
    // The server answers with message keys; the page shows them in the reader's language.
    expect(reply.error.title).toEqual(["ideas:errors.titleShort"]);
    expect(reply.error.districtId).toEqual(["ideas:errors.districtNotInCycle"]);
    expect(inWords(reply.error.title[0])).toBe("Give your idea a title of at least 5 characters.");
    expect(inWords(reply.error.districtId[0])).toBe("Choose one of this cycle's districts.");
    expect(inWords(reply.error.districtId[0], "es")).toBe("Elija uno de los distritos de este ciclo.");
    expect(reply.initialValue.description).toBe(form.description);
    expect(await prisma.idea.count({ where: { cycleId: cycle.id } })).toBe(1);
  });

  it("refuses a form without a valid CSRF token", async () => {
    const browser = await browserFor(resident);
    const response = await settle(() => newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, form, { csrf: false }))));
    expect((response as Response).status).toBe(403);
  });

  it("sends a visitor to sign in instead of storing anything", async () => {
    const browser = await browserFor(null);
    const response = (await settle(() => newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, form))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/login?redirectTo=");
  });

  it("counts one support per resident however often they click", async () => {
    const idea = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const browser = await browserFor(resident);
    for (let i = 0; i < 3; i++) {
      await settle(() => ideaAction(args(browser.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id })));
    }
    expect(await prisma.ideaSupport.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("lets a resident take their support back while supports are given, and only their own", async () => {
    const idea = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const mine = await browserFor(await makeUser(["resident"]));
    const theirs = await browserFor(await makeUser(["resident"]));
    for (const who of [mine, theirs]) await settle(() => ideaAction(args(who.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id })));
    const before = await prisma.ideaSupport.count({ where: { ideaId: idea.id } });
    const taken = (await settle(() => ideaAction(args(mine.post(`/ideas/${idea.id}`, { intent: "unsupport" }), { id: idea.id })))) as Response;
    expect(taken.headers.get("Location")).toBe(`/ideas/${idea.id}?supported=withdrawn#support`);
    expect(await prisma.ideaSupport.count({ where: { ideaId: idea.id } })).toBe(before - 1);
    expect(await ideaLoader(args(mine.get(`/ideas/${idea.id}`), { id: idea.id }))).toMatchObject({ supported: false, canSupport: true });
    expect(await ideaLoader(args(theirs.get(`/ideas/${idea.id}`), { id: idea.id }))).toMatchObject({ supported: true });
    // Once supports are closed, what was counted stays.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "costing" } });
    const late = (await settle(() => ideaAction(args(theirs.post(`/ideas/${idea.id}`, { intent: "unsupport" }), { id: idea.id })))) as Response;
    expect(late.status).toBe(403);
    expect(await prisma.ideaSupport.count({ where: { ideaId: idea.id } })).toBe(before - 1);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "ideas" } });
  });

  it("a visitor who presses Support signs in and comes back to the button, told the support is not counted yet", async () => {
    const idea = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id } });
    const before = await prisma.ideaSupport.count({ where: { ideaId: idea.id } });
    const signedOut = await browserFor(null);
    const visitor = (await settle(() => ideaAction(args(signedOut.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id })))) as Response;
    const back = `/ideas/${idea.id}?pending=support#support`;
    expect(visitor.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(back)}`);
    expect(await prisma.ideaSupport.count({ where: { ideaId: idea.id } })).toBe(before);
    // Signed in (someone who has not supported it yet): the page says the support still takes a press.
    const neighbour = await browserFor(await makeUser(["resident"]));
    const page = async () => ideaLoader(args(neighbour.get(`/ideas/${idea.id}?pending=support`), { id: idea.id }));
    expect(await page()).toMatchObject({ supportPending: true, supported: false, canSupport: true });
    await settle(() => ideaAction(args(neighbour.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id })));
    expect(await page()).toMatchObject({ supportPending: false, supported: true });
  });

  it("lets only a delegate mark an idea as not taken forward, with a public reason", async () => {
    const idea = await prisma.idea.findFirstOrThrow({ where: { cycleId: cycle.id } });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "proposals" } });
    const asResident = await browserFor(resident);
    const refused = (await settle(() =>
      ideaAction(args(asResident.post(`/ideas/${idea.id}`, { intent: "not-taken-forward", reason: "Because I said so, really." }), { id: idea.id })),
    )) as Response;
    expect(refused.status).toBe(403);
    const delegate = await makeUser(["delegate"]);
    const asDelegate = await browserFor(delegate);
    const { reply: tooShort } = answerOf(await ideaAction(args(asDelegate.post(`/ideas/${idea.id}`, { intent: "not-taken-forward", reason: "no" }), { id: idea.id })));
    expect(inWords(tooShort.error.reason[0])).toMatch(/at least 10 characters/);
    await settle(() =>
      ideaAction(args(asDelegate.post(`/ideas/${idea.id}`, { intent: "not-taken-forward", reason: "Already funded by the Parks department this year." }), { id: idea.id })),
    );
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({
      status: "not_taken_forward",
      outcomeReason: "Already funded by the Parks department this year.",
    });
  });
});

describe("possible duplicates when submitting an idea", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "ideas");
  const form = { title: "Benches by the pond", description: "Four benches around the pond so older neighbours can rest.", districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, location: "" };

  it("shows similar ideas first, keeping what was typed, and saves only when the resident says theirs is different", async () => {
    const browser = await browserFor(resident);
    await newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, form)));
    const again = answerOf<{ similar: { number: number }[]; initialValue: Record<string, unknown> }>(
      await newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, { ...form, title: "New benches at the pond" }))),
    );
    expect(again.reply.similar.map((i) => i.number)).toEqual([1]);
    expect(again.reply.initialValue.title).toBe("New benches at the pond");
    expect(await prisma.idea.count({ where: { cycleId: cycle.id } })).toBe(1);
    const saved = await settle(() => newIdea(args(browser.post(`/ideas/new?cycle=${cycle.slug}`, { ...form, title: "New benches at the pond", confirmedNew: "yes" }))));
    expect((saved as Response).status).toBe(302);
    expect(await prisma.idea.count({ where: { cycleId: cycle.id } })).toBe(2);
  });
});

describe("an author changing their own idea", async () => {
  const admin = await makeUser(["admin"]);
  const author = await makeUser(["resident"]);
  const neighbour = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "ideas");
  const [north, south] = cycle.districts;
  const [parks] = cycle.categories;
  const idea = await prisma.idea.create({
    data: { cycleId: cycle.id, number: 1, authorId: author.id, districtId: north.id, categoryId: parks.id, title: "Benches by the pnod", description: "Four benches around the pond for older neighbours." },
  });
  await prisma.contentTranslation.create({ data: { targetType: "idea", targetId: idea.id, locale: "es", title: "Bancos junto al estanque", description: "Cuatro bancos alrededor del estanque." } });
  const url = `/ideas/${idea.id}/edit`;
  const fields = { title: "Benches by the pond", description: "Four benches around the pond, with backs, for older neighbours.", districtId: south.id, categoryId: parks.id, location: "Pond path" };

  it("lets the author fix it; the translation of the old text goes", async () => {
    const browser = await browserFor(author);
    const page = (await editLoader(args(browser.get(url), { id: idea.id }))) as { idea: { title: string } };
    expect(page.idea.title).toBe("Benches by the pnod");
    const bad = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(await editAction(args(browser.post(url, { ...fields, title: "Hi" }), { id: idea.id })));
    expect(bad.httpStatus).toBe(400);
    expect(inWords(bad.reply.error.title[0])).toMatch(/title/i);
    expect(bad.reply.initialValue.description).toBe(fields.description);
    const saved = (await settle(() => editAction(args(browser.post(url, fields), { id: idea.id })))) as Response;
    expect(saved.headers.get("Location")).toBe(`/ideas/${idea.id}?edited=1`);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ title: fields.title, districtId: south.id, location: "Pond path", status: "open" });
    expect(await prisma.contentTranslation.count({ where: { targetId: idea.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "idea.edit", targetId: idea.id, actorId: author.id } })).toBe(1);
  });

  it("refuses anyone else, and sends a visitor to sign in", async () => {
    const [neighbourBrowser, adminBrowser, visitorBrowser] = [await browserFor(neighbour), await browserFor(admin), await browserFor(null)];
    const neighbourTry = await settle(() => editAction(args(neighbourBrowser.post(url, { ...fields, title: "Benches, and a kiosk" }), { id: idea.id })));
    expect((neighbourTry as Response).status).toBe(403);
    const adminTry = await settle(() => editLoader(args(adminBrowser.get(url), { id: idea.id })));
    expect((adminTry as Response).status).toBe(403);
    const visitor = await settle(() => editLoader(args(visitorBrowser.get(url), { id: idea.id })));
    expect((visitor as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).title).toBe(fields.title);
  });

  it("stops once someone else supports it (they backed it as written), even mid-edit", async () => {
    const browser = await browserFor(author);
    // The author's own support does not count.
    await ideaAction(args(browser.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id }));
    expect((await editLoader(args(browser.get(url), { id: idea.id }))) as object).toHaveProperty("idea");
    // The page was open when a neighbour supported it: the change is refused, the typed text kept.
    await prisma.ideaSupport.create({ data: { ideaId: idea.id, userId: neighbour.id } });
    const late = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      await editAction(args(browser.post(url, { ...fields, title: "Benches and a fountain" }), { id: idea.id })),
    );
    expect(late.httpStatus).toBe(409);
    expect(decodeMessage(late.reply.error[""][0])?.key).toBe("ideas:edit.supportedMeanwhile");
    expect(late.reply.initialValue.title).toBe("Benches and a fountain");
    // Without JavaScript the page is loaded again after that answer: it must show it, not an error page.
    const reloaded = (await editLoader(args(browser.get(url), { id: idea.id }))) as { supportedByOthers: boolean };
    expect(reloaded.supportedByOthers).toBe(true);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).title).toBe(fields.title);
    const view = (await ideaLoader(args(browser.get(`/ideas/${idea.id}`), { id: idea.id }))) as { canEdit: boolean };
    expect(view.canEdit).toBe(false);
  });
});

describe("an author withdrawing their own idea", async () => {
  const admin = await makeUser(["admin"]);
  const author = await makeUser(["resident"]);
  const neighbour = await makeUser(["resident"]);
  const delegate = await makeUser(["delegate"]);
  const cycle = await makeCycle(admin, "ideas");
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const make = (number: number, title: string) =>
    prisma.idea.create({ data: { cycleId: cycle.id, number, authorId: author.id, districtId: north.id, categoryId: parks.id, title, description: "A description long enough to be an idea." } });
  const idea = await make(1, "Skate ramp by the library");
  const other = await make(2, "Benches by the library");
  await prisma.follow.create({ data: { userId: neighbour.id, targetType: "idea", targetId: idea.id, locale: "en" } });
  const withdraw = async (who: typeof author | null, id: string, reason = "") =>
    settle(async () => ideaAction(args((await browserFor(who)).post(`/ideas/${id}`, { intent: "withdraw", reason }), { id })));

  it("refuses to withdraw an idea others were merged into: they would be left merged into nothing", async () => {
    const carrier = await make(3, "Shade at the library steps");
    const merged = await make(4, "Trees by the library");
    await prisma.idea.update({ where: { id: merged.id }, data: { status: "merged", mergedIntoId: carrier.id } });
    const page = (await ideaLoader(args((await browserFor(author)).get(`/ideas/${carrier.id}`), { id: carrier.id }))) as { canWithdraw: boolean };
    expect(page.canWithdraw).toBe(false);
    expect(((await withdraw(author, carrier.id)) as Response).status).toBe(403);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: carrier.id } })).status).toBe("open");
  });

  it("refuses everyone but the author", async () => {
    expect(((await withdraw(neighbour, idea.id)) as Response).status).toBe(403);
    expect(((await withdraw(admin, idea.id)) as Response).status).toBe(403);
    expect(((await withdraw(null, idea.id)) as Response).headers.get("Location")).toMatch(/^\/login/);
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("open");
  });

  it("keeps a too-long reason on the form, then withdraws with the reason shown and followers told", async () => {
    const long = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      (await withdraw(author, idea.id, "x".repeat(501))) as Awaited<ReturnType<typeof ideaAction>>,
    );
    expect(long.httpStatus).toBe(400);
    expect(long.reply.initialValue.reason).toHaveLength(501);
    const done = (await withdraw(author, idea.id, "The library is building one next year.")) as Response;
    expect(done.headers.get("Location")).toBe(`/ideas/${idea.id}?withdrawn=1`);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "withdrawn", outcomeReason: "The library is building one next year." });
    const outcomes = (await outcomesLoader(args((await browserFor(null)).get(`/ideas/outcomes?cycle=${cycle.slug}`)))) as { ideas: { number: number; status: string; reason: string }[] };
    expect(outcomes.ideas.find((i) => i.number === 1)).toMatchObject({ status: "withdrawn", reason: "The library is building one next year." });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: neighbour.email } });
    expect(mail.subject).toBe("Idea #1 was withdrawn by its author");
    expect(mail.text).toContain("The library is building one next year.");
  });

  it("is then closed: no second withdrawal, no change, no decision, nothing merged into it", async () => {
    expect(((await withdraw(author, idea.id)) as Response).status).toBe(403);
    const page = (await ideaLoader(args((await browserFor(author)).get(`/ideas/${idea.id}`), { id: idea.id }))) as { canEdit: boolean; canWithdraw: boolean };
    expect([page.canEdit, page.canWithdraw]).toEqual([false, false]);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "proposals" } });
    const decided = await settle(async () => ideaAction(args((await browserFor(delegate)).post(`/ideas/${idea.id}`, { intent: "not-taken-forward", reason: "Not something we can fund this year." }), { id: idea.id })));
    expect((decided as Response).status).toBe(409);
    const merged = answerOf<{ error: Record<string, string[]> }>(await ideaAction(args((await browserFor(delegate)).post(`/ideas/${other.id}`, { intent: "merge", into: "1" }), { id: other.id })));
    expect(decodeMessage(merged.reply.error.into[0])?.key).toBe("ideas:merge.targetClosed");
    const neighbourBrowser = await browserFor(neighbour);
    const view = (await ideaLoader(args(neighbourBrowser.get(`/ideas/${idea.id}`), { id: idea.id }))) as { canSupport: boolean };
    expect(view.canSupport).toBe(false);
    const supported = await settle(() => ideaAction(args(neighbourBrowser.post(`/ideas/${idea.id}`, { intent: "support" }), { id: idea.id })));
    expect((supported as Response).status).toBe(403);
    expect(await prisma.ideaSupport.count({ where: { ideaId: idea.id } })).toBe(0);
  });
});

describe("merging an idea: asked first", async () => {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const cycle = await makeCycle(admin, "proposals");
  const [north, south] = cycle.districts;
  const [parks, streets] = cycle.categories;
  const idea = (number: number, districtId: string, categoryId: string, status = "open") =>
    prisma.idea.create({ data: { cycleId: cycle.id, number, districtId, categoryId, status, title: `Idea ${number}`, description: "A description long enough." } });
  const shade = await idea(1, north.id, parks.id);
  await idea(2, north.id, parks.id, "developed");
  await idea(3, south.id, streets.id);
  const ask = async (into: string) =>
    ((await ideaAction(args((await browserFor(delegate)).post(`/ideas/${shade.id}`, { intent: "merge", into }), { id: shade.id }))) as { mergeCheck: Record<string, unknown> }).mergeCheck;

  it("names the idea and says when it is already a proposal, or filed under another district or category; merges nothing", async () => {
    expect(await ask("2")).toMatchObject({ number: 2, title: "Idea 2", developed: true, otherPlace: false });
    expect(await ask("3")).toMatchObject({ number: 3, developed: false, otherPlace: true, district: { name: "South", writtenIn: "en" }, category: { name: "Streets", writtenIn: "en" } });
    expect((await prisma.idea.findUniqueOrThrow({ where: { id: shade.id } })).status).toBe("open");
  });
});
