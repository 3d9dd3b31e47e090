import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { confirmAddress, shot, signIn, signUp } from "./helpers";

// A resident's own page, from the name in the header: what they follow (and stopping), their ideas,
// their name and their password. Without JavaScript, as on an old phone.
test("a resident finds their account from the header, renames themselves, changes their password and stops following an idea", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const email = `nadia-${Date.now()}@example.org`;
  await signUp(page, { name: "Nadia Neighbour", email, password: "a long first passphrase" });
  await confirmAddress(page, email);

  // Follow the first idea of the youth cycle.
  await page.goto("/ideas?cycle=youth-2027");
  await page.locator(".item-title a").first().click();
  const ideaTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await page.getByRole("button", { name: "Follow" }).click();

  await page.getByRole("link", { name: "Nadia Neighbour (your account)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(`E-mail address: ${email}. Confirmed.`)).toBeVisible();
  await expect(page.getByText("You have not submitted an idea yet.")).toBeVisible();
  const following = page.getByRole("region", { name: "What you follow" });
  await expect(following.getByRole("listitem")).toHaveCount(1);
  await shot(page, "account-phone");
  // Everything kept about them, as a file.
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your data (JSON)" }).click()]);
  const data = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(data).toMatchObject({ name: "Nadia Neighbour", email, ideas: [], follows: [expect.objectContaining({ targetType: "idea" })] });

  // A blank name is refused by the field, what was there before stays in the header.
  await page.getByLabel("Your name").fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByLabel("Your name")).toHaveAccessibleDescription(/Tell us your name/);
  await page.getByLabel("Your name").fill("Nadia N.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name is saved")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nadia N. (your account)" })).toBeVisible();

  // The wrong current password is refused by its field; nothing typed in a password field comes back.
  const passwordForm = page.getByRole("region", { name: "Change your password" });
  await passwordForm.getByLabel("Your current password").fill("not it at all");
  await passwordForm.getByLabel("New password").fill("a long second passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByLabel("Your current password")).toHaveAccessibleDescription(/That is not your current password/);
  await expect(passwordForm.getByLabel("New password")).toHaveValue("");
  await passwordForm.getByLabel("Your current password").fill("a long first passphrase");
  await passwordForm.getByLabel("New password").fill("a long second passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();

  await following.getByRole("button", { name: /^Stop following/ }).click();
  await expect(page.getByRole("region", { name: "What you follow" }).getByText(/You follow nothing yet/)).toBeVisible();
  await expect(page.getByText(ideaTitle.replace(/^Idea #\d+: /, ""))).toHaveCount(0);

  // Closing the account: refused without the box ticked, the password field emptied.
  const close = page.getByRole("region", { name: "Close your account" });
  await close.getByLabel("Your current password").fill("a long second passphrase");
  await close.getByRole("button", { name: "Close my account" }).click();
  await expect(page.getByLabel("I understand that my account cannot be opened again")).toHaveAccessibleDescription("Tick the box to confirm you understand.");
  await expect(close.getByLabel("Your current password")).toHaveValue("");
  await close.getByLabel("Your current password").fill("a long second passphrase");
  await page.getByLabel("I understand that my account cannot be opened again").check();
  await page.getByRole("button", { name: "Close my account" }).click();
  await expect(page.getByText(/^Your account is closed/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await shot(page, "account-closed");
  // The address is free again, and the old password opens nothing.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long second passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await context.close();
});

test("someone with a role is asked to have the PB office take it back before closing their account", async ({ browser }) => {
  const delegate = await signIn(browser, "delegate");
  await delegate.goto("/account");
  const close = delegate.getByRole("region", { name: "Close your account" });
  await expect(close).toContainText("ask the PB office to take it back first");
  await expect(close.getByRole("button", { name: "Close my account" })).toHaveCount(0);
  await delegate.context().close();
});
