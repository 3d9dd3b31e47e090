import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { countAndPublish, cycleOpenForVoting, type CycleSpec } from "./cycles";
import { query, shot, signIn } from "./helpers";

// Around the vote: ideas from paper forms, discussion and moderation, following, and Spanish.

test("the PB office imports paper ideas: every row checked first, bad rows left out only on purpose", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027");
  await admin.getByRole("link", { name: /Import ideas collected on paper/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Import ideas collected on paper" })).toBeVisible();
  const csv = [
    "title,description,district,category,location,source,source_note",
    'Skate ramps by the river,"A small skate area with two ramps near the river path, so teenagers have somewhere to go.",Citywide,Parks & green space,River path,assembly,Youth assembly at Eastgate library',
    'Free wifi at the bus hub,"Free wifi at the main bus hub so students can do homework while they wait.",Citywide,Streets & safety,,paper,',
    "Hi,too short,Downtown,Parks & green space,,,",
  ].join("\n");
  await admin.getByLabel("Or paste the rows here").fill(csv);
  await admin.getByRole("button", { name: "Check the file" }).click();
  await expect(admin.getByText("3 rows: 2 ready to import, 1 with problems.")).toBeVisible();
  const badRow = admin.getByRole("row", { name: /^4 / });
  await expect(badRow).toContainText("No district called “Downtown” in this cycle. Districts: Citywide.");
  await expect(badRow).toContainText("description:");
  await shot(admin, "import-preview");

  // Importing without saying what happens to the bad row is refused, and nothing is lost.
  await admin.getByRole("button", { name: "Import 2 ideas" }).click();
  await expect(admin.getByText(/1 row has problems and would not be imported/)).toBeVisible();
  await expect(admin.getByLabel("Or paste the rows here")).toHaveValue(csv);
  await admin.getByLabel(/leave out the 1 row with problems/).check();
  await admin.getByRole("button", { name: "Import 2 ideas" }).click();
  await expect(admin.getByText(/Imported 2 ideas \(#\d+ to #\d+\)/)).toBeVisible();
  await admin.getByRole("link", { name: "See the ideas" }).click();
  await admin.getByRole("link", { name: /Skate ramps by the river/ }).click();
  await expect(admin.getByText("Collected at a neighbourhood assembly · Youth assembly at Eastgate library")).toBeVisible();
  await admin.context().close();
});

test("a resident follows and discusses an idea; the PB office hides an abusive comment with a reason", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas?cycle=youth-2027");
  await resident.getByRole("link", { name: "What happened to every idea" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: "What happened to every idea" })).toBeVisible();
  await resident.getByRole("table").getByRole("link").first().click();
  await expect(resident).toHaveURL(/\/ideas\/(?!outcomes)[^/?]+$/);
  const ideaUrl = resident.url();

  await resident.getByRole("button", { name: "Follow" }).click();
  await expect(resident.getByText("You will get an e-mail when this moves forward.")).toBeVisible();
  await expect(resident.getByRole("button", { name: /Following/ })).toBeVisible();

  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText("Write your comment before posting it.")).toBeVisible();
  // Refused: focus is back in the box, where the reason is read with it (not lost at the top of the page).
  await expect(resident.getByLabel("Add a comment")).toBeFocused();
  await resident.getByLabel("Add a comment").fill("Rude words about my neighbours");
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText("Rude words about my neighbours")).toBeVisible();
  // Saved: the box is empty again and the earlier refusal is gone (no invitation to post it twice), and it is said.
  await expect(resident.getByLabel("Add a comment")).toHaveValue("");
  await expect(resident.getByText("Write your comment before posting it.")).toHaveCount(0);
  await expect(resident.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();

  const admin = await signIn(browser, "admin");
  await admin.goto(ideaUrl);
  const comment = admin.locator(".comment", { hasText: "Rude words about my neighbours" });
  await comment.getByText("Hide this comment").click();
  await comment.getByLabel("Reason (shown to the author)").fill("Personal attacks are not allowed");
  await comment.getByRole("button", { name: "Hide comment" }).click();
  await expect(admin.getByText("Reason given: Personal attacks are not allowed")).toBeVisible();

  await resident.reload();
  await expect(resident.getByText("Reason given: Personal attacks are not allowed")).toBeVisible();
  await shot(resident, "idea-comments-follow");
  const visitor = await browser.newPage();
  await visitor.goto(ideaUrl);
  await expect(visitor.getByText("The moderators hid this comment.")).toBeVisible();
  await expect(visitor.getByText("Rude words about my neighbours")).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: /Sign in to follow/ })).toBeVisible();
  // Hidden by mistake? The PB office shows it again, and everyone reads it once more.
  await admin.reload();
  await admin.locator(".comment", { hasText: "Rude words about my neighbours" }).getByRole("button", { name: "Show this comment again (hidden by mistake)" }).click();
  await expect(admin.locator(".comment", { hasText: "Rude words about my neighbours" }).getByText("Reason given:")).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByText("Rude words about my neighbours")).toBeVisible();
  await Promise.all([resident.context().close(), admin.context().close(), visitor.close()]);
});

test("a project's follower gets an e-mail when staff post an update, visible in the outbox", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/projects");
  // The title from the link, and the project page awaited by its heading (reading the heading as soon as the
  // address changed could still read the list's "Projects being built").
  const link = resident.locator("main .item-title a").first();
  const title = (await link.textContent())!.trim();
  await link.click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(resident).toHaveURL(/\/projects\/[^/?]+$/);
  const projectUrl = resident.url();
  await resident.getByRole("button", { name: "Follow" }).click();
  await expect(resident.getByRole("button", { name: /Following/ })).toBeVisible();

  const admin = await signIn(browser, "admin");
  await admin.goto(projectUrl);
  await admin.getByLabel("What happened").fill("Contractor chosen; work starts next month.");
  await admin.getByRole("button", { name: "Post update" }).click();
  await expect(admin.getByText("Contractor chosen; work starts next month.").first()).toBeVisible();
  // The mail goes out just after the answer, so the outbox may need a reload or two to show it.
  await expect(async () => {
    await admin.goto("/dev/outbox");
    await expect(admin.getByRole("heading", { name: `News about “${title}”`, exact: false }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(admin.getByText("Contractor chosen; work starts next month.").first()).toBeVisible();
  await shot(admin, "outbox");

  // Residents cannot read other people's mail.
  await resident.goto("/dev/outbox");
  await expect(resident.getByRole("heading", { name: "You cannot do this" })).toBeVisible();
  await Promise.all([resident.context().close(), admin.context().close()]);
});

test("a Spanish speaker switches language once and it stays chosen", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Propuestas" })).toBeVisible();
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Ideas" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("link", { name: "Qué pasó con cada idea" })).toBeVisible();
  await shot(page, "ideas-es");
});

test("a resident without a code votes with their account after declaring they are eligible, once", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/vote");
  const section = resident.getByRole("region", { name: /Vote with your account: Riverside PB 2026/ });
  await section.getByRole("button", { name: "Go to my ballot" }).click();
  await expect(section.getByText("Tick the box to confirm you meet the residency rule.")).toBeVisible();
  await section.getByLabel("Your district").selectOption({ label: "Old Town" });
  await section.getByLabel("I am 14 or older").check();
  await section.getByLabel(/I confirm: I live, work or study/).check();
  await section.getByLabel(/I have not voted in this cycle/).check();
  await section.getByRole("button", { name: "Go to my ballot" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: /Old Town/ })).toBeVisible();
  // No code to type again if the session ends: told how they get back instead.
  await expect(resident.getByText(/If that happens, sign in and declare again at “Vote”: your choices are kept\./)).toBeVisible();
  await expect(resident.getByText(/enter your code again/)).toHaveCount(0);
  await resident.locator("input[name=project]").first().check();
  await resident.getByRole("button", { name: "Review my ballot" }).click();
  await resident.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(resident.getByText(/tracker/i).first()).toBeVisible();

  // Back on /vote: told they voted, with no declaration to fill in again.
  await resident.goto("/vote");
  const again = resident.getByRole("region", { name: /Vote with your account: Riverside PB 2026/ });
  await expect(again.getByRole("status")).toHaveText(/^You have already voted in this cycle with your account, in Old Town\./);
  await expect(again.getByRole("button", { name: "Go to my ballot" })).toHaveCount(0);

  // A letter code for the same cycle, typed on the same page while still signed in: not a second ballot.
  const [letter] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and p.id is null and v.voidedAt is null and v.userId is null order by v.code desc limit 1`,
  );
  await resident.getByLabel("Voter code").fill(letter.code);
  await resident.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(resident.getByText(/^You already voted in this cycle with your account \(Rosa Resident\)\. Each person votes once\./)).toBeVisible();
  await expect(resident.getByLabel("Voter code")).toHaveValue(letter.code);
  await shot(resident, "vote-code-after-account-vote");
  await resident.context().close();
});

test("the PB office checks two voters in on paper, then enters their ballots from the box, with no code; the codes cannot vote online", async ({ browser }) => {
  // Two unused codes of one district of the voting cycle.
  const unused = "from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id where c.slug = '2026' and p.id is null and v.voidedAt is null and v.userId is null";
  const voters = query<{ code: string; district: string }>(
    `select v.code, d.name as district ${unused.replace("from VoterCode v", "from VoterCode v join District d on d.id = v.districtId")} and v.districtId = (select v.districtId ${unused} limit 1) limit 2`,
  );
  expect(voters).toHaveLength(2);
  const district = voters[0].district;
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/2026");
  await admin.getByRole("link", { name: "Enter paper ballots from polling sites" }).click();
  const checkIn = admin.getByRole("region", { name: "1. Check in voters" });
  for (const { code } of voters) {
    await checkIn.getByLabel("Polling site").fill("Eastgate Library");
    await checkIn.getByLabel("Voter code on the letter").fill(code);
    await checkIn.getByRole("button", { name: "Check in" }).click();
    await expect(checkIn.getByText(`Checked in: the voter may now fill in a paper ballot and put it in the box. Give them the ${district} ballot.`)).toBeVisible();
    await expect(checkIn.getByLabel("Voter code on the letter")).toHaveValue("");
  }
  // A code used already is refused; a reload then does not say "Checked in" again (it was said once).
  await checkIn.getByLabel("Voter code on the letter").fill(voters[0].code);
  await checkIn.getByRole("button", { name: "Check in" }).click();
  await expect(checkIn.getByText(/already been used/)).toBeVisible();
  // A letter from another vote is named as such, not "unknown" nor that vote's own state.
  const [other] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id where c.slug = 'schools-2026' and p.id is null order by v.code limit 1`,
  );
  await checkIn.getByLabel("Voter code on the letter").fill(other.code);
  await checkIn.getByRole("button", { name: "Check in" }).click();
  await expect(checkIn.getByText("This voter code is for “Riverside Schools Vote 2026”, not for “Riverside PB 2026–27”. Ask the voter for the letter for this vote.")).toBeVisible();
  await expect(checkIn.getByLabel("Voter code on the letter")).toHaveValue(other.code);
  await admin.reload();
  await expect(checkIn.getByRole("button", { name: "Check in" })).toBeVisible();
  await expect(checkIn.getByText(/^Checked in:/)).toHaveCount(0);
  const boxes = admin.getByRole("table", { name: "Boxes by site and district" });
  const row = boxes.getByRole("row", { name: new RegExp(`^Eastgate Library · ${district}`) });
  // Checked in, ballots entered, spoiled, still to enter.
  await expect(row.getByRole("cell")).toHaveText(["2", "0", "0", "2"]);

  // Later, from the box: the site and district, then each ballot, with no code and no tracker.
  const box = admin.getByRole("region", { name: "2. Enter ballots from the box" });
  await expect(box.getByLabel("Site of the box")).toHaveValue("Eastgate Library");
  await box.getByLabel("District of the ballot").selectOption({ label: district });
  await box.getByRole("button", { name: "Show this district's ballot" }).click();
  // Two voters in this box: whoever enters their ballots may tell whose they are, and is told so first.
  await expect(box.getByText(/^Only 2 voters were checked in here for this district: whoever enters this box's ballots may tell whose they are\./)).toBeVisible();
  await shot(admin, "paper-box-few-voters");
  for (let i = 0; i < 2; i++) {
    await box.locator("input[name=project]").first().check();
    await box.getByRole("button", { name: "Record this ballot" }).click();
    await expect(box.getByText("Ballot from the box recorded. Enter the next one.")).toBeVisible();
    await expect(box.locator("input[name=project]").first()).not.toBeChecked();
    expect(new URL(admin.url()).search).not.toMatch(/tracker|recorded|code/i);
  }
  await expect(row.getByRole("cell")).toHaveText(["2", "2", "0", "0"]);
  // A third ballot has no voter behind it: refused, the choice kept.
  await box.locator("input[name=project]").first().check();
  await box.getByRole("button", { name: "Record this ballot" }).click();
  await expect(box.getByRole("alert")).toContainText(`No more ${district} ballots can come from the box at Eastgate Library`);
  await expect(box.locator("input[name=project]").first()).toBeChecked();
  await admin.setViewportSize({ width: 390, height: 844 });
  await shot(admin, "paper-ballot-entry");
  // Nor does a reload after that refusal say the last ballot was recorded.
  await admin.reload();
  await expect(box.locator("input[name=project]").first()).toBeVisible();
  await expect(box.getByText("Ballot from the box recorded. Enter the next one.")).toHaveCount(0);
  await admin.goto("/admin/cycles/2026");
  await expect(admin.getByRole("table", { name: "Voters by district and channel" })).toContainText("Paper at a polling site");

  const voter = await browser.newPage();
  await voter.goto("/vote");
  await voter.getByLabel("Voter code").fill(voters[1].code);
  await voter.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(voter.getByText(/already been used/)).toBeVisible();
  await Promise.all([admin.context().close(), voter.close()]);
});

test("on an approval ballot from the box, the clerk sees how many projects are ticked and when that is too many", async ({ browser }) => {
  const [{ code }] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = 'libraries-2026' and p.id is null and v.voidedAt is null and v.userId is null order by v.code desc limit 1`,
  );
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/libraries-2026/paper");
  const checkIn = admin.getByRole("region", { name: "1. Check in voters" });
  await checkIn.getByLabel("Polling site").fill("Central Library");
  await checkIn.getByLabel("Voter code on the letter").fill(code);
  await checkIn.getByRole("button", { name: "Check in" }).click();
  await expect(checkIn.getByText(/^Checked in:/)).toBeVisible();

  const box = admin.getByRole("region", { name: "2. Enter ballots from the box" });
  await box.getByLabel("District of the ballot").selectOption({ label: "All libraries" });
  await box.getByRole("button", { name: "Show this district's ballot" }).click();
  const ticked = box.getByTestId("ticked-total");
  const projects = box.locator("input[name=project]");
  await expect(ticked).toHaveText("Ticked on this ballot: 0 projects (the ballot allows 1 to 2)");
  for (const i of [0, 1, 2]) await projects.nth(i).check();
  await expect(ticked).toHaveText("Ticked on this ballot: 3 projects (the ballot allows 1 to 2) — more than 2: check the ticks against the paper");
  // The clerk sees the slip: one tick was read wrong. Unticked, the ballot is recorded.
  await projects.nth(2).uncheck();
  await expect(ticked).toHaveText("Ticked on this ballot: 2 projects (the ballot allows 1 to 2)");
  await box.getByRole("button", { name: "Record this ballot" }).click();
  await expect(box.getByText("Ballot from the box recorded. Enter the next one.")).toBeVisible();
  await admin.context().close();
});

test("a paper ballot from the box the rules refuse is recorded as spoiled, never counted, and the published results and report say so", async ({ browser }) => {
  // A cycle of its own, so it can be counted and published without closing the seeded voting cycles.
  const cycle: CycleSpec = {
    name: "Millbrook PB 2029",
    slug: "millbrook-2029",
    ballot: "knapsack",
    rule: "Method of Equal Shares (proportional)",
    districts: [
      { name: "Millbrook North", budget: 50_000, proposals: [{ title: "Reading garden at the library", cost: 30_000 }, { title: "Lights for the skate park", cost: 40_000 }] },
      { name: "Millbrook South", budget: 20_000, proposals: [{ title: "Picnic tables by the pond", cost: 15_000 }] },
    ],
  };
  const { admin, codes, allCodes } = await cycleOpenForVoting(browser, cycle, 2);
  await admin.getByRole("link", { name: "Enter paper ballots from polling sites" }).click();

  // Check-in: North's voter and South's two.
  const checkIn = admin.getByRole("region", { name: "1. Check in voters" });
  for (const code of [codes.get("Millbrook North")!, ...allCodes.get("Millbrook South")!]) {
    await checkIn.getByLabel("Polling site").fill("Millbrook Library");
    await checkIn.getByLabel("Voter code on the letter").fill(code);
    await checkIn.getByRole("button", { name: "Check in" }).click();
    await expect(checkIn.getByText(/^Checked in: the voter may now fill in a paper ballot/)).toBeVisible();
    // The form starts again empty once the check-in is recorded.
    await expect(checkIn.getByLabel("Voter code on the letter")).toHaveValue("");
  }

  // Their ballots are in the box, not entered: the vote cannot close yet, and the PB office is told which boxes.
  await admin.goto(`/admin/cycles/${cycle.slug}`);
  const refusal = admin.getByTestId("advance-blockers");
  await expect(admin.getByRole("button", { name: "Close voting" })).toHaveCount(0);
  await expect(refusal).toContainText("The box at Millbrook Library still holds 1 Millbrook North ballot");
  await expect(refusal).toContainText("The box at Millbrook Library still holds 2 Millbrook South ballots");
  await expect(admin.getByText(/^Phase: Voting/)).toBeVisible();
  await shot(admin, "close-voting-refused-boxes");
  await admin.getByRole("link", { name: "Go to the paper ballots page" }).click();

  // From the box: North's voter ticked both projects: $70,000 of $50,000. Refused, and offered as spoiled with the choices kept.
  const box = admin.getByRole("region", { name: "2. Enter ballots from the box" });
  await box.getByLabel("Site of the box").fill("millbrook  library");
  await box.getByLabel("District of the ballot").selectOption({ label: "Millbrook North" });
  await box.getByRole("button", { name: "Show this district's ballot" }).click();
  // The ticks are added up as the clerk makes them, so a slip shows before the ballot is sent.
  const ticked = box.getByTestId("ticked-total");
  await box.getByLabel(/Reading garden at the library/).check();
  await expect(ticked).toHaveText("Ticked on this ballot: $30,000 of $50,000 — $20,000 left");
  await box.getByLabel(/Lights for the skate park/).check();
  await expect(ticked).toHaveText("Ticked on this ballot: $70,000 of $50,000 — $20,000 over budget");
  await shot(admin, "paper-ballot-ticked-total");
  await box.getByRole("button", { name: "Record this ballot" }).click();
  await expect(box.getByRole("alert")).toContainText("over the district budget of $50,000");
  // Refused and shown again: the total follows the ticks that were kept.
  await expect(ticked).toHaveText("Ticked on this ballot: $70,000 of $50,000 — $20,000 over budget");
  await expect(box.getByLabel(/Reading garden at the library/)).toBeChecked();
  const offer = box.getByRole("group", { name: "Record it as spoiled instead" });
  await expect(offer.getByLabel("Why it cannot be counted")).toHaveValue("over-budget");
  await shot(admin, "paper-ballot-refused-offer-spoiled");
  await offer.getByRole("button", { name: "Record this ballot as spoiled" }).click();
  await expect(box.getByText("Spoiled paper ballot recorded. It will not be counted.")).toBeVisible();

  // South's first paper ballot is counted as usual.
  await box.getByLabel("District of the ballot").selectOption({ label: "Millbrook South" });
  await box.getByRole("button", { name: "Show this district's ballot" }).click();
  await expect(ticked).toHaveText("Ticked on this ballot: $0 of $20,000 — $20,000 left");
  await box.getByLabel(/Picnic tables by the pond/).check();
  await box.getByRole("button", { name: "Record this ballot" }).click();
  await expect(box.getByText("Ballot from the box recorded. Enter the next one.")).toBeVisible();
  // The next ballot starts with nothing ticked.
  await expect(ticked).toHaveText("Ticked on this ballot: $0 of $20,000 — $20,000 left");

  // South's second is marked with a drawing: "Other" needs a note, and the choices stay.
  const spoiled = admin.getByRole("form", { name: "Record a spoiled ballot from the box" });
  await expect(spoiled.getByLabel("Site it came from")).toHaveValue("Millbrook Library");
  await expect(spoiled.getByLabel("Voter code", { exact: false })).toHaveCount(0);
  await spoiled.getByLabel("District").selectOption({ label: "Millbrook South" });
  await spoiled.getByLabel("Why it cannot be counted").selectOption({ label: "Other" });
  await spoiled.getByRole("button", { name: "Record as spoiled" }).click();
  await expect(spoiled.getByText("Say in the note why the ballot cannot be counted.")).toBeVisible();
  await expect(spoiled.getByLabel("District")).toHaveValue(/.+/);
  await expect(spoiled.getByLabel("Why it cannot be counted")).toHaveValue("other");
  await spoiled.getByLabel("Note").fill("A drawing of a bridge instead of ticks");
  await spoiled.getByRole("button", { name: "Record as spoiled" }).click();
  await expect(admin.getByText("Spoiled paper ballot recorded. It will not be counted.")).toBeVisible();
  // South's box is empty now: one more is refused by the district.
  await spoiled.getByLabel("District").selectOption({ label: "Millbrook South" });
  await spoiled.getByLabel("Why it cannot be counted").selectOption({ label: "Blank" });
  await spoiled.getByRole("button", { name: "Record as spoiled" }).click();
  await expect(spoiled.getByText(/^No more Millbrook South ballots can come from the box at Millbrook Library/)).toBeVisible();

  const table = admin.getByRole("table", { name: "Spoiled so far, by district and reason" });
  // Over the budget, too many or too few, unreadable, blank, other; total.
  await expect(table.getByRole("row", { name: /^Millbrook North/ }).getByRole("cell")).toHaveText(["1", "0", "0", "0", "0", "1"]);
  await expect(table.getByRole("row", { name: /^Millbrook South/ }).getByRole("cell")).toHaveText(["0", "0", "0", "0", "1", "1"]);
  // Each box balances: checked in, ballots entered, spoiled, still to enter.
  const boxes = admin.getByRole("table", { name: "Boxes by site and district" });
  await expect(boxes.getByRole("row", { name: /^Millbrook Library · Millbrook North/ }).getByRole("cell")).toHaveText(["1", "0", "1", "0"]);
  await expect(boxes.getByRole("row", { name: /^Millbrook Library · Millbrook South/ }).getByRole("cell")).toHaveText(["2", "1", "1", "0"]);
  await shot(admin, "paper-ballot-spoiled");

  // Counted (one ballot: South's), checked hidden, then published.
  await admin.goto(`/admin/cycles/${cycle.slug}`);
  await countAndPublish(browser, admin, cycle, 1);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/results?cycle=${cycle.slug}`);
  const north = page.getByRole("region", { name: "Millbrook North", exact: true });
  const south = page.getByRole("region", { name: "Millbrook South", exact: true });
  await expect(north).toContainText("0 ballots · budget $50,000");
  await expect(north).toContainText("1 paper ballot was spoiled and not counted.");
  await expect(south).toContainText("1 ballot · budget $20,000");
  await expect(south).toContainText("1 paper ballot was spoiled and not counted.");
  await expect(south.getByRole("listitem")).toHaveText([/Picnic tables by the pond — 1 vote/]);
  const json = await (await page.request.get(`/results/export.json?cycle=${cycle.slug}`)).json();
  expect(json.districts.map((d: { district: string; ballots: number; spoiledPaperBallots: number }) => [d.district, d.ballots, d.spoiledPaperBallots])).toEqual([
    ["Millbrook North", 0, 1],
    ["Millbrook South", 1, 1],
  ]);
  // The council's spreadsheet says it too, on every project row of the district.
  const csv = await (await page.request.get(`/results/export.csv?cycle=${cycle.slug}`)).text();
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(new Set(rows.map((r) => `${r.district}: ${r.ballots} counted, ${r.spoiled_paper_ballots} spoiled`))).toEqual(
    new Set(["Millbrook North: 0 counted, 1 spoiled", "Millbrook South: 1 counted, 1 spoiled"]),
  );
  await page.getByRole("link", { name: "printable council report" }).click();
  for (const [district, counted] of [["Millbrook North", "0 ballots"], ["Millbrook South", "1 ballot"]]) {
    const report = page.getByRole("region", { name: `${cycle.name}: ${district}` });
    await expect(report).toContainText(`${counted} counted with the rule`);
    await expect(report).toContainText("1 paper ballot was spoiled and not counted.");
  }
  await page.context().close();
});

test("a resident is shown similar ideas before adding a duplicate, and can still submit theirs", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas/new?cycle=youth-2027");
  await resident.getByLabel("Title").fill("Indoor space for teens on Friday nights");
  await resident.getByLabel("Description").fill("Somewhere warm and safe for teenagers to meet on Friday nights, with music.");
  await resident.getByLabel("District").selectOption({ label: "Citywide" });
  await resident.getByLabel("Category").selectOption({ label: "Culture & community" });
  await resident.getByRole("button", { name: "Submit idea" }).click();
  await expect(resident.getByRole("heading", { name: "Is your idea already here?" })).toBeVisible();
  await expect(resident.getByRole("link", { name: /A free indoor space for teens on Friday nights/ })).toBeVisible();
  await expect(resident.getByLabel("Title")).toHaveValue("Indoor space for teens on Friday nights");
  await shot(resident, "similar-ideas");
  await resident.getByRole("button", { name: "My idea is different: submit it" }).click();
  await expect(resident).toHaveURL(/\/ideas\/[^/]+\?submitted=1/);
  await resident.context().close();
});

test("once voters answered the survey, the PB office cannot rename a category they chose (the figures would split), and is told why", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/participation?cycle=2025");
  const setup = admin.getByRole("region", { name: "Race and ethnicity categories for the survey" });
  const categories = setup.getByLabel("Categories, one a line");
  const typed = (await categories.inputValue()).replace("Hispanic or Latino", "Latino or Hispanic");
  await categories.fill(typed);
  await setup.getByRole("button", { name: "Save categories" }).click();
  await expect(setup.getByText(/^Voters have already answered with “Hispanic or Latino”: keep it as written/)).toBeVisible();
  await expect(categories).toHaveValue(typed);
  await admin.goto("/participation?cycle=2025");
  await expect(admin.getByRole("region", { name: "Race and ethnicity categories for the survey" }).getByLabel("Categories, one a line")).toHaveValue(/Hispanic or Latino/);
  await admin.context().close();
});
