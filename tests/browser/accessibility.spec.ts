import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { query, signIn } from "./helpers";

// Every page, for each role that sees it, scanned with axe-core against WCAG 2.2 AA rules:
// no serious or critical violation anywhere.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label} (${new URL(page.url()).pathname}): [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
}

/** Scans each page; a script error on a page (a failed hydration, say) counts as a finding too. */
async function scanAll(page: Page, role: string, paths: string[]) {
  const found: string[] = [];
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(`${role} (${new URL(page.url()).pathname}): script error ${e.message.slice(0, 120)}`);
  page.on("pageerror", onError);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), `${role} ${path}`).toBeLessThan(400);
    // The app has started in the page (the voting pages send no script); two frames more, by which React
    // has normally committed its hydration, so a hydration error is caught below.
    await page.waitForFunction(() => "__remixRouter" in window || !document.querySelector('script[type="module"]'));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    found.push(...(await scan(page, role)));
  }
  page.off("pageerror", onError);
  return [...found, ...errors];
}

const one = <T,>(sql: string) => query<T>(sql)[0];
const ideaId = () => one<{ id: string }>(`select i.id from Idea i join Cycle c on c.id = i.cycleId where c.slug = 'youth-2027' limit 1`).id;
const proposalId = () => one<{ id: string }>(`select p.id from Proposal p join Cycle c on c.id = p.cycleId where c.slug = '2025' order by p.number limit 1`).id;
const projectId = () => one<{ id: string }>(`select id from Project limit 1`).id;

test("visitor pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(600_000);
  const found = await scanAll(page, "visitor", [
    "/", "/?lng=es", "/ideas", `/ideas/${ideaId()}`, "/ideas/outcomes", "/proposals", `/proposals/${proposalId()}`, `/proposals/${proposalId()}/revisions/1`,
    "/projects", `/projects/${projectId()}`, "/results", "/results?cycle=2025", "/results/trackers?cycle=2025", "/results/report?cycle=2025",
    "/login", "/signup", "/forgot-password", "/reset-password?token=not-a-working-link-at-all", "/confirm-email?token=not-a-working-link-at-all", "/vote", "/vote/survey",
  ]);
  expect(found).toEqual([]);
});

test("resident and delegate pages have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(600_000);
  const resident = await signIn(browser, "resident");
  const delegate = await signIn(browser, "delegate");
  const found = [
    ...(await scanAll(resident, "resident", ["/ideas/new", "/ideas/new?cycle=youth-2027", `/ideas/${ideaId()}`, "/account", "/?lng=es", "/ideas/new?lng=es", "/account", "/?lng=en"])),
    ...(await scanAll(delegate, "delegate", [`/proposals/${proposalId()}`, `/proposals/${proposalId()}/compare`, "/account", "/?lng=en"])),
  ];
  // A refusal is a page too.
  expect((await resident.goto("/costing"))?.status()).toBe(403);
  found.push(...(await scan(resident, "resident, refused page")));
  // The idea form with its errors showing.
  await resident.goto("/ideas/new");
  await resident.getByRole("button", { name: "Submit idea" }).click();
  await expect(resident.getByText("Choose a category.")).toBeVisible();
  found.push(...(await scan(resident, "resident, idea form with errors")));
  expect(found).toEqual([]);
});

async function voterOn(browser: Browser, slug: string) {
  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = ? and p.id is null and v.voidedAt is null order by v.code desc limit 1`,
    slug,
  );
  const page = await (await browser.newContext()).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code.code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page).toHaveURL(/\/vote\/ballot/);
  return page;
}

test("a voter's pages, mid-ballot, have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(600_000);
  const found: string[] = [];
  // Knapsack: the ballot, a refused ballot, the review, the receipt with the survey, the survey's thanks.
  const knapsack = await voterOn(browser, "2026");
  found.push(...(await scan(knapsack, "voter, knapsack ballot")));
  for (const box of await knapsack.getByRole("checkbox").all()) await box.check();
  await knapsack.getByRole("button", { name: "Review my ballot" }).click();
  await expect(knapsack.getByRole("alert")).toBeVisible();
  found.push(...(await scan(knapsack, "voter, over-budget ballot")));
  for (const box of (await knapsack.getByRole("checkbox").all()).slice(1)) await box.uncheck();
  await knapsack.getByRole("button", { name: "Review my ballot" }).click();
  found.push(...(await scan(knapsack, "voter, review")));
  await knapsack.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(knapsack.getByTestId("tracker")).toBeVisible();
  found.push(...(await scan(knapsack, "voter, receipt and survey")));
  await knapsack.getByRole("button", { name: "Send my answers" }).click();
  found.push(...(await scan(knapsack, "voter, survey thanks")));
  // Ranked and approval ballots.
  found.push(...(await scan(await voterOn(browser, "schools-2026"), "voter, ranked ballot")));
  const approval = await voterOn(browser, "libraries-2026");
  found.push(...(await scan(approval, "voter, approval ballot")));
  // Spanish.
  const spanish = await voterOn(browser, "2026");
  await spanish.goto("/vote/ballot?lng=es");
  found.push(...(await scan(spanish, "voter, Spanish ballot")));
  expect(found).toEqual([]);
});

test("staff and PB office pages have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(600_000);
  const staff = await signIn(browser, "parks");
  const admin = await signIn(browser, "admin");
  const batch = one<{ id: string }>(`select b.id from VoterCodeBatch b join Cycle c on c.id = b.cycleId where c.slug = '2026' limit 1`);
  const found = [
    ...(await scanAll(staff, "staff", ["/costing", "/participation", "/participation?cycle=2025"])),
    ...(await scanAll(admin, "admin", [
      "/admin", "/admin/cycles/new", "/admin/cycles/2026", "/admin/cycles/2025", "/admin/cycles/youth-2027", "/admin/cycles/youth-2027/import-ideas",
      `/admin/codes/${batch.id}/print`, "/participation?cycle=2025", "/participation?cycle=2026&lng=es", "/participation?lng=en",
      "/admin/cycles/youth-2027/split", "/admin/cycles/2026/split", "/admin/cycles/2026/paper", "/admin/cycles/2026/criteria", "/admin/cycles/parks-2027/criteria", "/admin/cycles/youth-2027/details", "/admin/cycles/2026/details",
    ])),
  ];
  // The split preview and the census form with errors.
  // Reached from the cycle's own page.
  await admin.goto("/admin/cycles/youth-2027");
  await admin.getByRole("link", { name: "Equity-weighted budget split" }).click();
  await admin.getByRole("button", { name: "Preview the split" }).click();
  await expect(admin.getByRole("heading", { name: "Preview: nothing is changed yet" })).toBeVisible();
  // Populations are written with separators, like the amounts beside them.
  await expect(admin.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(/^\d{1,3}(,\d{3})*$/);
  found.push(...(await scan(admin, "admin, split preview")));
  await admin.goto("/participation?cycle=2025");
  await admin.getByLabel("Woman (% of population)").fill("120");
  await admin.getByRole("button", { name: "Save census shares" }).click();
  await expect(admin.getByText("Give a percentage between 0 and 100")).toBeVisible();
  found.push(...(await scan(admin, "admin, census form with errors")));
  expect(found).toEqual([]);
});
