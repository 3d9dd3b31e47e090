import { expect, test } from "@playwright/test";
import { confirmAddress, query, shot, signIn, signUp, unusedEastgateCode } from "./helpers";

// The PB office translates its own texts (a cycle, its categories); a Spanish voter reads them on the home page and the ballot.

test("a Spanish voter reads the cycle and the categories in Spanish on the home page and the ballot", async ({ browser }) => {
  const home = await (await browser.newContext()).newPage();
  await home.goto("/?lng=es");
  const card = home.getByRole("region", { name: "Votación de las bibliotecas de Riverside 2026" });
  await expect(card.getByText("Elija uno o dos proyectos para las bibliotecas públicas de Riverside.")).toBeVisible();
  // Not translated in the demo: shown as written.
  await expect(home.getByRole("region", { name: "Riverside Youth Budget 2027" })).toBeVisible();

  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = 'libraries-2026' and p.id is null and v.voidedAt is null order by v.code limit 1 offset 5`,
  );
  await home.goto("/vote");
  await expect(home.getByText(/Votación de las bibliotecas de Riverside 2026/)).toBeVisible();
  await home.getByLabel("Código de votación").fill(code.code);
  await home.getByRole("button", { name: "Continuar a mi boleta" }).click();
  await expect(home).toHaveURL(/\/vote\/ballot/);
  await expect(home.getByText(/^Votación de las bibliotecas de Riverside 2026\./)).toBeVisible();
  await expect(home.getByText(/^Cultura y comunidad\./)).toBeVisible();
  await expect(home.getByText(/Culture & community/)).toHaveCount(0);
  await home.goto("/vote/ballot?lng=en");
  await expect(home.getByText(/^Culture & community\./)).toBeVisible();
  await home.context().close();
});

test("the PB office translates a cycle from its admin page; agency staff may not", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027");
  const section = admin.getByRole("region", { name: "Translations" });
  await expect(section.getByRole("listitem").filter({ hasText: "Schools & youth" })).toContainText("translated into Español");
  await expect(section.getByRole("listitem").filter({ hasText: "The cycle's name and description" })).toContainText("not translated yet");
  await section.getByRole("link", { name: "The cycle's name and description" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Translate the cycle “Riverside Youth Budget 2027”" })).toBeVisible();
  await admin.getByLabel("Name in that language").fill("Presupuesto juvenil de Riverside 2027");
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText("Translate the description too")).toBeVisible();
  await admin.getByLabel("Description in that language").fill("Jóvenes de 12 a 24 años deciden sobre $100,000 para proyectos en toda la ciudad. ¡Comparta su idea!");
  // The page reloaded before saving (a lost connection, a restart): the translation typed is still there.
  const kept = admin.getByRole("status").filter({ hasText: "What you typed here earlier and did not send is back in the form." });
  await admin.reload();
  await expect(kept).toBeVisible();
  await expect(admin.getByLabel("Description in that language")).toHaveValue(/deciden sobre \$100,000/);
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText("Translation saved.")).toBeVisible();
  // Saved, it is no longer kept as unsent.
  await admin.reload();
  await expect(admin.getByText("Translation saved.")).toBeVisible();
  await expect(kept).toHaveCount(0);
  await admin.getByRole("link", { name: "Back to the page" }).click();
  await expect(admin.getByRole("region", { name: "Translations" }).getByRole("listitem").first()).toContainText("translated into Español");

  // A category asks for its name only.
  await admin.getByRole("region", { name: "Translations" }).getByRole("link", { name: "Streets & safety" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Translate the category “Streets & safety”" })).toBeVisible();
  await expect(admin.getByLabel("Description in that language")).toHaveCount(0);
  const categoryUrl = admin.url();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/?lng=es");
  await expect(reader.getByRole("region", { name: "Presupuesto juvenil de Riverside 2027" })).toBeVisible();

  const staff = await signIn(browser, "parks");
  await staff.goto(categoryUrl);
  await expect(staff.getByText("Only the PB office can translate its own texts")).toBeVisible();
  await Promise.all([admin.context().close(), reader.context().close(), staff.context().close()]);
});

test("a Spanish resident declaring they may vote reads the standard residency wording in Spanish", async ({ browser }) => {
  // A new account: the demo resident may already have voted with theirs.
  const resident = await (await browser.newContext()).newPage();
  const email = `rosa-${Date.now()}@example.org`;
  await signUp(resident, { name: "Rosa Residente", email, password: "una-clave-larga-2026" });
  // Not before the address is confirmed (one sign-up is not one more ballot): said, with a new link on offer.
  await resident.goto("/vote?lng=es");
  const section = resident.getByRole("region", { name: /Presupuesto participativo de Riverside 2026–27/ });
  await expect(section).toContainText(`abra el enlace que enviamos a ${email}`);
  await expect(section.getByRole("button", { name: "Enviar el enlace de nuevo" })).toBeVisible();
  await expect(section.getByRole("button", { name: "Ir a mi boleta" })).toHaveCount(0);
  await shot(resident, "vote-account-confirm-first-es");
  await resident.goto("/vote?lng=en");
  await confirmAddress(resident, email);
  await resident.goto("/vote?lng=es");
  await expect(section.getByLabel("Confirmo: Vivo, trabajo o estudio en el distrito que elegí")).toBeVisible();
  await expect(section.getByText(/I live, work or study/)).toHaveCount(0);
  await resident.goto("/vote?lng=en");
  await resident.context().close();
});

test("the PB office writes its own residency rule and translates it into Spanish", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027");
  const translations = admin.getByRole("region", { name: "Translations" });
  // The standard wording comes translated with the app: nothing to translate yet.
  await expect(translations.getByRole("link", { name: /residency rule/ })).toHaveCount(0);
  const ways = admin.getByRole("region", { name: "Ways to vote" });
  await ways.getByLabel("Who may vote (shown in the declaration)").fill("I am 12 to 24 and live or go to school in Riverside");
  await ways.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved who may vote with an account.")).toBeVisible();
  await expect(translations.getByRole("listitem").filter({ hasText: "residency rule" })).toContainText("not translated yet");
  await translations.getByRole("link", { name: /residency rule/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Translate the residency rule voters declare they meet" })).toBeVisible();
  await expect(admin.getByText("I am 12 to 24 and live or go to school in Riverside")).toBeVisible();
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText("Give the rule in that language.")).toBeVisible();
  await admin.getByLabel("The rule in that language").fill("Tengo de 12 a 24 años y vivo o estudio en Riverside");
  await admin.getByRole("button", { name: "Save translation" }).click();
  await expect(admin.getByText("Translation saved.")).toBeVisible();
  await admin.getByRole("link", { name: "Back to the page" }).click();
  await expect(translations.getByRole("listitem").filter({ hasText: "residency rule" })).toContainText("translated into Español");
  await translations.scrollIntoViewIfNeeded();
  await shot(admin, "office-residency-translation");
  await admin.context().close();
});

test("the PB office gives the survey's categories in Spanish; a Spanish voter answers in Spanish and the answer counts under the category", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/participation?cycle=2026");
  const setup = admin.getByRole("region", { name: "Race and ethnicity categories for the survey" });
  const spanish = setup.getByLabel("The same categories in Spanish, one a line, in the same order");
  await expect(spanish).toHaveValue(/^Asiático\nNegro o afroamericano\nHispano o latino/);
  // One line short: refused next to the field, both lists kept as typed.
  const short = "Asiático\nNegro o afroamericano\nHispano o latino";
  await spanish.fill(short);
  await setup.getByRole("button", { name: "Save categories" }).click();
  await expect(setup.getByText("Give 7 Spanish names, one a line, in the same order as the categories (3 given).")).toBeVisible();
  await expect(spanish).toHaveValue(short);
  await expect(setup.getByLabel("Categories, one a line")).toHaveValue(/^Asian\nBlack or African American/);
  await shot(admin, "survey-categories-spanish-refused");
  await admin.context().close();

  const [code] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2026' and p.id is null and v.voidedAt is null and v.userId is null order by v.code limit 1 offset 6`,
  );
  const voter = await (await browser.newContext()).newPage();
  await voter.goto("/vote?lng=es");
  await voter.getByLabel("Código de votación").fill(code.code);
  await voter.getByRole("button", { name: "Continuar a mi boleta" }).click();
  await voter.getByRole("checkbox").first().check();
  await voter.getByRole("button", { name: "Revisar mi boleta" }).click();
  await voter.getByRole("button", { name: "Confirmar y emitir mi voto" }).click();
  const origin = voter.getByRole("group", { name: /Su raza u origen étnico/ });
  await expect(origin.getByLabel("Hispano o latino")).toBeVisible();
  await expect(origin.getByText("Hispanic or Latino")).toHaveCount(0);
  // What is sent is the category as the PB office wrote it, so it counts with the English answers.
  await expect(origin.getByLabel("Hispano o latino")).toHaveAttribute("value", "Hispanic or Latino");
  await origin.getByLabel("Hispano o latino").check();
  await shot(voter, "survey-spanish-categories");
  await voter.getByRole("button", { name: "Enviar mis respuestas" }).click();
  await expect(voter.getByRole("heading", { name: "Gracias por sus respuestas" })).toBeVisible();
  await voter.context().close();
});

test("a screen reader reads each text in its own language: what nobody translated is marked with the language it was written in", async ({ browser }) => {
  // A Spanish voter's ballot: the translated proposal is in the page's language; the others are marked English.
  const voter = await (await browser.newContext()).newPage();
  await voter.goto("/vote?lng=es");
  await voter.getByLabel("Código de votación").fill(unusedEastgateCode(10));
  await voter.getByRole("button", { name: "Continuar a mi boleta" }).click();
  const translated = voter.locator("label").filter({ hasText: "Rincón bilingüe de cuentos en la biblioteca" });
  await expect(translated).toBeVisible();
  await expect(translated.locator("[lang]")).toHaveCount(0);
  const asWritten = voter.locator("label").filter({ hasNotText: "Rincón bilingüe" });
  expect(await asWritten.count()).toBeGreaterThan(1);
  for (const label of await asWritten.all()) await expect(label.locator('span[lang="en"]')).toHaveCount(1);
  // The results in Spanish: the same rule.
  await voter.goto("/results?cycle=2025&lng=es");
  await expect(voter.getByRole("cell", { name: /Huerto comunitario en el solar de Harbor Street/ }).locator("[lang]")).toHaveCount(0);
  await expect(voter.getByRole("cell", { name: /Music room for Eastgate Middle School/ }).locator('span[lang="en"]')).toHaveCount(1);
  await voter.context().close();

  // The PB office's own names follow the same rule: translated, in the page's language; as written, marked English.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/?lng=es");
  await expect(reader.getByRole("heading", { level: 2, name: "Votación de las bibliotecas de Riverside 2026" }).locator("[lang]")).toHaveCount(0);
  await expect(reader.getByRole("heading", { level: 2, name: "Riverside Parks Refresh 2027" }).locator('span[lang="en"]')).toHaveCount(1);
  await reader.goto("/proposals?cycle=parks-2027&lng=es");
  await expect(reader.getByRole("heading", { level: 1 }).locator('span[lang="en"]')).toHaveText("Riverside Parks Refresh 2027");
  await expect(reader.getByLabel("Distrito").locator('option[lang="en"]')).toHaveText("Citywide");
  await expect(reader.locator(".item .meta").first().locator('span[lang="en"]').first()).toHaveText("Citywide");
  await shot(reader, "office-names-marked-as-written");
  await reader.context().close();

  // A resident writes an idea on the Spanish page: on the English page its words are marked Spanish.
  const resident = await signIn(browser, "resident");
  await resident.goto("/ideas/new?cycle=youth-2027&lng=es");
  await resident.getByLabel("Título").fill("Bebederos junto a la pista de patinaje");
  await resident.getByLabel("Descripción").fill("En verano no hay dónde llenar una botella cerca de la pista; la fuente más cercana está en la biblioteca.");
  await resident.getByLabel("Distrito").selectOption({ index: 1 });
  await resident.getByLabel("Categoría").selectOption({ index: 1 });
  await resident.getByRole("button", { name: "Enviar idea" }).click();
  const anyway = resident.getByRole("button", { name: /Mi idea es distinta/ });
  const heading = resident.getByRole("heading", { level: 1, name: /Bebederos junto a la pista de patinaje/ });
  await expect(heading.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(heading).toBeVisible();
  await expect(heading.locator("[lang]")).toHaveCount(0);
  await resident.goto(`${new URL(resident.url()).pathname}?lng=en`);
  await expect(heading.locator('span[lang="es"]')).toHaveText("Bebederos junto a la pista de patinaje");
  await expect(resident.locator('p.prose[lang="es"]')).toContainText("no hay dónde llenar una botella");
  await shot(resident, "idea-written-in-spanish-read-in-english");
  await resident.goto("/ideas?cycle=youth-2027&lng=en");
  await expect(resident.getByRole("link", { name: /Bebederos junto a la pista/ }).locator('span[lang="es"]')).toHaveCount(1);
  await resident.context().close();
});

test("the council report in Spanish uses the PB office's translations, as the results page does; the recount line names the rule as the CLI does", async ({ page }) => {
  await page.goto("/results/report?cycle=2025&lng=es");
  await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(/^Presupuesto participativo de Riverside 2025–26: /);
  await expect(page.getByRole("cell", { name: /Huerto comunitario en el solar de Harbor Street/ })).toBeVisible();
  await page.goto("/results?cycle=2025&lng=es");
  await expect(page.getByText(/Para un recuento: regla mes-add1, conteo 1/).first()).toBeVisible();
  await shot(page, "results-es-recount-line");
});
