import "./fresh-db";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { castBallot, countBallots, mixBallots } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { advancePhase, generateVoterCodes, updateEligibility } from "~/db/cycles.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { publishResults, runTally } from "~/db/results.server";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.cycles.$slug";
import { action as newCycleAction } from "~/routes/admin.cycles.new";
import { loader as printLoader } from "~/routes/admin.codes.$batchId.print";
import { action as costAction } from "~/routes/costing.$id";
import { loader as proposalLoader } from "~/routes/proposals.$id";
import { loader as compareLoader } from "~/routes/proposals.$id_.compare";
import { loader as revisionLoader } from "~/routes/proposals.$id_.revisions.$number";
import { action as ballotAction } from "~/routes/vote.ballot";
import { action as codeAction } from "~/routes/vote._index";
import { todayIso } from "~/domain/fields";
import { allInWords, inWords, tIn } from "../english";
import { answerOf, args, ballotStep, browserFor, makeCycle, makeUser, settle } from "./fixtures";

describe("costing, voting and tallying a cycle", async () => {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const resident = await makeUser(["resident"]);
  const parks = await makeUser(["staff"], "Parks");
  const transport = await makeUser(["staff"], "Transport");
  const cycle = await makeCycle(admin, "ideas", [100_000_00, 50_000_00]);
  const [north] = cycle.districts;
  const [parksCategory] = cycle.categories;

  // Three proposals in North, all sent to Parks.
  const proposals: string[] = [];
  for (const title of ["Playground renewal", "River benches", "Tree planting"]) {
    const idea = await createIdea(cycle.id, { title, description: `${title} for the north district, please.`, districtId: north.id, categoryId: parksCategory.id, location: "" }, resident);
    const created = await createProposal(cycle.id, { title, description: `${title}: a proposal developed from residents' ideas.`, districtId: north.id, categoryId: parksCategory.id, ideaIds: [idea.id] }, delegate);
    if (!created.ok) throw new Error(created.error);
    await sendForCosting(created.proposal.id, parks.agencyId!, delegate);
    proposals.push(created.proposal.id);
  }
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "costing" } });
  const [playground, benches, trees] = proposals;

  // The cycle's default checklist, every manual criterion met (the budget one is computed).
  const manualCriteria = await prisma.eligibilityCriterion.findMany({ where: { cycleId: cycle.id, kind: "manual" }, orderBy: { position: "asc" } });
  const estimate = (items: [string, string, string][], verdict = "feasible") => {
    const fields: Record<string, string> = { verdict, publicReason: "On city land and within the Parks department's remit." };
    manualCriteria.forEach((c, i) => Object.assign(fields, { [`checks[${i}].criterionId`]: c.id, [`checks[${i}].outcome`]: "met" }));
    items.forEach(([d, q, u], i) => Object.assign(fields, { [`items[${i}].description`]: d, [`items[${i}].quantity`]: q, [`items[${i}].unitCost`]: u }));
    return fields;
  };

  it("voting cannot open while a proposal on the ballot lacks a cost estimate", async () => {
    const result = await advancePhase(cycle.id, admin);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.blockers.map((b) => inWords(b))).toContain("Proposal #1 “Playground renewal” has no cost estimate and verdict yet.");
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("costing");
  });

  it("refuses staff of another agency, and residents", async () => {
    for (const actor of [transport, resident]) {
      const browser = await browserFor(actor);
      const response = (await settle(() => costAction(args(browser.post(`/costing/${playground}`, estimate([["Swings", "2", "1000"]])), { id: playground })))) as Response;
      expect(response.status).toBe(403);
    }
    expect(await prisma.costEstimate.count()).toBe(0);
  });

  it("computes the total from line items, whatever total the form claims", async () => {
    const browser = await browserFor(parks);
    const fields = { ...estimate([["Play structure", "1", "60,000"], ["Rubber surface (m²)", "100", "95.50"]]), totalCents: "1" };
    const response = (await settle(() => costAction(args(browser.post(`/costing/${playground}`, fields), { id: playground })))) as Response;
    expect(response.status).toBe(302);
    const saved = await prisma.costEstimate.findFirstOrThrow({ where: { proposalId: playground }, include: { lineItems: true } });
    expect(saved.totalCents).toBe(60_000_00 + 100 * 95_50);
    expect(saved.lineItems.map((li) => li.totalCents)).toEqual([60_000_00, 9_550_00]);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: playground } })).status).toBe("feasible");
  });

  it("returns field errors for a bad line item and keeps what was typed", async () => {
    const browser = await browserFor(parks);
    const { httpStatus, reply } = answerOf<{ error: Record<string, string[]>; initialValue: { items: { quantity: string }[] } }>(
      await costAction(args(browser.post(`/costing/${benches}`, estimate([["Bench", "two", "-5"]])), { id: benches })),
    );
    expect(httpStatus).toBe(400);
    expect(reply.error["items[0].quantity"]).toEqual(["costing:errors.quantityNotWhole"]);
    expect(inWords(reply.error["items[0].quantity"][0])).toBe("Enter a whole quantity, e.g. 3.");
    expect(inWords(reply.error["items[0].unitCost"][0])).toBe("Enter a unit cost above zero with at most two decimals, e.g. 1200 or 1200.50.");
    expect(reply.initialValue.items[0].quantity).toBe("two");
  });

  it("opens voting once every proposal has a cost and a verdict", async () => {
    const browser = await browserFor(parks);
    await settle(() => costAction(args(browser.post(`/costing/${benches}`, estimate([["Bench", "10", "2,000"]])), { id: benches })));
    await settle(() => costAction(args(browser.post(`/costing/${trees}`, estimate([["Tree", "50", "900"]])), { id: trees })));
    // South has no proposal: nothing to vote on there, so the guard names it.
    const blocked = await advancePhase(cycle.id, admin);
    expect(blocked.ok ? [] : blocked.blockers).toEqual(["admin:blockers.noFeasible|{\"district\":\"South\"}"]);
    expect(blocked.ok ? [] : blocked.blockers.map((b) => inWords(b))).toEqual(["District “South” has no feasible proposal to vote on."]);
    expect(blocked.ok ? [] : blocked.blockers.map((b) => inWords(b, "es"))).toEqual(["El distrito “South” no tiene ninguna propuesta viable para votar."]);
    const south = cycle.districts[1];
    const idea = await createIdea(cycle.id, { title: "South path lights", description: "Lights on the south path, it is dark.", districtId: south.id, categoryId: parksCategory.id, location: "" }, resident);
    const created = await createProposal(cycle.id, { title: "South path lights", description: "Ten solar lights along the south path for safety at night.", districtId: south.id, categoryId: parksCategory.id, ideaIds: [idea.id] }, delegate);
    await sendForCosting(created.ok ? created.proposal.id : "", parks.agencyId!, delegate);
    await settle(() => costAction(args(browser.post(`/costing/${created.ok && created.proposal.id}`, estimate([["Solar light", "10", "1,500"]])), { id: created.ok ? created.proposal.id : "" })));
    // Announced for a later day, voting opened today: the admin page says it opened today, not on the announced day.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { votingOpensOn: "2099-03-01", votingClosesOn: "2099-03-31" } });
    expect(await advancePhase(cycle.id, admin)).toEqual({ ok: true, phase: "voting" });
    expect(await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({ votingOpensOn: todayIso(), votingClosesOn: "2099-03-31" });
    const page = await settle(async () => adminLoader(args((await browserFor(admin)).get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug })));
    expect(answerOf<{ votingDates: { votingOpensOn: string } }>(page).reply.votingDates.votingOpensOn).toBe(todayIso());
  });

  it("casts a ballot through the voter's pages: participation and an anonymous ballot", async () => {
    await generateVoterCodes(cycle.id, north.id, 5, "test", admin);
    const [code] = await prisma.voterCode.findMany({ where: { districtId: north.id }, orderBy: { code: "asc" } });
    const voter = await browserFor(null);
    const entered = (await settle(() => codeAction(args(voter.post("/vote", { code: code.code.toLowerCase() }))))) as Response;
    expect(entered.headers.get("Location")).toBe("/vote/ballot");
    voter.remember(entered);
    const refused = await ballotStep(voter, { intent: "review", project: [playground, benches, trees] });
    expect(refused.location).toBe("/vote/ballot");
    expect(refused.page.step).toBe("choose");
    const over = refused.page.draft!;
    expect(inWords(over.errors[0])).toMatch(/over the district budget of \$100,000/);
    expect(over.selection).toEqual([playground, benches, trees]);
    const cast = (await settle(() => ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", project: [playground, benches] }))))) as Response;
    expect(cast.headers.get("Location")).toBe("/vote/receipt");
    // Sealed until a mix (one ballot: it waits); opened by the mix that closing the vote makes.
    expect(await prisma.ballot.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect(await countBallots(cycle.id)).toBe(1);
    await mixBallots(cycle.id, { all: true });
    const ballots = await prisma.ballot.findMany({ where: { cycleId: cycle.id } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0].choices).toBe("1,2"); // proposals #1 and #2, sorted: the order of ticking does not matter
    expect(Object.keys(ballots[0]).sort()).toEqual(["choices", "cycleId", "districtId", "id", "tracker"]);
    expect(await prisma.participation.count({ where: { voterCodeId: code.id } })).toBe(1);
  });

  it("never stores two ballots for one code, even when submitted at the same moment", async () => {
    const [, second] = await prisma.voterCode.findMany({ where: { districtId: north.id }, orderBy: { code: "asc" } });
    const before = await countBallots(cycle.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => castBallot(second, [trees])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(7);
    expect(await countBallots(cycle.id)).toBe(before + 1);
    // The voter's pages say so too.
    const voter = await browserFor(null);
    const { reply: again } = answerOf(await codeAction(args(voter.post("/vote", { code: second.code }))));
    expect(again.error.code).toEqual(["vote:errors.code.used"]);
    expect(inWords(again.error.code[0])).toBe("This voter code has already been used to vote. Each code votes once.");
  });

  it("tells a voter how a code looks when what they typed cannot be one, and that it was not found when it could", async () => {
    const voter = await browserFor(null);
    const said = async (code: string) => inWords(answerOf<{ error: Record<string, string[]> }>(await codeAction(args(voter.post("/vote", { code })))).reply.error.code[0]);
    const howItLooks = "A voter code has 12 letters and digits, in groups of four, like ACDE-FGHJ-KMNP. Check it against your letter and type it again.";
    expect(await said("abc")).toBe(howItLooks);
    expect(await said("ACDE-FGHJ-KMN0")).toBe(howItLooks); // no code has a 0
    expect(await said("acde fghj kmnp")).toBe("We could not find that voter code. Check it against your letter and try again.");
  });

  it("tallies greedily within the budget, publishes, and keeps published runs unchanged", async () => {
    const codes = await prisma.voterCode.findMany({ where: { districtId: north.id, participation: null }, orderBy: { code: "asc" } });
    // playground 69,550 (2 votes so far + 1), benches 20,000, trees 45,000.
    await castBallot(codes[0], [trees, benches]);
    await castBallot(codes[1], [trees]);
    await castBallot(codes[2], [playground]);
    // Votes: trees 3, playground 2, benches 2 (tie with playground: smaller id first).
    // Closed before the announced day: that day becomes the day it really closed.
    expect(await advancePhase(cycle.id, admin, "voting")).toEqual({ ok: true, phase: "results" });
    expect(await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({ votingOpensOn: todayIso(), votingClosesOn: todayIso() });
    const [run] = await runTally(cycle.id, admin).then((runs) => runs.filter((r) => r.districtId === north.id));
    const rows = await prisma.tallyProjectResult.findMany({ where: { resultId: run.id }, orderBy: { position: "asc" } });
    expect(rows[0]).toMatchObject({ proposalId: trees, votes: 3, selected: true });
    const tied = [playground, benches].sort();
    expect(rows.slice(1).map((r) => r.proposalId)).toEqual(tied);
    // Trees (45,000) + whichever tied project comes first; the playground (69,550) can never fit after trees.
    expect(rows.find((r) => r.proposalId === playground)?.selected).toBe(false);
    expect(rows.find((r) => r.proposalId === benches)?.selected).toBe(true);
    expect(run.spentCents).toBe(45_000_00 + 20_000_00);
    expect(run.ballotCount).toBe(5);
    expect(run.ballotsHash).toMatch(/^[0-9a-f]{64}$/);

    // Publishing what was reviewed fails once someone has counted again meanwhile.
    const reviewed = (await prisma.tallyResult.findMany({ where: { cycleId: cycle.id, status: "draft" } })).map((r) => r.id);
    await runTally(cycle.id, admin);
    const stale = await publishResults(cycle.id, admin, reviewed);
    expect(stale.ok).toBe(false);
    expect(inWords(stale.ok ? "" : stale.reason)).toContain("changed since you reviewed it");
    expect(await prisma.tallyResult.count({ where: { cycleId: cycle.id, status: "published" } })).toBe(0);
    // From the page: not without the box ticked (public at once, never hidden again), then published.
    const office = await browserFor(admin);
    const drafts = (await prisma.tallyResult.findMany({ where: { cycleId: cycle.id, status: "draft", run: 2 } })).map((r) => r.id);
    const unticked = await adminAction(args(office.post(`/admin/cycles/${cycle.slug}`, { intent: "publish", run: drafts }), { slug: cycle.slug }));
    expect(answerOf<{ confirmPublish?: string }>(unticked)).toMatchObject({ httpStatus: 400, reply: { confirmPublish: expect.stringContaining("admin:tally.confirmPublishMissing") } });
    expect(await prisma.tallyResult.count({ where: { cycleId: cycle.id, status: "published" } })).toBe(0);
    const ticked = (await adminAction(args(office.post(`/admin/cycles/${cycle.slug}`, { intent: "publish", run: drafts, confirmPublish: "yes" }), { slug: cycle.slug }))) as Response;
    expect(ticked.headers.get("Location")).toBe(`/admin/cycles/${cycle.slug}?notice=published`);
    expect(await prisma.tallyResult.count({ where: { cycleId: cycle.id, status: "published" } })).toBe(2);
    const rerun = await runTally(cycle.id, admin);
    expect(rerun.map((r) => r.run)).toEqual([3, 3]);
    expect((await prisma.tallyResult.findFirstOrThrow({ where: { districtId: north.id, run: 2 } })).status).toBe("published");
    expect((await prisma.tallyResult.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("draft"); // the superseded run stays unpublished
    // The PB office sees that the new draft would replace what the public sees, and can still create projects.
    const page = await adminLoader(args((await browserFor(admin)).get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug }));
    expect(page.results.map((r) => [r.run, r.status, r.replacesRun])).toEqual([[3, "draft", 2], [3, "draft", 2]]);
    expect(page.anyPublished).toBe(true);
  });

  it("does not leave the results while a newer count is unpublished, and then shows each district's published count, not a draft", async () => {
    // Run 3 of each district is a draft after the published run 2: moving on would leave it for ever unpublishable.
    const office = await browserFor(admin);
    const pageUrl = `/admin/cycles/${cycle.slug}`;
    const refused = answerOf<{ blockers: string[] }>(await adminAction(args(office.post(pageUrl, { intent: "advance", confirmMove: "yes" }), { slug: cycle.slug })));
    expect(refused.httpStatus).toBe(409);
    expect(allInWords(refused.reply.blockers)).toEqual([
      "The newest count for “North” (run 3) is a draft; the public still sees run 2. Review it and publish it under “Count and publish” before moving on: after this phase no count can be published.",
      "The newest count for “South” (run 3) is a draft; the public still sees run 2. Review it and publish it under “Count and publish” before moving on: after this phase no count can be published.",
    ]);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("results");
    // The page says why beside the move button, before anyone clicks it.
    const before = await adminLoader(args(office.get(pageUrl), { slug: cycle.slug }));
    expect(allInWords(before.blockers)).toEqual(allInWords(refused.reply.blockers));

    // Publishing the newest count lets the cycle move on.
    expect(await publishResults(cycle.id, admin)).toEqual({ ok: true, count: 2 });
    expect((await adminLoader(args(office.get(pageUrl), { slug: cycle.slug }))).blockers).toEqual([]);
    // Two tabs showing "results": the first click moves the cycle on; the second, from a page now out of date, moves nothing.
    const tabA = (await adminAction(args(office.post(pageUrl, { intent: "advance", from: "results", confirmMove: "yes" }), { slug: cycle.slug }))) as Response;
    expect(tabA.headers.get("Location")).toBe(`${pageUrl}?notice=advanced`);
    const tabB = answerOf<{ blockers: string[] }>(await adminAction(args(office.post(pageUrl, { intent: "advance", from: "results", confirmMove: "yes" }), { slug: cycle.slug })));
    expect(tabB.httpStatus).toBe(409);
    expect(allInWords(tabB.reply.blockers)).toEqual([expect.stringContaining("Someone moved this cycle on since this page was opened, so it was not moved again.")]);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("implementation");

    // A draft made after the move (a count racing it, or an older release) is not what the page shows: it
    // shows, per district, the published count the public sees.
    await runTally(cycle.id, admin);
    const after = await adminLoader(args(office.get(pageUrl), { slug: cycle.slug }));
    expect(after.results.map((r) => [r.district.name, r.run, r.status, r.replacesRun])).toEqual([["North", 3, "published", null], ["South", 3, "published", null]]);
    expect(after.canTally).toBe(false);
  });
});

describe("creating a cycle", async () => {
  const admin = await makeUser(["admin"]);
  const form = (fields: Record<string, string>) => ({
    name: "Harbor PB 2028",
    slug: `harbor-${Date.now()}`,
    currency: "USD",
    "districts[0].name": "Harbor",
    "districts[0].budget": "100000",
    categories: "Parks",
    ballotMethod: "knapsack",
    tallyRule: "greedy",
    ...fields,
  });

  it("records the language of the page the cycle was created on, for its name, districts and categories", async () => {
    const browser = await browserFor(admin);
    const fields = form({ name: "Presupuesto del puerto 2028", "districts[0].name": "Puerto", categories: "Parques" });
    expect(((await newCycleAction(args(browser.post("/admin/cycles/new?lng=es", fields)))) as Response).status).toBe(302);
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { slug: fields.slug }, include: { districts: true, categories: true } });
    expect([cycle.writtenIn, ...cycle.districts.map((d) => d.writtenIn), ...cycle.categories.map((c) => c.writtenIn)]).toEqual(["es", "es", "es"]);
  });

  it("refuses voting that closes before it opens, on the closing date, and keeps what was typed", async () => {
    const browser = await browserFor(admin);
    const fields = form({ votingOpensOn: "2028-05-10", votingClosesOn: "2028-05-01" });
    const { httpStatus, reply } = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(
      await newCycleAction(args(browser.post("/admin/cycles/new", fields))),
    );
    expect(httpStatus).toBe(400);
    expect(Object.keys(reply.error)).toEqual(["votingClosesOn"]);
    expect(reply.error.votingClosesOn.map((e) => inWords(e))).toEqual(["Voting must close after it opens."]);
    expect(reply.initialValue).toMatchObject({ name: "Harbor PB 2028", votingOpensOn: "2028-05-10", votingClosesOn: "2028-05-01" });
    expect(await prisma.cycle.count({ where: { slug: fields.slug } })).toBe(0);
    // Said at once, not only after the other mistakes are put right.
    const alongside = answerOf(await newCycleAction(args(browser.post("/admin/cycles/new", { ...fields, name: "" }))));
    expect(Object.keys(alongside.reply.error).sort()).toEqual(["name", "votingClosesOn"]);
  });

  it("refuses a web address the admin pages use, a made-up currency and a closing day already gone, each by its field", async () => {
    const browser = await browserFor(admin);
    const { httpStatus, reply } = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(
      await newCycleAction(args(browser.post("/admin/cycles/new", form({ slug: "new", currency: "XYZ", votingOpensOn: "2019-03-01", votingClosesOn: "2019-03-31" })))),
    );
    expect(httpStatus).toBe(400);
    expect(Object.fromEntries(Object.entries(reply.error).map(([k, v]) => [k, v.map((e) => inWords(e))]))).toEqual({
      slug: ["“new” is used by the page that creates cycles; choose another web address."],
      currency: ["Use a 3-letter ISO currency code, e.g. USD, EUR or MXN."],
      votingClosesOn: ["This closing day has already passed: give the day voting will close."],
    });
    expect(reply.initialValue).toMatchObject({ slug: "new", currency: "XYZ", votingClosesOn: "2019-03-31" });
    expect(await prisma.cycle.count({ where: { slug: "new" } })).toBe(0);
  });

  it("refuses a voting date that does not exist, by the field", async () => {
    const browser = await browserFor(admin);
    const { httpStatus, reply } = answerOf<{ error: Record<string, string[]> }>(
      await newCycleAction(args(browser.post("/admin/cycles/new", form({ votingOpensOn: "2028-02-30", votingClosesOn: "2028-03-10" })))),
    );
    expect(httpStatus).toBe(400);
    expect(Object.keys(reply.error)).toEqual(["votingOpensOn"]);
  });

  it("creates a cycle whose voting closes after it opens, or on the same day", async () => {
    const browser = await browserFor(admin);
    for (const [opens, closes] of [["2028-05-01", "2028-05-10"], ["2028-05-01", "2028-05-01"]]) {
      const fields = form({ slug: `harbor-${closes.slice(-2)}-${Date.now()}`, votingOpensOn: opens, votingClosesOn: closes });
      const response = (await settle(() => newCycleAction(args(browser.post("/admin/cycles/new", fields))))) as Response;
      expect(response.status).toBe(302);
      expect(await prisma.cycle.findUniqueOrThrow({ where: { slug: fields.slug } })).toMatchObject({ votingOpensOn: opens, votingClosesOn: closes });
    }
  });
});

describe("generating voter codes", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");
  const other = await makeCycle(admin, "voting");

  it("makes a batch for one of the cycle's districts", async () => {
    const made = await generateVoterCodes(cycle.id, cycle.districts[0].id, 3, "Mailing", admin);
    expect(made.ok).toBe(true);
    expect(await prisma.voterCode.count({ where: { cycleId: cycle.id } })).toBe(3);
  });

  it("refuses another cycle's district, in the data layer and on the admin page, and makes nothing", async () => {
    expect(await generateVoterCodes(cycle.id, other.districts[0].id, 3, "Wrong", admin)).toEqual({ ok: false, reason: expect.any(String) });
    const browser = await browserFor(admin);
    const { httpStatus, reply } = answerOf<{ codes: { error: Record<string, string[]> } }>(
      await adminAction(
        args(browser.post(`/admin/cycles/${cycle.slug}`, { intent: "generate-codes", districtId: other.districts[0].id, count: "5", label: "Wrong district" }), { slug: cycle.slug }),
      ),
    );
    expect(httpStatus).toBe(400);
    expect(inWords(reply.codes.error.districtId[0])).toBe("Choose one of this cycle's districts.");
    expect(await prisma.voterCodeBatch.count({ where: { label: { in: ["Wrong", "Wrong district"] } } })).toBe(0);
    expect(await prisma.voterCode.count({ where: { cycleId: cycle.id } })).toBe(3);
  });

  it("makes no more codes once voting has closed (they could never be used), and says so instead of offering the form", async () => {
    const closed = await makeCycle(admin, "results");
    const browser = await browserFor(admin);
    const tried = (await settle(() =>
      adminAction(args(browser.post(`/admin/cycles/${closed.slug}`, { intent: "generate-codes", districtId: closed.districts[0].id, count: "5", label: "Too late" }), { slug: closed.slug })),
    )) as Response;
    expect(tried.status).toBe(409);
    expect(inWords(await tried.text())).toBe("Voting has closed: no more codes can be made (they could never be used).");
    expect(await prisma.voterCodeBatch.count({ where: { cycleId: closed.id } })).toBe(0);
    expect((await adminLoader(args(browser.get(`/admin/cycles/${closed.slug}`), { slug: closed.slug }))).canGenerateCodes).toBe(false);
    expect((await adminLoader(args(browser.get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug }))).canGenerateCodes).toBe(true);
  });

  it("prints slips with the full voting address, as the office reached the site", async () => {
    const made = await generateVoterCodes(other.id, other.districts[0].id, 2, "Slips", admin);
    const batch = await prisma.voterCodeBatch.findFirstOrThrow({ where: { cycleId: other.id, label: "Slips" } });
    const browser = await browserFor(admin);
    const request = browser.get(`/admin/codes/${batch.id}/print`);
    const slips = await printLoader(args(new Request(request.url.replace("http://test", "https://budget.example.org"), request), { batchId: batch.id }));
    expect(slips.voteUrl).toBe("https://budget.example.org/vote");
    expect([made.ok, slips.codes.length]).toEqual([true, 2]);
    expect(tIn("en")("admin:slips.howToVote", { url: slips.voteUrl })).toBe("Vote at https://budget.example.org/vote with this code. It votes once; keep it private.");
    expect(tIn("es")("admin:slips.howToVoteBefore", { url: slips.voteUrl, date: "1 de mayo de 2028" })).toBe(
      "Vote en https://budget.example.org/vote con este código hasta el 1 de mayo de 2028, último día de votación. Vota una sola vez; no se lo muestre a nadie.",
    );
    // Once voting has closed, no slip is printed that would send someone to vote.
    const phase = (await prisma.cycle.findUniqueOrThrow({ where: { id: other.id } })).phase;
    await prisma.cycle.update({ where: { id: other.id }, data: { phase: "results" } });
    const after = await printLoader(args(browser.get(`/admin/codes/${batch.id}/print`), { batchId: batch.id }));
    expect(after).toMatchObject({ closed: true, codes: [] });
    await prisma.cycle.update({ where: { id: other.id }, data: { phase } });
  });
});

describe("voiding voter codes", async () => {
  const { voidVoterCode } = await import("~/db/ballots.server");
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");
  await generateVoterCodes(cycle.id, cycle.districts[0].id, 2, "void test", admin);
  const [unused, used] = await prisma.voterCode.findMany({ where: { cycleId: cycle.id }, orderBy: { code: "asc" } });
  await prisma.participation.create({ data: { cycleId: cycle.id, districtId: used.districtId, voterCodeId: used.id, votedOn: "2026-11-26" } });

  it("cancels an unused code, which then cannot vote", async () => {
    expect(await voidVoterCode(cycle.id, unused.code, "letter returned", admin)).toEqual({ ok: true });
    const voter = await browserFor(null);
    const { reply } = answerOf(await codeAction(args(voter.post("/vote", { code: unused.code }))));
    expect(reply.error.code.map((e) => inWords(e))).toEqual(["This voter code has been cancelled by the PB office. Contact them for a new one."]);
  });

  it("refuses to void a code that has already voted", async () => {
    const refused = await voidVoterCode(cycle.id, used.code, "duplicate", admin);
    expect(refused.ok).toBe(false);
    expect(inWords(refused.ok ? "" : refused.error)).toContain("already voted");
  });

  it("once voting has closed, refuses to cancel a code (the page offers it no more): no code can vote any more", async () => {
    const closed = await makeCycle(admin, "results");
    const office = await browserFor(admin);
    const sent = await settle(() => adminAction(args(office.post(`/admin/cycles/${closed.slug}`, { intent: "void-code", code: "ACDE-FGHJ-KMNP", reason: "letter returned" }), { slug: closed.slug })));
    expect((sent as Response).status).toBe(409);
    expect(inWords(await (sent as Response).text())).toBe("Voting has closed: no code can vote any more, so there is none to cancel.");
  });
});

describe("revising a proposal", async () => {
  const { action: editAction, loader: editLoader } = await import("~/routes/proposals.$id_.edit");
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const cycle = await makeCycle(admin, "proposals");
  const idea = await createIdea(cycle.id, { title: "Benches", description: "Benches along the river path.", districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, location: "" }, admin);
  const created = await createProposal(cycle.id, { title: "Benches on the river path", description: "Twelve benches along the river path, one every 200 metres.", districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
  if (!created.ok) throw new Error(created.error);
  const id = created.proposal.id;
  const filed = { districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id };
  const same = { title: "Benches on the river path", description: "Twelve benches along the river path, one every 200 metres.", ...filed, note: "" };
  const revisions = () => prisma.proposalRevision.count({ where: { proposalId: id } });

  it("refuses a revision that changes nothing and says nothing, by the description, and keeps the text", async () => {
    const browser = await browserFor(delegate);
    const before = await revisions();
    const { httpStatus, reply } = answerOf(await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, same), { id }))));
    expect(httpStatus).toBe(400);
    expect(inWords(reply.error.description[0])).toBe("Nothing changed: edit the title or the description, or say in the note why you save it as it is.");
    expect(reply.initialValue).toMatchObject({ title: same.title });
    expect(await revisions()).toBe(before);
  });

  it("saves a revision that changes the text, or that says in the note why it is saved as it is", async () => {
    const browser = await browserFor(delegate);
    const before = await revisions();
    const noted = (await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...same, note: "Checked with Parks: the text stands." }), { id })))) as Response;
    expect(noted.status).toBe(302);
    const changed = (await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...same, title: "Benches on the whole river path" }), { id })))) as Response;
    expect(changed.status).toBe(302);
    expect(await revisions()).toBe(before + 2);
    // Comparing the two: only the title changed, and the summary counts its words.
    const compared = await compareLoader(args(browser.get(`/proposals/${id}/compare?from=${before + 1}&to=${before + 2}`), { id }));
    expect(compared.counts).toEqual({ added: 1, removed: 0 }); // "whole"
  });

  it("keeps a translation through a revision that only adds a note, and removes it when the text changes, as the edit page warns", async () => {
    const { saveTranslation } = await import("~/db/translations.server");
    const browser = await browserFor(delegate);
    const current = await prisma.proposal.findUniqueOrThrow({ where: { id } });
    const text = { title: current.title, description: current.description, ...filed };
    await saveTranslation({ type: "proposal", id }, { locale: "es", title: "Bancos en el paseo del río", description: "Doce bancos a lo largo del paseo del río." }, admin);
    const { translatedInto } = await editLoader(args(browser.get(`/proposals/${id}/edit`), { id }));
    expect(translatedInto).toEqual(["Español"]);
    await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, note: "Parks confirmed the spacing." }), { id })));
    expect(await prisma.contentTranslation.count({ where: { targetType: "proposal", targetId: id } })).toBe(1);
    await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, description: `${text.description} With shade.` }), { id })));
    expect(await prisma.contentTranslation.count({ where: { targetType: "proposal", targetId: id } })).toBe(0);
    expect((await editLoader(args(browser.get(`/proposals/${id}/edit`), { id }))).translatedInto).toEqual([]);
  });

  it("files a proposal under another district or category, only one of this cycle the delegate's committees reach", async () => {
    const browser = await browserFor(delegate);
    const current = await prisma.proposal.findUniqueOrThrow({ where: { id } });
    const text = { title: current.title, description: current.description };
    // Only the district changes: a revision all the same (the ballot it goes on is what changed).
    const moved = (await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, districtId: cycle.districts[1].id, categoryId: cycle.categories[0].id }), { id })))) as Response;
    expect(moved.status).toBe(302);
    expect(await prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ districtId: cycle.districts[1].id });
    // Its history says where it went: in the list of revisions, on the revision's page and when compared.
    const latest = await revisions();
    const page = await proposalLoader(args(browser.get(`/proposals/${id}`), { id }));
    const [last, previous] = page.proposal.revisions;
    expect(last).toMatchObject({ number: latest, movedTo: { district: { name: cycle.districts[1].name }, category: { name: cycle.categories[0].name } } });
    expect(previous.movedTo).toBeNull();
    expect((await revisionLoader(args(browser.get(`/proposals/${id}/revisions/${latest - 1}`), { id, number: String(latest - 1) }))).filedUnder).toMatchObject({ district: { name: cycle.districts[0].name } });
    const compared = await compareLoader(args(browser.get(`/proposals/${id}/compare?from=${latest - 1}&to=${latest}`), { id }));
    expect(compared.moved).toMatchObject({ from: { district: { name: cycle.districts[0].name } }, to: { district: { name: cycle.districts[1].name } } });
    expect(compared.counts).toEqual({ added: 0, removed: 0 });
    // Another cycle's district is refused by the field, nothing saved.
    const other = await makeCycle(admin, "proposals");
    const { httpStatus, reply } = answerOf(await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, districtId: other.districts[0].id, categoryId: cycle.categories[0].id }), { id }))));
    expect(httpStatus).toBe(400);
    expect(Object.keys(reply.error)).toEqual(["districtId"]);
    // Back where it was, for the tests below: a move again; a text change that stays put is none.
    await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, ...filed }), { id })));
    expect(await prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject(filed);
    await settle(() => editAction(args(browser.post(`/proposals/${id}/edit`, { ...text, description: `${text.description} Painted green.`, ...filed }), { id })));
    const after = (await proposalLoader(args(browser.get(`/proposals/${id}`), { id }))).proposal.revisions;
    expect(after.slice(0, 2).map((r) => r.movedTo?.district.name ?? null)).toEqual([null, cycle.districts[0].name]);
    expect((await compareLoader(args(browser.get(`/proposals/${id}/compare?from=${latest - 1}&to=${latest + 2}`), { id }))).moved).toBeNull();
  });

  it("refuses to file a proposal where the delegate's committees do not reach", async () => {
    const elsewhere = await makeCycle(admin, "proposals");
    const member = await makeUser(["delegate"]);
    await prisma.committee.create({ data: { cycleId: elsewhere.id, name: "North committee", districtId: elsewhere.districts[0].id, members: { create: [{ userId: member.id }] } } });
    const seed = await createIdea(elsewhere.id, { title: "Lamps", description: "Lamps along the north path.", districtId: elsewhere.districts[0].id, categoryId: elsewhere.categories[0].id, location: "" }, admin);
    const made = await createProposal(elsewhere.id, { title: "Lamps on the north path", description: "Ten lamps along the north path, low and warm.", districtId: elsewhere.districts[0].id, categoryId: elsewhere.categories[0].id, ideaIds: [seed.id] }, member, { wholeCycle: false, scopes: [{ districtId: elsewhere.districts[0].id, categoryId: null }] });
    if (!made.ok) throw new Error(made.error);
    const pid = made.proposal.id;
    const browser = await browserFor(member);
    const { httpStatus, reply } = answerOf(await settle(() => editAction(args(browser.post(`/proposals/${pid}/edit`, { title: "Lamps on the north path", description: "Ten lamps along the north path, low and warm.", districtId: elsewhere.districts[1].id, categoryId: elsewhere.categories[0].id }), { id: pid }))));
    expect(httpStatus).toBe(400);
    expect(inWords(reply.error.categoryId[0])).toMatch(/committee/i);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: pid } })).districtId).toBe(elsewhere.districts[0].id);
  });

  it("two delegates at once: the later save, from a page opened before the other's, is refused with its text kept", async () => {
    const [first, second] = [await browserFor(delegate), await browserFor(await makeUser(["delegate"]))];
    const { proposal } = await editLoader(args(second.get(`/proposals/${id}/edit`), { id }));
    const before = proposal.revision;
    expect(before).toBe(await revisions());
    const description = "Twelve benches along the river path, with shade.";
    expect(((await settle(() => editAction(args(first.post(`/proposals/${id}/edit`, { ...same, description, basedOn: String(before) }), { id })))) as Response).status).toBe(302);
    const late = answerOf<{ latest: number; error: Record<string, string[]>; initialValue: Record<string, unknown> }>(await settle(() => editAction(args(second.post(`/proposals/${id}/edit`, { ...same, title: "Benches, river path", basedOn: String(before) }), { id }))));
    expect(late.httpStatus).toBe(409);
    expect(inWords(late.reply.error[""]![0])).toContain(`Someone saved revision ${before + 1} of this proposal after you opened this page.`);
    expect(late.reply.initialValue).toMatchObject({ title: "Benches, river path" });
    expect(late.reply.latest).toBe(before + 1);
    expect(await prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ description });
  });

  it("a proposal sent for costing while a delegate edits it: refused saying so, not that only delegates may edit", async () => {
    const other = await createProposal(cycle.id, { title: "Shade over the river path benches", description: "Sails over the benches, for the hottest weeks of summer.", districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
    if (!other.ok) throw new Error(other.error);
    const pid = other.proposal.id;
    await prisma.proposal.update({ where: { id: pid }, data: { status: "costing" } }); // another delegate sent it
    const browser = await browserFor(delegate);
    const refused = await settle(() => editAction(args(browser.post(`/proposals/${pid}/edit`, { ...same, title: "Shade sails" }), { id: pid })));
    expect((refused as Response).status).toBe(403);
    expect(inWords(await (refused as Response).text())).toContain("This proposal is with its agency for costing, or has its verdict, so it cannot be edited now.");
  });
});

describe("correcting the voting days", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");
  const url = `/admin/cycles/${cycle.slug}`;
  const post = async (who: Parameters<typeof browserFor>[0], fields: Record<string, string>) =>
    settle(async () => adminAction(args((await browserFor(who)).post(url, { intent: "update-dates", ...fields }), { slug: cycle.slug })));

  it("lets the PB office extend voting but not move the day it opened, refusing a closing day already gone by its field with the day typed kept", async () => {
    const past = answerOf<{ dates: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }>(await post(admin, { votingOpensOn: "2019-03-01", votingClosesOn: "2019-03-31" }));
    expect(past.httpStatus).toBe(400);
    expect(past.reply.dates.error.votingClosesOn.map((e) => inWords(e))).toEqual(["This closing day has already passed: give the day voting will close."]);
    expect(past.reply.dates.initialValue).toMatchObject({ votingClosesOn: "2019-03-31" });
    // Voting is open: its first day stays as it was (ballots were cast from it), whatever a form sends.
    const opened = (await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).votingOpensOn;
    const saved = (await post(admin, { votingOpensOn: "2099-06-01", votingClosesOn: "2099-12-15" })) as Response;
    expect(saved.headers.get("Location")).toBe(`${url}?notice=dates`);
    expect(await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({ votingOpensOn: opened, votingClosesOn: "2099-12-15" });
    expect(await prisma.auditLog.count({ where: { action: "cycle.voting-dates", targetId: cycle.id } })).toBe(1);
  });

  it("refuses anyone but the PB office, and any change once voting has closed", async () => {
    const resident = await makeUser(["resident"]);
    expect(((await post(resident, { votingClosesOn: "2099-12-31" })) as Response).status).toBe(403);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    expect(((await post(admin, { votingClosesOn: "2099-12-31" })) as Response).status).toBe(409);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).votingClosesOn).toBe("2099-12-15");
  });
});

describe("a batch of voter codes made without a label", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");

  it("is named in the language the PB office works in", async () => {
    const post = async (lng: string) =>
      settle(async () =>
        adminAction(args((await browserFor(admin)).post(`/admin/cycles/${cycle.slug}?lng=${lng}`, { intent: "generate-codes", districtId: cycle.districts[0].id, count: "2", label: "" }), { slug: cycle.slug })),
      );
    expect(((await post("es")) as Response).status).toBe(302);
    expect(((await post("en")) as Response).status).toBe(302);
    const labels = (await prisma.voterCodeBatch.findMany({ where: { cycleId: cycle.id }, orderBy: { createdAt: "asc" } })).map((b) => b.label);
    expect(labels).toEqual(["Lote", "Batch"]);
  });
});

describe("who may vote with an account", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");
  const fields = { accountVoting: true, minAge: 16, residencyRule: "" };

  it("is fixed once voting is open, in the data layer (no ballot slips in between) and on the admin page (409)", async () => {
    const before = await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { accountVoting: true, minAge: true } });
    expect(await updateEligibility(cycle.id, fields, admin)).toEqual({ ok: false });
    const page = (await settle(async () =>
      adminAction(args((await browserFor(admin)).post(`/admin/cycles/${cycle.slug}`, { intent: "update-eligibility", accountVoting: "yes", minAge: "16", residencyRule: "" }), { slug: cycle.slug })),
    )) as Response;
    expect(page.status).toBe(409);
    expect(await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { accountVoting: true, minAge: true } })).toEqual(before);
  });
});

describe("closing voting after a restore onto a server with another SESSION_SECRET", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "voting");

  it("is refused, saying why and what to do, while a ballot waiting for the mix cannot be opened; nothing is lost", async () => {
    // What a ballot sealed under another secret looks like to this server: bytes its key does not open.
    const foreign = await prisma.sealedBallot.create({ data: { cycleId: cycle.id, districtId: cycle.districts[0].id, sealed: randomBytes(60).toString("base64url") } });
    const refused = await advancePhase(cycle.id, admin);
    expect(refused.ok).toBe(false);
    expect(allInWords(refused.ok ? [] : refused.blockers)).toEqual([expect.stringContaining("1 ballot or survey answer waiting for the mix cannot be opened by this server")]);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("voting");
    expect(await prisma.sealedBallot.count({ where: { id: foreign.id } })).toBe(1);
  });
});
