import Database from "better-sqlite3";
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { mailbox } from "../mailbox";

export const PASSWORD = "riverside-demo-2026";
export const USERS = {
  admin: "admin@riverside.example",
  delegate: "delegate@riverside.example",
  parks: "parks@riverside.example",
  transport: "transport@riverside.example",
  libraries: "libraries@riverside.example",
  resident: "resident@riverside.example",
} as const;

/** A new browser context signed in as one demo user. */
export async function signIn(browser: Browser, who: keyof typeof USERS, opts: BrowserContextOptions = {}) {
  const context = await browser.newContext({ javaScriptEnabled: true, ...opts });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS[who]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

/** Read-only look into the test database, for facts a person would have on paper (voter codes). */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database("data/e2e/civic-budget.db", { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Makes a new resident account in `page` (signed in afterwards, its address not yet confirmed). */
export async function signUp(page: Page, account: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Opens in `page` the link mailed to `email` at sign-up, and confirms the address (an English page). */
export async function confirmAddress(page: Page, email: string) {
  const confirm = () => mailbox(email).filter((m) => m.subject === "Confirm your e-mail address for Civic Budget");
  await expect.poll(() => confirm().length).toBe(1);
  const link = new URL(/http\S+\/confirm-email\?token=\S+/.exec(confirm()[0].text)![0]);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toContainText("is confirmed");
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** An unused voter code of Eastgate (2026, knapsack): each test takes its own by `offset`, as a poll worker hands out cards. */
export function unusedEastgateCode(offset: number): string {
  const [row] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId join District d on d.id = v.districtId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and d.name = 'Eastgate' and p.id is null and v.voidedAt is null order by v.code limit 1 offset ?`,
    offset,
  );
  return row.code;
}

/** Another tab of this browser signs out (the sign-in `page` has ends under its open form); returns that tab. */
export async function signOutInAnotherTab(page: Page) {
  const other = await page.context().newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();
  return other;
}

/** On the sign-in page a refusal sent `page` to: sign in again as `who`. */
export async function signInAgain(page: Page, who: keyof typeof USERS) {
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email").fill(USERS[who]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * The PB office moves a cycle on from its admin page, opened afresh (a page from before the last
 * change may still list what blocked the move, with no button): ticks the confirmation, then the button.
 */
export async function movePhase(admin: Page, phase: string) {
  await admin.reload();
  await admin.getByLabel(`Yes, move this cycle to “${phase}” now. Phases only move forward: this cannot be undone.`).check();
  await admin.getByRole("button", { name: `Move to: ${phase}` }).click();
  await expect(admin.getByText(new RegExp(`^Phase: ${phase}`))).toBeVisible();
}
