import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { generateVoterCodes } from "~/db/cycles.server";
import { saveCostEstimate } from "~/db/costing.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import type { Actor } from "~/domain/auth/roles";
import * as adminCycle from "~/routes/admin.cycles.$slug";
import * as adminCycleNew from "~/routes/admin.cycles.new";
import * as adminIndex from "~/routes/admin._index";
import * as codesCsv from "~/routes/admin.codes.$batchId[.csv]";
import * as codesPrint from "~/routes/admin.codes.$batchId.print";
import * as resultsCsv from "~/routes/results.export[.csv]";
import * as costingItem from "~/routes/costing.$id";
import * as costingIndex from "~/routes/costing._index";
import * as costingAssign from "~/routes/costing.$id_.assign";
import * as criteriaPage from "~/routes/admin.cycles.$slug_.criteria";
import * as cycleDetails from "~/routes/admin.cycles.$slug_.details";
import * as ideaPage from "~/routes/ideas.$id";
import * as ideaNew from "~/routes/ideas.new";
import * as projectPage from "~/routes/projects.$id";
import * as proposalEdit from "~/routes/proposals.$id_.edit";
import * as proposalPage from "~/routes/proposals.$id";
import * as proposalNew from "~/routes/proposals.new";
import * as comments from "~/routes/comments";
import * as committeesAdmin from "~/routes/admin.cycles.$slug_.committees";
import * as committeesMine from "~/routes/committees";
import * as follows from "~/routes/follows";
import * as ideaImport from "~/routes/admin.cycles.$slug_.import-ideas";
import * as ideaOutcomes from "~/routes/ideas.outcomes";
import * as paperBallots from "~/routes/admin.cycles.$slug_.paper";
import * as proposalCompare from "~/routes/proposals.$id_.compare";
import * as translate from "~/routes/translate.$type.$id";
import * as account from "~/routes/account";
import { args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

// Every guarded route × every role → allowed or refused, for loaders and actions.
const ROLES = ["visitor", "resident", "delegate", "staffA", "staffB", "admin"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "allow" | "login" | "deny";

describe("authorization matrix", async () => {
  const people: Record<Exclude<Role, "visitor">, Actor> = {
    resident: await makeUser(["resident"]),
    delegate: await makeUser(["delegate", "resident"]),
    staffA: await makeUser(["staff"], "Agency A"),
    staffB: await makeUser(["staff"], "Agency B"),
    admin: await makeUser(["admin", "resident"]),
  };
  const actorOf = (role: Role) => (role === "visitor" ? null : people[role]);

  // A cycle collecting ideas, and one in costing with a draft proposal and one sent to agency A.
  const ideasCycle = await makeCycle(people.admin, "ideas");
  const cycle = await makeCycle(people.admin, "costing");
  const d = cycle.districts[0];
  const c = cycle.categories[0];
  const idea = await createIdea(cycle.id, { title: "Benches please", description: "Benches along the river for everyone.", districtId: d.id, categoryId: c.id, location: "" }, people.resident);
  const mk = async (title: string) => {
    const r = await createProposal(cycle.id, { title, description: `${title}: a proposal with enough words to be real.`, districtId: d.id, categoryId: c.id, ideaIds: [idea.id] }, people.delegate);
    if (!r.ok) throw new Error(r.error);
    return r.proposal.id;
  };
  const draft = await mk("Draft proposal");
  const sent = await mk("Sent proposal");
  await sendForCosting(sent, people.staffA.agencyId!, people.delegate);
  const funded = await mk("Funded proposal");
  await sendForCosting(funded, people.staffA.agencyId!, people.delegate);
  await saveCostEstimate(funded, { lineItems: [{ description: "Work", quantity: 1, unitCostCents: 100_00 }], verdict: "feasible", publicReason: "City land, our remit, recent prices." }, people.staffA);
  const project = await prisma.project.create({ data: { proposalId: funded, cycleId: cycle.id, districtId: d.id, agencyId: people.staffA.agencyId, title: "Funded proposal", budgetCents: 100_00 } });
  const made = await generateVoterCodes(cycle.id, d.id, 2, "matrix", people.admin);
  if (!made.ok) throw new Error("codes not made");
  const batch = made.batch;
  const votingCycle = await makeCycle(people.admin, "voting");
  // A cycle developing proposals, with a draft: the only phase in which new proposals are written and first sent.
  const proposalsCycle = await makeCycle(people.admin, "proposals");
  const proposalsIdea = await createIdea(proposalsCycle.id, { title: "Shade please", description: "Shade over the playground benches.", districtId: proposalsCycle.districts[0].id, categoryId: proposalsCycle.categories[0].id, location: "" }, people.resident);
  const newDraft = await createProposal(proposalsCycle.id, { title: "Shade sails", description: "Shade sails over the playground benches, for the summer.", districtId: proposalsCycle.districts[0].id, categoryId: proposalsCycle.categories[0].id, ideaIds: [proposalsIdea.id] }, people.delegate);
  if (!newDraft.ok) throw new Error(newDraft.error);
  const firstDraft = newDraft.proposal.id;

  const estimateForm = { "items[0].description": "Work", "items[0].quantity": "1", "items[0].unitCost": "100", verdict: "feasible", publicReason: "City land, our remit, recent prices." };
  const A = "allow", L = "login", D = "deny";
  // [what, run(request), path, expected per role: visitor, resident, delegate, staffA, staffB, admin]
  const cases: [string, "GET" | "POST", string, Record<string, string>, (req: Request) => Promise<unknown>, Outcome[]][] = [
    ["costing queue", "GET", "/costing", {}, (r) => costingIndex.loader(args(r)), [L, D, D, A, A, A]],
    ["costing page", "GET", `/costing/${sent}`, {}, (r) => costingItem.loader(args(r, { id: sent })), [L, D, D, A, D, D]],
    ["cost a proposal", "POST", `/costing/${sent}`, estimateForm, (r) => costingItem.action(args(r, { id: sent })), [L, D, D, A, D, D]],
    ["assign to an agency", "POST", `/costing/${sent}/assign`, { agencyId: people.staffA.agencyId! }, (r) => costingAssign.action(args(r, { id: sent })), [L, D, D, D, D, A]],
    ["eligibility criteria", "GET", `/admin/cycles/${cycle.slug}/criteria`, {}, (r) => criteriaPage.loader(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["cycle names, districts and categories", "GET", `/admin/cycles/${cycle.slug}/details`, {}, (r) => cycleDetails.loader(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["correct a cycle's name", "POST", `/admin/cycles/${cycle.slug}/details`, { name: cycle.name }, (r) => cycleDetails.action(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["admin home", "GET", "/admin", {}, (r) => adminIndex.loader(args(r)), [L, D, D, D, D, A]],
    ["new cycle form", "GET", "/admin/cycles/new", {}, (r) => adminCycleNew.loader(args(r)), [L, D, D, D, D, A]],
    ["manage a cycle", "GET", `/admin/cycles/${cycle.slug}`, {}, (r) => adminCycle.loader(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["advance a phase", "POST", `/admin/cycles/${cycle.slug}`, { intent: "advance", confirmMove: "yes" }, (r) => adminCycle.action(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["voter codes CSV", "GET", `/admin/codes/${batch.id}.csv`, {}, (r) => codesCsv.loader(args(r, { batchId: batch.id })), [L, D, D, D, D, A]],
    ["voter code slips", "GET", `/admin/codes/${batch.id}/print`, {}, (r) => codesPrint.loader(args(r, { batchId: batch.id })), [L, D, D, D, D, A]],
    ["new proposal form", "GET", `/proposals/new?cycle=${proposalsCycle.slug}`, {}, (r) => proposalNew.loader(args(r)), [L, D, A, D, D, D]],
    // Once costing started, nothing new joins the agencies' queue: no new proposal, no first sending.
    ["new proposal form while costing", "GET", `/proposals/new?cycle=${cycle.slug}`, {}, (r) => proposalNew.loader(args(r)), [L, D, D, D, D, D]],
    ["edit a draft proposal", "GET", `/proposals/${draft}/edit`, {}, (r) => proposalEdit.loader(args(r, { id: draft })), [L, D, A, D, D, D]],
    ["send for costing", "POST", `/proposals/${firstDraft}`, { agencyId: people.staffA.agencyId! }, (r) => proposalPage.action(args(r, { id: firstDraft })), [L, D, A, D, D, D]],
    ["send a never-sent draft while costing", "POST", `/proposals/${draft}`, { agencyId: people.staffA.agencyId! }, (r) => proposalPage.action(args(r, { id: draft })), [L, D, D, D, D, D]],
    ["new idea form", "GET", `/ideas/new?cycle=${ideasCycle.slug}`, {}, (r) => ideaNew.loader(args(r)), [L, A, A, D, D, A]],
    ["support an idea", "POST", `/ideas/${idea.id}`, { intent: "support" }, (r) => ideaPage.action(args(r, { id: idea.id })), [L, D, D, D, D, D]],
    // Supports are closed in costing: what was counted stays, for everyone.
    ["take back a support", "POST", `/ideas/${idea.id}`, { intent: "unsupport" }, (r) => ideaPage.action(args(r, { id: idea.id })), [L, D, D, D, D, D]],
    ["post a project update", "POST", `/projects/${project.id}`, { status: "in_progress", percentComplete: "10", postedOn: "2026-11-26", note: "Work has started on site." }, (r) => projectPage.action(args(r, { id: project.id })), [L, D, D, A, D, A]],
    ["add a project milestone", "POST", `/projects/${project.id}`, { intent: "milestone-add", title: "Site survey", plannedOn: "2026-12-01" }, (r) => projectPage.action(args(r, { id: project.id })), [L, D, D, A, D, A]],
    // (A reason too short: those let in get the form back, so every role meets the same milestone.)
    ["drop a project milestone", "POST", `/projects/${project.id}`, { intent: "milestone-drop", milestoneId: "m", reason: "no" }, (r) => projectPage.action(args(r, { id: project.id })), [L, D, D, A, D, A]],
    ["record project spending", "POST", `/projects/${project.id}`, { intent: "spend-add", spentOn: "2026-11-20", amount: "10", description: "Survey" }, (r) => projectPage.action(args(r, { id: project.id })), [L, D, D, A, D, A]],
    ["read a project", "GET", `/projects/${project.id}`, {}, (r) => projectPage.loader(args(r, { id: project.id })), [A, A, A, A, A, A]],
    ["read a proposal", "GET", `/proposals/${sent}`, {}, (r) => proposalPage.loader(args(r, { id: sent })), [A, A, A, A, A, A]],
    ["compare revisions", "GET", `/proposals/${sent}/compare`, {}, (r) => proposalCompare.loader(args(r, { id: sent })), [A, A, A, A, A, A]],
    ["every idea's outcome", "GET", `/ideas/outcomes?cycle=${cycle.slug}`, {}, (r) => ideaOutcomes.loader(args(r)), [A, A, A, A, A, A]],
    ["import ideas", "GET", `/admin/cycles/${ideasCycle.slug}/import-ideas`, {}, (r) => ideaImport.loader(args(r, { slug: ideasCycle.slug })), [L, D, D, D, D, A]],
    ["enter paper ballots", "GET", `/admin/cycles/${votingCycle.slug}/paper`, {}, (r) => paperBallots.loader(args(r, { slug: votingCycle.slug })), [L, D, D, D, D, A]],
    ["manage committees", "GET", `/admin/cycles/${cycle.slug}/committees`, {}, (r) => committeesAdmin.loader(args(r, { slug: cycle.slug })), [L, D, D, D, D, A]],
    ["my committees", "GET", "/committees", {}, (r) => committeesMine.loader(args(r)), [L, D, A, D, D, D]],
    ["translate a proposal", "GET", `/translate/proposal/${sent}`, {}, (r) => translate.loader(args(r, { type: "proposal", id: sent })), [L, D, D, A, D, A]],
    // No agency costs it yet (a draft, or one handed back): no agency's staff may write its ballot text.
    ["translate a proposal no agency has", "POST", `/translate/proposal/${draft}`, { locale: "es", title: "Bancos", description: "Bancos a lo largo del río." }, (r) => translate.action(args(r, { type: "proposal", id: draft })), [L, D, D, D, D, A]],
    ["translate a cycle", "GET", `/translate/cycle/${cycle.id}`, {}, (r) => translate.loader(args(r, { type: "cycle", id: cycle.id })), [L, D, D, D, D, A]],
    ["translate a category", "POST", `/translate/category/${c.id}`, { locale: "es", title: "Parques" }, (r) => translate.action(args(r, { type: "category", id: c.id })), [L, D, D, D, D, A]],
    // An agency's name is the PB office's text, not its staff's (not even its own).
    ["translate an agency's name", "POST", `/translate/agency/${people.staffA.agencyId}`, { locale: "es", title: "Parques" }, (r) => translate.action(args(r, { type: "agency", id: people.staffA.agencyId! })), [L, D, D, D, D, A]],
    ["comment on an idea", "POST", "/comments", { intent: "add", targetType: "idea", targetId: idea.id, body: "A comment." }, (r) => comments.action(args(r)), [L, A, A, A, A, A]],
    ["ask the costing staff", "POST", "/comments", { intent: "add", targetType: "proposal", targetId: sent, channel: "costing", body: "A question." }, (r) => comments.action(args(r)), [L, D, A, A, D, A]],
    ["your account", "GET", "/account", {}, (r) => account.loader(args(r)), [L, A, A, A, A, A]],
    ["follow an idea", "POST", "/follows", { targetType: "idea", targetId: idea.id, follow: "yes" }, (r) => follows.action(args(r)), [L, A, A, A, A, A]],
  ];

  function classify(result: unknown): Outcome {
    if (result instanceof Response) {
      if (result.status === 403) return "deny";
      if (result.status >= 300 && result.status < 400) return result.headers.get("Location")?.startsWith("/login") ? "login" : "allow";
      if (result.status < 300) return "allow";
      throw new Error(`Unexpected status ${result.status}`);
    }
    return "allow";
  }

  for (const [what, method, path, form, run, expected] of cases) {
    it(`${what}: ${ROLES.map((r, i) => `${r} ${expected[i]}`).join(", ")}`, async () => {
      const actual: Outcome[] = [];
      for (const role of ROLES) {
        const browser = await browserFor(actorOf(role));
        const request = method === "GET" ? browser.get(path) : browser.post(path, form);
        actual.push(classify(await settle(() => run(request))));
      }
      expect(actual).toEqual(expected);
    });
  }

  it("lets no cache keep unused voter codes: the slips page and the CSV say no-store", async () => {
    expect(new Headers(codesPrint.headers()).get("Cache-Control")).toBe("no-store");
    const office = await browserFor(people.admin);
    const csv = (await codesCsv.loader(args(office.get(`/admin/codes/${batch.id}.csv`), { batchId: batch.id }))) as Response;
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    // Named by its batch too: a district's several batches (letters, a library, a reprint) do not overwrite each other.
    expect(csv.headers.get("Content-Disposition")).toContain(`filename="voter-codes-${cycle.slug}-${d.name}-matrix.csv"`);
  });

  it("answers a refused download in words, in the reader's language, not with a message key", async () => {
    const resident = await browserFor(people.resident);
    const refused = (await settle(() => codesCsv.loader(args(resident.get(`/admin/codes/${batch.id}.csv`), { batchId: batch.id })))) as Response;
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await refused.text()).toBe("Only the PB office can download voter codes.");
    const enEspanol = (await settle(() => codesCsv.loader(args(resident.get(`/admin/codes/${batch.id}.csv?lng=es`), { batchId: batch.id })))) as Response;
    expect(await enEspanol.text()).not.toMatch(/^admin:|PB office/);
    const missing = (await settle(() => resultsCsv.loader(args(resident.get("/results/export.csv?cycle=no-such-cycle"))))) as Response;
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("We could not find that cycle.");
  });

  it("answers the PB office 409 with the reason when an action waits for another phase (not 403: they may, just not now)", async () => {
    const browser = await browserFor(people.admin);
    for (const intent of ["run-tally", "publish", "create-projects"]) {
      const response = (await settle(() => adminCycle.action(args(browser.post(`/admin/cycles/${cycle.slug}`, { intent }), { slug: cycle.slug })))) as Response;
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(/^admin:errors\./);
    }
  });
});
