import { expect, test, type Browser } from "@playwright/test";
import { query, shot, signIn } from "./helpers";

// A phone with JavaScript off (or a script that never arrives): submit an idea, and cast each
// kind of ballot, answer the survey, all with plain HTML forms.

const ballots = () => query<{ n: number }>(`select (select count(*) from Ballot) + (select count(*) from SealedBallot) n`)[0].n;
// Survey answers wait sealed until ten can be mixed together, so count both tables.
const surveyAnswers = () =>
  query<{ n: number }>(`select (select count(*) from SurveyResponse) + (select count(*) from SealedSurveyResponse) n`)[0].n;

async function voterWithoutJs(browser: Browser, slug: string) {
  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = ? and p.id is null and v.voidedAt is null order by v.code limit 1 offset 2`,
    slug,
  );
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code.code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByRole("heading", { name: /Your ballot/ })).toBeVisible();
  return page;
}

test("a resident submits an idea without JavaScript, then fixes it on a small phone", async ({ browser }) => {
  const page = await signIn(browser, "resident", { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await page.goto("/ideas/new?cycle=youth-2027");
  await page.getByLabel("Title").fill("Late bus home from the youth centre");
  await page.getByLabel("Description").fill("A bus at 10 pm from the youth centre, so teenagers can get home safely after evening activities.");
  await page.getByLabel("District").selectOption({ index: 1 });
  await page.getByLabel("Category").selectOption({ label: "Streets & safety" });
  await page.getByRole("button", { name: "Submit idea" }).click();
  await expect(page.getByText("Thank you! Your idea was submitted.")).toBeVisible();
  expect(query(`select id from Idea where title = 'Late bus home from the youth centre'`)).toHaveLength(1);

  // A slip noticed after sending: the author changes it (nobody else supports it yet). A refused change keeps the text.
  await page.getByRole("link", { name: "Change your idea" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Late bus home from the youth centre");
  await page.getByLabel("Title").fill("Bus");
  await page.getByLabel("Description").fill("A bus at 10 pm and at 11 pm from the youth centre, so teenagers get home safely after evening activities.");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.locator(".field-errors").getByText("Give your idea a title of at least 5 characters.")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue(/10 pm and at 11 pm/);
  await page.getByLabel("Title").fill("Late buses home from the youth centre");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Late buses home from the youth centre/);
  await expect(page.getByText(/10 pm and at 11 pm/)).toBeVisible();

  // A pasted link in a comment wraps instead of pushing the page sideways.
  await page.getByLabel("Add a comment").fill("The timetable is here: https://www.riverside.example/transport/night-buses/youth-centre-route-timetable-2027-draft-version-3.pdf");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText(/youth-centre-route-timetable/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, "idea-changed-phone");

  // Then the city announces the same bus: the author withdraws the idea; it stays listed, marked withdrawn.
  await page.getByLabel("Why? (optional, shown on the idea)").fill("The city announced a 10 pm bus from January.");
  await page.getByRole("button", { name: "Withdraw this idea" }).click();
  await expect(page.getByText("Your idea is withdrawn. It stays listed, marked withdrawn.")).toBeVisible();
  await expect(page.getByText("Withdrawn by its author", { exact: true })).toBeVisible();
  await expect(page.getByText("The city announced a 10 pm bus from January.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Change your idea" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Support this idea" })).toHaveCount(0);
  await shot(page, "idea-withdrawn-phone");
});

test("a knapsack ballot is cast and the survey answered without JavaScript", async ({ browser }) => {
  const before = ballots();
  const page = await voterWithoutJs(browser, "2026");
  // No script to follow the ticks: the budget is stated instead of a total that would stay at $0.
  await expect(page.getByTestId("static-summary")).toHaveText(/^Budget: \$[\d,]+\. Your total is checked when you press “Review my ballot”\.$/);
  await expect(page.getByTestId("running-total")).toBeHidden();
  await page.getByRole("checkbox").first().check();
  // Switching language on the ballot keeps what was ticked (the switch sends the form along).
  const first = await page.getByRole("checkbox").first().getAttribute("value");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Su boleta/);
  await expect(page.locator(`input[name=project][value="${first}"]`)).toBeChecked();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Your ballot/);
  await expect(page.locator(`input[name=project][value="${first}"]`)).toBeChecked();
  // Each step renews the voting session (it ends only after 30 minutes without one).
  const reviewed = page.waitForResponse((r) => r.url().includes("/vote/ballot") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Review my ballot" }).click();
  expect((await (await reviewed).headerValue("set-cookie")) ?? "").toMatch(/^cb_vote=/);
  await expect(page).toHaveURL(/\/vote\/ballot\?(.+&)?step=review$/);
  // Switching language on the review stays on the review (the choices are already kept).
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revise su boleta");
  await expect(page.getByRole("button", { name: "Confirmar y emitir mi voto" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("link", { name: "English" }).click();
  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  expect(ballots()).toBe(before + 1);
  // Back from the receipt: each step was a page of its own (a GET), so nothing is sent again (no
  // "Confirm Form Resubmission"); the review page answers with the receipt's tracker.
  const tracker = (await page.getByTestId("tracker").textContent())!;
  await page.goBack();
  await expect(page).toHaveURL(/\/vote\/receipt$/);
  await expect(page.getByTestId("tracker")).toHaveText(tracker);
  expect(ballots()).toBe(before + 1);
  // The kept tracker names the cycle in the language switched to, not the one voted in.
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page.getByTestId("tracker").locator("xpath=..")).toContainText("Presupuesto participativo de Riverside 2026–27");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByTestId("tracker").locator("xpath=..")).toContainText("Riverside PB 2026–27");
  const answers = surveyAnswers();
  await page.getByLabel("65 or older").check();
  await page.getByLabel("Hispanic or Latino").check();
  await page.getByLabel("Yes, it is my first time").check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your answers" })).toBeVisible();
  expect(surveyAnswers()).toBe(answers + 1);
  // The offer is used up: the survey page has nothing more to answer.
  await page.goto("/vote/survey");
  await expect(page.getByRole("heading", { name: "No survey to answer" })).toBeVisible();
  expect(surveyAnswers()).toBe(answers + 1);
});

test("an approval ballot is refused over its limit, then cast, without JavaScript", async ({ browser }) => {
  const before = ballots();
  const page = await voterWithoutJs(browser, "libraries-2026");
  await expect(page.getByText(/choose 1 to 2/i).first()).toBeVisible();
  // The district's name is the PB office's text: a Spanish reader gets its translation.
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su boleta: Todas las bibliotecas");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your ballot: All libraries");
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(ballots()).toBe(before);
  await page.getByLabel(/Longer Saturday opening hours/).uncheck();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText([/Laptops to borrow|Reading garden/, /Laptops to borrow|Reading garden/]);
  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  expect(ballots()).toBe(before + 1);
  // Switching language reloads the receipt: the choices were shown once, the tracker stays.
  const tracker = (await page.getByTestId("tracker").textContent())!;
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Gracias" })).toBeVisible();
  await expect(page.getByTestId("tracker")).toHaveText(tracker);
  await expect(page.getByText(/Laptops to borrow|Reading garden/)).toHaveCount(0);
  await page.goto("/vote/survey?lng=en");
  await page.getByRole("button", { name: "Skip the survey" }).click();
  await expect(page.getByRole("heading", { name: "Survey skipped" })).toBeVisible();
  await expect(page.getByTestId("tracker")).toHaveText(tracker);
});

test("a ranked ballot is cast in rank order without JavaScript", async ({ browser }) => {
  const before = ballots();
  const page = await voterWithoutJs(browser, "schools-2026");
  await page.getByLabel("Rank for Safe bike parking at the high school").selectOption({ label: "1st choice" });
  await page.getByLabel("Rank for Book vending machines").selectOption({ label: "2nd choice" });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText([/Safe bike parking/, /Book vending machines/]);
  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByText("1. Safe bike parking at the high school")).toBeVisible();
  expect(ballots()).toBe(before + 1);
});

test("a visitor presses Support, signs in, and is brought back to the button, told the support is not counted yet", async ({ browser }) => {
  const [idea] = query<{ id: string; title: string; supports: number }>(
    `select i.id, i.title, (select count(*) from IdeaSupport s where s.ideaId = i.id) supports from Idea i join Cycle c on c.id = i.cycleId
     where c.slug = 'youth-2027' and i.status = 'open' and i.hiddenAt is null
       and not exists (select 1 from IdeaSupport s join User u on u.id = s.userId where s.ideaId = i.id and u.email = 'resident@riverside.example')
     order by i.number limit 1`,
  );
  const page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })).newPage();
  await page.goto(`/ideas/${idea.id}`);
  await page.getByRole("button", { name: "Support this idea" }).click();
  await page.getByLabel("Email").fill("resident@riverside.example");
  await page.getByLabel("Password").fill("riverside-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(idea.title);
  await expect(page.getByText("You are signed in. Your support is not counted yet: press “Support this idea” to add it.")).toBeVisible();
  expect(query<{ n: number }>(`select count(*) n from IdeaSupport where ideaId = ?`, idea.id)[0].n).toBe(idea.supports);
  await shot(page, "idea-support-after-sign-in");
  await page.getByRole("button", { name: "Support this idea" }).click();
  await expect(page.getByText("You are signed in. Your support is not counted yet", { exact: false })).toHaveCount(0);
  expect(query<{ n: number }>(`select count(*) n from IdeaSupport where ideaId = ?`, idea.id)[0].n).toBe(idea.supports + 1);
});

test("a refused ballot switched to Spanish without JavaScript still says why, in Spanish, with the ticks kept", async ({ browser }) => {
  const page = await voterWithoutJs(browser, "2026");
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "over the district budget" })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Su boleta/);
  await expect(page.getByRole("alert").filter({ hasText: /más que el presupuesto del distrito/ })).toBeVisible();
  for (const box of await page.getByRole("checkbox").all()) await expect(box).toBeChecked();
  await shot(page, "ballot-refused-es-nojs");
  await page.context().close();
});
