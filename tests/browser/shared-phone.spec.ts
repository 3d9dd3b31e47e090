import { expect, test, type Page } from "@playwright/test";
import { confirmAddress, query, shot, signUp } from "./helpers";

// A family phone: two people, two letters, two tabs. The voting session holds the code entered last;
// a ballot page opened with the other code must never be cast under it.
const unusedOldTownCodes = () =>
  query<{ id: string; code: string }>(
    `select v.id, v.code from VoterCode v join Cycle c on c.id = v.cycleId join District d on d.id = v.districtId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and d.name = 'Old Town' and p.id is null and v.voidedAt is null and v.userId is null order by v.code desc limit 2 offset 5`,
  );
const voted = (id: string) => query<{ n: number }>("select count(*) as n from Participation where voterCodeId = ?", id)[0].n;

async function openBallot(tab: Page, code: string) {
  await tab.goto("/vote");
  await tab.getByLabel("Voter code").fill(code);
  await tab.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(tab.getByRole("heading", { name: /Your ballot/ })).toBeVisible();
}

test("two voters on one phone, in two tabs: the first tab's ballot is refused, not cast under the second code, and the second votes as chosen", async ({ browser }) => {
  const [first, second] = unusedOldTownCodes();
  const context = await browser.newContext();
  const [tabA, tabB] = [await context.newPage(), await context.newPage()];
  await openBallot(tabA, first.code);
  await tabA.getByRole("checkbox").nth(0).check();
  await openBallot(tabB, second.code);
  await tabB.getByRole("checkbox").nth(1).check();

  await tabA.getByRole("button", { name: "Review my ballot" }).click();
  await expect(tabA.getByText(/Your ballot was not recorded: another voter code was entered on this device after your ballot page opened/)).toBeVisible();
  await expect(tabA.getByLabel("Voter code")).toBeVisible();
  await shot(tabA, "shared-phone-other-code");
  expect([voted(first.id), voted(second.id)]).toEqual([0, 0]);

  // The second voter's tab is untouched: it reviews and casts its own choice under its own code.
  await tabB.getByRole("button", { name: "Review my ballot" }).click();
  await expect(tabB.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  await tabB.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(tabB.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  expect([voted(first.id), voted(second.id)]).toEqual([0, 1]);

  // The first voter enters their own code again and votes.
  await openBallot(tabA, first.code);
  await tabA.getByRole("checkbox").nth(0).check();
  await tabA.getByRole("button", { name: "Review my ballot" }).click();
  await tabA.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(tabA.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  expect([voted(first.id), voted(second.id)]).toEqual([1, 1]);
  await context.close();
});

test("a resident voting with their account is signed out in another tab before confirming: told the ballot was not recorded, not asked for a code as if nothing happened", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `tomas-${Date.now()}@example.org`;
  await signUp(page, { name: "Tomás Vecino", email, password: "a long family passphrase" });
  await confirmAddress(page, email);
  await page.goto("/vote");
  const section = page.getByRole("region", { name: /Vote with your account: Riverside PB 2026/ });
  await section.getByLabel("Your district").selectOption({ label: "Old Town" });
  await section.getByLabel("I am 14 or older").check();
  await section.getByLabel(/I confirm: I live, work or study/).check();
  await section.getByLabel(/I have not voted in this cycle/).check();
  await section.getByRole("button", { name: "Go to my ballot" }).click();
  await page.locator("input[name=project]").first().check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();

  const other = await context.newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(page.getByText(/^Your ballot was not recorded: this device's voting session had ended \(you signed out/)).toBeVisible();
  await shot(page, "account-ballot-signed-out");
  await context.close();
});
