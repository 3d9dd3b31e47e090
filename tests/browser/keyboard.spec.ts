import { expect, test, type Locator, type Page } from "@playwright/test";
import { shot, signIn, unusedEastgateCode } from "./helpers";

// Keyboard only: Tab / Shift+Tab to move, typing, Space, Enter and arrow keys to act. At every
// stop the focused element must show a visible focus ring; errors must be announced and tied to
// their field.

/** The focused element's visible focus indicator (outline or ring), or a description of why not. */
async function expectFocusVisible(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: "nothing focused" };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow !== "none";
    return { ok: (outline || ring) && el.matches(":focus-visible"), what: `${el.tagName} ${el.getAttribute("name") ?? el.textContent?.slice(0, 30)} outline ${s.outlineStyle} ${s.outlineWidth}` };
  });
  expect(focus.ok, focus.what).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking the focus ring at every stop. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab", max = 60) {
  if (await target.evaluate((el) => el === document.activeElement)) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await expectFocusVisible(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${await target.evaluate((el) => el.outerHTML.slice(0, 80))} never got focus`);
}

/** The field is marked invalid and described by an announced error that says `text`. */
async function expectLinkedError(page: Page, field: Locator, text: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const described = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(described.join(" ")).toContain(text);
  const live = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).evaluate((el) => el.getAttribute("aria-live") ?? el.getAttribute("role"))));
  expect(live.some((v) => v === "polite" || v === "assertive" || v === "alert"), `error ${ids.join(" ")} is not announced`).toBe(true);
}

test("a resident submits an idea with the keyboard alone", async ({ browser }) => {
  const page = await signIn(browser, "resident");
  // The ideas page opens on the cycle collecting ideas (not on the newest cycle, which is being costed).
  await page.goto("/ideas");
  await tabTo(page, page.getByRole("link", { name: "Share an idea" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ideas\/new\?cycle=youth-2027$/);
  // The new page is announced: focus is on its heading, not left on the page body.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const title = page.getByLabel("Title");
  const submit = page.getByRole("button", { name: "Submit idea" });

  // Straight to the button: an empty form is refused, each error announced and tied to its field.
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Give your idea a short title.")).toBeVisible();
  await expectLinkedError(page, title, "Give your idea a short title.");
  await expectLinkedError(page, page.getByLabel("District"), "Choose the district your idea is for.");

  // Focus moves to the first field with an error: the title. Fill the form in order from there.
  await expect(title).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type("Water fountain at the skate park");
  await tabTo(page, page.getByLabel("Description"));
  await page.keyboard.type("A drinking fountain next to the skate park, so skaters do not have to leave to get water.");
  await tabTo(page, page.getByLabel("District"));
  await page.keyboard.press("ArrowDown"); // the first district
  await tabTo(page, page.getByLabel("Category"));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, submit);
  await tabTo(page, page.getByLabel("Category"), "Shift+Tab"); // and back again, still visible
  await expect(page.getByLabel("Category")).not.toHaveValue("");
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Thank you! Your idea was submitted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Water fountain at the skate park" })).toBeVisible();
});

test("a voter casts a ballot with the keyboard alone", async ({ page }) => {
  const code = unusedEastgateCode(3);
  await page.goto("/vote");
  const field = page.getByLabel("Voter code");
  await tabTo(page, field);
  // A wrong code first: refused, announced, tied to the field.
  await page.keyboard.type("AAAA-CCCC-DDDD");
  await page.keyboard.press("Enter");
  await expect(page.getByText("We could not find that voter code.")).toBeVisible();
  await expectLinkedError(page, field, "We could not find that voter code.");
  // The page (plain HTML, no framework script) comes back with focus on the refused field, its text kept.
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("AAAA-CCCC-DDDD");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Your ballot/ })).toBeVisible();

  // Choose a project with Space (any one fits the budget), tick and untick another, review with Enter.
  const boxes = page.getByRole("checkbox");
  await tabTo(page, boxes.nth(0));
  await page.keyboard.press("Space");
  await tabTo(page, boxes.nth(1));
  await page.keyboard.press("Space");
  await expect(boxes.nth(1)).toBeChecked();
  await page.keyboard.press("Space");
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Review my ballot" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Confirm and cast my ballot" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  await expect(page.getByTestId("tracker")).toBeVisible();
  // The optional survey answers with arrow keys too: a radio group, then send.
  await tabTo(page, page.getByLabel("Prefer not to say").first());
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Under 18")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Send my answers" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you for your answers" })).toBeVisible();
});

test("back at the code page with a notice, a wrong code then puts focus on the code field, not on the notice", async ({ page }) => {
  await page.goto("/vote?notice=expired-kept");
  await expect(page.getByRole("alert").filter({ hasText: "Your choices are kept" })).toBeFocused();
  await page.getByLabel("Voter code").fill("AAAA-CCCC-DDDD");
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByText("We could not find that voter code.")).toBeVisible();
  await expect(page.getByLabel("Voter code")).toBeFocused();
});

test("a refused ballot starts at its reasons, and a slow voter is warned before the ballot closes and gets more time", async ({ page }) => {
  const code = unusedEastgateCode(4);
  await page.clock.install();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(page.getByText(/this ballot closes after 30 minutes without a step/)).toBeVisible();
  // Every project ticked: over the budget, refused. Focus starts on the reasons and the title says so.
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  const reasons = page.getByRole("alert").filter({ hasText: "over the district budget" });
  await expect(reasons).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Your ballot/);
  // From the reasons, Tab reaches the choices (not the site's menu again).
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox").first()).toBeFocused();

  // 28 minutes without a step: a warning, and one button for more time, which renews the session.
  const warning = page.getByRole("alert").filter({ hasText: "This ballot closes in 3 minutes" });
  await expect(warning).toBeHidden();
  await page.clock.fastForward("28:00");
  await expect(warning).toBeVisible();
  await shot(page, "ballot-session-warning");
  const renewed = page.waitForRequest((r) => r.method() === "GET" && new URL(r.url()).pathname === "/vote/ballot");
  await warning.getByRole("button", { name: "Keep my ballot open" }).click();
  await renewed;
  await expect(warning).toBeHidden();
  await expect(page.getByRole("checkbox").first()).toBeFocused();
});

test("'Keep my ballot open' pressed after the session has closed says so at once, not at the next step", async ({ page }) => {
  const code = unusedEastgateCode(12);
  await page.clock.install();
  await page.goto("/vote");
  await page.getByLabel("Voter code").fill(code);
  await page.getByRole("button", { name: "Continue to my ballot" }).click();
  await page.getByRole("checkbox").first().check();
  await page.clock.fastForward("28:00");
  const warning = page.getByRole("alert").filter({ hasText: "This ballot closes in 3 minutes" });
  await expect(warning).toBeVisible();
  // Meanwhile the session closed on the server (as after 30 idle minutes, or a sign-out elsewhere): no voting cookie.
  await page.context().clearCookies({ name: "cb_vote" });
  await warning.getByRole("button", { name: "Keep my ballot open" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /This voting session had already ended after 30 minutes without a step/ })).toBeVisible();
  await expect(page.getByRole("checkbox").first()).toBeChecked();
  await shot(page, "ballot-session-ended");
});
