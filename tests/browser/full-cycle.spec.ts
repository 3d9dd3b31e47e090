import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { movePhase, query, shot, signIn } from "./helpers";

// One cycle from a resident's idea to a tracked project, driven through all five roles.
test("a whole PB cycle, from idea to tracked project", async ({ browser }) => {
  test.setTimeout(420_000);
  const admin = await signIn(browser, "admin");
  const resident = await signIn(browser, "resident");
  const delegate = await signIn(browser, "delegate");
  const staff = await signIn(browser, "parks");

  // Admin sets up the cycle.
  await admin.goto("/admin/cycles/new");
  await admin.locator('input[name="name"]').fill("Harbor PB 2028");
  await admin.getByLabel("Web address").fill("harbor-2028");
  await admin.locator('input[name="districts[0].name"]').fill("Harbor");
  // Typing slips are named as they are, next to the field, with what was typed kept.
  const budget = admin.locator('input[name="districts[0].budget"]');
  const population = admin.locator('input[name="districts[0].population"]');
  await budget.fill("100000.123");
  await population.fill("1e3");
  await admin.getByLabel("Categories").fill("Parks\nStreets");
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await expect(admin.getByText("Use at most two digits after the decimal point (cents), e.g. 1,250.50.")).toBeVisible();
  await expect(admin.getByText("Enter the population as a whole number, e.g. 12000 or 12,000.")).toBeVisible();
  await expect(budget).toHaveValue("100000.123");
  await expect(population).toHaveValue("1e3");
  await shot(admin, "new-cycle-typing-slips");
  await budget.fill("100,000");
  await population.fill("12,000");
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await expect(admin.getByRole("heading", { name: "Harbor PB 2028" })).toBeVisible();
  // Publish the ballot and counting rules before anything else.
  // Only the chosen ballot's limits show (with JavaScript): knapsack first, then approval's.
  await expect(admin.getByLabel("Knapsack: minimum spend (% of the budget)")).toBeVisible();
  await expect(admin.getByLabel("Approval: most projects a voter may choose")).toBeHidden();
  await admin.getByLabel("Ballot", { exact: true }).selectOption({ label: "Approval: choose between a minimum and a maximum number of projects" });
  await expect(admin.getByLabel("Knapsack: minimum spend (% of the budget)")).toBeHidden();
  await expect(admin.getByLabel("Ranked: how many projects a voter may rank (k)")).toBeHidden();
  // A slip in approval's limit, then back to knapsack: the refusal still shows the field it is about.
  await admin.getByLabel("Approval: most projects a voter may choose").fill("0");
  await admin.getByLabel("Ballot", { exact: true }).selectOption({ label: "Knapsack: choose projects up to the district budget" });
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByLabel("Approval: most projects a voter may choose")).toHaveAccessibleDescription(/The maximum number of projects must be at least 1\./);
  await expect(admin.getByLabel("Approval: most projects a voter may choose")).toBeVisible();
  await expect(admin.getByLabel("Approval: fewest projects a voter must choose")).toBeHidden();
  await admin.getByLabel("Ballot", { exact: true }).selectOption({ label: "Approval: choose between a minimum and a maximum number of projects" });
  await admin.getByLabel("Approval: most projects a voter may choose").fill("2");
  await admin.getByLabel("Counting rule", { exact: true }).selectOption({ label: "Method of Equal Shares (proportional)" });
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByText("Ballot and counting rules saved.")).toBeVisible();
  // Each move is public and cannot be undone: one tap is not enough.
  await admin.getByRole("button", { name: "Move to: Collecting ideas" }).click();
  await expect(admin.getByText("Tick the box to confirm: phases only move forward, so the move cannot be undone.")).toBeVisible();
  await expect(admin.getByText(/^Phase: Draft/)).toBeVisible();
  await movePhase(admin, "Collecting ideas");
  await shot(admin, "admin-cycle");

  // A resident shares an idea and supports it.
  await resident.goto("/ideas/new?cycle=harbor-2028");
  await resident.getByLabel("Title").fill("Picnic tables at Harbor Green");
  await resident.getByLabel("Description").fill("Six sturdy picnic tables near the playground so families can eat together outside.");
  await resident.getByLabel("District").selectOption({ label: "Harbor" });
  await resident.getByLabel("Category").selectOption({ label: "Parks" });
  await resident.getByLabel("Location (optional)").fill("Harbor Green, north lawn");
  await resident.getByRole("button", { name: "Submit idea" }).click();
  await expect(resident.getByText("Thank you! Your idea was submitted.")).toBeVisible();
  await resident.getByRole("button", { name: "Support this idea" }).click();
  await expect(resident.getByText("1 resident supports this idea.")).toBeVisible();
  await shot(resident, "resident-idea");

  // Admin opens proposal development; a delegate writes, revises and sends a proposal.
  await movePhase(admin, "Developing proposals");
  await delegate.goto("/proposals/new?cycle=harbor-2028");
  await delegate.getByLabel("#1 Picnic tables at Harbor Green").check();
  await delegate.getByLabel("Proposal title").fill("Picnic area at Harbor Green");
  await delegate.getByLabel("Description").fill("Six accessible picnic tables on a paved pad next to the Harbor Green playground, with two trash bins.");
  await delegate.getByLabel("District").selectOption({ label: "Harbor" });
  // Filed under the wrong category at first; corrected below.
  await delegate.getByLabel("Category").selectOption({ label: "Streets" });
  await delegate.getByRole("button", { name: "Create proposal" }).click();
  await expect(delegate.getByRole("heading", { name: "Proposal #1: Picnic area at Harbor Green" })).toBeVisible();
  await delegate.getByRole("link", { name: "Edit proposal" }).click();
  // Where it is filed can be corrected too (it decides the ballot it goes on); it starts as filed.
  await expect(delegate.getByLabel("District").locator("option:checked")).toHaveText("Harbor");
  await expect(delegate.getByLabel("Category").locator("option:checked")).toHaveText("Streets");
  await delegate.getByLabel("Category").selectOption({ label: "Parks" });
  await delegate.getByLabel("Title").fill("Accessible picnic area at Harbor Green");
  await delegate.getByLabel("What changed? (optional)").fill("Made clear the tables are wheelchair accessible.");
  await delegate.getByRole("button", { name: "Save revision" }).click();
  await expect(delegate.getByText("Saved as revision 2")).toBeVisible();
  // The history says where it moved; the old revision where it was.
  await expect(delegate.getByRole("listitem").filter({ hasText: "Revision 2" })).toContainText("wheelchair accessible. (moved to Harbor · Parks)");
  await delegate.getByRole("link", { name: "Compare revisions" }).click();
  await expect(delegate.getByText("Revision 1 was filed under Harbor · Streets; revision 2 under Harbor · Parks.")).toBeVisible();
  await shot(delegate, "proposal-compare-moved");
  await delegate.goBack();
  await delegate.getByRole("link", { name: "Revision 1" }).click();
  await expect(delegate.getByRole("heading", { name: "Picnic area at Harbor Green" })).toBeVisible();
  await expect(delegate.getByText("Filed under Harbor · Streets.")).toBeVisible();
  await delegate.getByRole("link", { name: "Back to proposal #1" }).click();
  await delegate.getByLabel("Responsible agency").selectOption({ label: "Parks & Recreation" });
  await delegate.getByRole("button", { name: "Send for costing" }).click();
  await expect(delegate.getByText("Sent for costing.")).toBeVisible();
  await shot(delegate, "delegate-proposal");
  const proposalUrl = delegate.url().split("?")[0];

  // The source idea shows where it went.
  await resident.reload();
  await expect(resident.getByRole("link", { name: /proposal #1: Accessible picnic area/ })).toBeVisible();

  // Costing: voting cannot open while the proposal lacks an estimate.
  await movePhase(admin, "Costing and vetting");
  // Blocked: the page says why, and offers no button to press.
  await expect(admin.getByTestId("advance-blockers")).toContainText("has no cost estimate and verdict yet");
  await expect(admin.getByRole("button", { name: "Move to: Voting" })).toHaveCount(0);

  await staff.goto("/costing");
  await expect(staff.getByRole("link", { name: "#1 Accessible picnic area at Harbor Green" })).toBeVisible();
  await shot(staff, "staff-queue");
  await staff.getByRole("row", { name: /Accessible picnic area/ }).getByRole("link", { name: "Cost it" }).click();
  await staff.getByLabel("Description of item 1").fill("Accessible picnic table");
  await staff.getByLabel("Quantity of item 1").fill("6");
  await staff.getByLabel("Unit cost of item 1").fill("1,800");
  await staff.getByRole("button", { name: "Add a line item" }).click();
  await staff.getByLabel("Description of item 2").fill("Concrete pad (m²)");
  await staff.getByLabel("Quantity of item 2").fill("80");
  await staff.getByLabel("Unit cost of item 2").fill("95.50");
  await staff.getByLabel("Contingency").fill("0");
  for (const criterion of ["On public land", "Within the agency's remit", "Useful life of at least 5 years"]) {
    await staff.getByRole("group", { name: criterion }).getByLabel("Met", { exact: true }).check();
  }
  await staff.getByLabel("Feasible: can go on the ballot").check();
  await staff.getByLabel("Public explanation").fill("Harbor Green is a city park and picnic tables are standard park furniture we install every year.");
  await expect(staff.getByTestId("estimate-total")).toHaveText("$18,440");
  await shot(staff, "staff-estimate");
  await staff.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(staff.getByText("Feasible – on the ballot")).toBeVisible();
  await expect(staff.getByRole("row", { name: /^Total/ })).toContainText("$18,440");

  // Voting opens; the admin makes voter codes and downloads them.
  await admin.reload();
  const stale = await admin.context().newPage(); // a tab left open on the rules
  await stale.goto(admin.url());
  await movePhase(admin, "Voting");
  // From now on the ballot method and counting rule voters were shown cannot change.
  const rules = admin.getByRole("region", { name: "Ballot and counting rules" });
  await expect(rules).toContainText("The ballot and counting rules are locked: voting has opened");
  await expect(rules.getByRole("button", { name: "Save rules" })).toHaveCount(0);
  // The tab opened before says its change was not saved, rather than quietly showing the locked rules.
  await stale.getByRole("button", { name: "Save rules" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "Your change to the rules was not saved" })).toBeVisible();
  await stale.close();
  await admin.getByLabel("District").selectOption({ label: "Harbor ($100,000)" });
  await admin.getByLabel("How many codes").fill("5");
  await admin.getByRole("button", { name: "Generate codes" }).click();
  await expect(admin.getByText("Voter codes generated.")).toBeVisible();
  const csvHref = await admin.getByRole("link", { name: "Download CSV" }).first().getAttribute("href");
  const csv = await (await admin.request.get(csvHref!)).text();
  const codes = csv.split("\n").slice(1).map((line) => line.split(",")[0]);
  expect(codes).toHaveLength(5);
  await admin.getByRole("link", { name: "Print slips" }).first().click();
  await expect(admin.getByRole("region", { name: /^Voter code / })).toHaveCount(5);
  await admin.goBack();

  // A voter with no account votes with a code.
  const voterContext = await browser.newContext();
  const voter = await voterContext.newPage();
  await voter.goto("/vote");
  await voter.getByLabel("Voter code").fill(codes[0].toLowerCase().replace(/-/g, " "));
  await voter.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(voter.getByRole("heading", { name: "Your ballot: Harbor" })).toBeVisible();
  await expect(voter.getByText("Choose between 1 and 2 projects.")).toBeVisible();
  await voter.getByLabel(/Accessible picnic area at Harbor Green/).check();
  await expect(voter.getByTestId("running-count")).toHaveText("1");
  await shot(voter, "voter-ballot");
  await voter.getByRole("button", { name: "Review my ballot" }).click();
  await voter.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(voter.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  await expect(voter.getByTestId("tracker")).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  const tracker = (await voter.getByTestId("tracker").textContent())!;
  await shot(voter, "voter-receipt");

  // Count, publish, turn winners into projects.
  await admin.reload();
  // Closing cannot be undone: one tap is not enough.
  await admin.getByRole("button", { name: "Close voting" }).click();
  await expect(admin.getByText("Tick the box to confirm: closing voting cannot be undone.")).toBeVisible();
  await expect(admin.getByText(/^Phase: Voting/)).toBeVisible();
  await admin.getByLabel(/^Close voting now: no more ballots can be cast/).check();
  await admin.getByRole("button", { name: "Close voting" }).click();
  await expect(admin.getByText(/^Phase: Results/)).toBeVisible();
  await admin.getByRole("button", { name: "Run the tally" }).click();
  await expect(admin.getByText("Tally computed.")).toBeVisible();
  // The draft can be recounted before it is published: its ballots download for the office only.
  await expect(admin.getByText(/^Before publishing, anyone in the office can recount this draft/)).toBeVisible();
  const [draftFile] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "its ballots (.pb)" }).click()]);
  expect(readFileSync((await draftFile.path())!, "utf8")).toMatch(/^META\r?\n/);
  const draftHref = await admin.getByRole("link", { name: "its ballots (.pb)" }).getAttribute("href");
  expect((await resident.request.get(draftHref!)).status()).toBe(404);
  // Public at once and for good: one tap is not enough.
  await admin.getByRole("button", { name: "Publish results" }).click();
  await expect(admin.getByLabel(/^Publish now: everyone can then read/)).toHaveAccessibleDescription("Tick the box to confirm: published results are public at once and are never hidden again.");
  expect((await resident.request.get(draftHref!)).status()).toBe(404);
  await admin.getByLabel(/^Publish now: everyone can then read/).check();
  await admin.getByRole("button", { name: "Publish results" }).click();
  await expect(admin.getByText("Results published.")).toBeVisible();
  await admin.getByRole("button", { name: "Create projects from the winners" }).click();
  await expect(admin.getByText("Winning proposals are now projects.")).toBeVisible();
  // Nothing is left to create: the button gives way to where the projects are followed.
  await expect(admin.getByRole("button", { name: "Create projects from the winners" })).toHaveCount(0);
  await expect(admin.getByText("Every published winner is a project now.")).toBeVisible();
  await expect(admin.getByRole("link", { name: "projects page" })).toHaveAttribute("href", "/projects?cycle=harbor-2028");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/results?cycle=harbor-2028");
  await expect(visitor.getByRole("heading", { name: "Harbor", exact: true })).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: "Accessible picnic area at Harbor Green — 1 vote, $18,440" })).toBeVisible();
  await expect(visitor.getByText("Counted with the rule Method of Equal Shares (proportional).")).toBeVisible();
  await expect(visitor.getByRole("row", { name: /Accessible picnic area/ })).toContainText("Funded by its one supporter's equal share: 1 paid $18,440.");
  // The share of voters with a winner, under this rule and under plain greedy, side by side.
  const shares = visitor.getByRole("table", { name: "Voters who voted for at least one winning project" });
  await expect(shares.getByRole("row", { name: /Method of Equal Shares \(proportional\) \(this count\)/ })).toContainText("100%");
  await expect(shares.getByRole("row", { name: /Plain greedy/ })).toContainText("100%");
  await shot(visitor, "public-results");
  const exported = await (await visitor.request.get("/results/export.csv?cycle=harbor-2028")).text();
  expect(exported).toContain("Accessible picnic area at Harbor Green,1,18440.00,yes");
  const json = await (await visitor.request.get("/results/export.json?cycle=harbor-2028")).json();
  expect(json.districts[0]).toMatchObject({ district: "Harbor", rule: "mes", ballots: 1, spentCents: 1_844_000 });
  const pbHref = await visitor.getByRole("link", { name: "Download the anonymised ballots (.pb)" }).getAttribute("href");
  const pb = await (await visitor.request.get(pbHref!)).text();
  expect(pb).toMatch(/vote_type;approval/);
  expect(pb).toMatch(/budget;100000/);
  expect(pb).not.toContain(codes[0]);
  // The voter checks their tracker is among the counted ballots.
  await voter.goto("/results?cycle=harbor-2028");
  await voter.getByRole("link", { name: "check that your ballot was counted" }).click();
  await voter.getByLabel("Your tracker").fill(tracker.toLowerCase());
  await voter.getByRole("button", { name: "Check" }).click();
  await expect(voter.getByText(`Ballot ${tracker} was counted in Harbor.`)).toBeVisible();
  await visitor.getByRole("link", { name: "printable council report" }).click();
  await expect(visitor.getByRole("heading", { name: "Harbor PB 2028: Harbor" })).toBeVisible();
  await expect(visitor.getByRole("row", { name: /Total funded/ })).toContainText("$18,440");

  // Agency staff report progress; the public tracker shows it.
  await staff.goto(proposalUrl);
  await staff.getByRole("link", { name: "follow its progress" }).click();
  await staff.getByLabel("Status").selectOption({ label: "In progress" });
  await staff.getByLabel("Percent complete").fill("30");
  await staff.getByLabel("What happened").fill("Tables ordered; the concrete pad is poured next week.");
  await staff.getByRole("button", { name: "Post update" }).click();
  await expect(staff.getByText("Update posted.")).toBeVisible();
  await visitor.goto("/projects?cycle=harbor-2028");
  await expect(visitor.getByRole("link", { name: "Accessible picnic area at Harbor Green" })).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: "Accessible picnic area at Harbor Green" })).toContainText("In progress");
  await expect(visitor.getByRole("progressbar", { name: /Accessible picnic area/ })).toHaveAttribute("aria-valuenow", "30");
  await shot(visitor, "public-projects");

  // Exactly one ballot was stored, with no link to the code.
  const [{ n }] = query<{ n: number }>(
    `select count(*) n from Ballot b join District d on d.id = b.districtId where d.name = 'Harbor'`,
  );
  expect(n).toBe(1);
});
