import { expect, test } from "@playwright/test";
import { query, shot, signIn } from "./helpers";

// The pages most people use, on a 360-pixel-wide phone: nothing may stick out sideways.
// Screenshots go to test-results/screenshots/mobile-*.png for a person to look at.
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest("[aria-hidden=true], .table-scroll, .sr-only, .skip-link"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, wide: wide.slice(0, 5) };
  });
  expect(overflow.wide, `wider than the screen: ${overflow.wide.join(", ")}`).toEqual([]);
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
}

test("home, idea form, ballot and results fit a 360-pixel screen", async ({ browser }) => {
  test.setTimeout(300_000);
  const visitor = await (await browser.newContext(PHONE)).newPage();
  // Spanish words run longer: the lists' filters must still fit.
  for (const [name, path] of [["home", "/"], ["results", "/results?cycle=2025"], ["council-report", "/results/report?cycle=2025"], ["trackers", "/results/trackers?cycle=2025"], ["proposals-es", "/proposals?lng=es"], ["projects-es", "/projects?lng=es"], ["ideas-es", "/ideas?lng=es"]] as const) {
    await visitor.goto(path);
    await expectNoSidewaysScroll(visitor);
    await shot(visitor, `mobile-${name}`);
  }

  const resident = await signIn(browser, "resident", PHONE);
  await resident.goto("/ideas/new?cycle=youth-2027");
  await expectNoSidewaysScroll(resident);
  await shot(resident, "mobile-idea-form");

  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId join District d on d.id = v.districtId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and d.name = 'North Riverside' and p.id is null order by v.code limit 1 offset 4`,
  );
  const voter = await (await browser.newContext(PHONE)).newPage();
  await voter.goto("/vote");
  await voter.getByLabel("Voter code").fill(code.code);
  await voter.getByRole("button", { name: "Continue to my ballot" }).click();
  await voter.getByRole("checkbox").first().check();
  await expectNoSidewaysScroll(voter);
  await shot(voter, "mobile-ballot");
  // What the phone shows: the running total sticks to the bottom of the screen (a full-page shot draws it mid-page).
  await voter.screenshot({ path: "test-results/screenshots/mobile-ballot-screen.png" });
  await voter.getByRole("button", { name: "Review my ballot" }).click();
  await voter.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(voter.getByTestId("tracker")).toBeVisible();
  await expectNoSidewaysScroll(voter);
  await shot(voter, "mobile-receipt-survey");

  const admin = await signIn(browser, "admin", PHONE);
  await admin.goto("/participation?cycle=2025");
  await expectNoSidewaysScroll(admin);
  // The survey's verdict (under-represented or not) is on screen, not in a column to scroll to.
  const verdict = admin.locator("table.stack-narrow td[data-label]").last();
  await expect(verdict).toBeVisible();
  const box = (await verdict.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(admin.viewportSize()!.width);
  await shot(admin, "mobile-participation");
});
