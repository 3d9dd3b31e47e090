// Seeds the demo: the completed 2025–26 cycle (results published, projects under way),
// the 2026–27 cycle in its vote, and a youth cycle collecting ideas.
// `--if-empty` makes it a no-op on a database that already has users.
import { hashPassword } from "~/auth.server";
import { castBallot } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { cycleCriteria, saveCostEstimate } from "~/db/costing.server";
import { reviseProposal } from "~/db/proposals.server";
import { budgetOutcome, estimateTotals, type CheckOutcome } from "~/domain/costing/estimate";
import { addComment } from "~/db/comments.server";
import { addMember, createCommittee } from "~/db/committees.server";
import { setFollowing } from "~/db/follows.server";
import { saveTranslation } from "~/db/translations.server";
import { updateEligibility, createCycle, generateVoterCodes } from "~/db/cycles.server";
import { createIdea, markNotTakenForward, supportIdea } from "~/db/ideas.server";
import { addMilestone, addSpend, postProjectUpdate, createProjectsFromWinners } from "~/db/projects.server";
import { storePhoto } from "~/uploads.server";
import sharp from "sharp";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { publishResults, runTally } from "~/db/results.server";
import { recordSurveyAnswer, saveCensus, saveSurveyCategories } from "~/db/participation.server";
import { AGE_BANDS, GENDERS, HOME_LANGUAGES } from "~/domain/participation/survey";
import type { Actor, Role } from "~/domain/auth/roles";
import { checkBallot } from "~/domain/ballots/rules";
import type { Phase } from "~/domain/cycles/phases";
import { DEFAULT_BALLOT_RULES } from "~/domain/cycles/rules-schema";
import { todayIso } from "~/domain/fields";
import {
  AGENCIES, CATEGORIES, CATEGORIES_ES, COSTING_PROPOSALS, DEMO_PASSWORD, DISTRICTS, LIBRARY_PROPOSALS, OTHER_IDEAS, PROJECT_UPDATES, PROPOSALS, RESIDENT_NAMES,
  SCHOOL_PROPOSALS, SURVEY_CENSUS, SURVEY_ETHNICITIES, SURVEY_ETHNICITIES_ES, VOTING_CYCLES_ES, PAST_CYCLE_ES, PROJECTS_ES, VOTING_PROPOSALS, YOUTH_IDEAS,
} from "./seed-data";

/** Deterministic pseudo-random numbers, so every demo database looks the same. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(2026);
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
// A second stream for the survey, so adding it left the rest of the demo as it was.
const surveyRandom = mulberry32(6);
// The cycles voting now (and the next one's voting days) are dated from the day the demo is seeded,
// so a demo installed later still shows voting open with its close ahead.
const daysFromToday = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));
const weighted = <T extends string>(shares: Partial<Record<T, number>>, skew: Partial<Record<T, number>> = {}) => {
  const entries = Object.entries(shares).map(([k, v]) => [k, (v as number) * ((skew as Record<string, number>)[k] ?? 1)] as const);
  let r = surveyRandom() * entries.reduce((s, [, v]) => s + v, 0);
  for (const [k, v] of entries) if ((r -= v) < 0) return k as T;
  return entries[0][0] as T;
};

export const DEMO_LOGINS = [
  { role: "admin", email: "admin@riverside.example", name: "Alex Admin (PB office)", roles: ["admin", "resident"] },
  { role: "delegate", email: "delegate@riverside.example", name: "Dana Delegate", roles: ["delegate", "resident"] },
  { role: "staff", email: "parks@riverside.example", name: "Sam Staff (Parks)", roles: ["staff"], agency: "Parks & Recreation", lead: true },
  { role: "staff", email: "transport@riverside.example", name: "Tara Staff (Transportation)", roles: ["staff"], agency: "Transportation" },
  { role: "staff", email: "libraries@riverside.example", name: "Lee Staff (Schools & Libraries)", roles: ["staff"], agency: "Schools & Libraries" },
  { role: "resident", email: "resident@riverside.example", name: "Rosa Resident", roles: ["resident"] },
] as const;

/** The cycle's checklist for a seeded estimate: manual criteria as given (else met), the budget one computed. */
async function checklist(cycleId: string, districtId: string, lines: { quantity: number; unitCostCents: number; recurring?: boolean }[], contingencyPercent: number, answers: Record<string, [CheckOutcome, string]> = {}) {
  const district = await prisma.district.findUniqueOrThrow({ where: { id: districtId } });
  const { totalCents } = estimateTotals(lines, contingencyPercent);
  return (await cycleCriteria(cycleId)).map((c, position) => ({
    criterionId: c.id, position, label: c.label, kind: c.kind,
    outcome: c.kind === "district_budget" ? budgetOutcome(totalCents, district.budgetCents) : answers[c.label]?.[0] ?? "met",
    note: answers[c.label]?.[1] ?? "",
  }));
}

async function setPhase(cycleId: string, phase: Phase) {
  await prisma.cycle.update({ where: { id: cycleId }, data: { phase } });
}

async function seed() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const agencies = new Map<string, string>();
  for (const name of AGENCIES) agencies.set(name, (await prisma.agency.create({ data: { name } })).id);

  const actors = new Map<string, Actor>();
  for (const u of DEMO_LOGINS) {
    const agencyId = "agency" in u ? agencies.get(u.agency)! : null;
    const user = await prisma.user.create({
      // The demo's addresses count as confirmed, so followers' e-mails show in /dev/outbox.
      data: { email: u.email, name: u.name, passwordHash, emailConfirmedAt: new Date(), agencyId, agencyLead: "lead" in u, roles: { create: u.roles.map((role) => ({ role })) } },
    });
    actors.set(u.email, { id: user.id, name: user.name, email: user.email, agencyId, agencyLead: "lead" in u, roles: [...u.roles] as Role[] });
  }
  const residents: Actor[] = [];
  for (const name of RESIDENT_NAMES) {
    const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@riverside.example`;
    const user = await prisma.user.create({ data: { email, name, passwordHash, emailConfirmedAt: new Date(), roles: { create: [{ role: "resident" }] } } });
    residents.push({ id: user.id, name, email, agencyId: null, roles: ["resident"] });
  }
  const admin = actors.get("admin@riverside.example")!;
  const delegate = actors.get("delegate@riverside.example")!;
  const staffOf = (agency: string) => [...actors.values()].find((a) => a.agencyId === agencies.get(agency))!;

  const describe = (title: string, district: string) =>
    `${title}. I live in ${district} and pass by here most days; this would make a real difference for our neighbours, especially children and older people.`;

  /** Runs a cycle from ideas to costing with the given proposals. */
  async function developCycle(
    cycle: Awaited<ReturnType<typeof createCycle>>,
    proposals: Record<string, { title: string; description: string; category: string; agency: string; items: [string, number, number][]; feasible?: false; reason?: string; ideas?: string[] }[]>,
    otherIdeas: { district: string; title: string; category: string; reason?: string }[],
  ) {
    const full = (await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, include: { districts: true, categories: true } }));
    const districtId = (name: string) => full.districts.find((d) => d.name === name)!.id;
    const categoryId = (name: string) => full.categories.find((c) => c.name === name)!.id;
    await setPhase(cycle.id, "ideas");
    const ideaIds = new Map<string, string>();
    const ideaSeeds = [
      ...Object.entries(proposals).flatMap(([district, list]) =>
        list.flatMap((p) => (p.ideas ?? [p.title]).map((title) => ({ district, title, category: p.category }))),
      ),
      ...otherIdeas,
    ];
    for (const s of ideaSeeds) {
      const idea = await createIdea(
        cycle.id,
        { title: s.title, description: describe(s.title, s.district), districtId: districtId(s.district), categoryId: categoryId(s.category), location: "" },
        pick(residents),
      );
      ideaIds.set(s.title, idea.id);
      const supporters = Math.floor(random() * 12);
      for (let i = 0; i < supporters; i++) await supportIdea(idea.id, pick(residents));
    }
    await setPhase(cycle.id, "proposals");
    for (const s of otherIdeas) if (s.reason) await markNotTakenForward(ideaIds.get(s.title)!, s.reason, delegate);
    await setPhase(cycle.id, "costing");
    for (const [district, list] of Object.entries(proposals)) {
      for (const p of list) {
        const created = await createProposal(
          cycle.id,
          { title: p.title, description: p.description, districtId: districtId(district), categoryId: categoryId(p.category), ideaIds: (p.ideas ?? [p.title]).map((t) => ideaIds.get(t)!) },
          delegate,
        );
        if (!created.ok) throw new Error(created.error);
        await sendForCosting(created.proposal.id, agencies.get(p.agency)!, delegate);
        const lineItems = p.items.map(([description, quantity, unit]) => ({ description, quantity, unitCostCents: unit * 100 }));
        await saveCostEstimate(
          created.proposal.id,
          {
            lineItems,
            checks: await checklist(cycle.id, districtId(district), lineItems, 0),
            verdict: p.feasible === false ? "not_feasible" : "feasible",
            publicReason: p.reason ?? "The site is public land, the work is within our remit, and the price is based on recent contracts for similar work.",
          },
          staffOf(p.agency),
        );
      }
    }
    return full;
  }

  /** Simulated voters: each picks popular projects at random while they fit the budget. */
  async function simulateVotes(cycleId: string, voters: number) {
    const districts = await prisma.district.findMany({ where: { cycleId } });
    for (const d of districts) {
      await generateVoterCodes(cycleId, d.id, voters + 40, "Mailing to registered households", admin);
      const codes = await prisma.voterCode.findMany({ where: { districtId: d.id }, orderBy: { code: "asc" }, take: voters });
      const options = await prisma.proposal.findMany({
        where: { districtId: d.id, status: "feasible" },
        include: { costEstimates: { orderBy: { createdAt: "desc" }, take: 1 } },
      });
      const popularity = new Map(options.map((o) => [o.id, 0.25 + random() * 0.7]));
      for (const code of codes) {
        const selected: string[] = [];
        for (const o of [...options].sort(() => random() - 0.5)) {
          if (random() > popularity.get(o.id)!) continue;
          const check = checkBallot(
            { method: "knapsack", budgetCents: d.budgetCents, minSpendPercent: 0 },
            options.map((x) => ({ id: x.id, title: x.title, costCents: x.costEstimates[0].totalCents })),
            { ids: [...selected, o.id] },
          );
          if (check.ok) selected.push(o.id);
        }
        if (selected.length) await castBallot(code, selected);
      }
    }
  }

  // 1. Last year's cycle: complete, with results and projects being built.
  const past = await createCycle(
    {
      name: "Riverside PB 2025–26", slug: "2025", currency: "USD", ...DEFAULT_BALLOT_RULES, tallyRule: "mes-add1",
      description: "Residents of Riverside decided how to spend $750,000 of the capital budget.",
      votingOpensOn: "2026-03-01", votingClosesOn: "2026-03-21",
      districts: DISTRICTS.map((d) => ({ name: d.name, budget: d.budget * 100, population: d.population })),
      categories: [...CATEGORIES],
    },
    admin,
  );
  await developCycle(past, PROPOSALS, OTHER_IDEAS.filter((i) => i.reason));
  await setPhase(past.id, "voting");
  await simulateVotes(past.id, 100);
  await setPhase(past.id, "results");
  await runTally(past.id, admin);
  await publishResults(past.id, admin);
  await setPhase(past.id, "implementation");
  await createProjectsFromWinners(past.id, admin);
  const projects = await prisma.project.findMany({ where: { cycleId: past.id }, orderBy: { title: "asc" } });
  for (const [i, project] of projects.entries()) {
    const updates = PROJECT_UPDATES.slice(0, 1 + (i % PROJECT_UPDATES.length));
    for (const [j, u] of updates.entries()) {
      const staff = project.agencyId ? [...actors.values()].find((a) => a.agencyId === project.agencyId)! : admin;
      await postProjectUpdate(
        project.id,
        { status: u.status, percentComplete: u.percent, note: u.note, postedOn: `2026-${String(5 + j * 2).padStart(2, "0")}-15` },
        staff,
      );
    }
    // Milestones and spending that match how far along each project is (k updates so far).
    const staff = project.agencyId ? [...actors.values()].find((a) => a.agencyId === project.agencyId)! : admin;
    const k = updates.length;
    const milestones: [string, string, string | undefined][] = [
      ["Design and site survey", "2026-04-15", "2026-04-20"],
      ["Contract awarded", "2026-06-01", "2026-05-28"],
      ["Work starts on site", k >= 2 ? "2026-07-15" : "2026-12-15", k >= 2 ? "2026-07-20" : undefined],
      ["Materials delivered", k >= 3 ? "2026-08-15" : "2027-01-31", k >= 3 ? "2026-09-12" : undefined],
      ["Open to the public", k >= 4 ? "2026-10-31" : k === 3 ? "2027-02-15" : "2027-04-30", k >= 4 ? "2026-10-24" : undefined],
    ];
    for (const [title, plannedOn, actualOn] of milestones) await addMilestone(project.id, { title, plannedOn, actualOn }, staff);
    const spends: [string, string, number, string][] = [
      ["2026-04-30", "Design and site survey", 0.08, "INV-2026-0412"],
      ["2026-06-10", "Supplier deposit", k >= 2 ? 0.3 : 0.05, "PO-2026-0871"],
      ...(k >= 2 ? ([["2026-08-30", "Progress payment: work on site", 0.2, "INV-2026-0930"]] as [string, string, number, string][]) : []),
      ...(k >= 3 ? ([["2026-09-20", "Materials, delivered late", 0.15, "INV-2026-1002"]] as [string, string, number, string][]) : []),
      ...(k >= 4 ? ([["2026-10-28", "Final invoice, including extra drainage work", 0.31, "INV-2026-1107"]] as [string, string, number, string][]) : []),
    ];
    for (const [spentOn, description, share, reference] of spends) {
      await addSpend(project.id, { spentOn, description, amount: Math.round((project.budgetCents * share) / 100) * 100, reference }, staff);
    }
  }
  // One finished project has a photo with its last update.
  const finished = projects.find((_, i) => 1 + (i % PROJECT_UPDATES.length) === PROJECT_UPDATES.length);
  if (finished) {
    const stored = await storePhoto(new File([new Uint8Array(await demoPhoto())], "opening.png", { type: "image/png" }));
    const last = await prisma.projectUpdate.findFirst({ where: { projectId: finished.id }, orderBy: { postedOn: "desc" } });
    if ("name" in stored && last) {
      await prisma.projectUpdate.update({ where: { id: last.id }, data: { photo: stored.name, photoAlt: "The finished project on opening day: new paving, benches and young trees under a blue sky" } });
    }
  }
  // And one was cancelled, with the reason given to residents.
  // (one with a single update so far, so the cancellation is its latest news)
  const dropped = projects.find((_, i) => i > 0 && i % PROJECT_UPDATES.length === 0);
  if (dropped) {
    const staff = dropped.agencyId ? [...actors.values()].find((a) => a.agencyId === dropped.agencyId)! : admin;
    await postProjectUpdate(
      dropped.id,
      { status: "cancelled", percentComplete: 0, postedOn: "2026-09-30", note: "The site survey found a protected water main under the only suitable spot; the council will propose an alternative in the next cycle." },
      staff,
    );
  }

  // The survey after voting, answered by some of last year's voters; younger people, Spanish
  // speakers and Hispanic residents answered less than their share of the population.
  await saveSurveyCategories(past.id, [...SURVEY_ETHNICITIES], admin, { es: SURVEY_ETHNICITIES_ES });
  await saveCensus(past.id, SURVEY_CENSUS, admin);
  for (let i = 0; i < 120; i++) {
    const spanish = surveyRandom() < 0.18;
    await recordSurveyAnswer(past.id, `seed-${i}-${surveyRandom()}`, {
      ageBand: surveyRandom() < 0.1 ? "" : weighted<(typeof AGE_BANDS)[number]>(SURVEY_CENSUS.ageBand, { under18: 0.3, "18to24": 0.5, "65plus": 1.6 }),
      gender: surveyRandom() < 0.1 ? "" : weighted<(typeof GENDERS)[number]>(SURVEY_CENSUS.gender),
      homeLanguage: spanish ? "spanish" : weighted<(typeof HOME_LANGUAGES)[number]>({ ...SURVEY_CENSUS.homeLanguage, spanish: 0 }),
      ethnicities: [weighted(SURVEY_CENSUS.ethnicity, { "Hispanic or Latino": spanish ? 3 : 0.4 })],
      firstTime: surveyRandom() < 0.3 ? "yes" : "no",
    });
  }
  // Some of last year's voters used the Spanish ballot.
  const pastVoters = await prisma.participation.findMany({ where: { cycleId: past.id }, select: { id: true }, orderBy: { id: "asc" } });
  for (const p of pastVoters) if (surveyRandom() < 0.17) await prisma.participation.update({ where: { id: p.id }, data: { locale: "es" } });

  // 2. This year's cycle: voting is open.
  const current = await createCycle(
    {
      name: "Riverside PB 2026–27", slug: "2026", currency: "USD", ...DEFAULT_BALLOT_RULES,
      description: "Vote for the projects you want in your district. Each district has its own budget and ballot.",
      votingOpensOn: daysFromToday(-14), votingClosesOn: daysFromToday(16),
      districts: DISTRICTS.map((d) => ({ name: d.name, budget: Math.round(d.budget * 0.4) * 100, population: d.population })),
      categories: [...CATEGORIES],
    },
    admin,
  );
  await developCycle(current, VOTING_PROPOSALS, []);
  // Staff translated a few ballot items into Spanish; Spanish readers see them on the ballot.
  const spanish: Record<string, { title: string; description: string }> = {
    "Bilingual story-time corner at the library": {
      title: "Rincón bilingüe de cuentos en la biblioteca",
      description: "Un rincón de lectura con libros en español, vietnamita y árabe, muebles y un año de sesiones semanales de cuentos.",
    },
  };
  for (const p of await prisma.proposal.findMany({ where: { cycleId: current.id } })) {
    const translation = spanish[p.title];
    if (translation) await saveTranslation({ type: "proposal", id: p.id }, { locale: "es", ...translation }, admin);
  }
  // Residents without a mailed code may vote with their account after declaring they are eligible.
  // No rule of its own: voters read the standard wording in their language.
  await updateEligibility(current.id, { accountVoting: true, minAge: 14, residencyRule: "" }, admin);
  await setPhase(current.id, "voting");
  await simulateVotes(current.id, 20);

  // 3. A ranked-ballot vote in the schools, counted with greedy over top-k points.
  const schools = await createCycle(
    {
      name: "Riverside Schools Vote 2026", slug: "schools-2026", currency: "USD",
      ...DEFAULT_BALLOT_RULES, ballotMethod: "ranked", maxRanks: 3,
      description: "Pupils and parents rank their three favourite projects for Riverside's schools.",
      votingOpensOn: daysFromToday(-9), votingClosesOn: daysFromToday(5),
      districts: [{ name: "All schools", budget: 60_000 * 100, population: 6_400 }],
      categories: [...CATEGORIES],
    },
    admin,
  );
  await developCycle(schools, SCHOOL_PROPOSALS, []);
  await setPhase(schools.id, "voting");
  await generateVoterCodes(schools.id, (await prisma.district.findFirstOrThrow({ where: { cycleId: schools.id } })).id, 60, "Letters home", admin);

  // 4. A youth cycle collecting ideas now.
  const youth = await createCycle(
    {
      name: "Riverside Youth Budget 2027", slug: "youth-2027", currency: "USD", ...DEFAULT_BALLOT_RULES,
      description: "Young people aged 12–24 decide on $100,000 for projects across the city. Share your idea!",
      districts: [{ name: "Citywide", budget: 100_000 * 100, population: 31_000 }],
      categories: [...CATEGORIES],
    },
    admin,
  );
  await setPhase(youth.id, "ideas");
  const citywide = await prisma.district.findFirstOrThrow({ where: { cycleId: youth.id } });
  const categories = await prisma.category.findMany({ where: { cycleId: youth.id } });
  for (const idea of YOUTH_IDEAS) {
    await createIdea(
      youth.id,
      { title: idea.title, description: describe(idea.title, "Riverside"), districtId: citywide.id, categoryId: categories.find((c) => c.name === idea.category)!.id, location: "" },
      pick(residents),
    );
  }
  // A short discussion on a youth idea, which the demo resident follows: something to read,
  // to moderate (the PB office hides a comment with a reason) and to be e-mailed about.
  const fillers = await prisma.idea.findFirstOrThrow({ where: { cycleId: youth.id, number: 2 } });
  const demoResident = await actorOf("resident@riverside.example");
  for (const [who, body] of [
    [pick(residents), "Yes please. At Eastgate High the only fountain is by the gym and it has been broken since spring."],
    [demoResident, "Fillers would also cut the plastic bottles in the bins. Could they go in the parks too?"],
  ] as const) {
    await addComment({ targetType: "idea", targetId: fillers.id, channel: "public", body }, who);
  }
  await setFollowing(demoResident, { type: "idea", id: fillers.id }, true, "en");
  // Youth delegates work in two committees; the demo delegate sits on one.
  const delegateUser = await prisma.user.findUniqueOrThrow({ where: { email: "delegate@riverside.example" } });
  for (const [name, category] of [["Whole-city committee", null], ["Schools and youth committee", "Schools & youth"]] as const) {
    const made = await createCommittee(youth.id, { name, districtId: null, categoryId: category ? categories.find((c) => c.name === category)!.id : null }, admin);
    if (made.ok && category) await addMember(youth.id, made.committee.id, delegateUser.id, admin);
  }

  // 5. An approval vote on library projects: choose one or two.
  const libraries = await createCycle(
    {
      name: "Riverside Libraries Vote 2026", slug: "libraries-2026", currency: "USD",
      ...DEFAULT_BALLOT_RULES, ballotMethod: "approval", minApprovals: 1, maxApprovals: 2,
      description: "Choose one or two projects for Riverside's public libraries.",
      votingOpensOn: daysFromToday(-9), votingClosesOn: daysFromToday(11),
      districts: [{ name: "All libraries", budget: 70_000 * 100, population: 125_000 }],
      categories: [...CATEGORIES],
    },
    admin,
  );
  await developCycle(libraries, LIBRARY_PROPOSALS, []);
  await setPhase(libraries.id, "voting");
  await generateVoterCodes(libraries.id, (await prisma.district.findFirstOrThrow({ where: { cycleId: libraries.id } })).id, 40, "Library cards", admin);
  await seedCostingCycle();
  await translateOfficeTexts(admin);
  await saveSurveyCategories(current.id, [...SURVEY_ETHNICITIES], admin, { es: SURVEY_ETHNICITIES_ES });
  await saveCensus(current.id, SURVEY_CENSUS, admin);
}

/** District names that are words rather than place names, as the PB office gave them in Spanish. */
const DISTRICTS_ES: Record<string, string> = { "All schools": "Todas las escuelas", "All libraries": "Todas las bibliotecas" };

/** Two agencies' names in Spanish; Schools & Libraries is left as written (shown with its language). */
const AGENCIES_ES: Record<string, string> = { "Parks & Recreation": "Parques y Recreación", Transportation: "Transporte" };

/** The PB office translated its own texts into Spanish: every category's name, district names that are words, two agencies' names, and the cycles open for voting. */
async function translateOfficeTexts(admin: Actor) {
  for (const agency of await prisma.agency.findMany({ where: { name: { in: Object.keys(AGENCIES_ES) } } })) {
    await saveTranslation({ type: "agency", id: agency.id }, { locale: "es", title: AGENCIES_ES[agency.name], description: "" }, admin);
  }
  for (const district of await prisma.district.findMany({ where: { name: { in: Object.keys(DISTRICTS_ES) } } })) {
    await saveTranslation({ type: "district", id: district.id }, { locale: "es", title: DISTRICTS_ES[district.name], description: "" }, admin);
  }
  for (const category of await prisma.category.findMany({ orderBy: { id: "asc" } })) {
    const name = CATEGORIES_ES[category.name as keyof typeof CATEGORIES_ES];
    if (name) await saveTranslation({ type: "category", id: category.id }, { locale: "es", title: name, description: "" }, admin);
  }
  for (const [slug, text] of Object.entries(VOTING_CYCLES_ES)) {
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { slug } });
    await saveTranslation({ type: "cycle", id: cycle.id }, { locale: "es", ...text }, admin);
  }
  const past = await prisma.cycle.findUniqueOrThrow({ where: { slug: "2025" } });
  await saveTranslation({ type: "cycle", id: past.id }, { locale: "es", ...PAST_CYCLE_ES }, admin);
  for (const project of await prisma.project.findMany({ where: { cycleId: past.id, title: { in: Object.keys(PROJECTS_ES) } } })) {
    await saveTranslation({ type: "proposal", id: project.proposalId }, { locale: "es", ...PROJECTS_ES[project.title] }, admin);
  }
}

/** 6. A cycle being costed now: proposals waiting, in progress and done on the costing dashboard. */
async function seedCostingCycle() {
  const admin = await actorOf("admin@riverside.example");
  const delegate = await actorOf("delegate@riverside.example");
  const parks = await actorOf("parks@riverside.example");
  const transport = await actorOf("transport@riverside.example");
  const residents = await prisma.user.findMany({ where: { roles: { every: { role: "resident" } } }, take: 10, orderBy: { email: "asc" } });
  const cycle = await createCycle(
    {
      name: "Riverside Parks Refresh 2027", slug: "parks-2027", currency: "USD", ...DEFAULT_BALLOT_RULES,
      description: "$150,000 for small improvements to Riverside's parks and the paths between them.",
      votingOpensOn: daysFromToday(64), votingClosesOn: daysFromToday(84),
      districts: [{ name: "Citywide", budget: 150_000 * 100, population: 125_000 }],
      categories: [...CATEGORIES],
    },
    admin,
  );
  const full = await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, include: { districts: true, categories: true } });
  const districtId = full.districts[0].id;
  const categoryId = (name: string) => full.categories.find((c) => c.name === name)!.id;
  const agencyId = async (name: string) => (await prisma.agency.findUniqueOrThrow({ where: { name } })).id;
  await setPhase(cycle.id, "ideas");
  const seeds = COSTING_PROPOSALS;
  const ideaIds: string[] = [];
  for (const [i, p] of seeds.entries()) {
    const idea = await createIdea(cycle.id, { title: p.title, description: `${p.description} Many neighbours asked for this at the spring assembly.`, districtId, categoryId: categoryId(p.category), location: "" }, { id: residents[i % residents.length].id, name: residents[i % residents.length].name, email: residents[i % residents.length].email, agencyId: null, roles: ["resident"] });
    ideaIds.push(idea.id);
  }
  // Two residents asked for the same thing, and nobody has decided yet: the demo delegate can merge
  // one into the other, or close one with a reason (/ideas?cycle=parks-2027).
  for (const [i, [title, description]] of [
    ["Shade sails over the splash pad", "Summer afternoons at the splash pad are too hot for small children and grandparents: shade sails over the benches and the water."],
    ["Shade at the splash pad", "Please put some shade at the splash pad. There is none, and parents stand in full sun all afternoon."],
  ].entries()) {
    const resident = residents[(i + 3) % residents.length];
    await createIdea(cycle.id, { title, description, districtId, categoryId: categoryId("Parks & green space"), location: "" }, { id: resident.id, name: resident.name, email: resident.email, agencyId: null, roles: ["resident"] });
  }
  await setPhase(cycle.id, "proposals");
  await setPhase(cycle.id, "costing");
  const day = 86_400_000;
  for (const [i, p] of seeds.entries()) {
    const created = await createProposal(cycle.id, { title: p.title, description: p.description, districtId, categoryId: categoryId(p.category), ideaIds: [ideaIds[i]] }, delegate);
    if (!created.ok) throw new Error(created.error);
    const id = created.proposal.id;
    await sendForCosting(id, await agencyId(p.agency), delegate);
    const staff = p.agency === "Transportation" ? transport : parks;
    for (const e of p.estimates ?? []) {
      const lineItems = e.items.map(([description, quantity, unit, recurring]) => ({ description, quantity, unitCostCents: unit * 100, recurring: recurring === "yearly" }));
      await saveCostEstimate(id, { lineItems, contingencyPercent: e.contingency, checks: await checklist(cycle.id, districtId, lineItems, e.contingency, e.answers), verdict: e.verdict, publicReason: e.reason }, staff);
    }
    if (p.revisedAfter) {
      await reviseProposal(id, { title: p.title, description: p.revisedAfter, districtId, categoryId: categoryId(p.category), note: "Smaller, after the not-feasible verdict." }, delegate);
      await sendForCosting(id, await agencyId(p.agency), delegate);
    }
    await prisma.proposal.update({ where: { id }, data: { sentForCostingAt: new Date(Date.now() - p.sentDaysAgo * day) } });
  }
}

async function actorOf(email: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { id: u.id, name: u.name, email: u.email, agencyId: u.agencyId, agencyLead: u.agencyLead, roles: u.roles.map((r) => r.role) as Role[] };
}

/** The demo's logins and a few unused codes, only on the demo's own database: never a real install's voter codes. */
async function printLogins() {
  if ((await prisma.user.count({ where: { email: { in: DEMO_LOGINS.map((u) => u.email) } } })) < DEMO_LOGINS.length) return;
  const codes = await prisma.voterCode.findMany({
    where: { cycle: { phase: "voting" }, participation: null, voidedAt: null },
    include: { district: true },
    orderBy: { code: "asc" },
  });
  const perDistrict = new Map<string, string[]>();
  for (const c of codes) {
    const list = perDistrict.get(c.district.name) ?? [];
    if (list.length < 3) list.push(c.code);
    perDistrict.set(c.district.name, list);
  }
  console.log("\nDemo logins (password for all: " + DEMO_PASSWORD + "):");
  for (const u of DEMO_LOGINS) console.log(`  ${u.role.padEnd(9)} ${u.email}`);
  if (perDistrict.size) {
    console.log("Unused voter codes for the cycles now voting (vote at /vote):");
    for (const [district, list] of perDistrict) console.log(`  ${district.padEnd(16)} ${list.join("  ")}`);
  }
  console.log("");
}

const ifEmpty = process.argv.includes("--if-empty");
if (ifEmpty && (await prisma.user.count()) > 0) {
  console.log("Database already has data; not seeding.");
} else {
  const started = Date.now();
  await seed();
  console.log(`Seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
await printLogins();
await prisma.$disconnect();

/** A simple illustration (sky, grass, path, benches, trees) for the demo's one photo. */
function demoPhoto() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <rect width="1200" height="520" fill="#9fd3f0"/><circle cx="1020" cy="130" r="70" fill="#ffe27a"/>
  <rect y="480" width="1200" height="320" fill="#7cbf5a"/>
  <polygon points="520,800 680,800 640,480 580,480" fill="#d8cbb0"/>
  <g fill="#6b4a2b"><rect x="300" y="600" width="160" height="18"/><rect x="310" y="618" width="12" height="40"/><rect x="438" y="618" width="12" height="40"/>
  <rect x="760" y="600" width="160" height="18"/><rect x="770" y="618" width="12" height="40"/><rect x="898" y="618" width="12" height="40"/></g>
  <g><rect x="150" y="380" width="22" height="140" fill="#6b4a2b"/><circle cx="161" cy="350" r="70" fill="#3f8f3a"/>
  <rect x="1030" y="390" width="22" height="130" fill="#6b4a2b"/><circle cx="1041" cy="360" r="65" fill="#3f8f3a"/></g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
