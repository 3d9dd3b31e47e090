import "./fresh-db";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { castBallot } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { addSpend, createProjectsFromWinners, getProject } from "~/db/projects.server";
import { publishResults, runTally } from "~/db/results.server";
import { loader as csvLoader } from "~/routes/results.export[.csv]";
import { loader as jsonLoader } from "~/routes/results.export[.json]";
import { args, browserFor, votingCycle } from "./fixtures";

// A city budgeting in forints or won counts in billions: more cents than 32 bits hold (2,147,483,647).
describe("amounts beyond 32 bits, from the budget to the spending", async () => {
  const BUDGET = 3_000_000_000_00; // 3 billion
  const TREE = 120_000_000_00; // 20 trees: 2.4 billion
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 2, tallyRule: "mes-add1", budgets: [BUDGET, 900_000_000_00], treeCents: TREE });

  it("keeps every amount exact: budgets, estimates, the count, its exports and the project's spending", async () => {
    const district = await prisma.district.findUniqueOrThrow({ where: { id: cycle.districts[0].id } });
    expect(district.budgetCents).toBe(BUDGET);
    const estimate = await prisma.costEstimate.findFirstOrThrow({ where: { proposalId: proposalIds[0] }, include: { lineItems: true } });
    expect([estimate.totalCents, estimate.lineItems[0].unitCostCents, estimate.lineItems[0].totalCents]).toEqual([20 * TREE, TREE, 20 * TREE]);

    // Both cost 2.4 billion; only one fits in 3 billion: the one with more votes.
    for (const code of codes.slice(0, 4)) await castBallot(code, [proposalIds[1]]);
    for (const code of codes.slice(4, 6)) await castBallot(code, [proposalIds[0]]);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    await runTally(cycle.id, admin);
    await publishResults(cycle.id, admin);

    const result = await prisma.tallyResult.findFirstOrThrow({ where: { districtId: district.id }, include: { projects: true } });
    expect([result.budgetCents, result.spentCents]).toEqual([BUDGET, 20 * TREE]);
    expect(result.projects.find((p) => p.selected)).toMatchObject({ proposalId: proposalIds[1], costCents: 20 * TREE });

    const visitor = await browserFor(null);
    const csv = Papa.parse<Record<string, string>>(await (await csvLoader(args(visitor.get(`/results/export.csv?cycle=${cycle.slug}`)))).text(), { header: true, skipEmptyLines: true });
    const winner = csv.data.find((row) => row.selected === "yes" || row.selected === "true" || row.selected === "1");
    expect(winner).toMatchObject({ cost: "2400000000.00", district_budget: "3000000000.00", district_funded: "2400000000.00" });
    const json = JSON.parse(await (await jsonLoader(args(visitor.get(`/results/export.json?cycle=${cycle.slug}`)))).text());
    expect(JSON.stringify(json)).toContain("2400000000");

    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "implementation" } });
    await createProjectsFromWinners(cycle.id, admin);
    const project = await prisma.project.findUniqueOrThrow({ where: { proposalId: proposalIds[1] } });
    expect(project.budgetCents).toBe(20 * TREE);
    await addSpend(project.id, { spentOn: "2027-03-01", amount: 2_500_000_000_00, description: "First instalment to the contractor" }, admin);
    const shown = await getProject(project.id);
    expect(shown?.budgetCents).toBe(20 * TREE);
    expect(shown?.spends.map((s) => s.amountCents)).toEqual([2_500_000_000_00]);
  });
});
