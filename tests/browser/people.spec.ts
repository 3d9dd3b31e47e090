import { expect, test } from "@playwright/test";
import { confirmAddress, shot, signIn, signUp } from "./helpers";

// A volunteer becomes a budget delegate: they make an account, the PB office gives it the role from
// /admin/people once the address is confirmed, and can take it back.

test("the PB office makes a new volunteer a budget delegate once their address is confirmed, and takes the role back", async ({ browser }) => {
  const email = `volunteer-${Date.now()}@example.org`;
  const volunteer = await (await browser.newContext()).newPage();
  await signUp(volunteer, { name: "Amara Volunteer", email, password: "a long volunteer password" });

  const admin = await signIn(browser, "admin");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "People with a role" }).click();
  const form = admin.getByRole("region", { name: "Give a role" });
  // Not confirmed yet: refused by the field, the address kept.
  await form.getByLabel("E-mail address of their account").fill(email);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Budget delegate" });
  await form.getByRole("button", { name: "Give the role" }).click();
  await expect(form.getByLabel("E-mail address of their account")).toHaveAccessibleDescription(/has not confirmed its address yet/);
  await expect(form.getByLabel("E-mail address of their account")).toHaveValue(email);
  await shot(admin, "people-unconfirmed-refused");

  // The volunteer opens the link mailed at sign-up.
  await confirmAddress(volunteer, email);

  await form.getByRole("button", { name: "Give the role" }).click();
  await expect(admin.getByText("Amara Volunteer has the role now.")).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Budget delegate");
  await shot(admin, "people-delegate-granted");
  // Their next page already has it: the delegates' page of committees opens.
  expect((await volunteer.goto("/committees"))!.status()).toBe(200);

  await row.getByRole("button", { name: /^Take back/ }).click();
  await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  expect((await volunteer.goto("/committees"))!.status()).toBe(403);
  await volunteer.context().close();
  await admin.context().close();
});

// The names of the agencies are the PB office's own text: translated at the foot of the same page,
// read by a Spanish reader on the projects the agency builds.
test("the PB office translates an agency's name, which Spanish readers then see on its projects", async ({ browser }) => {
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/projects?cycle=2025&lng=es");
  const item = reader.getByRole("listitem").filter({ hasText: "Library homework help room" });
  // Untranslated: shown as written, marked as English for screen readers.
  await expect(item.locator('[lang="en"]', { hasText: "Schools & Libraries" })).toBeVisible();

  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/people");
  const agencies = admin.getByRole("listitem").filter({ hasText: "Agency: Schools & Libraries" });
  await expect(agencies).toContainText("not translated yet");
  await agencies.getByRole("link", { name: "Agency: Schools & Libraries" }).click();
  await expect(admin.getByRole("heading", { name: "Translate the agency “Schools & Libraries”" })).toBeVisible();
  // Too short: refused by the field, nothing saved.
  await admin.getByLabel("Name in that language").fill("E");
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByLabel("Name in that language")).toHaveAccessibleDescription(/at least 2 characters/);
  await admin.getByLabel("Name in that language").fill("Escuelas y Bibliotecas");
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText("Translation saved")).toBeVisible();
  await admin.getByRole("link", { name: /Back/ }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: "Agency: Schools & Libraries" })).toContainText("translated into Español");
  await shot(admin, "people-agency-translated");

  await reader.reload();
  await expect(item).toContainText("Escuelas y Bibliotecas");
  await expect(item.locator('[lang="en"]', { hasText: "Schools & Libraries" })).toHaveCount(0);
  await shot(reader, "projects-agency-in-spanish");
  await reader.context().close();
  await admin.context().close();
});
