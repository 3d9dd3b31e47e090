import Database from "better-sqlite3";
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

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

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
