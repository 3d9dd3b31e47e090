import { expect, test } from "@playwright/test";
import { BALLOT_JS_BUDGET, kb, measurePage } from "../../scripts/lib/page-weight";
import { query } from "./helpers";

// The reduced, fast form of `npm run weight:pages`: the ballot page, loaded cold, stays under
// 80 KB of JavaScript (gzip), and its running total still works.
test("the ballot page loads under 80 KB of JavaScript (gzip) and keeps its running total up to date", async ({ browser }) => {
  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId join District d on d.id = v.districtId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and d.name = 'Old Town' and p.id is null and v.voidedAt is null order by v.code desc limit 1`,
  );
  const entry = await (await browser.newContext()).newPage();
  await entry.goto("/vote");
  await entry.getByLabel("Voter code").fill(code.code);
  await entry.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(entry).toHaveURL(/\/vote\/ballot/);

  // A new context: nothing cached, as a voter's phone opening the ballot.
  const page = await (await browser.newContext({ storageState: await entry.context().storageState() })).newPage();
  const weight = await measurePage(page, () => page.goto("/vote/ballot"));
  test.info().annotations.push({ type: "ballot page", description: `JS ${kb(weight.js)}, CSS ${kb(weight.css)} (gzip)` });
  expect(weight.js, weight.files.map((f) => `${f.url} ${kb(f.gzip)}`).join("\n")).toBeLessThan(BALLOT_JS_BUDGET);
  expect(weight.css).toBeGreaterThan(0); // it was measured: the stylesheet is there

  // Old Town's budget is $72,000: choosing projects updates the total and what is left.
  await expect(page.getByTestId("running-total")).toHaveText("$0");
  await page.getByLabel(/Chess and game tables/).check(); // $25,200 + $16,500
  await expect(page.getByTestId("running-total")).toHaveText("$41,700");
  await expect(page.getByText("$30,300 left")).toBeVisible();
  await page.getByLabel(/Wayfinding signs/).check(); // + $30,000
  await page.getByLabel(/Flower boxes/).check(); // + $36,000
  await expect(page.getByText("$35,700 over budget")).toBeVisible();
  await page.getByLabel(/Flower boxes/).uncheck();
  await expect(page.getByText("$300 left")).toBeVisible();
});

// The root's data (the language's texts, some 30 KB) is fetched once: moving between pages and
// filtering a list with JavaScript on fetches only the page's own data; switching language or
// signing in fetches it again.
test("moving between pages does not download the language's texts again; switching language and signing in do", async ({ page }) => {
  const dataRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith(".data")) dataRequests.push(r.url());
  });
  await page.goto("/ideas");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Proposals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Proposals/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Projects/ })).toBeVisible();
  expect(dataRequests.length).toBeGreaterThanOrEqual(2);
  // Single fetch names the routes it wants when it leaves some out: root is not among them.
  for (const url of dataRequests) expect(new URL(url).searchParams.get("_routes") ?? "root", url).not.toContain("root");

  dataRequests.length = 0;
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" }).click();
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Propuestas" })).toBeVisible();
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Propuestas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Propuestas/ })).toBeVisible(); // still Spanish after moving on
  await page.getByRole("navigation", { name: "Idioma" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ideas" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill("resident@riverside.example");
  await page.getByLabel("Password").fill("riverside-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ideas" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
