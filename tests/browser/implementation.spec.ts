import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { query, shot, signIn, signInAgain, signOutInAnotherTab } from "./helpers";

/** Staff add a milestone from the project page's form; the form's region, for what comes next. */
async function addMilestone(staff: Page, title: string, plannedOn: string) {
  const milestones = staff.getByRole("region", { name: "Milestones" });
  await milestones.getByLabel("Milestone", { exact: true }).last().fill(title);
  await milestones.getByLabel("Planned date").last().fill(plannedOn);
  await milestones.getByRole("button", { name: "Add milestone" }).click();
  await expect(staff.getByText("Milestone saved. It is on the public timeline.")).toBeVisible();
  return milestones;
}

// After the vote: agency staff report progress (milestones, spending, photos); residents follow it; the home page reports back.

test("agency staff add a milestone, spending and an update with a photo; a resident sees the timeline", async ({ browser }) => {
  const [project] = query<{ id: string; title: string }>(
    `SELECT p.id, p.title FROM Project p JOIN User u ON u.agencyId = p.agencyId
     WHERE u.email = 'parks@riverside.example' AND p.status = 'in_progress' ORDER BY p.title LIMIT 1`,
  );
  const staff = await signIn(browser, "parks");
  await staff.goto(`/projects/${project.id}`);

  const milestones = await addMilestone(staff, "Neighbours' walk-through", "2026-10-01");

  // Bad input is refused next to the field and kept.
  const spending = staff.getByRole("region", { name: "Record spending" });
  await spending.getByLabel(/^Amount/).fill("a lot");
  await spending.getByLabel("What it was for").fill("Soil and compost");
  await spending.getByRole("button", { name: "Record spending" }).click();
  await expect(spending.getByText("Enter an amount greater than zero, with at most two decimals, e.g. 1,250.50.")).toBeVisible();
  await expect(spending.getByLabel("What it was for")).toHaveValue("Soil and compost");
  // Spending cannot be dated after today: said next to the date, which is kept.
  const today = await spending.getByLabel("Date", { exact: true }).inputValue();
  await spending.getByLabel("Date", { exact: true }).fill("2030-01-01");
  await spending.getByLabel(/^Amount/).fill("1,250.50");
  await spending.getByRole("button", { name: "Record spending" }).click();
  await expect(spending.getByText("The date of the spending cannot be after today.", { exact: false })).toBeVisible();
  await expect(spending.getByLabel("Date", { exact: true })).toHaveValue("2030-01-01");
  await expect(spending.getByLabel(/^Amount/)).toHaveValue("1,250.50");
  await spending.getByLabel("Date", { exact: true }).fill(today);
  await spending.getByLabel("Reference (optional)").fill("INV-2026-1120");
  await spending.getByRole("button", { name: "Record spending" }).click();
  await expect(staff.getByText("Spending recorded.")).toBeVisible();
  await expect(staff.getByRole("row", { name: /Soil and compost INV-2026-1120 \$1,250\.50/ })).toBeVisible();
  // The form starts empty again: nothing gets entered twice by accident.
  await expect(spending.getByLabel(/^Amount/)).toHaveValue("");
  await expect(spending.getByLabel("What it was for")).toHaveValue("");

  // An entry recorded by mistake is withdrawn with a reason: it stays listed, struck through.
  await spending.getByLabel(/^Amount/).fill("1,250.50");
  await spending.getByLabel("What it was for").fill("Soil and compost, again");
  await spending.getByRole("button", { name: "Record spending" }).click();
  await expect(staff.getByText("Spending recorded.")).toBeVisible();
  const twice = staff.getByRole("row").filter({ hasText: "Soil and compost, again" });
  await twice.getByText("Withdraw this entry").click();
  await twice.getByLabel("Why it is withdrawn").fill("Oops");
  await twice.getByRole("button", { name: "Withdraw" }).click();
  await expect(twice.getByText("Say why the entry is withdrawn, in 5 to 300 characters.")).toBeVisible();
  await expect(twice.getByLabel("Why it is withdrawn")).toHaveValue("Oops");
  await twice.getByLabel("Why it is withdrawn").fill("Entered twice: the same invoice as INV-2026-1120");
  await twice.getByRole("button", { name: "Withdraw" }).click();
  await expect(staff.getByText(/Spending entry withdrawn\. It stays listed/)).toBeVisible();
  await expect(twice).toContainText(/Withdrawn on .*: Entered twice: the same invoice as INV-2026-1120/);
  await expect(twice.getByRole("deletion").first()).toHaveText("Soil and compost, again");
  await shot(staff, "project-spend-withdrawn");

  const post = staff.getByRole("region", { name: "Post an update" });
  await post.getByLabel("Percent complete").fill("70");
  await post.getByLabel("What happened").fill("The raised beds are built and filled; planting starts next week.");
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 70, g: 140, b: 60 } } }).jpeg().toBuffer();
  await post.getByLabel("Photo (optional)").setInputFiles({ name: "beds.jpg", mimeType: "image/jpeg", buffer: photo });
  await post.getByLabel("Description of the photo").fill("Six raised wooden beds filled with dark soil");
  await post.getByRole("button", { name: "Post update" }).click();
  await expect(staff.getByText("Update posted. It is now on the public timeline.")).toBeVisible();
  // The form starts again, so a second press cannot post the same note twice; it starts from the project as it now is.
  await expect(post.getByLabel("What happened")).toHaveValue("");
  await expect(post.getByLabel("Percent complete")).toHaveValue("70");
  await staff.context().close();

  const resident = await signIn(browser, "resident");
  await resident.goto(`/projects/${project.id}`);
  await expect(resident.getByRole("heading", { level: 1, name: project.title })).toBeVisible();
  const timeline = resident.getByRole("region", { name: "Updates" });
  const late = timeline.getByRole("listitem").filter({ hasText: "Neighbours' walk-through" });
  await expect(late).toContainText("Late");
  await expect(late).toContainText(/not done yet \(\d+ days? late\)/);
  const update = timeline.getByRole("listitem").filter({ hasText: "The raised beds are built" });
  const img = update.getByRole("img", { name: "Six raised wooden beds filled with dark soil" });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(640);
  await expect(resident.getByRole("region", { name: "Spending" })).toContainText(/spent of the \$[\d,]+ budget/);
  await expect(resident.getByRole("row").filter({ hasText: "Soil and compost, again" })).toContainText("Withdrawn on");
  await expect(resident.getByText("Withdraw this entry")).toHaveCount(0);
  // Residents get no forms to change the project.
  await expect(resident.getByRole("region", { name: "Record spending" })).toHaveCount(0);
  await expect(resident.getByRole("region", { name: "Milestones" })).toHaveCount(0);
  await shot(resident, "project-timeline");

  // The photo turns out to show a neighbour: staff take only the photo down, with the reason shown in its place;
  // the note and the project's status stay. Taking the whole update down would be told beforehand what the project then shows.
  const status = await resident.getByTestId("project-status").textContent();
  const again = await signIn(browser, "parks");
  await again.goto(`/projects/${project.id}`);
  const posted = again.getByRole("region", { name: "Updates" }).getByRole("listitem").filter({ hasText: "The raised beds are built" });
  await posted.getByText("Take down this update").click();
  await expect(posted.getByLabel("The whole update, note and photo")).toHaveAccessibleDescription(/The project will then show .+ · \d+%, as in the newest update still shown\./);
  await posted.getByLabel("Only the photo: the note and the project’s status stay").check();
  await posted.getByRole("button", { name: "Take it down" }).click();
  await expect(posted.getByText("Say in 5 to 300 characters why it is taken down; the reason is shown in its place.")).toBeVisible();
  await expect(posted.getByLabel("Only the photo: the note and the project’s status stay")).toBeChecked();
  await shot(again, "project-photo-take-down-form");
  await posted.getByLabel("Why? (shown in its place)").fill("A neighbour is recognisable in the photo.");
  await posted.getByRole("button", { name: "Take it down" }).click();
  await expect(again.getByText("The photo is taken down and deleted; the reason shows in its place. The note and the status stay.")).toBeVisible();
  await again.context().close();
  await resident.reload();
  await expect(resident.getByText(/Photo taken down on .*: A neighbour is recognisable in the photo\./)).toBeVisible();
  await expect(resident.getByText("The raised beds are built and filled; planting starts next week.")).toBeVisible();
  await expect(resident.getByRole("img", { name: "Six raised wooden beds filled with dark soil" })).toHaveCount(0);
  await expect(resident.getByTestId("project-status")).toHaveText(status!);
  await shot(resident, "project-update-taken-down");
  await resident.context().close();
});

test("agency staff drop a milestone that will not happen; a resident sees it struck through with the reason, no longer late", async ({ browser }) => {
  const [project] = query<{ id: string; title: string }>(
    `SELECT p.id, p.title FROM Project p JOIN User u ON u.agencyId = p.agencyId
     WHERE u.email = 'parks@riverside.example' ORDER BY p.title DESC LIMIT 1`,
  );
  const staff = await signIn(browser, "parks");
  await staff.goto(`/projects/${project.id}`);
  const milestones = await addMilestone(staff, "Splash pad", "2026-06-01");
  const splash = milestones.locator(".milestone-edit").filter({ has: staff.getByRole("form", { name: "Edit milestone Splash pad" }) });
  await splash.getByText("Drop this milestone").click();
  const reason = splash.getByLabel("Why? (shown with it, publicly)");
  await reason.fill("No");
  await splash.getByRole("button", { name: "Drop it" }).click();
  await expect(splash.getByText("Say why the milestone is dropped, in 5 to 300 characters; the reason is shown with it.")).toBeVisible();
  await expect(reason).toHaveValue("No");
  await reason.fill("The water connection would cost more than the whole project.");
  await splash.getByRole("button", { name: "Drop it" }).click();
  await expect(staff.getByText("The milestone is dropped; it stays on the timeline with your reason.")).toBeVisible();
  // Dropped is final: no form to change it any more.
  await expect(staff.getByRole("form", { name: "Edit milestone Splash pad" })).toHaveCount(0);
  await staff.context().close();

  const resident = await signIn(browser, "resident");
  await resident.goto(`/projects/${project.id}`);
  const entry = resident.getByRole("region", { name: "Updates" }).getByRole("listitem").filter({ hasText: "Splash pad" });
  await expect(entry.getByRole("deletion")).toHaveText("Splash pad");
  await expect(entry).toContainText("Dropped");
  await expect(entry).toContainText(/Dropped from the plan on .*: The water connection would cost more than the whole project\./);
  await expect(entry).not.toContainText("Late");
  await entry.scrollIntoViewIfNeeded();
  await shot(resident, "project-milestone-dropped");
  await resident.context().close();
});

test("the home page reports back on last cycle's projects; the list filters by district", async ({ page }) => {
  await page.goto("/");
  const report = page.getByRole("region", { name: /How last cycle's projects are doing/ });
  await expect(report).toBeVisible();
  await expect(report).toContainText(/\d+ done/);
  await expect(report).toContainText("The site survey found a protected water main");
  await shot(page, "home-report-back");
  await report.getByRole("link", { name: /cancelled/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projects being built" })).toBeVisible();
  await expect(page.locator("ul.item-list > li")).toHaveCount(1);
  await page.goto("/projects?cycle=2025");
  await page.getByLabel("District").selectOption("Old Town");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/district=Old\+Town/);
  await expect(page.locator(".item .meta").first()).toContainText("Old Town");
  await shot(page, "projects-district-filter");
});

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("on a 390-pixel phone a project page with spending fits the screen, every amount in view", async ({ browser }) => {
  const [project] = query<{ id: string }>(
    `SELECT p.id FROM Project p JOIN User u ON u.agencyId = p.agencyId JOIN ProjectSpend s ON s.projectId = p.id
     WHERE u.email = 'parks@riverside.example' GROUP BY p.id ORDER BY count(*) DESC, p.title LIMIT 1`,
  );
  const check = async (page: Page, name: string) => {
    await page.goto(`/projects/${project.id}`);
    const spending = page.getByRole("region", { name: "Spending" });
    await expect(spending.getByRole("row").first()).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    // Each entry's amount is on the screen, named by its column.
    const amounts = spending.locator('td[data-label="Amount"]');
    expect(await amounts.count()).toBeGreaterThan(0);
    for (const cell of await amounts.all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expect(cell).toContainText(/\$[\d,]+/);
    }
    await shot(page, name);
  };
  const visitor = await (await browser.newContext(PHONE)).newPage();
  await check(visitor, "project-phone");
  // Staff also get the forms to add milestones, spending and updates, and a withdraw link on each entry.
  const staff = await signIn(browser, "parks", PHONE);
  await check(staff, "project-phone-staff");
  await visitor.context().close();
  await staff.context().close();
});

test("a Spanish reader follows a project being built in Spanish, where staff translated it", async ({ page }) => {
  await page.goto("/projects?cycle=2025&lng=es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proyectos en construcción");
  const garden = page.locator(".item").filter({ has: page.getByRole("link", { name: "Huerto comunitario en el solar de Harbor Street" }) });
  await expect(garden.locator(".meta")).toContainText("Presupuesto participativo de Riverside 2025–26");
  // The filter's choice of cycle reads in Spanish too.
  await expect(page.getByLabel("Ciclo")).toContainText("Presupuesto participativo de Riverside 2025–26");
  await garden.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huerto comunitario en el solar de Harbor Street");
  await expect(page.getByText(/^Convertir el solar vacío de la ciudad/)).toBeVisible();
  await expect(page.locator(".meta").first()).toContainText("Presupuesto participativo de Riverside 2025–26");
  // What staff wrote in English (milestones, spending) is marked as English, so a screen reader reads it as English.
  await expect(page.getByRole("region", { name: "Actualizaciones" }).locator(".milestone strong").first()).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Gastos" }).locator("td span[lang=en]").first()).toBeVisible();
  await shot(page, "project-in-spanish");
  // Untranslated projects keep their title as written.
  await page.goto("/projects?cycle=2025&lng=es");
  await expect(page.getByRole("link", { name: "Bus shelters with seating on Route 7" })).toBeVisible();
});

test("Parks staff translate a milestone's title from the project page; a Spanish reader then reads it in Spanish", async ({ browser }) => {
  const staff = await signIn(browser, "parks");
  await staff.goto("/projects?cycle=2025");
  await staff.getByRole("link", { name: "Community garden at Harbor Street lot" }).click();
  const milestone = staff.getByRole("region", { name: "Updates" }).locator(".milestone").first();
  const original = (await milestone.locator("strong").textContent())!.trim();
  await milestone.getByRole("link", { name: new RegExp(`^Translate\\s*: ${original}$`) }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Translate the milestone “${original}”`);
  await expect(staff.getByLabel("Description in that language")).toHaveCount(0); // a title only
  await staff.getByRole("combobox", { name: "Language" }).selectOption("es");
  await staff.getByLabel("Title in that language").fill("Hito traducido por Parques");
  await staff.getByRole("button", { name: "Save translation" }).click();
  await expect(staff.getByText(/^Translation saved\./)).toBeVisible();
  await staff.getByRole("link", { name: "Back to the page" }).click();
  // In English it reads as written; in Spanish as translated, with no mark of another language.
  await expect(staff.getByRole("region", { name: "Updates" }).locator(".milestone strong").first()).toHaveText(original);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${new URL(staff.url()).pathname}?lng=es`);
  const translated = reader.getByRole("region", { name: "Actualizaciones" }).locator(".milestone strong").first();
  await expect(translated).toHaveText("Hito traducido por Parques");
  await expect(translated).not.toHaveAttribute("lang", /.+/);
  await shot(reader, "milestone-translated-es");
  await reader.context().close();
  await staff.context().close();
});

test("an update typed while the sign-in ended in another tab is not lost, and once posted the form starts empty", async ({ browser }) => {
  const [project] = query<{ id: string }>(
    `SELECT p.id FROM Project p JOIN User u ON u.agencyId = p.agencyId
     WHERE u.email = 'parks@riverside.example' AND p.status = 'in_progress' ORDER BY p.title LIMIT 1 OFFSET 1`,
  );
  const staff = await signIn(browser, "parks");
  await staff.goto(`/projects/${project.id}`);
  const note = "Crews poured the footings for the shade structure; the steel arrives on Monday.";
  await staff.getByRole("region", { name: "Post an update" }).getByLabel("What happened").fill(note);
  // Meanwhile, another tab of this browser signs out.
  await signOutInAnotherTab(staff);
  await staff.getByRole("button", { name: "Post update" }).click();
  await signInAgain(staff, "parks");
  const post = staff.getByRole("region", { name: "Post an update" });
  const kept = post.getByRole("status").filter({ hasText: "What you typed here earlier and did not send is back in the form." });
  await expect(kept).toBeVisible();
  await expect(post.getByLabel("What happened")).toHaveValue(note);
  await shot(staff, "project-update-kept-after-sign-in");
  await post.getByRole("button", { name: "Post update" }).click();
  await expect(staff.getByText("Update posted. It is now on the public timeline.")).toBeVisible();
  await expect(post.getByLabel("What happened")).toHaveValue("");
  // Posted: a reload does not bring the note back as unsent.
  await staff.reload();
  await expect(staff.getByRole("region", { name: "Updates" })).toContainText("Crews poured the footings");
  await expect(post.getByLabel("What happened")).toHaveValue("");
  await expect(kept).toHaveCount(0);

  // Another form of the page saved meanwhile (spending, posting to the same address) keeps the unsent note.
  const later = "The steel frame is up; the shade sail goes on next week.";
  await post.getByLabel("What happened").fill(later);
  const spending = staff.getByRole("region", { name: "Record spending" });
  await spending.getByLabel(/^Amount/).fill("120");
  await spending.getByLabel("What it was for").fill("Bolts and washers");
  await spending.getByRole("button", { name: "Record spending" }).click();
  await expect(staff.getByText(/Bolts and washers/).first()).toBeVisible();
  await staff.reload();
  await expect(post.getByLabel("What happened")).toHaveValue(later);
  await expect(kept).toBeVisible();
  await staff.context().close();
});
