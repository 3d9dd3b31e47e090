import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { decodeMessage } from "~/i18n/message";
import { handBackProposal, saveCriteria } from "~/db/costing.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import * as assignPage from "~/routes/costing.$id_.assign";
import * as handBackPage from "~/routes/costing.$id_.hand-back";
import * as costingItem from "~/routes/costing.$id";
import * as costingIndex from "~/routes/costing._index";
import * as criteriaPage from "~/routes/admin.cycles.$slug_.criteria";
import * as proposalPage from "~/routes/proposals.$id";
import { answerOf, args, browserFor, makeCycle, makeUser, settle } from "./fixtures";
import { inWords } from "../english";
import { latestOf } from "~/components/forms";

describe("costing: assignment, versions, checklist, dashboard", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const delegate = await makeUser(["delegate", "resident"]);
  const resident = await makeUser(["resident"]);
  const staffA = await makeUser(["staff"], "Costing Agency A");
  const leadA = await makeUser(["staff"], "Costing Agency A", { lead: true });
  const leadB = await makeUser(["staff"], "Costing Agency B", { lead: true });
  const cycle = await makeCycle(admin, "costing", [100_000_00, 50_000_00]);
  const north = cycle.districts[0];
  const idea = await createIdea(cycle.id, { title: "Trees please", description: "Shade trees along the river path.", districtId: north.id, categoryId: cycle.categories[0].id, location: "" }, resident);
  const proposalIn = async (agencyId: string) => {
    const r = await createProposal(cycle.id, { title: "River path trees", description: "Forty shade trees along the river path, with watering.", districtId: north.id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
    if (!r.ok) throw new Error(r.error);
    await sendForCosting(r.proposal.id, agencyId, delegate);
    return r.proposal.id;
  };
  const criteria = await prisma.eligibilityCriterion.findMany({ where: { cycleId: cycle.id }, orderBy: { position: "asc" } });
  const manual = criteria.filter((c) => c.kind === "manual");

  it("a new cycle starts with the default criteria, the budget one computed", () => {
    expect(criteria.map((c) => [c.label, c.kind])).toEqual([
      ["On public land", "manual"],
      ["Within the agency's remit", "manual"],
      ["Useful life of at least 5 years", "manual"],
      ["Cost within the district budget", "district_budget"],
    ]);
  });

  it("shows the costing staff the delegates' questions where they cost the proposal, and counts them on the dashboard", async () => {
    const id = await proposalIn(staffA.agencyId!);
    await prisma.comment.create({ data: { targetType: "proposal", targetId: id, channel: "costing", body: "Could you cost 30 trees as well as 40?", authorId: delegate.id } });
    const page = (await costingItem.loader(args((await browserFor(staffA)).get(`/costing/${id}`), { id }))) as { questions: { comments: { body: string }[] } | null };
    expect(page.questions?.comments.map((c) => c.body)).toEqual(["Could you cost 30 trees as well as 40?"]);
    const dashboard = (await costingIndex.loader(args((await browserFor(staffA)).get("/costing")))).data;
    expect(dashboard.groups.flatMap((g) => g.rows).find((r) => r.id === id)?.questions).toBe(1);
  });

  it("staff hand a proposal that is not their agency's work back to the PB office, with a reason the delegates read; others may not", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const browsers = new Map<string, Awaited<ReturnType<typeof browserFor>>>();
    const handBack = async (who: Awaited<ReturnType<typeof makeUser>>, reason: string) => {
      if (!browsers.has(who.id)) browsers.set(who.id, await browserFor(who));
      return settle(() => handBackPage.action(args(browsers.get(who.id)!.post(`/costing/${id}/hand-back`, { reason }), { id })));
    };
    for (const who of [leadB, delegate, resident]) expect(((await handBack(who, "Not ours at all, sorry.")) as Response).status).toBe(403);
    // Too short a reason: refused by the field, kept.
    const short = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(await handBack(staffA, "No."));
    expect(short.httpStatus).toBe(400);
    expect(short.reply.error.reason.map((e) => decodeMessage(e)?.key)).toEqual(["costing:handBack.errors.reason"]);
    expect(short.reply.initialValue).toMatchObject({ reason: "No." });
    // Any staff of the agency, not only its lead.
    const sent = (await handBack(staffA, "Street trees are planted by Public Works, not by us.")) as Response;
    // Back on the queue, told once what was done (from the session, not the address).
    expect(sent.headers.get("Location")).toBe("/costing");
    const staffBrowser = browsers.get(staffA.id)!;
    staffBrowser.remember(sent);
    expect((await costingIndex.loader(args(staffBrowser.get("/costing")))).data.done).toEqual({ handedBack: expect.any(String), title: expect.any(String) });
    // A notice cannot be made up in the address.
    expect((await costingIndex.loader(args((await browserFor(staffA)).get("/costing?handedBack=1&title=Pay%20the%20bearer")))).data.done).toEqual({});
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).agencyId).toBeNull();
    expect((await prisma.comment.findFirstOrThrow({ where: { targetId: id, channel: "costing" } })).body).toBe("Street trees are planted by Public Works, not by us.");
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.hand-back", targetId: id } })).actorId).toBe(staffA.id);
    // Gone from the agency's queue; the PB office sees it waiting, to assign.
    const queue = async (who: Awaited<ReturnType<typeof makeUser>>) =>
      (await costingIndex.loader(args((await browserFor(who)).get("/costing")))).data.groups.flatMap((g) => g.rows);
    expect((await queue(staffA)).some((r) => r.id === id)).toBe(false);
    expect((await queue(admin)).find((r) => r.id === id)?.canAssign).toBe(true);
    expect(((await handBack(staffA, "Street trees are planted by Public Works.")) as Response).status).toBe(403);
    // Moved meanwhile (the page was opened before): nothing handed back, nothing posted.
    const moved = await proposalIn(staffA.agencyId!);
    await prisma.proposal.update({ where: { id: moved }, data: { agencyId: leadB.agencyId } });
    expect(await handBackProposal(moved, "Not ours, we think.", staffA, "en")).toBeNull();
    expect(await prisma.comment.count({ where: { targetId: moved } })).toBe(0);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: moved } })).agencyId).toBe(leadB.agencyId);
  });

  it("assigning: admin yes, lead of the agency yes; staff, lead of another agency, delegate and resident no", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const post = async (who: typeof admin, agencyId: string) => {
      const browser = await browserFor(who);
      return settle(() => assignPage.action(args(browser.post(`/costing/${id}/assign`, { agencyId }), { id })));
    };
    for (const who of [staffA, leadB, delegate, resident]) {
      const refused = await post(who, leadB.agencyId!);
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(403);
      expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).agencyId).toBe(staffA.agencyId);
    }
    // The lead of A sends it on to B (not their work)…
    const moved = (await post(leadA, leadB.agencyId!)) as Response;
    expect(moved.status).toBe(302);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).agencyId).toBe(leadB.agencyId);
    // …and can no longer move it: it is in B's queue now.
    expect(((await post(leadA, leadA.agencyId!)) as Response).status).toBe(403);
    // The PB office can move anything waiting for costing.
    expect(((await post(admin, staffA.agencyId!)) as Response).status).toBe(302);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).agencyId).toBe(staffA.agencyId);
    // An agency that does not exist is refused next to the field.
    const bad = answerOf(await post(admin, "no-such-agency"));
    expect(bad.reply.error.agencyId).toEqual(["proposals:errors.agencyNotListed"]);
    // The agency it is already with: nothing to move, and said so rather than "assigned".
    const same = answerOf(await post(admin, staffA.agencyId!));
    expect(same.httpStatus).toBe(400);
    expect(same.reply.error.agencyId.map((m) => decodeMessage(m)?.key)).toEqual(["costing:assign.sameAgency"]);
    const audits = await prisma.auditLog.findMany({ where: { action: "proposal.assign-agency", targetId: id } });
    expect(audits).toHaveLength(2);
  });

  const form = (overrides: Record<string, string> = {}) => ({
    "items[0].description": "Shade tree, planted",
    "items[0].quantity": "40",
    "items[0].unitCost": "333",
    "items[1].description": "Watering for a year",
    "items[1].quantity": "1",
    "items[1].unitCost": "1,200",
    "items[1].recurring": "on",
    contingencyPercent: "15",
    ...Object.fromEntries(manual.flatMap((c, i) => [[`checks[${i}].criterionId`, c.id], [`checks[${i}].outcome`, "met"], [`checks[${i}].note`, ""]])),
    verdict: "feasible",
    publicReason: "The river path is city land and planting trees is our everyday work.",
    ...overrides,
  });

  it("each save is a new version with computed totals and the checklist; bad input is refused and kept", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const browser = await browserFor(staffA);
    const save = (fields: Record<string, string>) => settle(() => costingItem.action(args(browser.post(`/costing/${id}`, fields), { id })));

    // A criterion not met without a note, and still "feasible": refused, nothing saved, typed input kept.
    const refused = answerOf(await save(form({ "checks[0].outcome": "not_met", contingencyPercent: "80" })));
    expect(refused.reply.status).toBe("error");
    expect(refused.reply.error["checks[0].note"]).toEqual(["costing:errors.checkNoteMissing"]);
    expect(refused.reply.error.verdict).toEqual(["costing:errors.feasibleButFails"]);
    expect(refused.reply.error.contingencyPercent).toEqual(["costing:errors.contingency|{\"max\":50}"]);
    expect(refused.reply.initialValue).toMatchObject({ contingencyPercent: "80", checks: [{ outcome: "not_met" }, {}, {}] });
    // A criterion left unanswered is refused too.
    const unanswered = answerOf(await save(form({ "checks[2].outcome": "" })));
    expect(unanswered.reply.error["checks[2].outcome"]).toEqual(["costing:errors.checkOutcomeMissing"]);
    expect(await prisma.costEstimate.count({ where: { proposalId: id } })).toBe(0);

    // Version 1: 40 × $333 = $13,320 one-off; 15% contingency = $1,998; total $15,318; $1,200 a year.
    expect(((await save(form())) as Response).status).toBe(302);
    // Version 2: not feasible, one criterion not met with a note.
    expect(((await save(form({ "items[0].quantity": "41", "checks[0].outcome": "not_met", "checks[0].note": "The east bank is private.", verdict: "not_feasible", publicReason: "Half of the path runs along private land; we can only plant on the west bank." }))) as Response).status).toBe(302);

    const versions = await prisma.costEstimate.findMany({ where: { proposalId: id }, orderBy: { version: "asc" }, include: { checks: { orderBy: { position: "asc" } }, lineItems: true } });
    expect(versions.map((v) => [v.version, v.oneOffCents, v.contingencyCents, v.totalCents, v.recurringCents, v.feasible])).toEqual([
      [1, 13_320_00, 1_998_00, 15_318_00, 1_200_00, true],
      [2, 13_653_00, 2_047_95, 15_700_95, 1_200_00, false],
    ]);
    expect(versions[1].checks.map((c) => [c.label, c.outcome, c.note])).toEqual([
      ["On public land", "not_met", "The east bank is private."],
      ["Within the agency's remit", "met", ""],
      ["Useful life of at least 5 years", "met", ""],
      ["Cost within the district budget", "met", ""],
    ]);
    expect(versions[1].lineItems.find((l) => l.recurring)?.description).toBe("Watering for a year");

    // The public page shows the latest with its checklist and the history (who, when, total, verdict).
    const page = await proposalPage.loader(args(new Request(`http://test/proposals/${id}`), { id }));
    expect(page.estimate).toMatchObject({ version: 2, totalCents: 15_700_95, recurringCents: 1_200_00, contingencyPercent: 15, feasible: false });
    expect(page.estimate?.checks[0]).toEqual({ label: "On public land", outcome: "not_met", note: "The east bank is private.", kind: "manual" });
    // The app's own criteria read in the reader's language (the staff's note stays as written).
    const spanish = await proposalPage.loader(args(new Request(`http://test/proposals/${id}?lng=es`), { id }));
    expect(spanish.estimate?.checks.map((c) => c.label)).toEqual(["En terreno público", "Dentro de las competencias de la dependencia", "Vida útil de al menos 5 años", "Costo dentro del presupuesto del distrito"]);
    expect(spanish.estimate?.checks[0].note).toBe("The east bank is private.");
    expect(page.history.map((h) => [h.version, h.staffName, h.totalCents, h.feasible])).toEqual([
      [2, staffA.name, 15_700_95, false],
      [1, staffA.name, 15_318_00, true],
    ]);
  });

  it("two staff on one estimate: the later save, from a page opened before the other's, is refused with the figures kept", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const staffA2 = await makeUser(["staff"], "Costing Agency A");
    const [first, second] = [await browserFor(staffA), await browserFor(staffA2)];
    // Both open the page while there is no estimate yet (version 0).
    const opened = await costingItem.loader(args(first.get(`/costing/${id}`), { id }));
    expect(opened.proposal.estimateVersion).toBe(0);
    expect(((await settle(() => costingItem.action(args(first.post(`/costing/${id}`, form({ basedOn: "0" })), { id })))) as Response).status).toBe(302);
    const late = answerOf<{ latest: number; error: Record<string, string[]>; initialValue: Record<string, unknown> }>(
      await settle(() => costingItem.action(args(second.post(`/costing/${id}`, form({ basedOn: "0", "items[0].quantity": "3", verdict: "not_feasible", publicReason: "Not our land at all, we checked the records." })), { id }))),
    );
    expect(late.httpStatus).toBe(409);
    expect(inWords(late.reply.error[""]![0])).toContain("Someone saved version 1 of this estimate after you opened this page.");
    expect(late.reply.initialValue).toMatchObject({ verdict: "not_feasible", items: [{ quantity: "3" }, {}] });
    expect(late.reply.latest).toBe(1);
    // A round trip that saves nothing (a refused field) gives back the version the form was opened from, not the newest.
    const bad = answerOf<{ initialValue: Record<string, unknown> }>(await settle(() => costingItem.action(args(second.post(`/costing/${id}`, form({ basedOn: "0", contingencyPercent: "80" })), { id }))));
    expect(bad.httpStatus).toBe(400);
    expect(latestOf(bad.reply)).toBe(0);
    expect(await prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "feasible" });
    // Saving again, knowing it (the form now sends version 1), makes version 2.
    expect(((await settle(() => costingItem.action(args(second.post(`/costing/${id}`, form({ basedOn: "1", verdict: "not_feasible", publicReason: "Not our land at all, we checked the records." })), { id })))) as Response).status).toBe(302);
    expect(await prisma.costEstimate.count({ where: { proposalId: id } })).toBe(2);
  });

  it("over the district budget, the budget criterion fails and 'feasible' is refused", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const browser = await browserFor(staffA);
    const over = answerOf(await settle(() => costingItem.action(args(browser.post(`/costing/${id}`, form({ "items[0].unitCost": "3000" })), { id }))));
    expect(over.reply.error.verdict).toEqual(["costing:errors.feasibleButFails"]);
  });

  it("figures out of bounds are a 400 with the error next to the field and the input kept, never a 500", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const browser = await browserFor(staffA);
    const save = async (overrides: Record<string, string>) =>
      answerOf<{ status?: string; error: Record<string, string[]>; initialValue: { items: Record<string, string>[] } }>(
        await settle(() => costingItem.action(args(browser.post(`/costing/${id}`, form(overrides)), { id }))),
      );
    const max = `{"max":100000000000}`;
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ "items[0].quantity": "-3", "items[0].unitCost": "4500" }, { "items[0].quantity": ["costing:errors.quantityTooSmall"] }],
      [{ "items[0].quantity": "1000000", "items[0].unitCost": "999999999999" }, { "items[0].unitCost": [`costing:errors.unitCostTooLarge|${max}`] }],
      [{ "items[0].quantity": "1000000", "items[0].unitCost": "250000" }, { "items[0].unitCost": [`costing:errors.lineTooLarge|${max}`] }],
      [{ "items[0].quantity": "4", "items[0].unitCost": "-2100" }, { "items[0].unitCost": ["costing:errors.unitCost"] }],
      [{ "items[0].quantity": "1.5", "items[0].unitCost": "4500.999" }, { "items[0].quantity": ["costing:errors.quantityNotWhole"], "items[0].unitCost": ["common:form.moneyDecimals"] }],
      [{ "items[0].quantity": "1", "items[0].unitCost": "95,000,000,000", verdict: "not_feasible" }, { items: [`costing:errors.totalTooLarge|${max}`] }],
    ];
    for (const [typed, errors] of cases) {
      const answer = await save(typed);
      expect(answer.httpStatus, JSON.stringify(typed)).toBe(400);
      expect(answer.reply.error, JSON.stringify(typed)).toEqual(errors);
      expect(answer.reply.initialValue.items[0]).toMatchObject({ description: "Shade tree, planted", quantity: typed["items[0].quantity"], unitCost: typed["items[0].unitCost"] });
    }
    expect(await prisma.costEstimate.count({ where: { proposalId: id } })).toBe(0);
  });

  it("'Recalculate total' shows errors for the figures typed so far only, not for fields not finished", async () => {
    const id = await proposalIn(staffA.agencyId!);
    const browser = await browserFor(staffA);
    // What the "Recalculate total" button sends: Conform's validate intent for the whole form.
    const recalculate = async (overrides: Record<string, string>) =>
      answerOf(await settle(() => costingItem.action(args(browser.post(`/costing/${id}`, { ...form(overrides), __intent__: JSON.stringify({ type: "validate", payload: {} }) }), { id }))));
    // Half-way through: no verdict, no explanation, the checklist unanswered, a new line without description or unit cost.
    const halfway = { verdict: "", publicReason: "", "checks[0].outcome": "", "checks[1].outcome": "", "items[2].description": "", "items[2].quantity": "1", "items[2].unitCost": "" };
    const fine = await recalculate(halfway);
    expect(fine.httpStatus).toBe(200);
    expect(fine.reply.error ?? {}).toEqual({});
    expect(fine.reply.initialValue).toMatchObject({ items: [{ quantity: "40" }, { unitCost: "1,200" }, { quantity: "1" }] });
    // A figure typed wrong is still shown, next to it.
    const wrong = await recalculate({ ...halfway, "items[0].quantity": "-3" });
    expect(wrong.reply.error).toEqual({ "items[0].quantity": ["costing:errors.quantityTooSmall"] });
    expect(await prisma.costEstimate.count({ where: { proposalId: id } })).toBe(0);
  });

  it("the dashboard: waiting, in progress, done, with days waiting; staff see their agency only", async () => {
    const other = await proposalIn(leadB.agencyId!);
    await prisma.proposal.update({ where: { id: other }, data: { sentForCostingAt: new Date(Date.now() - 4 * 86_400_000) } });
    const dashboard = async (who: typeof admin, sort = "") => {
      const browser = await browserFor(who);
      return (await costingIndex.loader(args(browser.get(`/costing${sort}`)))).data;
    };
    const forStaff = await dashboard(staffA);
    const all = forStaff.groups.flatMap((g) => g.rows);
    expect(all.every((r) => r.agency === "Costing Agency A")).toBe(true);
    expect(forStaff.groups.map((g) => g.stage)).toEqual(["waiting", "in_progress", "done"]);
    // A "not feasible" verdict is the agency's part done: listed as done, its days stopped at the verdict.
    expect(forStaff.groups[2].rows.some((r) => r.status === "not_feasible")).toBe(true);
    expect(forStaff.groups[1].rows.some((r) => r.status === "not_feasible")).toBe(false);
    const forAdmin = await dashboard(admin);
    const waiting = forAdmin.groups[0].rows.filter((r) => r.cycle === cycle.name);
    expect(waiting.find((r) => r.id === other)?.daysWaiting).toBe(4);
    expect(waiting[0].id).toBe(other); // longest waiting first
    const shortestFirst = (await dashboard(admin, "?sort=days-asc")).groups[0].rows.filter((r) => r.cycle === cycle.name);
    expect(shortestFirst.at(-1)?.id).toBe(other);
  });

  it("criteria: the admin edits the cycle's list; bad input refused and kept; others refused", async () => {
    const browser = await browserFor(admin);
    const post = (fields: Record<string, string>) => settle(() => criteriaPage.action(args(browser.post(`/admin/cycles/${cycle.slug}/criteria`, fields), { slug: cycle.slug })));
    const bad = answerOf(await post({ criteria: "On public land\nab" }));
    expect(bad.reply.error["criteria[1]"] ?? bad.reply.error.criteria).toBeTruthy();
    expect(bad.reply.initialValue.criteria).toBe("On public land\nab");
    const saved = (await post({ criteria: "On public land\nAccessible to everyone", budgetCheck: "on" })) as Response;
    expect(saved.status).toBe(302);
    // "Criteria saved." once, after the redirect; not again on a reload.
    browser.remember(saved);
    const page = async () => {
      const shown = await criteriaPage.loader(args(browser.get(`/admin/cycles/${cycle.slug}/criteria`), { slug: cycle.slug }));
      browser.remember(new Response(null, { headers: shown.init!.headers }));
      return shown.data.saved;
    };
    expect([await page(), await page()]).toEqual([true, false]);
    expect((await prisma.eligibilityCriterion.findMany({ where: { cycleId: cycle.id }, orderBy: { position: "asc" } })).map((c) => c.label)).toEqual(["On public land", "Accessible to everyone", "Cost within the district budget"]);
    const staffBrowser = await browserFor(leadA);
    const refused = await settle(() => criteriaPage.action(args(staffBrowser.post(`/admin/cycles/${cycle.slug}/criteria`, { criteria: "Anything" }), { slug: cycle.slug })));
    expect((refused as Response).status).toBe(403);
    // Once costing is over the PB office still reads the checklist proposals were checked against, and cannot change it.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    try {
      const shown = await criteriaPage.loader(args(browser.get(`/admin/cycles/${cycle.slug}/criteria`), { slug: cycle.slug }));
      expect(shown.data.canEdit).toBe(false);
      expect(shown.data.criteria.map((c) => c.label)).toEqual(["On public land", "Accessible to everyone", "Cost within the district budget"]);
      const late = (await post({ criteria: "Something new" })) as Response;
      expect(late.status).toBe(403);
      expect(await late.text()).toBe("costing:errors.criteriaFixed"); // the key, put into words by the error page
      expect(await prisma.eligibilityCriterion.count({ where: { cycleId: cycle.id } })).toBe(3);
      // The data layer checks again as it saves: costing may end between the page's check and the save.
      expect(await saveCriteria(cycle.id, [{ label: "Something new", kind: "manual" }], admin)).toBe(false);
      expect(await prisma.eligibilityCriterion.count({ where: { cycleId: cycle.id } })).toBe(3);
    } finally {
      await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "costing" } });
    }
  });
});

describe("the e-mail to a costed proposal's followers", async () => {
  const { action: followAction } = await import("~/routes/follows");
  const { deliverOutbox } = await import("~/mail.server");
  const admin = await makeUser(["admin", "resident"]);
  const delegate = await makeUser(["delegate", "resident"]);
  const spanish = await makeUser(["resident"]);
  const staff = await makeUser(["staff"], "Costing Agency C");
  const cycle = await makeCycle(admin, "costing", [100_000_00, 50_000_00]);
  await prisma.cycle.update({ where: { id: cycle.id }, data: { currency: "EUR" } });
  const [north] = cycle.districts;
  const made = await createProposal(cycle.id, { title: "Bike racks", description: "Twenty bike racks by the library and the pool.", districtId: north.id, categoryId: cycle.categories[0].id, ideaIds: [] }, delegate);
  if (!made.ok) throw new Error(made.error);
  const id = made.proposal.id;
  await sendForCosting(id, staff.agencyId!, delegate);
  await followAction(args((await browserFor(spanish)).post("/follows?lng=es", { targetType: "proposal", targetId: id, follow: "yes" })));
  const manual = await prisma.eligibilityCriterion.findMany({ where: { cycleId: cycle.id, kind: "manual" }, orderBy: { position: "asc" } });

  it("gives the cost as the follower's language writes money", async () => {
    const fields = {
      "items[0].description": "Bike rack, installed",
      "items[0].quantity": "20",
      "items[0].unitCost": "300.33",
      contingencyPercent: "0",
      ...Object.fromEntries(manual.flatMap((c, i) => [[`checks[${i}].criterionId`, c.id], [`checks[${i}].outcome`, "met"]])),
      verdict: "feasible",
      publicReason: "Sidewalks by the library are city land; racks are standard work.",
    };
    const browser = await browserFor(staff);
    const saved = (await settle(() => costingItem.action(args(browser.post(`/costing/${id}`, fields), { id })))) as Response;
    expect(saved.status).toBe(302);
    await deliverOutbox();
    const [mail] = await prisma.outboxMessage.findMany({ where: { to: spanish.email } });
    // es-US writes euros "EUR 6,006.60" where en-US writes "€6,006.60".
    expect(mail.text).toContain("EUR\u00a06,006.60");
    expect(mail.text).not.toContain("€");
  });
});
