import { expect, test } from "@playwright/test";
import { PASSWORD, query, shot, signIn, signInAgain, signOutInAnotherTab, unusedEastgateCode, USERS } from "./helpers";

// What each role must NOT be able to do, and bad input that must be refused without losing anything.

test("a resident cannot reach the costing queue or cost a proposal", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  const response = await resident.goto("/costing");
  expect(response?.status()).toBe(403);
  await expect(resident.getByRole("heading", { name: "You cannot do this" })).toBeVisible();
  await expect(resident.getByRole("alert")).toContainText("for agency staff and the PB office");
  await expect(resident.getByRole("link", { name: "Costing" })).toHaveCount(0);

  const [proposal] = query<{ id: string }>(`select p.id from Proposal p join Cycle c on c.id = p.cycleId where c.slug = '2026' limit 1`);
  expect((await resident.goto(`/costing/${proposal.id}`))?.status()).toBe(403);
  // A forged POST is refused on the server too (the CSRF token is valid: the role is what is missing).
  const token = await resident.evaluate(() => (document.querySelector('input[name="csrf"]') as HTMLInputElement | null)?.value ?? "");
  const post = await resident.request.post(`/costing/${proposal.id}`, {
    form: { csrf: token, "items[0].description": "x", "items[0].quantity": "1", "items[0].unitCost": "1", verdict: "feasible", publicReason: "forged by a resident who is not staff" },
  });
  expect(post.status()).toBe(403);
  await shot(resident, "refusal-resident-costing");
});

test("staff of one agency cannot cost another agency's proposal", async ({ browser }) => {
  const transport = await signIn(browser, "transport");
  const [parksProposal] = query<{ id: string }>(
    `select p.id from Proposal p join Agency a on a.id = p.agencyId where a.name = 'Parks & Recreation' limit 1`,
  );
  // Cycles in the demo are past costing, so make the check on the queue: it lists only Transportation's proposals.
  await transport.goto("/costing");
  expect((await transport.goto(`/costing/${parksProposal.id}`))?.status()).toBe(403);
});

test("a used voter code cannot vote again", async ({ browser }) => {
  const [used] = query<{ code: string }>(
    `select v.code from VoterCode v join Participation p on p.voterCodeId = v.id join Cycle c on c.id = v.cycleId where c.phase = 'voting' limit 1`,
  );
  const [before] = query<{ n: number }>(`select (select count(*) from Ballot) + (select count(*) from SealedBallot) n`);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(used.code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByText("This voter code has already been used to vote. Each code votes once.")).toBeVisible();
  await expect(page.getByLabel("Voter code")).toHaveValue(used.code);
  await expect(page.getByLabel("Voter code")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "refusal-used-code");
  const [after] = query<{ n: number }>(`select (select count(*) from Ballot) + (select count(*) from SealedBallot) n`);
  expect(after.n).toBe(before.n);
});

test("a code that votes in two tabs at once produces one ballot", async ({ browser }) => {
  const [code] = query<{ code: string; districtId: string }>(
    `select v.code, v.districtId from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and p.id is null order by v.code desc limit 1`,
  );
  const first = await browser.newContext();
  const tab1 = await first.newPage();
  await tab1.goto("/vote");
  await tab1.getByLabel("Voter code").fill(code.code);
  await tab1.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(tab1.getByRole("heading", { name: /Your ballot/ })).toBeVisible();
  // A second window with the same session (two foreground tabs, so neither is throttled).
  const tab2 = await (await browser.newContext({ storageState: await first.storageState() })).newPage();
  await tab2.goto("/vote/ballot");
  for (const tab of [tab1, tab2]) {
    await tab.getByRole("checkbox").first().check();
    await tab.getByRole("button", { name: "Review my ballot" }).click();
  }
  await Promise.all([tab1, tab2].map((tab) => tab.getByRole("button", { name: "Confirm and cast my ballot" }).click()));
  // One ballot; both tabs belong to the same voting session, so both show its receipt, with the one tracker.
  const trackers = await Promise.all(
    [tab1, tab2].map(async (tab) => {
      await expect(tab.getByTestId("tracker")).toBeVisible();
      return tab.getByTestId("tracker").innerText();
    }),
  );
  expect(trackers[0]).toBe(trackers[1]);
  const [{ n }] = query<{ n: number }>(`select count(*) n from Participation p join VoterCode v on v.id = p.voterCodeId where v.code = ?`, code.code);
  expect(n).toBe(1);
});

for (const javaScriptEnabled of [true, false]) {
  test(`an invalid idea shows errors by each field and keeps the text (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const resident = await signIn(browser, "resident", { javaScriptEnabled });
    await resident.goto("/ideas/new");
    await resident.getByLabel("Title").fill("Park");
    await resident.getByLabel("Description").fill("More trees please, it is hot in summer and kids play here.");
    await resident.getByLabel("Location (optional)").fill("Behind the library");
    await resident.getByRole("button", { name: "Submit idea" }).click();
    await expect(resident.getByText("Give your idea a title of at least 5 characters.")).toBeVisible();
    await expect(resident.getByText("Choose the district your idea is for.")).toBeVisible();
    await expect(resident.getByText("Choose a category.")).toBeVisible();
    await expect(resident.getByLabel("Title")).toHaveValue("Park");
    await expect(resident.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(resident.getByLabel("Description")).toHaveValue("More trees please, it is hot in summer and kids play here.");
    await expect(resident.getByLabel("Location (optional)")).toHaveValue("Behind the library");
    await shot(resident, `refusal-idea-form-js-${javaScriptEnabled ? "on" : "off"}`);
    // Fixing the fields submits the same text. (Each run its own title: the second would be offered the first as a duplicate.)
    await resident.getByLabel("Title").fill(javaScriptEnabled ? "Park shade trees" : "Cool roof for the splash pad");
    await resident.getByLabel("District").selectOption({ index: 1 });
    await resident.getByLabel("Category").selectOption({ index: 1 });
    await resident.getByRole("button", { name: "Submit idea" }).click();
    await expect(resident.getByText("Thank you! Your idea was submitted.")).toBeVisible();
    await expect(resident.getByText("More trees please, it is hot in summer and kids play here.")).toBeVisible();
  });
}

test("an over-budget knapsack ballot is refused with the selection kept (no JavaScript)", async ({ browser }) => {
  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId join District d on d.id = v.districtId left join Participation p on p.voterCodeId = v.id
     where c.phase = 'voting' and d.name = 'North Riverside' and p.id is null order by v.code limit 1`,
  );
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code.code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  const boxes = page.getByRole("checkbox");
  const count = await boxes.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("alert")).toContainText("over the district budget of $100,000. Remove a project to continue.");
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
  // Without JavaScript no live total can follow the ticks: the line says what was last checked.
  await expect(page.getByTestId("running-total")).toBeHidden();
  await expect(page.getByTestId("static-summary")).toHaveText(/^Last checked: \$198,400 of \$100,000\./);
  await shot(page, "refusal-over-budget");
  // Removing one project brings it within budget; the vote then goes through.
  await page.getByLabel(/Pedestrian lights on Elm Street/).uncheck();
  await page.getByLabel(/Bike racks at every school/).uncheck();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
});

test("public pages answer 200 for a visitor, with strict security headers", async ({ request }) => {
  for (const path of ["/", "/ideas", "/proposals", "/projects", "/results", "/login", "/vote", "/signup"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
  }
  const [a, b] = await Promise.all([request.get("/"), request.get("/")]);
  expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]); // a new nonce each time
});

test("a mistyped address answers 404 with a page in the reader's language and a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page?lng=es");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  await expect(page.getByRole("alert")).toHaveText("No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("link", { name: "Ideas" })).toBeVisible(); // the header, translated
  await shot(page, "not-found-spanish");
  await page.getByRole("link", { name: "Volver a la página de inicio" }).click();
  await expect(page).toHaveURL(/\/$/);
  // A deeper unknown address, in English.
  const answer = await page.goto("/ideas/x/y/z?lng=en");
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the page runs its own scripts under the Content-Security-Policy and nothing is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.goto("/results?cycle=2025");
  await page.goto("/vote");
  // Hydrated: client-side navigation works.
  await page.getByRole("link", { name: "Ideas" }).click();
  await expect(page).toHaveURL(/\/ideas/);
  expect(violations).toEqual([]);
});

test("a visitor trying to submit an idea is sent to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/ideas/new");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fideas%2Fnew/);
  await page.getByLabel("Email").fill("resident@riverside.example");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("resident@riverside.example");
  await page.getByLabel("Password").fill("riverside-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Share an idea" })).toBeVisible();
});

test("with JavaScript, an idea with a short title is refused next to the title, keeping everything typed and chosen", async ({ browser }) => {
  const page = await signIn(browser, "resident");
  await page.goto("/ideas/new?cycle=youth-2027");
  await page.getByLabel("District").selectOption({ index: 1 });
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("Title").fill("abc");
  await page.getByLabel("Description").fill("Shade sails over the skate park benches, so people can sit in summer.");
  await page.getByRole("button", { name: "Submit idea" }).click();
  await expect(page.getByText("Give your idea a title of at least 5 characters.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title")).toHaveValue("abc");
  await expect(page.getByLabel("Description")).toHaveValue("Shade sails over the skate park benches, so people can sit in summer.");
  await expect(page.getByLabel("District")).not.toHaveValue("");
  await expect(page.getByLabel("Category")).not.toHaveValue("");
});

test("on the PB office's cycle page, a refused form's errors go once it is saved (JavaScript on)", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/2026");
  const codes = admin.getByRole("region", { name: "Voter codes" });
  await codes.getByLabel("District").selectOption({ index: 1 });
  await codes.getByLabel("How many codes").fill("0");
  await codes.getByRole("button", { name: "Generate codes" }).click();
  await expect(codes.getByText("Generate at least 1 code.")).toBeVisible();
  await admin.waitForLoadState("networkidle"); // the page reloads its data after a refusal (see shouldRevalidate)
  await codes.getByLabel("How many codes").fill("3");
  await codes.getByLabel("Label (optional)").fill("Library desk");
  await codes.getByRole("button", { name: "Generate codes" }).click();
  await expect(admin.getByText("Voter codes generated. Download the CSV for mailing.")).toBeVisible();
  await expect(codes.getByText("Generate at least 1 code.")).toHaveCount(0);
  await expect(codes.getByLabel("How many codes")).toHaveValue("100"); // the form starts again
  await expect(codes.getByRole("row", { name: /Library desk/ })).toBeVisible();
});

test("a committee refused for its name, then made, renamed and deleted: each form answers next to its fields", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027/committees");
  const form = admin.getByRole("region", { name: "New committee" });
  await form.getByLabel("Name").fill("ab");
  await form.getByRole("button", { name: "Create committee" }).click();
  await expect(form.getByText("Give the committee a name of at least 3 characters.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("ab");
  await admin.waitForLoadState("networkidle");
  await form.getByLabel("Name").fill("Skate park committee");
  await form.getByRole("button", { name: "Create committee" }).click();
  await expect(admin.getByRole("heading", { level: 2, name: "Skate park committee" })).toBeVisible();
  await expect(form.getByText("Give the committee a name of at least 3 characters.")).toHaveCount(0);
  await expect(form.getByLabel("Name")).toHaveValue("");
  // With a committee and nobody on it, no delegate may write proposals in this cycle: the PB office is told.
  await admin.goto("/admin/cycles/youth-2027");
  await expect(admin.getByTestId("advance-warnings")).toContainText(/ideas? in “.+” · “.+” (is|are) not covered by any committee with a delegate on it/);
  await shot(admin, "committee-without-delegates-warning");
  // A committee made by mistake can be deleted; the cycle's other committees stay.
  await admin.getByRole("link", { name: "Delegate committees" }).click();
  // Counted once the committees page is there (not the cycle page it came from).
  await expect(admin.getByRole("heading", { level: 2, name: "Skate park committee" })).toBeVisible();
  const committees = await admin.getByRole("heading", { level: 2 }).count();
  // Renamed and given a category: a name another committee has is refused next to the field, what was typed kept.
  const card = admin.getByRole("region", { name: "Skate park committee" });
  await card.getByText("Change its name or what it works on").click();
  const change = card.getByRole("form", { name: "Change the committee Skate park committee" });
  await change.getByLabel("Name").fill("Whole-city committee");
  await change.getByLabel("Category").selectOption({ label: "Schools & youth" });
  await change.getByRole("button", { name: "Save changes" }).click();
  await expect(change.getByText("This cycle already has a committee with that name.")).toBeVisible();
  await expect(change.getByLabel("Name")).toHaveValue("Whole-city committee");
  await expect(change.getByLabel("Category")).toHaveValue(/.+/);
  await shot(admin, "committee-rename-refused");
  await change.getByLabel("Name").fill("Skate parks and schools committee");
  await change.getByRole("button", { name: "Save changes" }).click();
  const renamed = admin.getByRole("region", { name: "Skate parks and schools committee" });
  await expect(renamed.getByText("Committee changed. Its delegates now work on what it says above.")).toBeVisible();
  await expect(renamed.getByText("Works on: All districts · Schools & youth")).toBeVisible();
  await expect(admin.getByRole("heading", { level: 2 })).toHaveCount(committees);
  await admin.getByRole("button", { name: "Delete the committee Skate parks and schools committee" }).click();
  await expect(admin.getByText("Committee deleted. Its delegates no longer work through it; what they wrote stays.")).toBeVisible();
  await expect(admin.getByRole("heading", { level: 2, name: "Skate parks and schools committee" })).toHaveCount(0);
  await expect(admin.getByRole("heading", { level: 2 })).toHaveCount(committees - 1);
});

test("a ranked ballot with a gap is refused with the ranks kept, then cast in rank order (no JavaScript)", async ({ browser }) => {
  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = 'schools-2026' and p.id is null order by v.code limit 1`,
  );
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code.code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByText("Rank up to 3 projects: 1 for your first choice")).toBeVisible();
  await page.getByLabel("Rank for Shade sails over playgrounds").selectOption({ label: "1st choice" });
  await page.getByLabel("Rank for Book vending machines").selectOption({ label: "3rd choice" });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("alert")).toContainText("No project has rank 2: rank your choices in order (1st, 2nd, 3rd…) without leaving one out.");
  await expect(page.getByLabel("Rank for Shade sails over playgrounds")).toHaveValue("1");
  await expect(page.getByLabel("Rank for Book vending machines")).toHaveValue("3");
  await shot(page, "voter-ranked-gap");
  // The same rank twice: the two projects are marked where they are, not only at the top.
  await page.getByLabel("Rank for Water bottle fillers in every school").selectOption({ label: "1st choice" });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("alert")).toContainText("You gave rank 1 to more than one project");
  for (const title of ["Shade sails over playgrounds", "Water bottle fillers in every school"]) {
    const select = page.getByLabel(`Rank for ${title}`);
    await expect(select).toHaveAttribute("aria-invalid", "true");
    // The problem first, then the project's own description (as on the other ballots' boxes).
    await expect(select).toHaveAccessibleDescription(/^Rank 1 is also given to another project: give each project its own rank\. \S/);
  }
  await expect(page.getByLabel("Rank for Book vending machines")).not.toHaveAttribute("aria-invalid", "true");
  await page.setViewportSize({ width: 360, height: 640 });
  await shot(page, "voter-ranked-repeat-phone");
  await page.getByLabel("Rank for Water bottle fillers in every school").selectOption({ label: "2nd choice" });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText([
    /Shade sails over playgrounds/,
    /Water bottle fillers in every school/,
    /Book vending machines/,
  ]);
  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByText("1. Shade sails over playgrounds")).toBeVisible();
});

test("an approval ballot warns as soon as one project too many is ticked, and after Back the total is right (JavaScript)", async ({ browser }) => {
  const code = (slug: string) =>
    query<{ code: string }>(
      `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
       where c.slug = ? and p.id is null and v.voidedAt is null order by v.code desc limit 1 offset 1`,
      slug,
    )[0].code;
  const page = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code("libraries-2026"));
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByTestId("static-summary")).toBeHidden();
  const boxes = page.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.locator("[data-ballot-summary]")).toHaveText("Selected: 2 projects (choose 1 to 2)");
  await boxes.nth(2).check();
  await expect(page.locator("[data-ballot-summary]")).toHaveText("Selected: 3 projects (choose 1 to 2) — more than 2: untick one or more");
  await shot(page, "approval-too-many-phone");
  await boxes.nth(2).uncheck();
  await expect(page.locator("[data-ballot-summary] .error")).toHaveCount(0);

  // A knapsack ballot: Review, then the browser's Back, shows the total of the boxes it kept ticked.
  const knapsack = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
  await knapsack.goto("/vote");
  await knapsack.getByLabel("Voter code").fill(code("2026"));
  await knapsack.getByRole("button", { name: "Continue to my ballot" }).click();
  await knapsack.getByRole("checkbox").first().check();
  // ballot.js may still be loading on a slow machine: wait for it to count the ticked box.
  await expect(knapsack.getByTestId("running-total")).not.toHaveText("$0");
  const total = (await knapsack.getByTestId("running-total").textContent())!;
  await knapsack.getByRole("button", { name: "Review my ballot" }).click();
  await expect(knapsack.getByRole("button", { name: "Confirm and cast my ballot" })).toBeVisible();
  await knapsack.goBack();
  if (await knapsack.getByRole("checkbox").first().isChecked()) await expect(knapsack.getByTestId("running-total")).toHaveText(total);
  else await expect(knapsack.getByTestId("running-total")).toHaveText("$0");
});

test("a form refused after it was posted (no JavaScript, a stale tab) gets the normal page in words, still signed in", async ({ browser }) => {
  const admin = await signIn(browser, "admin", { javaScriptEnabled: false });
  await admin.goto("/admin/cycles/libraries-2026");
  const token = await admin.locator('input[name="csrf"]').first().getAttribute("value");
  // Who may vote is locked while voting is open: the tab that still shows the form posts it anyway.
  const response = await admin.request.post("/admin/cycles/libraries-2026", { form: { csrf: token!, intent: "update-eligibility", minAge: "0" } });
  expect(response.status()).toBe(409);
  await admin.setContent(await response.text());
  const text = await admin.locator("body").innerText();
  expect(text).toContain("Who may vote is locked once voting has started or a ballot has been cast.");
  expect(text).toContain("Sign out");
  expect(text).not.toMatch(/nav\.|admin:|common:|error\./);
  await shot(admin, "refused-post-page");
});

test("on a 390-pixel phone the results page fits, with a chart drawn at its own size and each reason in full", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto("/results?cycle=2025");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const section = page.getByRole("region").filter({ has: page.locator(".chart-narrow") }).first();
  await expect(section.locator(".chart-wide")).toBeHidden();
  const narrow = section.locator(".chart-narrow svg.recharts-surface");
  await expect(narrow).toBeVisible();
  // Drawn at its own width, not a wide chart shrunk (whose labels would be a few pixels tall).
  expect((await narrow.boundingBox())!.width).toBeGreaterThanOrEqual(320);
  await expect(section.locator(".chart-legend")).toHaveText(/funded\s+not funded/);
  // A project out from the first round says so, with what its supporters' whole shares came to (33 × $3,855.42 of $205,000).
  await expect(page.getByText("Not funded: even before any project was funded, its 33 supporters' shares together covered only 62% of its cost.")).toBeVisible();
  // Money left over is explained, not a mystery.
  await expect(page.getByText("$135,600 was not spent: every project not funded costs more than that.")).toBeVisible();
  // What the two shares mean in projects: greedy would have taken the 33-vote playground over the bus shelters.
  await expect(page.getByText("Plain greedy, most votes first, would have funded #11 New playground at Eastgate Commons instead of #12 Bus shelters with seating on Route 7.")).toBeVisible();
  await shot(page, "results-phone");
});

test("a comment form opened before someone else signed in, in another tab, is refused: never posted in the new person's name", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas/outcomes?cycle=youth-2027");
  await resident.getByRole("table").getByRole("link").first().click();
  await expect(resident).toHaveURL(/\/ideas\/(?!outcomes)[^/?]+$/);
  const ideaUrl = resident.url();
  await resident.getByLabel("Add a comment").fill("Written by the resident, not the delegate");
  // Meanwhile, in another tab of this browser: the resident signs out, and the delegate signs in.
  const other = await signOutInAnotherTab(resident);
  await other.goto("/login");
  await other.getByLabel("Email").fill(USERS.delegate);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("button", { name: "Sign out" })).toBeVisible();

  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText(/This form was opened before someone signed in or out in this browser/)).toBeVisible();
  // The comment is not lost: the refusal shows it, to copy.
  await expect(resident.getByRole("textbox", { name: "What you typed, not sent" })).toHaveValue("Written by the resident, not the delegate");
  await shot(resident, "comment-refused-text-kept");
  await other.goto(ideaUrl);
  await expect(other.getByText("Written by the resident, not the delegate")).toHaveCount(0);
  // That tab opened again is the delegate's now: the resident's unsent text is not put in their box.
  await resident.goto(ideaUrl);
  await expect(resident.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(resident.getByLabel("Add a comment")).toHaveValue("");
  await expect(resident.getByText("What you typed here earlier and did not send is back in the form.")).toHaveCount(0);
});

test("a comment pasted longer than the limit is refused by the field and kept whole, never cut short", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas/outcomes?cycle=youth-2027");
  await resident.getByRole("table").getByRole("link").first().click();
  const box = resident.getByLabel("Add a comment");
  await expect(box).toHaveAccessibleDescription("Up to 2,000 characters.");
  const long = "A longer thought about this idea, pasted from a note. ".repeat(45).trim(); // about 2,400 characters
  await box.fill(long);
  await expect(box).toHaveValue(long);
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(box).toHaveAccessibleDescription(/Keep your comment under 2,000 characters\./);
  await expect(box).toHaveValue(long);
  await expect(resident.getByText("Your comment is posted.")).toHaveCount(0);
  await shot(resident, "comment-too-long-kept");
});

test("an idea typed while the sign-in ended in another tab is not lost: after signing in again it is back in the form", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas/new?cycle=youth-2027");
  await resident.getByLabel("Title").fill("Drinking fountain by the skate park");
  await resident.getByLabel("Description").fill("Skaters have nowhere to fill a bottle on hot days; the nearest tap is in the library, which closes at six.");
  await resident.getByLabel("District").selectOption({ index: 1 });
  await resident.getByLabel("Category").selectOption({ index: 1 });
  // Meanwhile, another tab of this browser signs out.
  await signOutInAnotherTab(resident);
  await resident.getByRole("button", { name: "Submit idea" }).click();
  await signInAgain(resident, "resident");
  // Back at the form, with what was typed, and told so.
  await expect(resident).toHaveURL(/\/ideas\/new\?cycle=youth-2027$/);
  await expect(resident.getByRole("status").filter({ hasText: "What you typed here earlier and did not send is back in the form." })).toBeVisible();
  await expect(resident.getByLabel("Title")).toHaveValue("Drinking fountain by the skate park");
  await expect(resident.getByLabel("Description")).toHaveValue(/nowhere to fill a bottle/);
  await shot(resident, "idea-kept-after-sign-in");
  await resident.getByRole("button", { name: "Submit idea" }).click();
  const anyway = resident.getByRole("button", { name: "My idea is different: submit it" });
  await expect(resident.getByRole("heading", { level: 1, name: /Drinking fountain by the skate park/ }).or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(resident.getByRole("heading", { level: 1, name: /Drinking fountain by the skate park/ })).toBeVisible();
  // Saved: the next idea starts from an empty form.
  await resident.goto("/ideas/new?cycle=youth-2027");
  await expect(resident.getByLabel("Title")).toHaveValue("");
});

test("a ballot confirmed twice on a slow line (a double click) is counted once, and the voter still gets the receipt with its tracker", async ({ browser }) => {
  const code = unusedEastgateCode(6);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  // A slow line: every answer takes 1.5 s to come back, so the voter presses Confirm again.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 1500, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByRole("button", { name: "Confirm and cast my ballot" })).toBeVisible();
  // Two presses 0.4 s apart, before the first answer is back (the page sends no script: each press sends the form).
  await page.evaluate(() => {
    const confirm = document.querySelector<HTMLButtonElement>('button[value="confirm"]')!;
    confirm.click();
    setTimeout(() => confirm.click(), 400);
  });
  await expect(page.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("tracker")).toBeVisible();
  const [{ n }] = query<{ n: number }>(`select count(*) as n from Participation p join VoterCode v on v.id = p.voterCodeId where v.code = ?`, code);
  expect(n).toBe(1);
});

test("a session renewal still on its way when the voter presses Review is waited for, so its late cookie cannot undo the choices just sent", async ({ page }) => {
  const code = unusedEastgateCode(9);
  await page.clock.install();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.locator("[data-ballot-summary]")).toBeVisible(); // the ballot's script runs
  // Six minutes reading, then a tick: the script renews the session in the background. A slow line
  // holds that renewal. (Its answer carries the cookie of before the choice; arriving after Review's,
  // it would replace the cookie holding the choices. Playwright cannot deliver a late Set-Cookie,
  // so this checks the order instead: Review is sent only once the renewal has answered.)
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const renewal = page.waitForRequest((r) => r.resourceType() === "fetch");
  await page.route("**/vote/ballot*", async (route) => {
    if (route.request().resourceType() !== "fetch") return route.continue();
    await held;
    await route.continue();
  });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.postData() ?? "");
  });
  await page.clock.fastForward("06:00");
  const box = page.getByRole("checkbox").first();
  const project = (await box.getAttribute("value"))!;
  await box.check();
  await renewal;
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Review my ballot" }).click(); // impatient: pressed twice
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(0);
  release();
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(posts[0]).toContain("intent=review");
  expect(posts[0]).toContain(`project=${project}`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  await expect(page.locator(`input[name="project"][value="${project}"]`)).toHaveCount(1);
});
