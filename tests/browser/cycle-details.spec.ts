import { expect, test, type Page } from "@playwright/test";
import { query, shot, signIn, signInAgain, signOutInAnotherTab } from "./helpers";

/** The PB office fills in the new-cycle form with one district and one category, and sends it. */
async function createCycle(admin: Page, cycle: { name: string; slug: string; district: string; budget: string; currency?: string }) {
  await admin.goto("/admin/cycles/new");
  await admin.locator('input[name="name"]').fill(cycle.name);
  await admin.getByLabel("Web address").fill(cycle.slug);
  if (cycle.currency) await admin.getByLabel("Currency").fill(cycle.currency);
  await admin.locator('input[name="districts[0].name"]').fill(cycle.district);
  await admin.locator('input[name="districts[0].budget"]').fill(cycle.budget);
  await admin.getByLabel("Categories").fill("Parks");
  await admin.getByRole("button", { name: "Create cycle" }).click();
}

// The PB office corrects a cycle after creating it: a misspelt district, a category forgotten.
for (const javaScriptEnabled of [true, false]) {
  test(`the PB office corrects a district's name and adds a district and a category, refused first for a duplicate with everything typed kept (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const slug = `millrace-${javaScriptEnabled ? "js" : "plain"}`;
    const admin = await signIn(browser, "admin", { javaScriptEnabled });
    await createCycle(admin, { name: `Milrace PB 2030 ${javaScriptEnabled ? "A" : "B"}`, slug, district: "Nrth", budget: "50000" });
    await admin.getByRole("link", { name: "Correct the name, description, districts and categories" }).click();
    await expect(admin.getByRole("heading", { name: "Names, districts and categories" })).toBeVisible();
    await expect(admin.getByText("Budget: $50,000")).toBeVisible();

    const name = admin.getByLabel("Name", { exact: true });
    const district = admin.getByLabel("District 1", { exact: true });
    await name.fill(`Millrace PB 2030 ${javaScriptEnabled ? "A" : "B"}`);
    await district.fill("North");
    await admin.getByLabel("New district (optional)").fill("north");
    await admin.getByLabel("Budget of the new district").fill("30,000");
    await admin.getByLabel("New categories (optional)").fill("Streets");
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByLabel("New district (optional)")).toHaveAccessibleDescription(/Two districts have this name/);
    await expect(district).toHaveValue("North");
    await expect(admin.getByLabel("Budget of the new district")).toHaveValue("30,000");
    await expect(admin.getByLabel("New categories (optional)")).toHaveValue("Streets");
    await shot(admin, `cycle-details-refused-${javaScriptEnabled ? "js" : "plain"}`);
    expect(query<{ name: string }>("select d.name from District d join Cycle c on c.id = d.cycleId where c.slug = ?", slug)).toEqual([{ name: "Nrth" }]);

    await admin.getByLabel("New district (optional)").fill("South");
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByText("Saved. Every page now shows these names.")).toBeVisible();
    await expect(admin.getByLabel("District 1", { exact: true })).toHaveValue("North");
    await expect(admin.getByLabel("District 2", { exact: true })).toHaveValue("South");
    await expect(admin.getByLabel("Category 2", { exact: true })).toHaveValue("Streets");
    // Streets was a mistake after all: nothing is filed under it, so it can go.
    await admin.getByLabel("Remove category 2 (nothing is filed under it yet)").check();
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByText("Saved. Every page now shows these names.")).toBeVisible();
    await expect(admin.getByLabel("Category 2", { exact: true })).toHaveCount(0);
    await expect(admin.getByLabel("Category 1", { exact: true })).toHaveValue("Parks");
    await admin.getByRole("link", { name: /^Back to Millrace PB 2030/ }).click();
    await expect(admin.getByRole("heading", { name: `Millrace PB 2030 ${javaScriptEnabled ? "A" : "B"}` })).toBeVisible();
    expect(query<{ name: string; budgetCents: number }>("select d.name, d.budgetCents from District d join Cycle c on c.id = d.cycleId where c.slug = ? order by d.name", slug)).toEqual([
      { name: "North", budgetCents: 50_000_00 },
      { name: "South", budgetCents: 30_000_00 },
    ]);
    await admin.context().close();
  });
}

test("only the PB office may correct a cycle: a delegate is refused the page", async ({ browser }) => {
  const delegate = await signIn(browser, "delegate");
  const response = await delegate.goto("/admin/cycles/2026/details");
  expect(response?.status()).toBe(403);
  await expect(delegate.getByRole("heading", { name: "You cannot do this" })).toBeVisible();
  await delegate.context().close();
});

test("a city budgeting in forints: a district budget of a billion is kept exactly; one beyond the most any amount may be is refused in words, with everything typed kept", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await createCycle(admin, { name: "Danube Quarter PB 2031", slug: "danube-2031", currency: "HUF", district: "Old Town", budget: "1,000,000,000,000" });
  const budget = admin.locator('input[name="districts[0].budget"]');
  await expect(budget).toHaveAccessibleDescription(/That amount is too large: one amount can be at most 100,000,000,000\./);
  await expect(budget).toHaveValue("1,000,000,000,000");
  await expect(admin.locator('input[name="districts[0].name"]')).toHaveValue("Old Town");
  // Written the Hungarian way, with points between thousands: said so, not read as 1.0.
  await budget.fill("1.000.000.000");
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await expect(budget).toHaveAccessibleDescription(/Separate thousands with commas and cents with a point: 1,250,000\.50, not 1\.250\.000,50\./);
  await expect(budget).toHaveValue("1.000.000.000");
  await shot(admin, "cycle-budget-point-thousands");

  await budget.fill("1,000,000,000");
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await admin.getByRole("link", { name: "Correct the name, description, districts and categories" }).click();
  await expect(admin.getByText(/Budget: HUF\s1,000,000,000/)).toBeVisible();
  await shot(admin, "cycle-budget-in-forints");
  expect(query<{ budgetCents: number }>("select d.budgetCents from District d join Cycle c on c.id = d.cycleId where c.slug = 'danube-2031'")).toEqual([{ budgetCents: 1_000_000_000_00 }]);
  await admin.context().close();
});

test("renaming a translated district removes its Spanish name (it named the old one) and says so; the cycle page lists the district as not translated", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await createCycle(admin, { name: "Ferry Landing PB 2032", slug: "ferry-2032", district: "Ferry Landng", budget: "40,000" });
  await expect(admin.getByRole("heading", { name: "Ferry Landing PB 2032" })).toBeVisible();
  const [{ id }] = query<{ id: string }>("select d.id from District d join Cycle c on c.id = d.cycleId where c.slug = 'ferry-2032'");
  await admin.goto(`/translate/district/${id}`);
  await admin.getByRole("combobox", { name: "Language" }).selectOption("es");
  await admin.getByLabel("Name in that language").fill("Embarcadero");
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText(/Translation saved/)).toBeVisible();

  await admin.goto("/admin/cycles/ferry-2032/details");
  await admin.getByLabel("District 1", { exact: true }).fill("Ferry Landing");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved. Every page now shows these names. Its translation into another language described the old name, so it was removed: translate the new name from “Translations” on the cycle's page.")).toBeVisible();
  await shot(admin, "cycle-details-translation-removed");
  expect(query<{ n: number }>("select count(*) as n from ContentTranslation where targetId = ?", id)).toEqual([{ n: 0 }]);
  await admin.goto("/admin/cycles/ferry-2032");
  await expect(admin.getByText("District: Ferry Landing")).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: "District: Ferry Landing" })).toContainText("not translated yet");
  await admin.context().close();
});

test("during voting the PB office sees the locked ballot rules with the limits voters were given, not a placeholder", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/schools-2026");
  const rules = admin.getByRole("region", { name: "Ballot and counting rules" });
  await expect(rules).toContainText("Ballot: Ranked: rank projects in order of preference. What voters read: “Rank up to 3 projects: 1 for your first choice, 2 for your second, and so on.”");
  await admin.goto("/admin/cycles/libraries-2026");
  await expect(rules).toContainText("What voters read: “Choose between 1 and 2 projects.”");
  await shot(admin, "locked-rules-with-limits");
  await admin.context().close();
});

test("a new cycle typed while the sign-in ended in another tab is not lost: its districts are back after signing in again", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/new");
  await admin.locator('input[name="name"]').fill("Harbour PB 2031");
  await admin.getByLabel("Web address").fill("harbour-2031");
  await admin.locator('input[name="districts[0].name"]').fill("Docks");
  await admin.locator('input[name="districts[0].budget"]').fill("40,000");
  await admin.getByRole("button", { name: "Add a district" }).click();
  await admin.locator('input[name="districts[1].name"]').fill("Lighthouse");
  await admin.locator('input[name="districts[1].budget"]').fill("25,000");
  await admin.getByLabel("Categories").fill("Parks\nStreets");
  await signOutInAnotherTab(admin);
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await signInAgain(admin, "admin");
  await expect(admin.getByRole("status").filter({ hasText: "What you typed here earlier and did not send is back in the form." })).toBeVisible();
  await expect(admin.locator('input[name="districts[1].name"]')).toHaveValue("Lighthouse");
  await expect(admin.locator('input[name="districts[1].budget"]')).toHaveValue("25,000");
  await expect(admin.getByLabel("Categories")).toHaveValue("Parks\nStreets");
  await shot(admin, "new-cycle-kept-after-sign-in");
  // Sent now, it is made with both districts; the next new cycle starts empty.
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await expect(admin.getByRole("heading", { name: "Harbour PB 2031" })).toBeVisible();
  expect(query<{ name: string }>("select d.name from District d join Cycle c on c.id = d.cycleId where c.slug = ? order by d.name", "harbour-2031")).toEqual([{ name: "Docks" }, { name: "Lighthouse" }]);
  await admin.goto("/admin/cycles/new");
  await expect(admin.locator('input[name="districts[1].name"]')).toHaveCount(0);
  await expect(admin.locator('input[name="name"]')).toHaveValue("");
  await admin.context().close();
});
