import { createUserSession, hashPassword } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { createCycle, generateVoterCodes, updateBallotRules } from "~/db/cycles.server";
import { saveCostEstimate } from "~/db/costing.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { csrf } from "~/csrf.server";
import type { Actor, Role } from "~/domain/auth/roles";
import type { Phase } from "~/domain/cycles/phases";
import { DEFAULT_BALLOT_RULES, type BallotRulesInput } from "~/domain/cycles/rules-schema";
import { action as ballotAction, loader as ballotLoader } from "~/routes/vote.ballot";

let counter = 0;
const PASSWORD_HASH = hashPassword("test-password-123");

export async function makeUser(roles: Role[], agency?: string, opts: { lead?: boolean } = {}): Promise<Actor> {
  counter += 1;
  const agencyId = agency
    ? (await prisma.agency.upsert({ where: { name: agency }, update: {}, create: { name: agency } })).id
    : null;
  const user = await prisma.user.create({
    data: {
      email: `user${counter}-${Date.now()}@test.example`,
      name: `Test ${roles.join("+")} ${counter}`,
      passwordHash: await PASSWORD_HASH,
      emailConfirmedAt: new Date(), // a confirmed address, as every account made before sign-up confirmation
      agencyId,
      agencyLead: opts.lead ?? false,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return { id: user.id, name: user.name, email: user.email, roles, agencyId, agencyLead: opts.lead ?? false };
}

/** A cycle with two districts and two categories, moved straight to `phase`. */
export async function makeCycle(admin: Actor, phase: Phase, budgets: [number, number] = [100_000_00, 50_000_00]) {
  counter += 1;
  const cycle = await createCycle(
    {
      name: `Test cycle ${counter}`,
      slug: `test-${counter}-${Date.now()}`,
      description: "",
      currency: "USD",
      ...DEFAULT_BALLOT_RULES,
      districts: [
        { name: "North", budget: budgets[0], population: 1000 },
        { name: "South", budget: budgets[1], population: 800 },
      ],
      categories: ["Parks", "Streets"],
    },
    admin,
  );
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase } });
  return prisma.cycle.findUniqueOrThrow({
    where: { id: cycle.id },
    include: { districts: { orderBy: { name: "asc" } }, categories: { orderBy: { name: "asc" } } },
  });
}

/** Cookies and a CSRF token for requests made as `actor` (or a visitor). */
export async function browserFor(actor: Actor | null) {
  const [token, csrfCookie] = await csrf.commitToken();
  const cookies = [csrfCookie!.split(";")[0]];
  if (actor) cookies.push((await createUserSession(new Request("http://test/"), actor.id)).split(";")[0]);
  const cookie = () => cookies.join("; ");
  return {
    token,
    /** Adds cookies the server set, as a browser would. */
    remember(response: Response) {
      const set = response.headers.get("Set-Cookie");
      if (!set) return;
      const [pair] = set.split(";");
      const name = pair.split("=")[0];
      const i = cookies.findIndex((c) => c.startsWith(`${name}=`));
      if (i >= 0) cookies[i] = pair;
      else cookies.push(pair);
    },
    /** A multipart form (with files), as a browser sends an upload. */
    postMultipart(url: string, form: FormData, opts: { csrf?: boolean } = {}) {
      if (opts.csrf !== false) form.append("csrf", token);
      return new Request(`http://test${url}`, { method: "POST", body: form, headers: { Cookie: cookie() } });
    },
    get(url: string) {
      return new Request(`http://test${url}`, { headers: { Cookie: cookie() } });
    },
    post(url: string, fields: Record<string, string | string[]>, opts: { csrf?: boolean } = {}) {
      const body = new URLSearchParams();
      if (opts.csrf !== false) body.append("csrf", token);
      for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
      return new Request(`http://test${url}`, {
        method: "POST",
        body,
        headers: { Cookie: cookie(), "Content-Type": "application/x-www-form-urlencoded" },
      });
    },
  };
}

/** Runs a loader or action and returns what it returned or threw (Remix throws Responses). */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/**
 * A step of the ballot sent as a browser sends it: the answer is the page to go to (post, redirect,
 * get), which is then opened with the cookies it set. The page's data, and where it was.
 */
export async function ballotStep(voter: Awaited<ReturnType<typeof browserFor>>, fields: Record<string, string | string[]>, url = "/vote/ballot") {
  const sent = (await settle(() => ballotAction(args(voter.post(url, fields))))) as Response;
  const location = sent.headers.get("Location")!;
  voter.remember(sent);
  const page = answerOf<{ step: "choose" | "review"; draft: { selection: string[]; ranks: Record<string, string>; errors: string[] } | null }>(
    await ballotLoader(args(voter.get(location))),
  ).reply;
  return { location, page, sent };
}

/** An action's answer without its HTTP wrapping: the status and the form reply. */
export function answerOf<T = { status?: string; error: Record<string, string[]>; initialValue: Record<string, unknown> }>(result: unknown): { httpStatus: number; reply: T } {
  const wrapped = result as { type?: string; init?: { status?: number }; data?: T };
  return wrapped?.type === "DataWithResponseInit"
    ? { httpStatus: wrapped.init?.status ?? 200, reply: wrapped.data as T }
    : { httpStatus: 200, reply: result as T };
}

/**
 * A cycle in voting with costed proposals (one unless asked) in its first district and six voter codes there.
 * Each proposal costs 20 trees at `treeCents` (500 each unless asked); the districts' budgets are makeCycle's unless asked.
 */
export async function votingCycle(opts: { proposals?: number; tallyRule?: BallotRulesInput["tallyRule"]; budgets?: [number, number]; treeCents?: number } = {}) {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const staff = await makeUser(["staff"], "Parks");
  const cycle = await makeCycle(admin, "costing", opts.budgets);
  const d = cycle.districts[0];
  const proposalIds: string[] = [];
  for (let i = 0; i < (opts.proposals ?? 1); i++) {
    const title = i === 0 ? "Shade trees" : `Shade trees, phase ${i + 1}`;
    const idea = await createIdea(cycle.id, { title, description: "Shade trees for the playground.", districtId: d.id, categoryId: cycle.categories[0].id, location: "" }, admin);
    const created = await createProposal(cycle.id, { title, description: "Twenty shade trees around the playground, watered for two years.", districtId: d.id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
    if (!created.ok) throw new Error(created.error);
    await sendForCosting(created.proposal.id, staff.agencyId!, delegate);
    await saveCostEstimate(created.proposal.id, { lineItems: [{ description: "Trees", quantity: 20, unitCostCents: opts.treeCents ?? 500_00 }], verdict: "feasible", publicReason: "City land, our remit, recent prices." }, staff);
    proposalIds.push(created.proposal.id);
  }
  if (opts.tallyRule) {
    const rules = await updateBallotRules(cycle.id, { ...DEFAULT_BALLOT_RULES, tallyRule: opts.tallyRule }, admin);
    if (!rules.ok) throw new Error(rules.reason);
  }
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
  await generateVoterCodes(cycle.id, d.id, 6, "test", admin);
  const codes = await prisma.voterCode.findMany({ where: { districtId: d.id }, orderBy: { code: "asc" } });
  return { admin, staff, cycle, proposalId: proposalIds[0], proposalIds, codes };
}

/** A proposal of a cycle in implementation, funded as a project with a 10,000 budget, run by `agencyId`. */
export async function fundedProject(admin: Actor, agencyId: string, title = "Riverside playground") {
  const cycle = await makeCycle(admin, "implementation");
  const d = cycle.districts[0];
  const proposal = await prisma.proposal.create({
    data: { number: 1, cycleId: cycle.id, districtId: d.id, categoryId: cycle.categories[0].id, agencyId, title, description: "A new playground by the river.", status: "feasible" },
  });
  const project = await prisma.project.create({ data: { proposalId: proposal.id, cycleId: cycle.id, districtId: d.id, agencyId, title, budgetCents: 10_000_00 } });
  return { cycle, project };
}
