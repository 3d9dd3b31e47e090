import "./fresh-db";
import "./upload-dir";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import type { Actor } from "~/domain/auth/roles";
import { todayIso } from "~/domain/fields";
import * as home from "~/routes/_index";
import * as photos from "~/routes/photos.$file";
import * as projectPage from "~/routes/projects.$id";
import * as projectList from "~/routes/projects._index";
import { answerOf, args, browserFor, fundedProject, makeCycle, makeUser, settle } from "./fixtures";

const jpeg = (width = 1200, height = 800) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();

describe("project implementation", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const parks = await makeUser(["staff"], "Parks Department");
  const transport = await makeUser(["staff"], "Transport Department");
  const resident = await makeUser(["resident"]);
  const { cycle, project } = await fundedProject(admin, parks.agencyId!);
  const url = `/projects/${project.id}`;
  const act = (request: Request) => settle(() => projectPage.action(args(request, { id: project.id })));
  const page = async (who: Actor | null) => (await projectPage.loader(args((await browserFor(who)).get(url), { id: project.id }))).project;

  it("refuses a photo post from someone who may change nothing here before reading its body", async () => {
    for (const who of [null, resident, transport]) {
      const form = new FormData();
      form.append("intent", "update");
      form.append("photo", new File([new Uint8Array(await jpeg(3000, 3000))], "big.jpg", { type: "image/jpeg" }));
      const request = (await browserFor(who)).postMultipart(url, form);
      const answer = (await act(request)) as Response;
      expect([302, 403]).toContain(answer.status); // a visitor is sent to sign in
      expect(request.bodyUsed).toBe(false);
    }
  });

  it("agency staff add a milestone, and mark it done: the actual date is set, and it is audited", async () => {
    const staff = await browserFor(parks);
    const added = (await act(staff.post(url, { intent: "milestone-add", title: "Site survey", plannedOn: "2020-01-15" }))) as Response;
    expect(added.status).toBe(302);
    let m = (await page(resident)).milestones.find((x) => x.title === "Site survey")!;
    expect(m).toMatchObject({ state: "late", actualOn: null });
    expect(m.daysLate).toBeGreaterThan(365);
    const done = (await act(staff.post(url, { intent: "milestone-done", milestoneId: m.id, actualOn: "2020-01-20" }))) as Response;
    expect(done.status).toBe(302);
    m = (await page(null)).milestones.find((x) => x.title === "Site survey")!;
    expect(m).toMatchObject({ state: "done", actualOn: "2020-01-20", daysLate: 5 });
    const audits = await prisma.auditLog.findMany({ where: { targetId: project.id }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["project.milestone.add", "project.milestone.done"]));
  });

  it("marks a milestone's title and a spending entry with the language they were typed in (a screen reader reads them in it)", async () => {
    const staff = await browserFor(parks);
    await act(staff.post(`${url}?lng=es`, { intent: "milestone-add", title: "Visita de los vecinos", plannedOn: "2030-05-01" }));
    await act(staff.post(`${url}?lng=es`, { intent: "spend-add", spentOn: "2026-05-02", amount: "120", description: "Carteles para la visita" }));
    const shown = await page(null);
    const visit = shown.milestones.find((m) => m.title === "Visita de los vecinos")!;
    expect(visit.writtenIn).toBe("es");
    expect(shown.spends.find((s) => s.description === "Carteles para la visita")?.writtenIn).toBe("es");
    // Its date moved from an English page: the title is still the Spanish one. Retyped there, it is English.
    await act(staff.post(url, { intent: "milestone-edit", milestoneId: visit.id, title: "Visita de los vecinos", plannedOn: "2030-06-01" }));
    expect((await page(null)).milestones.find((m) => m.id === visit.id)?.writtenIn).toBe("es");
    await act(staff.post(url, { intent: "milestone-edit", milestoneId: visit.id, title: "Neighbours' visit", plannedOn: "2030-06-01" }));
    expect((await page(null)).milestones.find((m) => m.id === visit.id)).toMatchObject({ title: "Neighbours' visit", writtenIn: "en" });
    await prisma.projectMilestone.delete({ where: { id: visit.id } });
    await prisma.projectSpend.deleteMany({ where: { description: "Carteles para la visita" } });
  });

  it("the project's agency translates a milestone's title: Spanish readers read it in Spanish; another agency may not; a new title drops it", async () => {
    const translate = await import("~/routes/translate.$type.$id");
    const staff = await browserFor(parks);
    await act(staff.post(url, { intent: "milestone-add", title: "Benches installed", plannedOn: "2030-07-01" }));
    const benches = (await page(null)).milestones.find((m) => m.title === "Benches installed")!;
    const to = `/translate/milestone/${benches.id}`;
    const save = (who: Awaited<ReturnType<typeof browserFor>>, title: string) =>
      settle(() => translate.action(args(who.post(to, { locale: "es", title, description: "" }), { type: "milestone", id: benches.id })));
    // Another agency's staff and a resident are refused; nothing is saved.
    for (const who of [transport, resident]) expect(((await save(await browserFor(who), "Bancas")) as Response).status).toBe(403);
    expect(((await save(staff, "Bancas instaladas")) as Response).status).toBe(302);
    const spanish = (await projectPage.loader(args(new Request(`http://test${url}?lng=es`), { id: project.id }))).project.milestones.find((m) => m.id === benches.id)!;
    // Translated for the timeline; the original stays what staff edit.
    expect(spanish).toMatchObject({ title: "Benches installed", translatedTitle: "Bancas instaladas" });
    expect((await page(null)).milestones.find((m) => m.id === benches.id)).toMatchObject({ translatedTitle: null });
    // Renamed: the translation was of the old title, so it goes.
    await act(staff.post(url, { intent: "milestone-edit", milestoneId: benches.id, title: "Benches and bins installed", plannedOn: "2030-07-01" }));
    expect(await prisma.contentTranslation.count({ where: { targetType: "milestone", targetId: benches.id } })).toBe(0);
    await prisma.projectMilestone.delete({ where: { id: benches.id } });
  });

  it("editing a milestone keeps bad input with the error next to the field", async () => {
    const staff = await browserFor(parks);
    const m = (await page(parks)).milestones[0];
    const { httpStatus, reply } = answerOf(await act(staff.post(url, { intent: "milestone-edit", milestoneId: m.id, title: "Site survey (north)", plannedOn: "next week" })));
    expect(httpStatus).toBe(400);
    expect(reply.error.plannedOn).toEqual(["projects:errors.plannedDate"]);
    expect(reply.initialValue).toMatchObject({ title: "Site survey (north)", plannedOn: "next week" });
    expect((await page(parks)).milestones[0].title).toBe("Site survey");
  });

  it("refuses a date done, spent or reported after today, and a day that does not exist, keeping the input", async () => {
    const staff = await browserFor(parks);
    const tomorrow = todayIso(new Date(Date.now() + 86_400_000));
    const m = (await page(parks)).milestones[0];
    const milestonesBefore = await prisma.projectMilestone.count({ where: { projectId: project.id } });
    const added = answerOf(await act(staff.post(url, { intent: "milestone-add", title: "Ribbon cutting", plannedOn: "2026-05-01", actualOn: "2031-01-01" })));
    expect(added.httpStatus).toBe(400);
    expect(added.reply.error.actualOn).toEqual(["projects:errors.actualFuture"]);
    expect(added.reply.initialValue).toMatchObject({ title: "Ribbon cutting", actualOn: "2031-01-01" });
    expect(await prisma.projectMilestone.count({ where: { projectId: project.id } })).toBe(milestonesBefore);
    const edited = answerOf(await act(staff.post(url, { intent: "milestone-edit", milestoneId: m.id, title: m.title, plannedOn: m.plannedOn, actualOn: tomorrow })));
    expect(edited.reply.error.actualOn).toEqual(["projects:errors.actualFuture"]);
    const done = answerOf(await act(staff.post(url, { intent: "milestone-done", milestoneId: m.id, actualOn: "2031-01-01" })));
    expect(done.httpStatus).toBe(400);
    expect((await prisma.projectMilestone.findUniqueOrThrow({ where: { id: m.id } })).actualOn).toBe(m.actualOn);

    const spent = answerOf(await act(staff.post(url, { intent: "spend-add", spentOn: "2030-01-01", amount: "100", description: "Benches" })));
    expect(spent.httpStatus).toBe(400);
    expect(spent.reply.error.spentOn).toEqual(["projects:errors.spentOnFuture"]);
    expect(spent.reply.initialValue).toMatchObject({ spentOn: "2030-01-01", amount: "100", description: "Benches" });
    const impossible = answerOf(await act(staff.post(url, { intent: "spend-add", spentOn: "2026-02-30", amount: "100", description: "Benches" })));
    expect(impossible.reply.error.spentOn).toEqual(["projects:errors.spentOn"]);
    expect(await prisma.projectSpend.count({ where: { projectId: project.id } })).toBe(0);

    const updatesBefore = await prisma.projectUpdate.count({ where: { projectId: project.id } });
    const note = "Surveyors walked the whole site today.";
    for (const [postedOn, error] of [["2026-02-30", "projects:errors.date"], [tomorrow, "projects:errors.dateFuture"]]) {
      const r = answerOf(await act(staff.post(url, { intent: "update", status: "in_progress", percentComplete: "5", postedOn, note })));
      expect(r.httpStatus, postedOn).toBe(400);
      expect(r.reply.error.postedOn, postedOn).toEqual([error]);
      expect(r.reply.initialValue).toMatchObject({ postedOn, note });
    }
    expect(await prisma.projectUpdate.count({ where: { projectId: project.id } })).toBe(updatesBefore);
  });

  it("too long a title, description or note is refused with a message of ours (translated), not zod's English", async () => {
    const staff = await browserFor(parks);
    const title = answerOf(await act(staff.post(url, { intent: "milestone-add", title: "x".repeat(201), plannedOn: "2027-01-01" })));
    expect(title.reply.error.title).toEqual(["projects:errors.milestoneTitleLong"]);
    const spend = answerOf(await act(staff.post(url, { intent: "spend-add", spentOn: "2026-05-01", amount: "100", description: "x".repeat(301) })));
    expect(spend.reply.error.description).toEqual(["projects:errors.spendDescriptionLong"]);
    const update = answerOf(await act(staff.post(url, { intent: "update", status: "in_progress", percentComplete: "5", postedOn: "2026-05-01", note: "x".repeat(2001) })));
    expect(update.reply.error.note).toEqual(["projects:errors.noteLong"]);
  });

  it("spending: totals, remaining, over budget; a bad amount is refused and kept", async () => {
    const staff = await browserFor(parks);
    const bad = answerOf(await act(staff.post(url, { intent: "spend-add", spentOn: "2026-05-01", amount: "lots", description: "Swings" })));
    expect(bad.httpStatus).toBe(400);
    expect(bad.reply.error.amount).toEqual(["projects:errors.amount"]);
    expect(bad.reply.initialValue).toMatchObject({ amount: "lots", description: "Swings" });
    await act(staff.post(url, { intent: "spend-add", spentOn: "2026-05-01", amount: "$6,000.50", description: "Swings and slide", reference: "INV-2026-041" }));
    let p = await page(null);
    expect(p.spend).toMatchObject({ spentCents: 6_000_50, remainingCents: 3_999_50, overBudget: false });
    expect(p.spends[0]).toMatchObject({ description: "Swings and slide", reference: "INV-2026-041", amountCents: 6_000_50 });
    await act(staff.post(url, { intent: "spend-add", spentOn: "2026-06-01", amount: "4500", description: "Safety surfacing" }));
    p = await page(null);
    expect(p.spend).toMatchObject({ spentCents: 10_500_50, overBudget: true, overByCents: 500_50 });
    // The project list says so too, not only the project's own page.
    const listed = (await projectList.loader(args(new Request(`http://test/projects?cycle=${cycle.slug}`)))).projects.find((x) => x.id === project.id);
    expect(listed?.spend).toMatchObject({ overBudget: true, overByCents: 500_50 });
  });

  it("a spending entry recorded by mistake is withdrawn with a public reason: still listed, no longer counted", async () => {
    const staff = await browserFor(parks);
    const wrong = (await page(parks)).spends.find((s) => s.description === "Safety surfacing")!;
    const noReason = answerOf(await act(staff.post(url, { intent: "spend-withdraw", spendId: wrong.id, reason: "oops" })));
    expect(noReason.httpStatus).toBe(400);
    expect(noReason.reply.error.reason).toEqual(["projects:errors.withdrawReason"]);
    expect(noReason.reply.initialValue).toMatchObject({ reason: "oops", spendId: wrong.id });
    const essay = answerOf(await act(staff.post(url, { intent: "spend-withdraw", spendId: wrong.id, reason: "x".repeat(301) })));
    expect(essay.httpStatus).toBe(400);
    expect(essay.reply.error.reason).toEqual(["projects:errors.withdrawReason"]);
    expect((await prisma.projectSpend.findUniqueOrThrow({ where: { id: wrong.id } })).withdrawnAt).toBeNull();

    const done = (await act(staff.post(url, { intent: "spend-withdraw", spendId: wrong.id, reason: "Invoice entered on the wrong project" }))) as Response;
    expect(done.headers.get("Location")).toBe(`${url}?withdrawn=1`);
    const p = await page(null);
    expect(p.spend).toMatchObject({ spentCents: 6_000_50, overBudget: false });
    expect(p.spends.find((s) => s.id === wrong.id)).toMatchObject({ amountCents: 4_500_00, withdrawnReason: "Invoice entered on the wrong project" });
    expect(await prisma.auditLog.count({ where: { targetId: project.id, action: "project.spend.withdraw" } })).toBe(1);

    // Once only, and only on its own project.
    const again = (await settle(() => projectPage.action(args(staff.post(url, { intent: "spend-withdraw", spendId: wrong.id, reason: "Withdrawn twice by mistake" }), { id: project.id })))) as Response;
    expect(again.status).toBe(404);
    expect(await again.text()).toBe("projects:errors.spendNotFound");
    const unknown = (await act(staff.post(url, { intent: "spend-withdraw", spendId: "no-such-entry", reason: "An entry that does not exist" }))) as Response;
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("projects:errors.spendNotFound");
    const kept = p.spends.find((s) => s.description === "Swings and slide")!;
    const d = cycle.districts[0];
    const proposal = await prisma.proposal.create({
      data: { number: 2, cycleId: cycle.id, districtId: d.id, categoryId: cycle.categories[0].id, agencyId: parks.agencyId, title: "Another park", description: "Benches.", status: "feasible" },
    });
    const other = await prisma.project.create({ data: { proposalId: proposal.id, cycleId: cycle.id, districtId: d.id, agencyId: parks.agencyId, title: "Another park", budgetCents: 1_000_00 } });
    const elsewhere = (await settle(() =>
      projectPage.action(args(staff.post(`/projects/${other.id}`, { intent: "spend-withdraw", spendId: kept.id, reason: "Not even this project's entry" }), { id: other.id })),
    )) as Response;
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toBe("projects:errors.spendNotFound");
    expect((await prisma.projectSpend.findUniqueOrThrow({ where: { id: kept.id } })).withdrawnAt).toBeNull();
    await prisma.project.delete({ where: { id: other.id } }); // the tests below count this cycle's projects
    await prisma.proposal.delete({ where: { id: proposal.id } });
  });

  it("agency staff drop a milestone with a public reason: it stays on the timeline, no longer late, and can no longer be changed", async () => {
    const staff = await browserFor(parks);
    await act(staff.post(url, { intent: "milestone-add", title: "Water feature", plannedOn: "2021-03-01" }));
    const m = (await page(null)).milestones.find((x) => x.title === "Water feature")!;
    expect(m.state).toBe("late");
    // A reason is required, and a refused one is kept.
    const { httpStatus, reply } = answerOf(await act(staff.post(url, { intent: "milestone-drop", milestoneId: m.id, reason: "no" })));
    expect(httpStatus).toBe(400);
    expect(reply.error.reason).toEqual(["projects:errors.dropReason"]);
    expect(reply.initialValue).toMatchObject({ reason: "no", milestoneId: m.id });
    const dropped = (await act(staff.post(url, { intent: "milestone-drop", milestoneId: m.id, reason: "The fountain was left out of the contract." }))) as Response;
    expect(dropped.headers.get("Location")).toBe(`${url}?dropped=1`);
    const shown = (await page(null)).milestones.find((x) => x.id === m.id)!;
    expect(shown).toMatchObject({ state: "dropped", daysLate: 0, dropped: { on: todayIso(), reason: "The fountain was left out of the contract." } });
    // Not counted late in the list either.
    const listed = (await projectList.loader(args(new Request(`http://test/projects?cycle=${cycle.slug}`)))).projects[0];
    expect(listed.lateMilestones).toBe((await page(null)).milestones.filter((x) => x.state === "late").length);
    // Dropped is final: no edit, no "done", no second drop.
    const forms: Record<string, string>[] = [
      { intent: "milestone-edit", milestoneId: m.id, title: "Water feature", plannedOn: "2027-01-01" },
      { intent: "milestone-done", milestoneId: m.id, actualOn: todayIso() },
      { intent: "milestone-drop", milestoneId: m.id, reason: "Dropped twice by mistake" },
    ];
    for (const form of forms) {
      expect(((await act(staff.post(url, form))) as Response).status, form.intent).toBe(404);
    }
    const stored = await prisma.projectMilestone.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored).toMatchObject({ title: "Water feature", plannedOn: "2021-03-01", actualOn: null, droppedReason: "The fountain was left out of the contract." });
    // A milestone done happened: it cannot be dropped (its date done and lateness stay on the record).
    const done = (await page(null)).milestones.find((x) => x.state === "done")!;
    expect(((await act(staff.post(url, { intent: "milestone-drop", milestoneId: done.id, reason: "Tidying up the timeline" }))) as Response).status).toBe(404);
    expect((await prisma.projectMilestone.findUniqueOrThrow({ where: { id: done.id } })).droppedAt).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "project.milestone.drop", targetId: project.id } })).toBe(1);
  });

  it("refuses other agencies' staff, residents and visitors for every change, and changes nothing", async () => {
    const before = await prisma.projectMilestone.count({ where: { projectId: project.id } });
    const spendsBefore = await prisma.projectSpend.count({ where: { projectId: project.id } });
    const m = (await page(null)).milestones[0];
    const spendId = (await page(null)).spends.find((s) => !s.withdrawnOn)!.id;
    const forms: Record<string, string>[] = [
      { intent: "milestone-add", title: "Sneaky milestone", plannedOn: "2027-01-01" },
      { intent: "milestone-edit", milestoneId: m.id, title: "Renamed", plannedOn: "2027-01-01" },
      { intent: "milestone-done", milestoneId: m.id, actualOn: "2027-01-01" },
      { intent: "milestone-drop", milestoneId: m.id, reason: "Dropped by someone else" },
      { intent: "spend-add", spentOn: "2026-05-01", amount: "100", description: "Not ours" },
      { intent: "spend-withdraw", spendId: spendId, reason: "Withdrawn by someone else" },
      { intent: "update", status: "completed", percentComplete: "100", postedOn: "2026-05-01", note: "Finished, says someone else." },
    ];
    for (const form of forms) {
      for (const who of [transport, resident]) {
        const r = (await act((await browserFor(who)).post(url, form))) as Response;
        expect(r.status, `${form.intent} by ${who.name}`).toBe(403);
      }
      const visitor = (await act((await browserFor(null)).post(url, form))) as Response;
      expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    }
    expect(await prisma.projectMilestone.count({ where: { projectId: project.id } })).toBe(before);
    expect(await prisma.projectSpend.count({ where: { projectId: project.id } })).toBe(spendsBefore);
    expect((await prisma.projectSpend.findUniqueOrThrow({ where: { id: spendId } })).withdrawnAt).toBeNull();
    expect(await prisma.projectMilestone.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ title: "Site survey", droppedAt: null });
    expect((await page(null)).status).toBe("planned");
  });

  it("an update with a photo: stored re-encoded with a preview, served with safe headers, alt text on the page", async () => {
    const staff = await browserFor(parks);
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "update", status: "in_progress", percentComplete: "40", postedOn: "2026-06-02", note: "The swings are in; surfacing next week.", photoAlt: "Two new swings on green posts" })) form.append(k, v);
    form.append("photo", new File([new Uint8Array(await jpeg(2400, 1600))], "swings.jpg", { type: "image/jpeg" }));
    const r = (await act(staff.postMultipart(url, form))) as Response;
    expect(r.status).toBe(302);
    const u = (await page(resident)).updates.find((x) => x.photo)!;
    expect(u.photoAlt).toBe("Two new swings on green posts");
    const full = (await photos.loader(args(new Request(`http://test/photos/${u.photo}.jpg`), { file: `${u.photo}.jpg` }))) as Response;
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Type")).toBe("image/jpeg");
    expect(full.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(full.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width).toBe(1600);
    const preview = (await photos.loader(args(new Request("http://test/x"), { file: `${u.photo}-preview.webp` }))) as Response;
    expect(preview.headers.get("Content-Type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await preview.arrayBuffer())).metadata()).width).toBe(640);
    for (const file of ["../../etc/passwd", "nope.jpg", `${u.photo}.png`]) {
      expect(((await photos.loader(args(new Request("http://test/x"), { file }))) as Response).status).toBe(404);
    }

    // The photo shows a bystander: only the project's agency or the PB office can take the update down, with a reason.
    const takeDown = (reason: string) => ({ intent: "update-take-down", updateId: u.id, reason });
    for (const who of [resident, transport]) expect(((await act((await browserFor(who)).post(url, takeDown("Not yours to remove")))) as Response).status).toBe(403);
    const noReason = answerOf(await act(staff.post(url, takeDown(""))));
    expect(noReason.httpStatus).toBe(400);
    expect(noReason.reply.error.reason).toEqual(["projects:errors.takeDownReason"]);
    expect(((await act(staff.post(url, takeDown("A neighbour is recognisable in the photo.")))) as Response).headers.get("Location")).toBe(`${url}?takenDown=1`);
    const shown = (await page(null)).updates.find((x) => x.id === u.id)!;
    expect(shown).toMatchObject({ note: "", photo: null, takenDown: { reason: "A neighbour is recognisable in the photo." } });
    expect(((await photos.loader(args(new Request("http://test/x"), { file: `${u.photo}.jpg` }))) as Response).status).toBe(404);
    expect(((await photos.loader(args(new Request("http://test/x"), { file: `${u.photo}-preview.webp` }))) as Response).status).toBe(404);
    // The status is that of the latest update still shown (none here: where the project started).
    const latest = await prisma.projectUpdate.findFirst({ where: { projectId: project.id, hiddenAt: null }, orderBy: { postedOn: "desc" } });
    expect(await page(null)).toMatchObject({ status: latest?.status ?? "planned", percentComplete: latest?.percentComplete ?? 0 });
    expect(((await act(staff.post(url, takeDown("Twice is once too many.")))) as Response).status).toBe(404);
    // Staff post the news again, without the photo (the tests below expect the project in progress).
    await act(staff.post(url, { intent: "update", status: "in_progress", percentComplete: "40", postedOn: "2026-06-02", note: "The swings are in; surfacing next week." }));
    expect((await page(null)).status).toBe("in_progress");
  });

  it("only an update's photo can be taken down: the note and the status stay; the form says beforehand what taking the whole update down would show", async () => {
    const staff = await browserFor(parks);
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "update", status: "in_progress", percentComplete: "45", postedOn: "2026-06-03", note: "Surfacing has started.", photoAlt: "Workers raking bark under the swings" })) form.append(k, v);
    form.append("photo", new File([new Uint8Array(await jpeg(800, 600))], "bark.jpg", { type: "image/jpeg" }));
    expect(((await act(staff.postMultipart(url, form))) as Response).status).toBe(302);
    const u = (await page(null)).updates.find((x) => x.note === "Surfacing has started.")!;
    // The newest update: taking it all down would put the project back to the news before it.
    expect(u.statusWithout).toEqual({ status: "in_progress", percentComplete: 40 });
    const older = (await page(null)).updates.find((x) => x.note === "The swings are in; surfacing next week.")!;
    expect(older.statusWithout).toBeNull(); // an older update: taking it down leaves the project as it shows

    const photoOnly = { intent: "update-take-down", updateId: u.id, what: "photo", reason: "A worker's face is recognisable." };
    expect(((await act((await browserFor(transport)).post(url, photoOnly))) as Response).status).toBe(403);
    expect(((await act(staff.post(url, photoOnly))) as Response).headers.get("Location")).toBe(`${url}?photoTakenDown=1`);
    const shown = (await page(null)).updates.find((x) => x.id === u.id)!;
    expect(shown).toMatchObject({ note: "Surfacing has started.", photo: null, photoAlt: null, takenDown: null, photoTakenDown: { reason: "A worker's face is recognisable." } });
    expect(await page(null)).toMatchObject({ status: "in_progress", percentComplete: 45 });
    expect(((await photos.loader(args(new Request("http://test/x"), { file: `${u.photo}.jpg` }))) as Response).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "project.update.photo-take-down", targetId: project.id } })).toBe(1);
    // No photo left to take down; the update itself still can be.
    expect(((await act(staff.post(url, photoOnly))) as Response).status).toBe(404);
    expect(answerOf(await act(staff.post(url, { ...photoOnly, what: "everything" }))).httpStatus).toBe(400);
    expect(((await act(staff.post(url, { ...photoOnly, what: "update" }))) as Response).headers.get("Location")).toBe(`${url}?takenDown=1`);
    expect(await page(null)).toMatchObject({ status: "in_progress", percentComplete: 40 });
  });

  it("refuses a file that is not an image (whatever its name), a photo without alt text, and one over 5 MB, keeping the text", async () => {
    const staff = await browserFor(parks);
    const base = { intent: "update", status: "in_progress", percentComplete: "50", postedOn: "2026-06-09", note: "Surfacing is being laid this week." };
    const send = async (file: File, alt: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...base, photoAlt: alt })) form.append(k, v);
      form.append("photo", file);
      return answerOf(await act(staff.postMultipart(url, form)));
    };
    const updatesBefore = await prisma.projectUpdate.count({ where: { projectId: project.id } });
    const html = await send(new File(["<html><script>alert(1)</script></html>"], "photo.jpg", { type: "image/jpeg" }), "A photo of the site");
    expect(html.httpStatus).toBe(400);
    expect(html.reply.error.photo).toEqual(["projects:errors.photoType"]);
    expect(html.reply.initialValue).toMatchObject({ note: base.note, photoAlt: "A photo of the site" });
    expect(html.reply.initialValue).not.toHaveProperty("photo");
    const noAlt = await send(new File([new Uint8Array(await jpeg(100, 100))], "site.jpg", { type: "image/jpeg" }), "");
    expect(noAlt.reply.error.photoAlt).toEqual(["projects:errors.altRequired"]);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooLarge = await send(new File([big], "huge.jpg", { type: "image/jpeg" }), "A very large photo");
    expect(tooLarge.reply.error.photo).toEqual(['projects:errors.photoTooLarge|{"max":5}']);
    const broken = await send(new File([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "broken.jpg"), "A broken photo file");
    expect(broken.reply.error.photo).toEqual(["projects:errors.photoType"]);
    expect(await prisma.projectUpdate.count({ where: { projectId: project.id } })).toBe(updatesBefore);
  });

  it("the project list filters by district, cycle and status", async () => {
    const list = async (q: string) => (await projectList.loader(args(new Request(`http://test/projects${q}`)))).projects.map((p) => p.title);
    expect(await list(`?cycle=${cycle.slug}&district=North`)).toEqual(["Riverside playground"]);
    expect(await list(`?cycle=${cycle.slug}&district=South`)).toEqual([]);
    expect(await list(`?cycle=${cycle.slug}&status=in_progress`)).toEqual(["Riverside playground"]);
    expect(await list(`?cycle=${cycle.slug}&status=completed`)).toEqual([]);
  });

  it("a Spanish reader gets the project in Spanish where the PB office translated it: title, description, cycle, district, agency", async () => {
    const north = cycle.districts.find((d) => d.name === "North")!;
    const proposal = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { proposalId: true } });
    await prisma.contentTranslation.createMany({
      data: [
        { targetType: "proposal", targetId: proposal.proposalId, locale: "es", title: "Parque infantil junto al río", description: "Un nuevo parque infantil junto al río." },
        { targetType: "district", targetId: north.id, locale: "es", title: "Norte", description: "" },
        { targetType: "cycle", targetId: cycle.id, locale: "es", title: "Presupuesto de prueba", description: "" },
        { targetType: "agency", targetId: parks.agencyId!, locale: "es", title: "Departamento de Parques", description: "" },
      ],
    });
    const spanish = (q = "") => new Request(`http://test/projects${q}${q ? "&" : "?"}lng=es`);
    const list = await projectList.loader(args(spanish(`?cycle=${cycle.slug}`)));
    expect(list.projects).toEqual([expect.objectContaining({ title: "Parque infantil junto al río", district: { name: "Norte", writtenIn: null }, cycle: { name: "Presupuesto de prueba", writtenIn: null }, agency: { name: "Departamento de Parques", writtenIn: null } })]);
    // The district filter reads "Norte" and still finds the project (its value is the name as written).
    expect(list.districts).toContainEqual({ value: "North", label: "Norte", lang: null });
    expect((await projectList.loader(args(spanish(`?cycle=${cycle.slug}&district=North`)))).projects).toHaveLength(1);
    const detail = (await projectPage.loader(args(new Request(`http://test${url}?lng=es`), { id: project.id }))).project;
    expect(detail).toMatchObject({ title: "Parque infantil junto al río", district: { name: "Norte", writtenIn: null }, cycle: { name: "Presupuesto de prueba", writtenIn: null }, agency: { name: "Departamento de Parques", writtenIn: null }, translation: { description: "Un nuevo parque infantil junto al río." } });
    // The original stays one click away.
    expect(detail.original).toEqual({ title: "Riverside playground", description: "A new playground by the river.", writtenIn: "en" });
    expect(detail.writtenIn).toBeNull(); // shown translated: in the page's language
    // In English, and for a project renamed after the vote (the translation is of another title), the title as written.
    expect(await page(null)).toMatchObject({ title: "Riverside playground", agency: { name: "Parks Department", writtenIn: "en" } });
    await prisma.project.update({ where: { id: project.id }, data: { title: "Riverside playground and fitness corner" } });
    const renamed = (await projectPage.loader(args(new Request(`http://test${url}?lng=es`), { id: project.id }))).project;
    // Not marked as written in the proposal's language: staff may have renamed it in any.
    expect(renamed).toMatchObject({ title: "Riverside playground and fitness corner", district: { name: "Norte", writtenIn: null }, translation: null, writtenIn: null });
    await prisma.project.update({ where: { id: project.id }, data: { title: "Riverside playground" } });
    await prisma.contentTranslation.deleteMany({ where: { locale: "es", targetId: { in: [proposal.proposalId, north.id, cycle.id, parks.agencyId!] } } });
  });

  it("report-back: once a new cycle opens, the home page starts with how the last cycle's projects are doing", async () => {
    // The last cycle now has: the playground (a late milestone → delayed) and a cancelled project with its reason.
    const staff = await browserFor(parks);
    await act(staff.post(url, { intent: "milestone-add", title: "Opening day", plannedOn: "2021-01-01" }));
    const second = await prisma.proposal.create({
      data: { number: 2, cycleId: cycle.id, districtId: cycle.districts[1].id, categoryId: cycle.categories[0].id, agencyId: parks.agencyId, title: "South pond boardwalk", description: "A boardwalk.", status: "feasible" },
    });
    const cancelled = await prisma.project.create({ data: { proposalId: second.id, cycleId: cycle.id, districtId: cycle.districts[1].id, agencyId: parks.agencyId, title: "South pond boardwalk", budgetCents: 5_000_00 } });
    await settle(() =>
      projectPage.action(args(staff.post(`/projects/${cancelled.id}`, { intent: "update", status: "cancelled", percentComplete: "0", postedOn: "2026-06-10", note: "The pond is protected wetland; the boardwalk cannot be built." }), { id: cancelled.id })),
    );
    const before = await home.loader(args((await browserFor(null)).get("/")));
    expect(before.report?.cycle.slug).not.toBe(cycle.slug); // no newer cycle is open yet
    await makeCycle(admin, "ideas");
    const { report } = await home.loader(args((await browserFor(null)).get("/")));
    expect(report?.cycle.slug).toBe(cycle.slug);
    expect(report?.counts).toEqual({ done: 0, on_track: 0, delayed: 1, cancelled: 1 });
    expect(report?.cancelled).toEqual([{ id: cancelled.id, title: "South pond boardwalk", writtenIn: "en", reason: "The pond is protected wetland; the boardwalk cannot be built." }]);
    // A Spanish reader gets the titles and the reason in Spanish where they were translated.
    const cancelNote = await prisma.projectUpdate.findFirstOrThrow({ where: { projectId: cancelled.id, status: "cancelled" }, select: { id: true } });
    const playground = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { proposalId: true } });
    await prisma.contentTranslation.createMany({
      data: [
        { targetType: "proposal", targetId: playground.proposalId, locale: "es", title: "Parque infantil junto al río", description: "" },
        { targetType: "proposal", targetId: second.id, locale: "es", title: "Pasarela del estanque sur", description: "" },
        { targetType: "update", targetId: cancelNote.id, locale: "es", title: "", description: "El estanque es un humedal protegido." },
      ],
    });
    const spanish = (await home.loader(args((await browserFor(null)).get("/?lng=es")))).report;
    expect(spanish?.cancelled).toEqual([{ id: cancelled.id, title: "Pasarela del estanque sur", writtenIn: null, reason: "El estanque es un humedal protegido." }]);
    expect(spanish?.delayed).toEqual([{ id: project.id, title: "Parque infantil junto al río", writtenIn: null }]);
    await prisma.contentTranslation.deleteMany({ where: { locale: "es", targetId: { in: [playground.proposalId, second.id, cancelNote.id] } } });
    // Its links list the same projects: the playground is "in progress" but delayed by its late milestone.
    const listed = async (health: string) =>
      (await projectList.loader(args(new Request(`http://test/projects?cycle=${cycle.slug}&health=${health}`)))).projects.map((p) => p.title);
    expect(await listed("delayed")).toEqual(["Riverside playground"]);
    expect(await listed("cancelled")).toEqual(["South pond boardwalk"]);
    expect(await listed("on_track")).toEqual([]);

    // A later cycle whose projects were only just made does not push this report off the home page; once they have news, it does.
    const later = await makeCycle(admin, "implementation");
    const laterProposal = await prisma.proposal.create({
      data: { number: 1, cycleId: later.id, districtId: later.districts[0].id, categoryId: later.categories[0].id, agencyId: parks.agencyId, title: "Reading garden", description: "Benches.", status: "feasible" },
    });
    const fresh = await prisma.project.create({ data: { proposalId: laterProposal.id, cycleId: later.id, districtId: later.districts[0].id, agencyId: parks.agencyId, title: "Reading garden", budgetCents: 9_000_00 } });
    await makeCycle(admin, "ideas");
    expect((await home.loader(args((await browserFor(null)).get("/")))).report?.cycle.slug).toBe(cycle.slug);
    await prisma.projectSpend.create({ data: { projectId: fresh.id, spentOn: "2026-06-01", amountCents: 1_000_00, description: "Benches ordered" } });
    expect((await home.loader(args((await browserFor(null)).get("/")))).report?.cycle.slug).toBe(later.slug);
  });
});
