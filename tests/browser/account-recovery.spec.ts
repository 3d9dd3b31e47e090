import { expect, test } from "@playwright/test";
import { mailbox } from "../mailbox";
import { query, shot } from "./helpers";

// A resident who forgot their password, on a phone: asks for a link, opens it from the e-mail,
// chooses a new password and signs in with it; the link then works no more. And a new resident
// confirms their address, without which nothing they follow is e-mailed to them.

test.use({ viewport: { width: 360, height: 740 } });

test("a resident who forgot their password chooses a new one with the e-mailed link, once", async ({ page }) => {
  const email = `forgetful-${Date.now()}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Rosa");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 123");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?"); // the sign-in page has an Email field too
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}, we have sent it a link`);
  await expect(page.getByText("Enter a valid email address")).toHaveCount(0); // the earlier refusal is gone
  await shot(page, "password-link-sent");

  // The mail is queued just after the page answers (so the answer takes as long with or without an account).
  const resetMails = () => mailbox(email).filter((m) => m.subject === "Choose a new password for Civic Budget");
  await expect.poll(() => resetMails().length).toBe(1);
  const [mail] = resetMails();
  const link = new URL(/http\S+\/reset-password\?token=\S+/.exec(mail.text)![0]);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("Choose a password of at least 10 characters.")).toBeVisible();
  await page.getByLabel("New password").fill("second password 456");
  await page.getByRole("button", { name: "Save my new password" }).click();

  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await shot(page, "password-changed-sign-in");
  await page.getByLabel("Password").fill("second password 456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The link was used: opening it again says so and offers a new one.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText("This link no longer works")).toBeVisible();
  await expect(page.getByRole("link", { name: "Send me a new link" })).toBeVisible();
});

test("a new resident follows an idea, is told updates wait for a confirmed address, and confirms it from the e-mail", async ({ page }) => {
  const email = `new-follower-${Date.now()}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Tomás");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Told at once that the account is ready and a link is on its way, once: not again on the next page.
  const welcome = page.getByRole("status").filter({ hasText: `Welcome, Tomás: your account is ready. We sent a link to ${email} to confirm your address` });
  await expect(welcome).toBeVisible();
  await shot(page, "signed-up-welcome");
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(welcome).toHaveCount(0);

  const [idea] = query<{ id: string }>(`select i.id from Idea i join Cycle c on c.id = i.cycleId where c.slug = 'youth-2027' and i.hiddenAt is null order by i.number limit 1`);
  await page.goto(`/ideas/${idea.id}`);
  await page.getByRole("button", { name: "Follow" }).click();
  // Said in place of "you will get an e-mail", where a screen reader announces what following did.
  const pending = page.getByRole("status").filter({ hasText: `We send updates by e-mail only to a confirmed address: open the link we sent to ${email}.` });
  await expect(pending).toBeVisible();
  await expect(page.getByText("You will get an e-mail when this moves forward.")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send the link again" })).toBeVisible();
  await shot(page, "follow-address-not-confirmed");

  // The link in the sign-up mail; the page asks for a press (a mail program opening links confirms nothing).
  const confirmMails = () => mailbox(email).filter((m) => m.subject === "Confirm your e-mail address for Civic Budget");
  await expect.poll(() => confirmMails().length).toBe(1);
  const link = new URL(/http\S+\/confirm-email\?token=\S+/.exec(confirmMails()[0].text)![0]);
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText("made in the name “Tomás”")).toBeVisible(); // whose account it is, before anyone confirms
  await shot(page, "confirm-address-page");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toContainText(`Your address ${email} is confirmed.`);
  await shot(page, "address-confirmed");
  // The link opened again (Back, a second click in the mail): it says the address is confirmed, not that the link failed.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole("status")).toContainText(`Your address ${email} is confirmed.`);
  await expect(page.getByText("This link no longer works")).toHaveCount(0);

  await page.goto(`/ideas/${idea.id}`);
  await expect(page.getByRole("button", { name: "Following" })).toBeVisible();
  await expect(pending).toHaveCount(0);
  // Used, and opened by someone not signed in to that account: the link says it no longer works.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText("This link no longer works")).toBeVisible();
});
