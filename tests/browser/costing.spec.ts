import { expect, test, type Page } from "@playwright/test";
import { shot, signIn, signInAgain, signOutInAnotherTab } from "./helpers";

test("a costing officer costs a proposal with a recurring line, contingency and the checklist, and sees the dashboard", async ({ browser }) => {
  const parks = await signIn(browser, "parks");
  await parks.goto("/costing");
  await expect(parks.getByRole("heading", { name: "Costing dashboard" })).toBeVisible();
  const waiting = parks.getByTestId("costing-waiting");
  const row = waiting.getByRole("row", { name: /Outdoor fitness stations along the river path/ });
  await expect(row.getByTestId("days-waiting")).toHaveText("9");
  // Staff see their own agency only: Transportation's speed cushions are not here.
  await expect(parks.getByText("Speed cushions on School Lane")).toHaveCount(0);
  // Sorted longest waiting first; the link turns it around.
  await expect(waiting.getByRole("row").nth(1)).toContainText("Outdoor fitness stations");
  await parks.getByRole("link", { name: "Sort by days waiting, shortest first" }).first().click();
  await expect(parks.getByTestId("costing-waiting").getByRole("row").nth(1)).toContainText("Pollinator meadow at Mill Pond");
  await expect(parks.getByTestId("costing-in_progress")).toContainText("Splash pad at Eastgate Commons");
  await expect(parks.getByTestId("costing-done")).toContainText("Community orchard at Hillcrest");
  await shot(parks, "costing-dashboard");

  await parks.getByTestId("costing-waiting").getByRole("row", { name: /Outdoor fitness stations/ }).getByRole("link", { name: "Cost it" }).click();
  await parks.getByLabel("Description of item 1").fill("Fitness station, installed");
  await parks.getByLabel("Quantity of item 1").fill("6");
  await parks.getByLabel("Unit cost of item 1").fill("4,500");
  await parks.getByRole("button", { name: "Add a line item" }).click();
  // Focus goes to the new line, ready to type (not back to the top of the page).
  await expect(parks.getByLabel("Description of item 2")).toBeFocused();
  await parks.getByLabel("Description of item 2").fill("Inspection and repairs");
  await parks.getByLabel("Quantity of item 2").fill("1");
  await parks.getByLabel("Unit cost of item 2").fill("1,200");
  await parks.getByLabel("Item 2 is a recurring cost, per year").check();
  await parks.getByLabel("Contingency").fill("15");
  await expect(parks.getByTestId("estimate-total")).toHaveText("$31,050");
  await expect(parks.getByTestId("estimate-recurring")).toHaveText("$1,200");
  // A screen reader hears the totals with what they are, not a bare amount.
  await expect(parks.locator("[aria-live=polite]", { hasText: "Total for the ballot $31,050; recurring cost per year $1,200" })).toHaveCount(1);
  // A line added by mistake and removed: focus goes to the line before it, and the totals stay.
  await parks.getByRole("button", { name: "Add a line item" }).click();
  await parks.getByLabel("Description of item 3").fill("Typed twice");
  await parks.getByRole("button", { name: "Remove item 3" }).click();
  await expect(parks.getByLabel("Description of item 2")).toBeFocused();
  await expect(parks.getByLabel("Description of item 2")).toHaveValue("Inspection and repairs");
  await expect(parks.getByTestId("estimate-total")).toHaveText("$31,050");

  // A criterion not met, without a note, on a "feasible" verdict: refused, next to the fields.
  await parks.getByRole("group", { name: "On public land" }).getByLabel("Met", { exact: true }).check();
  await parks.getByRole("group", { name: "Within the agency's remit" }).getByLabel("Met", { exact: true }).check();
  await parks.getByRole("group", { name: "Useful life of at least 5 years" }).getByLabel("Not met").check();
  await parks.getByLabel("Feasible: can go on the ballot").check();
  await parks.getByLabel("Public explanation").fill("The river path is city land, and outdoor fitness equipment is standard park furniture we install and inspect.");
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(parks.getByText("A proposal that does not meet a criterion cannot be feasible.")).toBeVisible();
  await expect(parks.getByLabel("Description of item 2")).toHaveValue("Inspection and repairs");

  await parks.getByRole("group", { name: "Useful life of at least 5 years" }).getByLabel("Met", { exact: true }).check();
  await parks.getByLabel("Note on “Useful life of at least 5 years”").fill("Steel stations last 15 years.");
  await shot(parks, "costing-estimate");
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();

  // The public proposal page: totals, checklist outcome, verdict and history.
  await expect(parks.getByRole("heading", { name: /Outdoor fitness stations along the river path/ })).toBeVisible();
  await expect(parks.getByText("Cost estimate saved. It is shown below, with its verdict.")).toBeVisible();
  // Costed once: the way back to the form says so.
  await expect(parks.getByRole("link", { name: "Re-estimate" })).toBeVisible();
  await expect(parks.getByTestId("public-total")).toHaveText("$31,050");
  await expect(parks.getByTestId("public-recurring")).toHaveText("$1,200");
  await expect(parks.getByRole("row", { name: /Contingency \(15%\)/ })).toContainText("$4,050");
  const checklist = parks.locator(".checklist");
  await expect(checklist).toContainText("On public land");
  await expect(checklist).toContainText("Steel stations last 15 years.");
  await expect(checklist.getByText("Cost within the district budget")).toBeVisible();
  await expect(parks.getByText("(estimate version 1,", { exact: false })).toBeVisible();
  await shot(parks, "costing-public-proposal");

  // Back on the dashboard it is done.
  await parks.goto("/costing");
  await expect(parks.getByTestId("costing-done")).toContainText("Outdoor fitness stations along the river path");
  await expect(parks.getByTestId("costing-waiting")).not.toContainText("Outdoor fitness stations");
  // Sam leads Parks: the waiting meadow can be assigned from here.
  await expect(parks.getByTestId("costing-waiting").getByRole("row", { name: /Pollinator meadow/ }).getByRole("link", { name: "Assign to an agency" })).toBeVisible();
});

for (const javaScriptEnabled of [false, true]) {
test(`a checklist with a criterion not met and no note is refused next to each field, input kept (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
  const parks = await signIn(browser, "parks", { javaScriptEnabled });
  await parks.goto("/costing");
  await parks.getByTestId("costing-waiting").getByRole("row", { name: /Pollinator meadow/ }).getByRole("link", { name: "Cost it" }).click();
  await parks.getByLabel("Description of item 1").fill("Native seed mix and soil preparation");
  // A unit cost written the European way cannot be read: refused too, on this same first save, beside the checklist's errors.
  await parks.getByLabel("Unit cost of item 1").fill("8.000,50");
  await parks.getByRole("group", { name: "Within the agency's remit" }).getByLabel("Not met").check();
  await parks.getByLabel("Feasible: can go on the ballot").check();
  await parks.getByLabel("Public explanation").fill("Mill Pond is a city park and meadows are part of our biodiversity plan.");
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(parks.getByRole("group", { name: "On public land" })).toContainText("Say whether this criterion is met, not met or not applicable.");
  await expect(parks.getByRole("group", { name: "Within the agency's remit" })).toContainText("Say briefly why this criterion is not met.");
  await expect(parks.getByText("A proposal that does not meet a criterion cannot be feasible.")).toBeVisible();
  await expect(parks.getByLabel("Unit cost of item 1")).toHaveAttribute("aria-invalid", "true");
  await expect(parks.getByLabel("Unit cost of item 1")).toHaveValue("8.000,50");
  await expect(parks.getByLabel("Description of item 1")).toHaveValue("Native seed mix and soil preparation");
});
}

/** The Pollinator meadow's estimate page (waiting for costing, never saved by these tests). */
async function meadowEstimate(page: Page) {
  await page.goto("/costing");
  await page.getByTestId("costing-waiting").locator("tr", { hasText: "Pollinator meadow" }).getByRole("link", { name: "Cost it" }).click();
  await expect(page.getByRole("heading", { name: "Cost estimate for proposal #2" })).toBeVisible();
}

test("typing a negative quantity or huge figures leaves the live total standing: lines not valid yet are left out (JavaScript on)", async ({ browser }) => {
  const parks = await signIn(browser, "parks");
  const thrown: Error[] = [];
  parks.on("pageerror", (error) => thrown.push(error));
  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix and soil preparation");
  const lineTotal = parks.locator("tr", { has: parks.getByLabel("Quantity of item 1") }).locator("td.num");
  for (const [quantity, unitCost] of [["-3", "4,500"], ["1000000", "999999999999"], ["1000000", "250,000"], ["1.5", "4500.999"], ["4", "-2100"]]) {
    await parks.getByLabel("Quantity of item 1").fill(quantity);
    await parks.getByLabel("Unit cost of item 1").fill(unitCost);
    await expect(parks.getByTestId("estimate-total")).toHaveText("$0");
    await expect(lineTotal).toHaveText("—");
  }
  // Once valid, the line counts again: 3 × $4,500 + 10% contingency.
  await parks.getByLabel("Quantity of item 1").fill("3");
  await parks.getByLabel("Unit cost of item 1").fill("4,500");
  await expect(lineTotal).toHaveText("$13,500");
  await expect(parks.getByTestId("estimate-total")).toHaveText("$14,850");
  await expect(parks.getByLabel("Description of item 1")).toHaveValue("Native seed mix and soil preparation");
  expect(thrown).toEqual([]);
});

for (const javaScriptEnabled of [false, true]) {
test(`figures out of bounds are a 400 with the error next to the field and everything typed kept, never a 500 (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
  const parks = await signIn(browser, "parks", { javaScriptEnabled });
  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix and soil preparation");
  await parks.getByLabel("Public explanation").fill("Mill Pond is a city park and meadows are part of our biodiversity plan.");
  const cases = [
    ["-3", "4,500", "Quantity of item 1", "Quantity must be at least 1."],
    ["1000000", "999999999999", "Unit cost of item 1", "This unit cost is too large: an estimate can come to at most 100,000,000,000."],
    ["4", "-2100", "Unit cost of item 1", "Enter a unit cost above zero with at most two decimals, e.g. 1200 or 1200.50."],
    ["1.5", "4500.999", "Quantity of item 1", "Enter a whole quantity, e.g. 3."],
  ] as const;
  for (const [quantity, unitCost, field, error] of cases) {
    await parks.getByLabel("Quantity of item 1").fill(quantity);
    await parks.getByLabel("Unit cost of item 1").fill(unitCost);
    const [response] = await Promise.all([
      parks.waitForResponse((r) => r.request().method() === "POST"),
      parks.getByRole("button", { name: "Save estimate and verdict" }).click(),
    ]);
    expect(response.status(), `${quantity} × ${unitCost}`).toBe(400);
    // Next to the field (the error is linked to it), and no second, wrong "too large" error.
    await expect(parks.getByLabel(field)).toHaveAccessibleDescription(new RegExp(error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(parks.getByText("too large to be right")).toHaveCount(0);
    await expect(parks.getByLabel("Quantity of item 1")).toHaveValue(quantity);
    await expect(parks.getByLabel("Unit cost of item 1")).toHaveValue(unitCost);
    await expect(parks.getByLabel("Description of item 1")).toHaveValue("Native seed mix and soil preparation");
    await expect(parks.getByLabel("Public explanation")).toHaveValue("Mill Pond is a city park and meadows are part of our biodiversity plan.");
  }
});
}

test("without JavaScript, 'Recalculate total' shows the total and no errors for fields not finished yet", async ({ browser }) => {
  const parks = await signIn(browser, "parks", { javaScriptEnabled: false });
  await meadowEstimate(parks);
  await parks.getByLabel("Quantity of item 1").fill("3");
  await parks.getByLabel("Unit cost of item 1").fill("4,500");
  await parks.getByRole("button", { name: "Recalculate total" }).click();
  await expect(parks.getByTestId("estimate-total")).toHaveText("$14,850");
  await expect(parks.locator(".error")).toHaveCount(0); // no verdict, explanation, checklist or description errors
  await expect(parks.getByLabel("Unit cost of item 1")).toHaveValue("4,500");
  // A figure typed wrong still says so, next to it.
  await parks.getByLabel("Quantity of item 1").fill("-3");
  await parks.getByRole("button", { name: "Recalculate total" }).click();
  await expect(parks.getByLabel("Quantity of item 1")).toHaveAccessibleDescription("Quantity must be at least 1.");
  await expect(parks.locator(".error")).toHaveCount(1);
});

test("without JavaScript, 'Add a line item' and 'Recalculate total' land back at the line items, not at the top", async ({ browser }) => {
  const parks = await signIn(browser, "parks", { javaScriptEnabled: false });
  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix and soil preparation");
  await parks.getByRole("button", { name: "Add a line item" }).click();
  await expect(parks).toHaveURL(/#line-items$/);
  await expect(parks.getByLabel("Description of item 2")).toBeInViewport();
  await expect.poll(() => parks.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(parks.getByLabel("Description of item 1")).toHaveValue("Native seed mix and soil preparation");
  await parks.goto(parks.url().replace(/#.*$/, ""));
  await parks.getByRole("button", { name: "Recalculate total" }).click();
  await expect(parks).toHaveURL(/#line-items$/);
  // The address changes as the page arrives; the browser scrolls to the fragment a moment later.
  await expect.poll(() => parks.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("on a 390-pixel phone, the costing dashboard and the estimate page do not scroll sideways", async ({ browser }) => {
  const parks = await signIn(browser, "parks", PHONE);
  await parks.goto("/costing");
  expect(await pageWidth(parks)).toBeLessThanOrEqual(390);
  // Each proposal's estimate and action are on the screen, not cut off.
  const meadow = parks.getByTestId("costing-waiting").locator("tr", { hasText: "Pollinator meadow" });
  for (const cell of [meadow.getByRole("link", { name: "Cost it" }), meadow.locator('td[data-label="Estimate"]')]) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await shot(parks, "costing-dashboard-phone");

  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix and soil preparation");
  await parks.getByLabel("Unit cost of item 1").fill("8,000");
  expect(await pageWidth(parks)).toBeLessThanOrEqual(390);
  await shot(parks, "costing-estimate-phone");
});

test("an estimate saved in another tab meanwhile is not overwritten: the later save is refused with its figures kept", async ({ browser }) => {
  const parks = await signIn(browser, "parks");
  await parks.goto("/costing");
  await parks.getByTestId("costing-done").getByRole("row", { name: /Community orchard at Hillcrest/ }).getByRole("link", { name: "Re-estimate" }).click();
  await expect(parks.getByRole("heading", { level: 1 })).toHaveText(/Cost estimate for proposal #\d+/);
  const estimateUrl = parks.url();
  // The same estimate open in a second tab (or by a colleague).
  const other = await parks.context().newPage();
  await other.goto(estimateUrl);
  await parks.getByLabel("Contingency").fill("12");
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(parks).toHaveURL(/\?costed=1$/);

  await other.getByLabel("Contingency").fill("20");
  await other.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(other.getByRole("alert")).toContainText(/Someone saved version \d+ of this estimate after you opened this page/);
  await expect(other.getByLabel("Contingency")).toHaveValue("20");
  await shot(other, "costing-saved-meanwhile");
  // Saving again, knowing it, makes the next version.
  await other.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(other).toHaveURL(/\?costed=1$/);
});

test("a first save of a half-filled estimate shows every error at once, the checklist's too (no JavaScript)", async ({ browser }) => {
  const parks = await signIn(browser, "parks", { javaScriptEnabled: false });
  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix");
  await parks.getByLabel("Quantity of item 1").fill("-3");
  await parks.getByLabel("Unit cost of item 1").fill("4,500");
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();
  await expect(parks.getByLabel("Quantity of item 1")).toHaveAccessibleDescription(/Quantity must be at least 1\./);
  await expect(parks.getByText("Choose feasible or not feasible.")).toBeVisible();
  await expect(parks.getByText("Explain the verdict publicly, in plain language.")).toBeVisible();
  await expect(parks.getByText("Say whether this criterion is met, not met or not applicable.").first()).toBeVisible();
  await shot(parks, "estimate-every-error-at-once");
  await parks.context().close();
});

test("an estimate typed while the sign-in ended in another tab is not lost: after signing in again its lines are back", async ({ browser }) => {
  const parks = await signIn(browser, "parks");
  await meadowEstimate(parks);
  await parks.getByLabel("Description of item 1").fill("Native seed mix, sown");
  await parks.getByLabel("Quantity of item 1").fill("3");
  await parks.getByLabel("Unit cost of item 1").fill("4,500");
  await parks.getByRole("button", { name: "Add a line item" }).click();
  await parks.getByLabel("Description of item 2").fill("Mowing twice a year");
  await parks.getByLabel("Quantity of item 2").fill("1");
  await parks.getByLabel("Unit cost of item 2").fill("800");
  await parks.getByLabel("Item 2 is a recurring cost, per year").check();
  await parks.getByLabel("Public explanation").fill("The meadow replaces mown grass the city already looks after.");
  await signOutInAnotherTab(parks);
  await parks.getByRole("button", { name: "Save estimate and verdict" }).click();
  await signInAgain(parks, "parks");
  // Back at the form: both lines, the recurring tick and the explanation, and told so.
  await expect(parks.getByRole("heading", { name: "Cost estimate for proposal #2" })).toBeVisible();
  await expect(parks.getByRole("status").filter({ hasText: "What you typed here earlier and did not send is back in the form." })).toBeVisible();
  await expect(parks.getByLabel("Description of item 2")).toHaveValue("Mowing twice a year");
  await expect(parks.getByLabel("Item 2 is a recurring cost, per year")).toBeChecked();
  await expect(parks.getByLabel("Unit cost of item 1")).toHaveValue("4,500");
  await expect(parks.getByLabel("Public explanation")).toHaveValue(/replaces mown grass/);
  await expect(parks.getByTestId("estimate-total")).toHaveText("$14,850"); // 3 × $4,500 with the default 10% contingency
  await shot(parks, "estimate-kept-after-sign-in");
  // Started again from empty: one empty line, and the kept draft is gone on reload.
  await parks.getByRole("button", { name: "Start again from an empty form" }).click();
  await expect(parks.getByLabel("Description of item 2")).toHaveCount(0);
  await expect(parks.getByLabel("Description of item 1")).toHaveValue("");
  await parks.reload();
  await expect(parks.getByLabel("Description of item 2")).toHaveCount(0);
  await expect(parks.getByText("What you typed here earlier and did not send is back in the form.")).toHaveCount(0);
  await parks.context().close();
});
